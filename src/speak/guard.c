/* guard: text made safe for eSpeak NG 1.51, which crashes on some input
 * that ordinary articles contain (see guard.h). */
#include "speak/guard.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

void narr_guard_init(narr_guard *g)
{
    memset(g, 0, sizeof *g);
    narr_buf_init(&g->scratch);
}

void narr_guard_deinit(narr_guard *g) { narr_buf_deinit(&g->scratch); }

/* Characters eSpeak's French voice has a rule for. Anything else sends it
 * to another language's tables or, for a code point it does not know,
 * into freed memory: U+0A65 and U+0380 (unassigned), and, found by
 * synthesizing every NFC code point of these scripts under ASan, the
 * Greek block's signs and rare letters (U+037F, U+0384, U+0385, U+03F6).
 * Of that block only the letters of the modern alphabet are kept. The IPA
 * letters (U+0250-U+02AF) go too: eSpeak reads them by their English
 * names, and one before a Greek letter ("ʃβ", found by fuzz_speak) reads
 * freed memory as it switches languages inside the word. */
static bool readable(int32_t cp)
{
    if (cp >= 0x370 && cp <= 0x3FF && !(cp >= 0x386 && cp <= 0x3CE))
        return false;
    if (cp >= 0x250 && cp <= 0x2AF)
        return false;
    return cp >= 0 && narr_uc_is_assigned(cp) && narr_uc_is_latin_greek_or_common(cp);
}

/* Copies the [[...]] span at s[0..n) (s starts with "[[") capped to
 * NARR_PHONEMES_MAX bytes; returns the bytes of s it covers. */
static size_t copy_phonemes(narr_guard *g, const char *s, size_t n, narr_buf *out,
                            narr_status *st)
{
    const char *close = NULL;
    for (size_t k = 2; k + 1 < n && !close; k++)
        if (s[k] == ']' && s[k + 1] == ']')
            close = s + k;
    size_t len = close ? (size_t)(close - s) - 2 : n - 2;
    size_t keep = len;
    if (keep > NARR_PHONEMES_MAX) {
        keep = NARR_PHONEMES_MAX;
        while (keep > 0 && ((unsigned char)s[2 + keep] & 0xC0) == 0x80)
            keep--; /* not inside a UTF-8 sequence */
        g->capped++;
    }
    *st = narr_buf_append_str(out, "[[");
    for (size_t k = 0; k < keep && *st == NARR_OK; k++)
        *st = narr_buf_append_char(out, (unsigned char)s[2 + k] < 0x20 ? ' ' : s[2 + k]);
    if (*st == NARR_OK)
        *st = narr_buf_append_str(out, "]]");
    return close ? (size_t)(close - s) + 2 : n;
}

static bool is_greek(int32_t cp) { return cp >= 0x370 && cp <= 0x3FF; }

/* First pass: unreadable characters become one space each run; a Greek
 * letter glued to a letter of another script is set apart by a space, so
 * that eSpeak never switches language inside a word. */
static narr_status filter(narr_guard *g, const char *s, size_t n, bool phonemes,
                          narr_buf *out)
{
    narr_status st = NARR_OK;
    int32_t before = ' ';
    for (size_t i = 0; i < n && st == NARR_OK;) {
        if (phonemes && s[i] == '[' && i + 1 < n && s[i + 1] == '[') {
            i += copy_phonemes(g, s + i, n - i, out, &st);
            continue;
        }
        size_t at = i;
        int32_t cp = narr_utf8_next(s, n, &i);
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            st = narr_buf_append_char(out, ' ');
        } else if (readable(cp)) {
            if (narr_uc_is_letter(cp) && narr_uc_is_letter(before) &&
                is_greek(cp) != is_greek(before))
                st = narr_buf_append_char(out, ' ');
            if (st == NARR_OK)
                st = narr_buf_append(out, s + at, i - at);
        } else {
            if (g->dropped++ == 0)
                g->first_dropped = cp < 0 ? 0xFFFD : cp;
            if (narr_buf_last(out) != ' ')
                st = narr_buf_append_char(out, ' ');
        }
        before = readable(cp) ? cp : ' ';
    }
    return st;
}

