/* UTF-8 helpers over ICU: validation, NFC, classes, case, Windows-1252. */
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utf8.h>

bool narr_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t at = i;
        if (narr_utf8_next(s, n, &i) < 0) {
            if (bad_at)
                *bad_at = at;
            return false;
        }
    }
    return true;
}

int32_t narr_utf8_next(const char *s, size_t n, size_t *i)
{
    const uint8_t *u = (const uint8_t *)s;
    if (u[*i] < 0x80)
        return u[(*i)++];
    int32_t at = (int32_t)*i, len = n > INT32_MAX ? INT32_MAX : (int32_t)n;
    UChar32 c;
    U8_NEXT(u, at, len, c);
    *i = (size_t)at;
    return c < 0 ? -1 : c;
}

int32_t narr_utf8_prev(const char *s, size_t *i)
{
    if (*i == 0)
        return -1;
    const uint8_t *u = (const uint8_t *)s;
    int32_t at = (int32_t)*i;
    UChar32 c;
    U8_PREV(u, 0, at, c);
    *i = (size_t)at;
    return c < 0 ? -1 : c;
}

size_t narr_utf8_encode(int32_t cp, char out[4])
{
    int32_t len = 0;
    UBool err = false;
    U8_APPEND((uint8_t *)out, len, 4, cp, err);
    return err ? 0 : (size_t)len;
}

narr_status narr_utf8_append(narr_buf *out, int32_t cp)
{
    char tmp[4];
    size_t len = narr_utf8_encode(cp, tmp);
    return len ? narr_buf_append(out, tmp, len) : NARR_E_BAD_UTF8;
}

/* Runs an ICU UTF-16 transform over UTF-8 text, appending UTF-8 to out. */
static narr_status append_utf16(narr_buf *out, const UChar *u, int32_t ulen)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, u, ulen, &e);
    if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
        return NARR_E_BAD_UTF8;
    narr_status st = narr_buf_reserve(out, (size_t)need);
    if (st != NARR_OK)
        return st;
    e = U_ZERO_ERROR;
    u_strToUTF8(out->data + out->len, need + 1, NULL, u, ulen, &e);
    if (U_FAILURE(e))
        return NARR_E_BAD_UTF8;
    out->len += (size_t)need;
    out->data[out->len] = '\0';
    return NARR_OK;
}

static UChar *to_utf16(const char *s, size_t n, int32_t *ulen)
{
    if (n > INT32_MAX / 2)
        return NULL;
    UChar *u = malloc((n + 1) * sizeof *u);
    if (!u)
        return NULL;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(u, (int32_t)n + 1, ulen, s, (int32_t)n, &e);
    if (U_FAILURE(e)) {
        free(u);
        return NULL;
    }
    return u;
}

narr_status narr_utf8_nfc(const char *s, size_t n, narr_buf *out)
{
    /* Below U+0300 every code point is already NFC and starts no
     * composition, so most French text takes this fast path. */
    bool simple = true;
    for (size_t i = 0; i < n && simple;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        simple = narr_utf8_next(s, n, &i) < 0x300;
    }
    if (simple)
        return narr_buf_append(out, s, n);

    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    int32_t ulen = 0;
    UChar *u = to_utf16(s, n, &ulen);
    if (U_FAILURE(e) || !u) {
        free(u);
        return u ? NARR_E_BAD_UTF8 : NARR_E_NOMEM;
    }
    int32_t cap = ulen * 3 + 16;
    UChar *norm = malloc((size_t)cap * sizeof *norm);
    narr_status st = NARR_E_NOMEM;
    if (norm) {
        int32_t nlen = unorm2_normalize(nfc, u, ulen, norm, cap, &e);
        st = U_FAILURE(e) ? NARR_E_BAD_UTF8 : append_utf16(out, norm, nlen);
    }
    free(norm);
    free(u);
    return st;
}

narr_status narr_utf8_from_cp1252(const char *s, size_t n, narr_buf *out)
{
    if (n > INT32_MAX / 2)
        return NARR_E_NOMEM;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open("windows-1252", &e);
    if (U_FAILURE(e))
        return NARR_E_DATA;
    UChar *u = malloc((n + 1) * sizeof *u);
    narr_status st = NARR_E_NOMEM;
    if (u) {
        int32_t ulen = ucnv_toUChars(cnv, u, (int32_t)n + 1, s, (int32_t)n, &e);
        st = U_FAILURE(e) ? NARR_E_BAD_UTF8 : append_utf16(out, u, ulen);
    }
    free(u);
    ucnv_close(cnv);
    return st;
}

/* Most of an article is ASCII: those characters are answered here, the
 * same as ICU would, without a call into it. */
static bool is_ascii(int32_t cp) { return cp >= 0 && cp < 0x80; }
static bool ascii_upper(int32_t cp) { return cp >= 'A' && cp <= 'Z'; }
static bool ascii_lower(int32_t cp) { return cp >= 'a' && cp <= 'z'; }

bool narr_uc_is_letter(int32_t cp)
{
    if (is_ascii(cp))
        return ascii_upper(cp) || ascii_lower(cp);
    return u_hasBinaryProperty(cp, UCHAR_ALPHABETIC) ||
           (U_GET_GC_MASK(cp) & U_GC_M_MASK);
}

