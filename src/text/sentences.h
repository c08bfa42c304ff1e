/* sentences: the third stage. Finds where a sentence ends in a block's
 * text, knowing that "M. Dupont", "3,5", "c.-à-d.", "J. K. Rowling" and a
 * "…" or "!" inside a quotation followed by lower case do not end one,
 * while "la ligne A. Les rames" and "son vol. Le suivant" do.
 * Sentences are the unit of synthesis, timing and progress. */
#ifndef NARR_SENTENCES_H
#define NARR_SENTENCES_H

#include "data/table.h"
#include <stdbool.h>

/* A sentence longer than this is cut at a comma or a space. */
#define NARR_SENTENCE_MAX 1200

/* Length in bytes of the sentence starting at text[0] (which is not a
 * space). *complete is false when the text ran out before an end mark:
 * the caller may wait for more text. abbreviations: the table of
 * assets/abbreviations.tsv (may be NULL); a key ending in '.' whose 4th
 * field is not "end" never ends a sentence, except one whose context (3rd
 * field) is "number" when no number follows it. A key may hold a space
 * ("av. J.-C."); a capitalized form is found through its lower-case key. */
size_t narr_sentence_length(const char *text, size_t len,
                            const narr_table *abbreviations, bool *complete);

/* Can s[0..n) start a sentence: a capital or a digit, after any opening
 * quotes, brackets or dashes (or nothing at all)? A credit line ("© AFP")
 * starts one too. For the document stage's headings as well. */
bool narr_sentence_may_start(const char *s, size_t n);

/* Does s[0..n) (a line, a paragraph) end a sentence: with . ! ? … (or :
 * when colon counts), past closing quotes, brackets and spaces ("… fin. »")?
 * For the document stage's paragraphs and headings. */
bool narr_sentence_ends(const char *s, size_t n, bool colon);

#endif