/* Appends word[0..n) unless it is over NARR_GUARD_WORD_MAX characters.
 * eSpeak reads dotted words in a row ("x.x. x.x. …") as one chain of
 * initials and smashes its stack past about 80 letters: a chain is broken
 * with " ," (a clause break; "x.," would not break it) every
 * NARR_GUARD_CHAIN dots. */
static narr_status piece(narr_guard *g, const char *w, size_t n, narr_buf *out)
{
    size_t chars = 0;
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        chars += ((unsigned char)w[i] & 0xC0) != 0x80;
        dots += w[i] == '.';
    }
    if (chars > NARR_GUARD_WORD_MAX) {
        g->skipped += (long)chars;
        return NARR_OK;
    }
    narr_status st = NARR_OK;
    if (dots && g->chain && g->chain + dots > NARR_GUARD_CHAIN) {
        st = narr_buf_append_str(out, narr_buf_last(out) == ' ' ? ", " : " , ");
        g->chain = 0;
    }
    g->chain = dots && !strchr(",;:!?", w[n - 1]) ? g->chain + dots : 0;
    if (st == NARR_OK && out->len && narr_buf_last(out) != ' ')
        st = narr_buf_append_char(out, ' ');
    return st == NARR_OK ? narr_buf_append(out, w, n) : st;
}

/* A word cut after every NARR_GUARD_DOTS-th dot: "S.A.R.L.S.A.R.L." is
 * read as "S.A.R.L. S.A.R.L.". */
static narr_status word(narr_guard *g, const char *w, size_t n, narr_buf *out)
{
    size_t start = 0;
    int dots = 0;
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        if (w[i] != '.' || ++dots < NARR_GUARD_DOTS || i + 1 == n)
            continue;
        st = piece(g, w + start, i + 1 - start, out);
        start = i + 1;
        dots = 0;
    }
    return st == NARR_OK && start < n ? piece(g, w + start, n - start, out) : st;
}

static bool space_at(const char *s, size_t n, size_t i, size_t *after)
{
    *after = i;
    return narr_uc_is_space(narr_utf8_next(s, n, after));
}

narr_status narr_guard_text(narr_guard *g, const char *s, size_t n, bool phonemes,
                            narr_buf *out)
{
    narr_buf_clear(&g->scratch);
    g->chain = 0;
    narr_status st = filter(g, s, n, phonemes, &g->scratch);
    const char *t = g->scratch.data;
    size_t m = g->scratch.len;
    for (size_t i = 0, after; i < m && st == NARR_OK;) {
        if (space_at(t, m, i, &after)) {
            st = narr_buf_append(out, t + i, after - i);
            i = after;
            continue;
        }
        if (phonemes && t[i] == '[' && i + 1 < m && t[i + 1] == '[') {
            /* Already capped by filter(); kept whole, spaces and all. */
            const char *close = strstr(t + i + 2, "]]");
            size_t end = close ? (size_t)(close - t) + 2 : m;
            st = narr_buf_append(out, t + i, end - i);
            i = end;
            continue;
        }
        size_t end = i;
        while (end < m && !space_at(t, m, end, &after) &&
               !(phonemes && t[end] == '[' && end + 1 < m && t[end + 1] == '['))
            end = after;
        st = word(g, t + i, end - i, out);
        i = end;
    }
    return st;
}

bool narr_guard_take_warning(narr_guard *g, char *msg, size_t msg_size)
{
    if (!g->dropped && !g->skipped && !g->capped)
        return false;
    char dropped[160] = "", skipped[80] = "", capped[80] = "";
    if (g->dropped)
        snprintf(dropped, sizeof dropped,
                 L_("%ld character%s eSpeak NG cannot read left out (the first: U+%04lX)"),
                 g->dropped, g->dropped > 1 ? "s" : "", (unsigned long)g->first_dropped);
    if (g->skipped)
        snprintf(skipped, sizeof skipped, L_("%s%ld characters in words over %d characters left out"),
                 g->dropped ? "; " : "", g->skipped, NARR_GUARD_WORD_MAX);
    if (g->capped)
        snprintf(capped, sizeof capped, L_("%s%ld phoneme string%s cut to %d bytes"),
                 g->dropped || g->skipped ? "; " : "", g->capped, g->capped > 1 ? "s" : "",
                 NARR_PHONEMES_MAX);
    snprintf(msg, msg_size, "%s%s%s", dropped, skipped, capped);
    g->dropped = g->skipped = g->capped = 0;
    return true;
}
