package org.econ4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that writes to {@code System.out} or {@code System.err}: library code never
 * prints. Registered automatically (service file in the test-jar; JUnit auto-detection is switched
 * on in the build).
 */
public final class NoConsoleOutputExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NoConsoleOutputExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    ExtensionContext.Store store = context.getStore(NS);
    store.put("out", System.out);
    store.put("err", System.err);
    store.put("buf", buf);
    System.setOut(capture);
    System.setErr(capture);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    PrintStream out = store.remove("out", PrintStream.class);
    PrintStream err = store.remove("err", PrintStream.class);
    ByteArrayOutputStream buf = store.remove("buf", ByteArrayOutputStream.class);
    if (out != null) {
      System.setOut(out);
    }
    if (err != null) {
      System.setErr(err);
    }
    if (buf != null && buf.size() > 0) {
      String text = buf.toString(StandardCharsets.UTF_8);
      throw new AssertionError(
          "test wrote to the console (library code must not print): "
              + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
  }
}
