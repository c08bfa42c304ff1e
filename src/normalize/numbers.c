/* numbers: ICU spellout, one formatter per rule set. */
#include "normalize/numbers.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

enum { CARD_M, CARD_F, ORD_M, ORD_F, ORD_MP, ORD_FP, NSETS };

static const char *const rule_sets[NSETS] = {
    "%spellout-cardinal-masculine", "%spellout-cardinal-feminine",
    "%spellout-ordinal-masculine",  "%spellout-ordinal-feminine",
    "%spellout-ordinal-masculine-plural", "%spellout-ordinal-feminine-plural",
};

struct narr_numbers {
    UNumberFormat *fmt[NSETS];
};

void narr_numbers_free(narr_numbers *nums)
{
    if (!nums)
        return;
    for (int i = 0; i < NSETS; i++)
        if (nums->fmt[i])
            unum_close(nums->fmt[i]);
    free(nums);
}

narr_numbers *narr_numbers_new(const char *locale, narr_status *err)
{
    narr_numbers *nums = calloc(1, sizeof *nums);
    if (!nums) {
        *err = NARR_E_NOMEM;
        return NULL;
    }
    for (int i = 0; i < NSETS; i++) {
        UErrorCode e = U_ZERO_ERROR;
        nums->fmt[i] = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &e);
        UChar name[64];
        u_uastrcpy(name, rule_sets[i]);
        if (U_SUCCESS(e))
            unum_setTextAttribute(nums->fmt[i], UNUM_DEFAULT_RULESET, name, -1, &e);
        if (U_FAILURE(e)) {
            narr_numbers_free(nums);
            *err = NARR_E_DATA;
            return NULL;
        }
    }
    *err = NARR_OK;
    return nums;
}

static narr_status spell(const UNumberFormat *fmt, int64_t v, narr_buf *out)
{
    UChar words[512];
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = unum_formatInt64(fmt, v, words, 512, NULL, &e);
    if (U_FAILURE(e))
        return NARR_E_ARG;
    char utf8[1024];
    int32_t len = 0;
    u_strToUTF8(utf8, sizeof utf8, &len, words, n, &e);
    if (U_FAILURE(e))
        return NARR_E_ARG;
    return narr_buf_append(out, utf8, (size_t)len);
}

narr_status narr_spell_cardinal(const narr_numbers *nums, int64_t v,
                                narr_gender g, narr_buf *out)
{
    return spell(nums->fmt[g == NARR_FEMININE ? CARD_F : CARD_M], v, out);
}

static size_t count_et(const char *s, size_t n, size_t *last)
{
    size_t count = 0;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(s + i, "-et-", 4) == 0)
            count++, *last = i;
    return count;
}

narr_status narr_spell_ordinal(const narr_numbers *nums, int64_t v,
                               narr_gender g, bool plural, narr_buf *out)
{
    int set = g == NARR_FEMININE ? (plural ? ORD_FP : ORD_F) : (plural ? ORD_MP : ORD_M);
    size_t start = out->len;
    narr_status st = spell(nums->fmt[set], v, out);
    narr_buf card;
    narr_buf_init(&card);
    if (st == NARR_OK)
        st = spell(nums->fmt[CARD_M], v, &card);
    /* ICU says "quatre-vingt-et-unième" and "cent-et-unième" where the
     * cardinal has no "et" (quatre-vingt-un, cent un): drop the extra one. */
    size_t at = 0, unused = 0;
    if (st == NARR_OK && count_et(out->data + start, out->len - start, &at) >
                             count_et(narr_buf_str(&card), card.len, &unused)) {
        char *p = out->data + start + at;
        memmove(p, p + 3, out->len - (start + at + 3) + 1);
        out->len -= 3;
    }
    narr_buf_deinit(&card);
    return st;
}

bool narr_parse_digits(const char *s, size_t n, int64_t *v)
{
    if (n == 0 || n > 18)
        return false;
    int64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}
