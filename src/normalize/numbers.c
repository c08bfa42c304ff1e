/* numbers: ICU spellout, one formatter per rule set. */
#include "normalize/numbers.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include <pthread.h>

enum { CARD_M, CARD_F, ORD_M, ORD_F, ORD_MP, ORD_FP, NSETS };

static const char *const rule_sets[NSETS] = {
    "%spellout-cardinal-masculine", "%spellout-cardinal-feminine",
    "%spellout-ordinal-masculine",  "%spellout-ordinal-feminine",
    "%spellout-ordinal-masculine-plural", "%spellout-ordinal-feminine-plural",
};

/* One formatter, its rule set chosen for each number: ICU parses the
 * locale's whole spellout rules in unum_open (a third of narrateur's
 * start-up when it was done once per rule set), while choosing a rule set
 * is a lookup by name. The choice and the formatting go together under
 * the lock. */
struct narr_numbers {
    UNumberFormat *fmt;
    UChar name[NSETS][64];
    pthread_mutex_t lock;
};

void narr_numbers_free(narr_numbers *nums)
{
    if (!nums)
        return;
    if (nums->fmt)
        unum_close(nums->fmt);
    pthread_mutex_destroy(&nums->lock);
    free(nums);
}

narr_numbers *narr_numbers_new(const char *locale, narr_status *err)
{
    narr_numbers *nums = calloc(1, sizeof *nums);
    if (!nums) {
        *err = NARR_E_NOMEM;
        return NULL;
    }
    pthread_mutex_init(&nums->lock, NULL);
    UErrorCode e = U_ZERO_ERROR;
    nums->fmt = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &e);
    /* Every rule set is tried once, so that a locale without one fails here. */
    for (int i = 0; i < NSETS && U_SUCCESS(e); i++) {
        u_uastrcpy(nums->name[i], rule_sets[i]);
        unum_setTextAttribute(nums->fmt, UNUM_DEFAULT_RULESET, nums->name[i], -1, &e);
    }
    if (U_FAILURE(e)) {
        narr_numbers_free(nums);
        *err = NARR_E_DATA;
        return NULL;
    }
    *err = NARR_OK;
    return nums;
}

static narr_status spell(const narr_numbers *nums, int set, int64_t v, narr_buf *out)
{
    UChar words[512];
    UErrorCode e = U_ZERO_ERROR;
    pthread_mutex_t *lock = (pthread_mutex_t *)&nums->lock;
    pthread_mutex_lock(lock);
    unum_setTextAttribute(nums->fmt, UNUM_DEFAULT_RULESET, nums->name[set], -1, &e);
    int32_t n = U_SUCCESS(e) ? unum_formatInt64(nums->fmt, v, words, 512, NULL, &e) : 0;
    pthread_mutex_unlock(lock);
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
    return spell(nums, g == NARR_FEMININE ? CARD_F : CARD_M, v, out);
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
    narr_status st = spell(nums, set, v, out);
    narr_buf card;
    narr_buf_init(&card);
    if (st == NARR_OK)
        st = spell(nums, CARD_M, v, &card);
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
