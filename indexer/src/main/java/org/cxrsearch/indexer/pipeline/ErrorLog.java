package org.cxrsearch.indexer.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.indexer.read.RecordError;

/**
 * The errors file: one JSON object per rejected record, {@code {"file", "line", "id", "reason"}}
 * ({@code line} 0 and {@code id} null when unknown). The file is created on the first error only,
 * replaced by each run, and flushed per line so that it is complete even if the run crashes.
 */
public final class ErrorLog implements Closeable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private BufferedWriter out;
  private long count;

  public ErrorLog(Path path) throws IOException {
    this.path = path;
    Files.deleteIfExists(path); // a stale file from an earlier run would be misleading
  }

  public Path path() {
    return path;
  }

  public synchronized void write(RecordError error) throws IOException {
    if (out == null) {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", error.file());
    line.put("line", error.line());
    line.put("id", error.id());
    line.put("reason", error.reason());
    out.write(JSON.writeValueAsString(line));
    out.write('\n');
    out.flush();
    count++;
  }

  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
