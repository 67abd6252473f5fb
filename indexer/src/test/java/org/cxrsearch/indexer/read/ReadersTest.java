package org.cxrsearch.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

  @TempDir Path dir;

  private static final byte[] BAD_UTF8 = {(byte) 0xC3, (byte) 0x28}; // 0xC3 must be followed by 0x80..0xBF

  private static List<ReadOutcome> readAll(RecordReader reader) throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(out::add);
      assertEquals(reader.totalBytes(), reader.bytesRead(), "the whole input is consumed");
    }
    return out;
  }

  private static ReportDocument accepted(ReadOutcome o) {
    return ((ReadOutcome.Accepted) o).record().document();
  }

  private static RecordError rejected(ReadOutcome o) {
    return ((ReadOutcome.Rejected) o).error();
  }

  private Path write(String name, byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLinesGoodAndBadRecordsWithTheirLineNumbers() throws IOException {
    Path in =
        write(
            "in.jsonl",
            utf8("{\"id\":\"a\",\"text\":\"Clear lungs.\",\"study_date\":\"2024-01-02\",\"metadata\":{\"view\":\"PA\",\"age\":71}}\n"),
            utf8("\n"), // 2: blank, skipped
            utf8("{\"id\": \"b\", \"findings\": \"No effusion.\", \"impression\": \"Normal.\"}\r\n"), // 3, CRLF
            utf8("{\"id\": \"c\", \"text\": \"unterminated\n"), // 4: malformed
            utf8("{\"text\": \"no id\"}\n"), // 5
            utf8("{\"id\": \"e\", \"findings\": \"  \"}\n"), // 6: blank text
            utf8("{\"id\": \"f\", \"text\": \"caf"), BAD_UTF8, utf8("\"}\n"), // 7: invalid UTF-8
            utf8("{\"id\": \"g\", \"text\": \"" + "x".repeat(300) + "\"}\n"), // 8: oversized
            utf8("[1, 2]\n"), // 9: not an object
            utf8("{\"id\": \"h\", \"text\": \"ok\"} trailing\n"), // 10: trailing tokens
            utf8("{\"id\": \"i\", \"text\": \"ok\", \"tags\": [\"a\"]}\n"), // 11: nested metadata
            utf8("{\"id\": 42, \"impression\": \"Stable.\"}")); // 12: numeric id, no final newline
    List<ReadOutcome> out = readAll(new JsonLinesReader(in, new ReadLimits(200)));
    assertEquals(11, out.size());

    ReportDocument a = accepted(out.get(0));
    assertEquals("a", a.id());
    assertEquals(1, ((ReadOutcome.Accepted) out.get(0)).record().line());
    assertEquals("Clear lungs.", a.text());
    assertEquals(Map.of("view", "PA", "age", "71"), a.metadata());
    assertEquals(java.time.LocalDate.of(2024, 1, 2), a.studyDate(), "study_date goes to its own field");
    assertTrue(a.source().startsWith("{\"id\":\"a\""), "the source line is kept");

    ReportDocument b = accepted(out.get(1));
    assertEquals(3, ((ReadOutcome.Accepted) out.get(1)).record().line());
    assertEquals("No effusion.\n\nNormal.", b.text());

    RecordError c = rejected(out.get(2));
    assertEquals(4, c.line());
    assertTrue(c.reason().startsWith("malformed JSON"), c.reason());
    assertEquals(in.toString(), c.file());

    assertEquals(new RecordError(in.toString(), 5, null, "missing id"), rejected(out.get(3)));
    RecordError e = rejected(out.get(4));
    assertEquals(6, e.line());
    assertEquals("e", e.id());
    assertTrue(e.reason().startsWith("missing text"), e.reason());

    RecordError f = rejected(out.get(5));
    assertEquals(7, f.line());
    assertEquals("invalid UTF-8 at byte 24 of the record (0xC3)", f.reason());

    RecordError g = rejected(out.get(6));
    assertEquals(8, g.line());
    assertEquals("oversized record: longer than 200 bytes", g.reason());

    assertEquals(9, rejected(out.get(7)).line());
    assertTrue(rejected(out.get(8)).reason().startsWith("malformed JSON"), rejected(out.get(8)).reason());
    assertEquals(10, rejected(out.get(8)).line());
    RecordError i = rejected(out.get(9));
    assertEquals("i", i.id());
    assertEquals("metadata field 'tags' must be a string, number or boolean", i.reason());

    ReportDocument last = accepted(out.get(10));
    assertEquals("42", last.id());
    assertEquals(12, ((ReadOutcome.Accepted) out.get(10)).record().line());
  }

  @Test
  void csvWithMappingQuotedNewlinesAndBadRows() throws IOException {
    Path in =
        write(
            "in.csv",
            utf8("\uFEFFuid,findings,impression,date,ignored\n"),
            utf8("1,\"Heart normal, lungs clear.\nNo effusion.\",\"Normal \"\"chest\"\".\",2024-01-01,x\n"), // 2-3
            utf8("2,,Stable.,2024-01-02,x\r\n"), // 4
            utf8("3,too,few\n"), // 5
            utf8("4,caf"), BAD_UTF8, utf8(",b,c,d\n"), // 6
            utf8("5,\"closed\"junk,b,c,d\n"), // 7
            utf8(",no id,b,c,d\n"), // 8
            utf8("\n"), // 9: blank, skipped
            utf8("7,\"never closed,b,c,d\n")); // 10-11: unterminated at EOF
    CsvColumns cols = CsvColumns.parse("id=uid,date=date");
    List<ReadOutcome> out = readAll(new CsvRecordReader(in, cols, ReadLimits.DEFAULTS));
    assertEquals(7, out.size());

    ReportDocument r1 = accepted(out.get(0));
    assertEquals("1", r1.id());
    assertEquals(2, ((ReadOutcome.Accepted) out.get(0)).record().line());
    assertEquals("Heart normal, lungs clear.\nNo effusion.", r1.findings());
    assertEquals("Normal \"chest\".", r1.impression());
    assertEquals(Map.of("date", "2024-01-01"), r1.metadata(), "only mapped metadata columns are read");

    ReportDocument r2 = accepted(out.get(1));
    assertEquals(4, ((ReadOutcome.Accepted) out.get(1)).record().line());
    assertNull(r2.findings());
    assertEquals("Stable.", r2.text());

    assertEquals(
        new RecordError(in.toString(), 5, null, "malformed CSV: expected 5 fields as in the header, found 3"),
        rejected(out.get(2)));
    assertEquals(6, rejected(out.get(3)).line());
    assertTrue(rejected(out.get(3)).reason().startsWith("invalid UTF-8"));
    assertEquals(7, rejected(out.get(4)).line());
    assertTrue(rejected(out.get(4)).reason().contains("after a closing quote"));
    assertEquals(new RecordError(in.toString(), 8, null, "missing id"), rejected(out.get(5)));
    assertEquals(10, rejected(out.get(6)).line());
    assertTrue(rejected(out.get(6)).reason().contains("not closed"));
  }

  @Test
  void csvWithoutMappingKeepsEveryOtherColumnAsMetadata() throws IOException {
    Path in = write("in.csv", utf8("id,text,patient_id,view\nr1,Clear.,P7,AP\n"));
    ReportDocument r = accepted(readAll(new CsvRecordReader(in, CsvColumns.BY_HEADER, ReadLimits.DEFAULTS)).get(0));
    assertEquals(Map.of("view", "AP"), r.metadata());
    assertEquals("P7", r.patientId(), "patient_id goes to its own field");
  }

  @Test
  void csvMappingToAMissingColumnNamesTheHeader() throws IOException {
    Path in = write("in.csv", utf8("uid,report\n1,x\n"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CsvRecordReader(in, CsvColumns.parse("id=uid,text=body"), ReadLimits.DEFAULTS));
    assertTrue(e.getMessage().contains("[text=body]") && e.getMessage().contains("[uid, report]"), e.getMessage());
  }

  @Test
  void textDirectoryUsesFileNamesAsIds() throws IOException {
    write("b.txt", utf8("Small left effusion."));
    write("a.txt", utf8("No acute disease."));
    write("c.txt", utf8("bad "), BAD_UTF8);
    write("d.txt", utf8("x".repeat(101)));
    write("e.txt", utf8(" \n"));
    write("notes.md", utf8("ignored"));
    List<ReadOutcome> out = readAll(new TextDirectoryReader(dir, new ReadLimits(100)));
    assertEquals(5, out.size());
    assertEquals("a", accepted(out.get(0)).id());
    assertEquals(0, ((ReadOutcome.Accepted) out.get(0)).record().line());
    assertEquals("No acute disease.", accepted(out.get(0)).text());
    assertEquals("b", accepted(out.get(1)).id());
    assertEquals(new RecordError(dir.resolve("c.txt").toString(), 0, "c", "invalid UTF-8 at byte 4 of the record (0xC3)"), rejected(out.get(2)));
    assertEquals("oversized record: longer than 100 bytes", rejected(out.get(3)).reason());
    assertTrue(rejected(out.get(4)).reason().startsWith("missing text"));
  }

  @Test
  void csvSplitFollowsRfc4180() {
    assertEquals(List.of("a", "", "b,c", "d\"e", ""), CsvRecordReader.split("a,,\"b,c\",\"d\"\"e\","));
    assertEquals(List.of(""), CsvRecordReader.split(""));
  }

  @Test
  void csvStrayQuoteInsideAnUnquotedFieldStaysInItsOwnRecord() throws IOException {
    Path in = write("stray.csv", utf8("""
        id,text
        1,Nodule 5" in the RUL.
        2,No change.
        3,"Quoted, with ""doubled"" quotes."
        4,Trailing inch mark 2"
        5,Clear.
        """));
    List<ReadOutcome> out = readAll(new CsvRecordReader(in, CsvColumns.BY_HEADER, ReadLimits.DEFAULTS));
    assertEquals(5, out.size(), "one record per line: " + out);
    assertEquals("Nodule 5\" in the RUL.", accepted(out.get(0)).text());
    assertEquals("No change.", accepted(out.get(1)).text());
    assertEquals("Quoted, with \"doubled\" quotes.", accepted(out.get(2)).text());
    assertEquals("Trailing inch mark 2\"", accepted(out.get(3)).text());
    assertEquals("Clear.", accepted(out.get(4)).text());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 2, ((ReadOutcome.Accepted) out.get(i)).record().line());
    }
  }

  @Test
  void csvWithBomCrlfAndQuotedLineBreaksKeepsEditorLineNumbers() throws IOException {
    Path in = write("crlf.csv", utf8("\uFEFF\"id\",\"text\"\r\n"
        + "a,\"First line.\r\nSecond line.\"\r\n" // lines 2-3
        + "b,\"He said \"\"stable\"\"\"\r\n" // line 4
        + "c,\"x\"y\r\n" // line 5: text after a closing quote
        + "d,Last.\r\n")); // line 6
    List<ReadOutcome> out = readAll(new CsvRecordReader(in, CsvColumns.BY_HEADER, ReadLimits.DEFAULTS));
    assertEquals(4, out.size(), out.toString());
    assertEquals("a", accepted(out.get(0)).id(), "the BOM is not part of the first column's name");
    assertEquals("First line.\r\nSecond line.", accepted(out.get(0)).text());
    assertEquals("He said \"stable\"", accepted(out.get(1)).text());
    assertEquals(4, ((ReadOutcome.Accepted) out.get(1)).record().line());
    assertEquals(5, rejected(out.get(2)).line());
    assertTrue(rejected(out.get(2)).reason().startsWith("malformed CSV: "), rejected(out.get(2)).reason());
    assertEquals("Last.", accepted(out.get(3)).text());
    assertEquals(6, ((ReadOutcome.Accepted) out.get(3)).record().line());
  }
}
