package org.cxrsearch.cli.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

  private static Utf8LineReader reader(byte[] bytes) {
    return new Utf8LineReader(new ByteArrayInputStream(bytes));
  }

  @Test
  void splitsOnNewlineDropsCarriageReturnAndKeepsALastLineWithoutNewline() throws IOException {
    Utf8LineReader r = reader("a\r\n\nµg ≥ 5\nlast".getBytes(StandardCharsets.UTF_8));
    assertEquals("a", r.readLine());
    assertEquals("", r.readLine());
    assertEquals("µg ≥ 5", r.readLine());
    assertEquals("last", r.readLine());
    assertEquals(4, r.lineNumber());
    assertNull(r.readLine());
  }

  @Test
  void invalidUtf8IsReportedOnItsOwnLine() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'o', 'k', '\n', (byte) 0xC3, '(', '\n', 'x', '\n'};
    Utf8LineReader r = reader(bytes);
    r.readLine();
    r.readLine();
    var e = assertThrows(Utf8LineReader.MalformedLineException.class, r::readLine);
    assertEquals(3, e.line());
    assertEquals("x", r.readLine()); // the reader can go on past a bad line
  }
}
