package org.cxrsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it as a library" example, exactly as written there: compiled against the
 * library modules (this module's test class path) and run. If an API it uses changes, this fails.
 */
@Timeout(120)
class ReadmeExampleTest {

  private static final Path README =
      Path.of(System.getProperty("cxr.testdata", "../testdata")).toAbsolutePath().getParent().resolve("README.md");

  @TempDir Path tmp;

  @Test
  void theLibraryExampleCompilesRunsAndFindsTheEffusion() throws Exception {
    String source = javaBlockUnder("## Use it as a library");
    Path file = tmp.resolve("LibraryExample.java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", tmp.toString(), "-proc:none"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
    assertTrue(ok, diagnostics.toString());

    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader.loadClass("LibraryExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    // The effusion report matches both ways (the word "left" and the meaning); it must rank first.
    assertEquals("1 r1", lines.get(0));
  }

  private static String javaBlockUnder(String heading) throws Exception {
    String readme = Files.readString(README);
    int at = readme.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README.md has no section " + heading);
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(at), "no ```java block under " + heading);
    int nextHeading = readme.indexOf("\n## ", at + 1);
    assertTrue(nextHeading < 0 || m.start() < nextHeading, "the ```java block is not in section " + heading);
    return m.group(1);
  }
}
