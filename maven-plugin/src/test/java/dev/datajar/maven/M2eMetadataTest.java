package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The plugin jar tells Eclipse how to run its goal, so importing a project shows no error. */
class M2eMetadataTest {
  @Test
  void lifecycleMapping_executesTheBuildGoal() throws Exception {
    Document doc;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/m2e/lifecycle-mapping-metadata.xml")) {
      assertNotNull(in, "META-INF/m2e/lifecycle-mapping-metadata.xml is not in the plugin jar");
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    XPath x = XPathFactory.newInstance().newXPath();
    String execution = "/lifecycleMappingMetadata/pluginExecutions/pluginExecution";
    assertEquals("1", x.evaluate("count(" + execution + ")", doc));
    assertEquals("build", x.evaluate(execution + "/pluginExecutionFilter/goals/goal", doc));
    assertEquals("1", x.evaluate("count(" + execution + "/action/execute)", doc));
    assertEquals("true", x.evaluate(execution + "/action/execute/runOnConfiguration", doc));
  }
}
