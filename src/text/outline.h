/* outline: the marks that number or bullet a list item or a heading,
 * which a reader sees and a listener does not need: "- ", "• ", "1. ",
 * "2) ", "b) " before an item of a plain-text list, "1. ", "II. " before
 * a heading ("II. Développement"). The document stage strips them, as
 * Markdown's and HTML's list markup is never read either. */
#ifndef NARR_OUTLINE_H
#define NARR_OUTLINE_H

#include <stddef.h>

/* The bytes of a list mark and the spaces after it at the start of a
 * plain-text line s[0..n), with text after it; 0 if none. A bullet
 * (- * • – ·), one or two digits with "." or ")", or one letter with ")"
 * ("A." is left alone: "A. Dupont" is a name). */
size_t narr_list_mark(const char *s, size_t n);

/* The same for a heading: one or two digits, or a roman numeral from I
 * to XXXIX, with "." or ")" ("1989. La chute du Mur" keeps its year). */
size_t narr_heading_number(const char *s, size_t n);

#endif
