package dev.datajar.tools.cli;

import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a dataset jar by Maven coordinates for the command line, without Maven: first in a local
 * repository (by default {@code ~/.m2/repository}, or {@code -Dmaven.repo.local}), then in remote
 * repositories (by default Maven Central) over HTTPS. A downloaded jar goes to a temporary file,
 * never into the local repository.
 *
 * <p>{@code group:artifact} without a version means the latest release: the highest version that is
 * not a SNAPSHOT among the local repository's folders and the remote repositories' {@code
 * maven-metadata.xml}.
 */
final class Repositories {
  static final String CENTRAL = "https://repo.maven.apache.org/maven2";
  private static final Pattern COORDINATES =
      Pattern.compile("([\\w.\\-]+):([\\w.\\-]+)(?::([\\w.\\-+]+))?");
  private static final Pattern VERSION_TAG =
      Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

  private final Path local;
  private final List<String> remotes;
  private HttpClient http;

  Repositories(Path local, List<String> remotes) {
    this.local = local;
    this.remotes = remotes.isEmpty() ? List.of(CENTRAL) : List.copyOf(remotes);
  }

  static Path defaultLocal() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** True if {@code text} looks like {@code group:artifact[:version]} rather than a path. */
  static boolean isCoordinates(String text) {
    return COORDINATES.matcher(text).matches() && !Files.exists(Path.of(text));
  }

  /**
   * The jar of {@code coordinates}, and its coordinates with the version resolved.
   *
   * @throws ToolException if it is in none of the repositories
   */
  Resolved resolve(String coordinates) throws ToolException {
    Matcher m = COORDINATES.matcher(coordinates);
    if (!m.matches()) {
      throw new ToolException(
          "'"
              + coordinates
              + "' is neither a file nor Maven coordinates:"
              + " expected a path, or group:artifact[:version]");
    }
    String group = m.group(1);
    String artifact = m.group(2);
    String version = m.group(3) != null ? m.group(3) : latest(group, artifact);
    String relative =
        group.replace('.', '/')
            + "/"
            + artifact
            + "/"
            + version
            + "/"
            + artifact
            + "-"
            + version
            + ".jar";
    String label = group + ":" + artifact + ":" + version;
    Path inLocal = local.resolve(relative);
    if (Files.isRegularFile(inLocal)) {
      return new Resolved(inLocal, label, false);
    }
    for (String remote : remotes) {
      Optional<Path> downloaded = download(remote + "/" + relative);
      if (downloaded.isPresent()) {
        return new Resolved(downloaded.get(), label, true);
      }
    }
    throw new ToolException(
        label
            + " was not found: looked in "
            + local
            + " and "
            + String.join(", ", remotes)
            + ". Check the coordinates, install that version"
            + " (mvn install), or give the jar's path");
  }

  /** A resolved jar; {@code temporary} if it was downloaded and should be deleted after use. */
  record Resolved(Path jar, String label, boolean temporary) {}

  private String latest(String group, String artifact) throws ToolException {
    List<String> versions = new ArrayList<>();
    Path folder = local.resolve(group.replace('.', '/')).resolve(artifact);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> Files.isRegularFile(p.resolve(artifact + "-" + p.getFileName() + ".jar")))
            .forEach(p -> versions.add(p.getFileName().toString()));
      } catch (IOException e) {
        throw new ToolException(folder + " cannot be read: " + e.getMessage(), e);
      }
    }
    for (String remote : remotes) {
      String url = remote + "/" + group.replace('.', '/') + "/" + artifact + "/maven-metadata.xml";
      Optional<String> xml = fetchText(url);
      xml.ifPresent(
          text -> {
            Matcher v = VERSION_TAG.matcher(text);
            while (v.find()) {
              versions.add(v.group(1));
            }
          });
    }
    return versions.stream()
        .filter(v -> !v.endsWith("-SNAPSHOT"))
        .max(Comparator.comparing(Repositories::versionKey, Repositories::compareKeys))
        .orElseThrow(
            () ->
                new ToolException(
                    "no release of "
                        + group
                        + ":"
                        + artifact
                        + " was found: looked in "
                        + local
                        + " and "
                        + String.join(", ", remotes)
                        + ". Give a version (group:artifact:version) or the jar's path"));
  }

  private static HttpRequest get(String url, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
  }

  private Optional<Path> download(String url) throws ToolException {
    try {
      HttpResponse<InputStream> r =
          client()
              .send(get(url, Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          return Optional.empty();
        }
        Path temp = Files.createTempFile("datajar-tools-", ".jar");
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(temp);
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("interrupted while downloading " + url, e);
    }
  }

  private Optional<String> fetchText(String url) {
    try {
      HttpResponse<String> r =
          client()
              .send(
                  get(url, Duration.ofSeconds(30)),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }
    return http;
  }

  /** Version parts: numbers compare as numbers, text as text ("1.10.0" > "1.9.2"). */
  private static List<Object> versionKey(String version) {
    List<Object> key = new ArrayList<>();
    for (String part : version.split("[.\\-]")) {
      key.add(part.matches("\\d{1,18}") ? (Object) Long.parseLong(part) : part);
    }
    return key;
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      Object x = i < a.size() ? a.get(i) : 0L;
      Object y = i < b.size() ? b.get(i) : 0L;
      int c;
      if (x instanceof Long lx && y instanceof Long ly) {
        c = Long.compare(lx, ly);
      } else if (x instanceof Long) {
        c = 1; // 1.0.1 > 1.0-beta
      } else if (y instanceof Long) {
        c = -1;
      } else {
        c = ((String) x).compareTo((String) y);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
