package org.cxrsearch.radiology.text;

/**
 * One token of a sentence: its normalised form and where it came from.
 *
 * @param norm the normalised form ({@link Tokenizer#normalize}); a punctuation token is the character
 * @param start offset of the first character in the text that was tokenised
 * @param end offset after the last character
 * @param word {@code true} for words and numbers, {@code false} for punctuation
 */
public record Token(String norm, int start, int end, boolean word) {}
