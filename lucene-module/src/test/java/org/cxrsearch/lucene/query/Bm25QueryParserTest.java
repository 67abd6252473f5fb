package org.cxrsearch.lucene.query;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class Bm25QueryParserTest {

  private final Bm25QueryParser parser = new Bm25QueryParser();

  @Test
  void keepsNegationsAndStems() {
    assertEquals("text:\"no pleural effus\"", parser.parse("\"no pleural effusions\"").toString());
    assertEquals("+impression:opac +text:not", parser.parse("+impression:opacities +not").toString());
  }

  @Test
  void unbalancedParenthesisNamesTheColumn() {
    var e = assertThrows(QuerySyntaxException.class, () -> parser.parse("effusion AND (pneumothorax"));
    // the parser notices at the end of input: column 27 is just after the last character
    assertEquals(27, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains("effusion AND (pneumothorax"), e.getMessage());
    assertTrue(e.getMessage().endsWith(" ".repeat(2 + 26) + "^"), e.getMessage());
    assertFalse(e.reason().startsWith("Cannot parse"), e.reason());
  }

  @Test
  void danglingOperatorNamesTheColumn() {
    var e = assertThrows(QuerySyntaxException.class, () -> parser.parse("effusion AND OR edema"));
    assertEquals(14, e.column(), e.getMessage()); // the "OR" after AND
    assertTrue(e.reason().contains("OR"), e.reason());
  }

  @Test
  void unterminatedPhraseIsALexicalError() {
    var e = assertThrows(QuerySyntaxException.class, () -> parser.parse("\"small effusion"));
    assertTrue(e.reason().toLowerCase().contains("lexical"), e.reason());
    assertTrue(e.column() > 0, e.getMessage());
  }

  @Test
  void emptyQueryIsRejected() {
    assertThrows(QuerySyntaxException.class, () -> parser.parse("  "));
  }

  @Test
  void plainTextIsSearchedAsWords() {
    // the classic parser reads "/p CABG" as an unterminated regular expression
    assertThrows(QuerySyntaxException.class, () -> parser.parse("cardiomegaly s/p CABG"));
    assertEquals("cardiomegaly s\\/p CABG", Bm25QueryParser.plainText("cardiomegaly s/p CABG"));
    assertEquals("text:cardiomegali text:s text:p text:cabg", parser.parse(Bm25QueryParser.plainText("cardiomegaly s/p CABG")).toString());
    // a colon is not a field separator, upper-case operator words are words
    assertEquals("text:impress text:effus", parser.parse(Bm25QueryParser.plainText("IMPRESSION: effusion")).toString());
    assertEquals("IMPRESSION\\: NO EFFUSION \\OR ANDREWS \\NOT \\AND", Bm25QueryParser.plainText("IMPRESSION: NO EFFUSION OR ANDREWS NOT AND"));
    // "NOT" is kept as a word, as the analyser keeps negations; a trailing AND is not a dangling operator
    assertEquals("text:not text:effus", parser.parse(Bm25QueryParser.plainText("NOT effusion AND")).toString());
    assertEquals("text:effus text:2 text:b text:x", parser.parse(Bm25QueryParser.plainText("(effusion\\ ~2 [a TO b] \"x")).toString());
  }
}
