package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * dataset-bom lists exactly the artifacts this reactor publishes (every jar and plugin module whose
 * deployment is not skipped), each at the reactor's version, so a new module cannot be left out of
 * it.
 */
class BomTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final XPath X = XPathFactory.newInstance().newXPath();

  private static Document pom(Path dir) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(dir.resolve("pom.xml").toFile());
  }

  private static String text(Document doc, String path) throws Exception {
    return X.evaluate(path(path), doc).strip();
  }

  /** {@code /project/version} without caring for the POM namespace. */
  private static String path(String simple) {
    StringBuilder sb = new StringBuilder();
    for (String step : simple.substring(1).split("/")) {
      sb.append("/*[local-name()='").append(step).append("']");
    }
    return sb.toString();
  }

  /** Published (jar or plugin, not deploy-skipped here or in an aggregator above) artifactIds. */
  private static void published(Path dir, boolean skippedAbove, List<String> out) throws Exception {
    Document doc = pom(dir);
    boolean skipped =
        skippedAbove || "true".equals(text(doc, "/project/properties/maven.deploy.skip"));
    String packaging = text(doc, "/project/packaging");
    if (!skipped
        && (packaging.isEmpty() || packaging.equals("jar") || packaging.equals("maven-plugin"))) {
      out.add(text(doc, "/project/artifactId"));
    }
    NodeList modules =
        (NodeList) X.evaluate(path("/project/modules/module"), doc, XPathConstants.NODESET);
    for (int i = 0; i < modules.getLength(); i++) {
      Path child = dir.resolve(modules.item(i).getTextContent().strip());
      if (Files.isRegularFile(child.resolve("pom.xml"))) {
        published(child, skipped, out);
      }
    }
  }

  @Test
  void bom_listsEveryPublishedArtifactAtTheReactorVersion() throws Exception {
    List<String> modules = new ArrayList<>();
    published(ROOT, false, modules);
    Document bom = pom(ROOT.resolve("dataset-bom"));
    NodeList deps =
        (NodeList)
            X.evaluate(
                path("/project/dependencyManagement/dependencies/dependency"),
                bom,
                XPathConstants.NODESET);
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      org.w3c.dom.Element d = (org.w3c.dom.Element) deps.item(i);
      assertEquals("dev.datajar", d.getElementsByTagName("groupId").item(0).getTextContent());
      assertEquals(
          "${project.version}", d.getElementsByTagName("version").item(0).getTextContent());
      listed.add(d.getElementsByTagName("artifactId").item(0).getTextContent());
    }
    assertEquals(new TreeSet<>(modules), new TreeSet<>(listed), "dataset-bom/pom.xml");
    assertEquals(
        text(pom(ROOT), "/project/version"),
        text(bom, "/project/version"),
        "dataset-bom's version");
  }
}
