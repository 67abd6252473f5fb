package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves names written inside a bundle (external-data locations, manifest entries) to files that
 * are guaranteed to lie inside the bundle directory. Only plain relative names are accepted. A name
 * is refused when it is ONNX Runtime's in-memory tag {@value #ORT_MEMORY_TAG} (with it ORT takes
 * the tensor's {@code offset} as a raw memory address), when it holds a wildcard ({@code *},
 * {@code ?}) or a control character, when it is absolute (on any platform: {@code /x}, {@code \x},
 * {@code C:x}), when any segment is {@code ..}, or when the file it names is a symbolic link (or
 * sits under one) whose target is outside the bundle.
 */
final class BundlePaths {

  private static final Pattern SEGMENT_SPLIT = Pattern.compile("[/\\\\]");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  /** ONNX Runtime's external-data location for tensors already in memory (its {@code kTensorProtoMemoryAddressTag}). */
  static final String ORT_MEMORY_TAG = "*/_ORT_MEM_ADDR_/*";

  private BundlePaths() {}

  /**
   * Returns {@code directory/name}, or throws naming {@code what} when the name could escape.
   *
   * @param directory the bundle directory
   * @param name the relative name found in the bundle
   * @param what what refers to the name, for the error ("tensor 'w' in model.onnx")
   */
  static Path resolveInside(Path directory, String name, String what) {
    if (name.isEmpty()) {
      throw new ModelLoadException(what + " has an empty file name");
    }
    if (name.contains("_ORT_MEM_ADDR_")) {
      throw escape(directory, name, what, "is ONNX Runtime's in-memory tag " + ORT_MEMORY_TAG
          + " (the runtime would read its offset as a memory address)");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '*' || c == '?' || Character.isISOControl(c)) {
        throw escape(directory, name, what, "holds " + (c == '*' || c == '?' ? "the wildcard '" + c + "'"
            : String.format("the control character U+%04X", (int) c)) + " at index " + i);
      }
    }
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
      throw escape(directory, name, what, "is absolute");
    }
    for (String segment : SEGMENT_SPLIT.split(name)) {
      if (segment.equals("..")) {
        throw escape(directory, name, what, "contains '..'");
      }
    }
    Path base = directory.toAbsolutePath().normalize();
    Path resolved = base.resolve(name).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      throw escape(directory, name, what, "does not name a file inside it");
    }
    if (Files.exists(resolved)) {
      try {
        Path realBase = base.toRealPath();
        Path real = resolved.toRealPath();
        if (!real.startsWith(realBase)) {
          throw escape(directory, name, what, "is a symbolic link to " + real);
        }
      } catch (IOException e) {
        throw new ModelLoadException("cannot resolve " + resolved + " (" + what + "): " + e.getMessage(), e);
      }
    }
    return resolved;
  }

  private static ModelLoadException escape(Path directory, String name, String what, String why) {
    return new ModelLoadException(what + " refers to '" + name + "', which " + why
        + "; files of a model bundle must be relative paths inside the bundle directory " + directory);
  }

  /** The sorted file names of a directory, for error messages that show what is there. */
  static String list(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