bool narr_uc_is_upper(int32_t cp) { return is_ascii(cp) ? ascii_upper(cp) : u_isupper(cp); }
bool narr_uc_is_lower(int32_t cp) { return is_ascii(cp) ? ascii_lower(cp) : u_islower(cp); }
bool narr_uc_is_space(int32_t cp)
{
    if (is_ascii(cp))
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return u_isUWhiteSpace(cp) || cp == 0x200B;
}
bool narr_uc_is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }
int32_t narr_uc_to_lower(int32_t cp)
{
    if (is_ascii(cp))
        return ascii_upper(cp) ? cp + 'a' - 'A' : cp;
    return u_tolower(cp);
}

bool narr_uc_is_assigned(int32_t cp)
{
    int8_t type = u_charType(cp);
    return type != U_UNASSIGNED && type != U_PRIVATE_USE_CHAR && type != U_CONTROL_CHAR &&
           type != U_SURROGATE;
}

bool narr_uc_is_emoji_part(int32_t cp)
{
    return (cp >= 0x1F1E6 && cp <= 0x1F1FF) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
           cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 ||
           (cp >= 0x80 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC));
}

bool narr_uc_is_latin_greek_or_common(int32_t cp)
{
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(cp, &e);
    return U_SUCCESS(e) && (script == USCRIPT_LATIN || script == USCRIPT_GREEK ||
                            script == USCRIPT_COMMON || script == USCRIPT_INHERITED);
}
int32_t narr_uc_to_upper(int32_t cp) { return u_toupper(cp); }

static narr_status map_case(const char *s, size_t n, narr_buf *out,
                            int32_t (*map)(int32_t))
{
    for (size_t i = 0; i < n;) {
        int32_t cp = narr_utf8_next(s, n, &i);
        narr_status st = narr_utf8_append(out, cp < 0 ? 0xFFFD : map(cp));
        if (st != NARR_OK)
            return st;
    }
    return NARR_OK;
}

size_t narr_utf8_lower_first(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    int32_t cp = n ? narr_utf8_next(s, n, &i) : -1;
    if (cp < 0 || !narr_uc_is_upper(cp))
        return 0;
    char head[4];
    size_t h = narr_utf8_encode(narr_uc_to_lower(cp), head);
    if (h == 0 || h + n - i > cap)
        return 0;
    memcpy(out, head, h);
    memcpy(out + h, s + i, n - i);
    return h + n - i;
}

narr_status narr_utf8_lower(const char *s, size_t n, narr_buf *out)
{
    return map_case(s, n, out, narr_uc_to_lower);
}

narr_status narr_utf8_upper(const char *s, size_t n, narr_buf *out)
{
    return map_case(s, n, out, narr_uc_to_upper);
}

/* An ASCII mark: not a letter, digit or space ("(", "[", ":"). */
static bool is_mark(unsigned char c)
{
    return c < 0x80 && c != ' ' && !(c >= '0' && c <= '9') &&
           !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

size_t narr_utf8_match_phrase(const char *phrase, const char *s, size_t n)
{
    size_t p = 0, plen = strlen(phrase), i = 0;
    while (p < plen) {
        if (phrase[p] == ' ') {
            p++;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        if (i < n && s[i] == ' ' && i > 0 &&
            (is_mark((unsigned char)phrase[p]) || (p > 0 && is_mark((unsigned char)phrase[p - 1]))))
            while (i < n && s[i] == ' ')
                i++;
        if (i >= n)
            return 0;
        unsigned char pa = (unsigned char)phrase[p], sb = (unsigned char)s[i];
        if (pa < 0x80 && sb < 0x80) {
            /* ASCII needs no Unicode case folding. */
            if (pa != sb && !((pa | 0x20) == (sb | 0x20) && (pa | 0x20) >= 'a' && (pa | 0x20) <= 'z'))
                return 0;
            p++, i++;
            continue;
        }
        int32_t a = narr_utf8_next(phrase, plen, &p);
        int32_t b = narr_utf8_next(s, n, &i);
        if (a != b && narr_uc_to_lower(a) != narr_uc_to_lower(b))
            return 0;
    }
    size_t end = plen, k = i;
    int32_t last = narr_utf8_prev(phrase, &end);
    if (i < n && narr_uc_is_letter(last) && narr_uc_is_letter(narr_utf8_next(s, n, &k)))
        return 0;
    return i;
}

narr_status narr_utf8_to_ascii(const char *s, size_t n, narr_buf *out)
{
    int32_t ulen = 0;
    UChar *u = to_utf16(s, n, &ulen);
    if (!u)
        return NARR_E_BAD_UTF8;
    /* Any-Latin first, so Greek or Cyrillic titles still give words. */
    static const UChar id[] = u"Any-Latin; Latin-ASCII";
    UErrorCode e = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
    int32_t cap = ulen * 4 + 16, limit = ulen;
    UChar *w = U_SUCCESS(e) && ulen < INT32_MAX / 8 ? realloc(u, (size_t)cap * sizeof *u) : NULL;
    narr_status st = NARR_E_NOMEM;
    if (w) {
        u = w;
        utrans_transUChars(t, u, &ulen, cap, 0, &limit, &e);
        st = U_SUCCESS(e) ? append_utf16(out, u, ulen) : NARR_E_BAD_UTF8;
    }
    utrans_close(t);
    free(u);
    return st;
}
