package org.cxrsearch.indexer.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A directory of {@code .txt} files, one report each: the id is the file name without
 * {@code .txt}, the text the whole file. Files are read in name order (only the names are listed
 * up front, never the contents); sub-directories and other files are ignored.
 */
public final class TextDirectoryReader implements RecordReader {

  private static final String SUFFIX = ".txt";

  private final Iterator<Path> files;
  private final ReadLimits limits;
  private final long totalBytes;
  private long bytesRead;

  public TextDirectoryReader(Path dir, ReadLimits limits) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a directory (--format txt-dir reads a directory of .txt files)");
    }
    List<Path> names = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) {
          names.add(p);
          total += Files.size(p);
        }
      }
    }
    names.sort(null);
    this.files = names.iterator();
    this.limits = limits;
    this.totalBytes = total;
  }

  @Override
  public boolean hasNext() {
    return files.hasNext();
  }

  @Override
  public ReadOutcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Path path = files.next();
    String name = path.getFileName().toString();
    String id = name.substring(0, name.length() - SUFFIX.length());
    try {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(limits.maxRecordBytes() + 1);
      }
      bytesRead += bytes.length;
      if (bytes.length > limits.maxRecordBytes()) {
        return rejected(path, id, "oversized record: longer than " + limits.maxRecordBytes() + " bytes");
      }
      RecordFields fields = new RecordFields();
      fields.id = id;
      fields.text = Utf8.decode(bytes);
      return fields.validate(path.toString(), 0);
    } catch (Utf8.InvalidUtf8Exception e) {
      return rejected(path, id, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static ReadOutcome rejected(Path path, String id, String reason) {
    return new ReadOutcome.Rejected(new RecordError(path.toString(), 0, id, reason));
  }

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public void close() {}
}
