package dev.ringlet.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the engine's published POM (the shade plugin's dependency-reduced POM, which install and
 * deploy publish) hands on to an application. {@link ClasspathHygieneTest} cannot see it: this
 * module pins Netty and the native-protocol codec in its own dependencyManagement, so the versions
 * it asserts stay put whatever the engine's POM lists, and inside the reactor Maven reads the
 * engine's unreduced model anyway.
 */
class PublishedPomTest {

  @Test
  void should_hand_on_only_slf4j_and_snappy_to_an_application() throws Exception {
    Path pom = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
        .resolve("../engine/target/dependency-reduced-pom.xml").normalize();
    assertThat(pom).as("the engine's published POM; package the engine first (./mvnw verify)").exists();

    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom))
        .getDocumentElement();

    assertThat(text(project, "artifactId")).isEqualTo("ringlet-engine");
    assertThat(applicationDependencies(project)).containsExactlyInAnyOrder(
        "org.slf4j:slf4j-api", "org.xerial.snappy:snappy-java");
  }

  /** groupId:artifactId of the project's own dependencies that reach an application's class path. */
  private static List<String> applicationDependencies(Element project) {
    List<String> found = new ArrayList<>();
    for (Element dependencies : children(project, "dependencies")) {
      for (Element dependency : children(dependencies, "dependency")) {
        String scope = text(dependency, "scope");
        boolean reaches = scope == null || scope.equals("compile") || scope.equals("runtime");
        if (reaches && !"true".equals(text(dependency, "optional"))) {
          found.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
      }
    }
    return found;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent().trim();
  }
}
