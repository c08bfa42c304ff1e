/* UTF-8 and Unicode helpers: the only code that calls ICU's Unicode API
 * (number spelling lives in normalize/numbers). Text is UTF-8 with an
 * explicit length; offsets are bytes. */
#ifndef NARR_UTF8_H
#define NARR_UTF8_H

#include "base/buf.h"
#include <stdbool.h>
#include <stdint.h>

/* True if s[0..n) is valid UTF-8; otherwise *bad_at (if not NULL) is the
 * byte offset of the first invalid sequence. */
bool narr_utf8_valid(const char *s, size_t n, size_t *bad_at);

/* Decodes the code point at s[*i] and advances *i; -1 on invalid UTF-8
 * (then *i moves past the bad bytes). Requires *i < n. */
int32_t narr_utf8_next(const char *s, size_t n, size_t *i);

/* The code point ending just before s[*i], moving *i back; -1 at start. */
int32_t narr_utf8_prev(const char *s, size_t *i);

/* Writes the UTF-8 form of cp to out; returns its length (0 if invalid). */
size_t narr_utf8_encode(int32_t cp, char out[4]);

/* Appends the UTF-8 form of cp to out. */
narr_status narr_utf8_append(narr_buf *out, int32_t cp);

/* Appends s[0..n) (valid UTF-8) to out in NFC. */
narr_status narr_utf8_nfc(const char *s, size_t n, narr_buf *out);

/* Appends s[0..n), read as Windows-1252, to out as UTF-8. */
narr_status narr_utf8_from_cp1252(const char *s, size_t n, narr_buf *out);

bool narr_uc_is_letter(int32_t cp);  /* alphabetic, combining marks too */
bool narr_uc_is_upper(int32_t cp);
bool narr_uc_is_lower(int32_t cp);
bool narr_uc_is_space(int32_t cp);   /* white space, incl. U+00A0, U+202F */
bool narr_uc_is_digit(int32_t cp);   /* ASCII 0-9 only */
int32_t narr_uc_to_lower(int32_t cp);
/* A character with a public meaning: assigned, not private use, not a
 * control character, not a surrogate half. */
bool narr_uc_is_assigned(int32_t cp);
/* A piece of an emoji: a pictograph (Unicode's Extended_Pictographic:
 * 🚨 👏 ❤), a flag's regional indicator, a skin tone, the emoji variation
 * selector, the joiner of a sequence or a keycap. */
bool narr_uc_is_emoji_part(int32_t cp);
/* Written in the Latin or Greek script, or in none (digits, punctuation,
 * symbols: Unicode's Common and Inherited scripts). */
bool narr_uc_is_latin_greek_or_common(int32_t cp);
int32_t narr_uc_to_upper(int32_t cp);

/* Writes s[0..n) with its first letter lower-cased ("Cloud" → "cloud")
 * to out (not NUL-terminated); returns the length, or 0 when the first
 * letter is not upper case or the result does not fit in cap bytes. */
size_t narr_utf8_lower_first(const char *s, size_t n, char *out, size_t cap);

/* Matches phrase (NUL-terminated) at the start of s[0..n), ignoring
 * case: a space in phrase matches any run of spaces or none, spaces in s
 * beside an ASCII mark of phrase are skipped ("( s'ouvre … onglet )"), and
 * a phrase ending in a letter must end a word of s ("Photo" does not
 * start "Photographie"). Returns the bytes of s matched, or 0. Shared by
 * the document's and the normalizer's web-leftover tables. */
size_t narr_utf8_match_phrase(const char *phrase, const char *s, size_t n);

/* Appends s[0..n) lower-cased (or upper-cased) to out. */
narr_status narr_utf8_lower(const char *s, size_t n, narr_buf *out);
narr_status narr_utf8_upper(const char *s, size_t n, narr_buf *out);

/* Appends s[0..n) transliterated to ASCII ("Œuvre à l’été" → "OEuvre a
 * l'ete", Cyrillic and Greek romanized; what has no Latin form is kept
 * as is, so callers filter). For file names. */
narr_status narr_utf8_to_ascii(const char *s, size_t n, narr_buf *out);

#endif
