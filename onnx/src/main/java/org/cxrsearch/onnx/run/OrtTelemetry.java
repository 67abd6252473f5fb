package org.cxrsearch.onnx.run;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The ONNX Runtime environment, created with ONNX Runtime's telemetry off.
 *
 * <p>Since 1.29 the Linux and macOS builds start a telemetry uploader when the native library
 * creates its first environment: it writes a device id and an SQLite event queue (OS, CPU, process
 * details) under {@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime} and uploads them.
 * {@link OrtEnvironment#setTelemetry(boolean)} only mutes events logged after the call; by then
 * the uploader, the device id and the process event exist. The full opt-out is the environment
 * variable {@value #DISABLE_VARIABLE}, which the native library reads when the environment is
 * created. Java cannot set a variable of its own process, so this calls the C library's
 * {@code setenv} through the foreign function API, before any ONNX Runtime class is initialised.
 * The API is reached reflectively because the project compiles for Java 21, where it is still a
 * preview (it is final from Java 22); on a runtime without it, or on Windows (where the telemetry
 * is ETW events, inert without a listener), only {@code setTelemetry(false)} applies.
 *
 * <p>This has to be the first use of ONNX Runtime in the process: every path of this project to
 * an {@link OrtEnvironment} goes through {@link #environment()}.
 */
public final class OrtTelemetry {

  static final String DISABLE_VARIABLE = "ORT_DISABLE_TELEMETRY";
  private static final System.Logger LOG = System.getLogger(OrtTelemetry.class.getName());

  private OrtTelemetry() {}

  /**
   * The process's ONNX Runtime environment with telemetry off; idempotent.
   *
   * @throws IllegalStateException if ONNX Runtime refuses to switch its telemetry events off
   */
  public static synchronized OrtEnvironment environment() {
    // setenv is not safe against a concurrent getenv, so it runs once, under this lock, before the
    // native library (the only reader that matters) is loaded by OrtEnvironment's initialiser.
    if (!Holder.FULLY_DISABLED) {
      LOG.log(System.Logger.Level.DEBUG, () -> "could not set " + DISABLE_VARIABLE + " (no foreign function API or"
          + " no setenv on this platform); only ONNX Runtime's telemetry events are switched off");
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      env.setTelemetry(false);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not switch its telemetry off: " + e.getMessage(), e);
    }
    return env;
  }

  /** Sets the variable exactly once, on first use (the JVM's class initialisation is the lock). */
  private static final class Holder {
    static final boolean FULLY_DISABLED = setNativeEnvironmentVariable(DISABLE_VARIABLE, "1");
  }

  /**
   * {@code setenv(name, value, 1)} of the C library, through {@code java.lang.foreign}; false when
   * that API or the symbol is missing or the call fails.
   */
  static boolean setNativeEnvironmentVariable(String name, String value) {
    try {
      Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
      Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
      Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
      Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
      Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
      Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
      Class<?> arenaType = Class.forName("java.lang.foreign.Arena");

      Object linker = linkerType.getMethod("nativeLinker").invoke(null);
      Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
      Optional<?> setenv = (Optional<?>) lookupType.getMethod("find", String.class).invoke(libc, "setenv");
      if (setenv.isEmpty()) {
        return false;
      }
      Object address = valueLayoutType.getField("ADDRESS").get(null);
      Object javaInt = valueLayoutType.getField("JAVA_INT").get(null);
      Object arguments = Array.newInstance(layoutType, 3);
      Array.set(arguments, 0, address);
      Array.set(arguments, 1, address);
      Array.set(arguments, 2, javaInt);
      // int setenv(const char *name, const char *value, int overwrite)
      Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, javaInt, arguments);
      MethodHandle call = (MethodHandle) linkerType
          .getMethod("downcallHandle", segmentType, descriptorType, optionType.arrayType())
          .invoke(linker, setenv.get(), descriptor, Array.newInstance(optionType, 0));

      Object arena = arenaType.getMethod("ofConfined").invoke(null);
      try {
        Method cString = arenaType.getMethod("allocateFrom", String.class); // a NUL-terminated UTF-8 copy
        int rc = (int) call.invoke(cString.invoke(arena, name), cString.invoke(arena, value), 1);
        return rc == 0;
      } finally {
        arenaType.getMethod("close").invoke(arena);
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // a missing API (Java 21 without preview), symbol or permission: not set
      return false;
    }
  }
}
