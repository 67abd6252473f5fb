package org.cxrsearch.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of {@code langchain4j/README.md} compiles and runs as written, so it cannot rot.
 * Only the model is swapped for the tiny local fixture (the README names a hub repository, and a
 * test makes no network connection) and {@code System.out} for a captured stream.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadmeExampleTest {

  private static final String README_MODEL = "\"lukeingawesome/llm2vec4cxr\"";

  @TempDir Path work;

  @Test
  void theExampleCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has a java example");
    String example = block.group(1);
    assertTrue(example.contains(README_MODEL), "the example names " + README_MODEL);
    String tiny = TestData.tinyBundle().toAbsolutePath().toString().replace("\\", "\\\\");
    String body = example.replace(README_MODEL, "\"" + tiny + "\"").replace("System.out", "out");

    Path source = work.resolve("src/example/ReadmeExample.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n",
        "package example;",
        "import dev.langchain4j.data.document.Metadata;",
        "import dev.langchain4j.data.embedding.Embedding;",
        "import dev.langchain4j.data.segment.TextSegment;",
        "import dev.langchain4j.model.output.Response;",
        "import dev.langchain4j.store.embedding.EmbeddingMatch;",
        "import dev.langchain4j.store.embedding.EmbeddingSearchRequest;",
        "import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;",
        "import java.util.List;",
        "import org.cxrsearch.langchain4j.CxrEmbeddingModel;",
        "public class ReadmeExample {",
        "  public static void run(java.io.PrintStream out) {",
        body,
        "  }",
        "}"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, diagnostics, diagnostics, "-proc:none", "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), source.toString());
    assertEquals(0, rc, () -> "the README example does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      loader.loadClass("example.ReadmeExample").getMethod("run", PrintStream.class)
          .invoke(null, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("tokens read: [1-9][0-9]*"), lines.get(0));
    assertEquals(List.of("R1", "R2"), lines.subList(1, 3).stream().map(l -> l.split(" ")[0]).sorted().toList());
  }
}
