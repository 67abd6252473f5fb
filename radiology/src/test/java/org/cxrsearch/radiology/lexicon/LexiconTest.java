package org.cxrsearch.radiology.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.cxrsearch.radiology.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LexiconTest {

  private static Lexicon parse(String findings, String context) throws Exception {
    return Lexicon.parse(new StringReader(findings), "f.lex", new StringReader(context), "c.lex");
  }

  @Test
  void theStandardLexiconCoversTheCheXpertAndChestXray14Labels() {
    Lexicon l = Lexicon.standard();
    for (String key : List.of("no_finding", "enlarged_cardiomediastinum", "cardiomegaly", "lung_lesion", "lung_opacity", "edema",
        "consolidation", "pneumonia", "atelectasis", "pneumothorax", "pleural_effusion", "pleural_other", "fracture",
        "support_devices", "infiltration", "mass", "nodule", "emphysema", "fibrosis", "pleural_thickening", "hernia")) {
      assertTrue(l.findings().containsKey(key), key);
    }
    assertTrue(l.findings().size() > 80, "broad vocabulary: " + l.findings().size());
  }

  @Test
  void aSmallLexiconParsesAndMatches() throws Exception {
    Lexicon l = parse("group heart = heart\ngroup big = enlarged\nfinding cardiomegaly\n  mesh Cardiomegaly\n  phrase cardiomegaly\n  compound heart + big\n",
        "negation-pre = no\nside left = left\n");
    assertEquals(List.of("Cardiomegaly"), l.finding("cardiomegaly").mesh());
    assertEquals(1, l.compoundsAnchoredBy("heart").size());
    var m = l.triggers().match(Tokenizer.tokenize("no left"));
    assertEquals(new Trigger(TriggerKind.SIDE, "left"), m.get(1).values().get(0));
  }

  @Test
  void errorsNameTheFileAndLine() {
    var e = assertThrows(IllegalArgumentException.class, () -> parse("finding a\n  compound x + y\n", ""));
    assertEquals("f.lex:2: unknown group 'x'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("phrase lonely\n", ""));
    assertEquals("f.lex:1: 'phrase' outside a finding block", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("", "\nchange sideways = x\n"));
    assertTrue(e.getMessage().startsWith("c.lex:2: unknown change 'sideways'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("finding Bad-Key\n", ""));
    assertEquals("f.lex:1: finding key 'Bad-Key' must be lower_snake_case", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("finding a\n  parent b\n", ""));
    assertEquals("f.lex: finding 'a' refers to unknown finding 'b'", e.getMessage());
  }
}
