/* rule_version: numbers joined by dots that are no decimal and no
 * thousands: versions and addresses, "iOS 17.2.1" → dix-sept point deux
 * point un, "la version 3.6" → trois point six, "192.168.1.1"; and the
 * articles of a code or constitution, read as two numbers: "le 49.3" →
 * quarante-neuf trois, "l'article 16.2" → seize deux. Dates ("14.07.2026",
 * "17.06") are rule_date's, taken before; "8.350 habitants" (a thousands
 * group) is rule_number's. Also the numbers of a variant's name, "XBB.1.5"
 * → X B B point un point cinq. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#define MAX_PARTS 8

/* Words before a version: "version 3.6", "iOS 17.2", "v2.1". */
static const char *const version_words[] = {
    "version", "versions", "v", "ios", "ipados", "macos", "android", "windows", "linux",
    "python", "firefox", "chrome", "release", "mise", "bêta", "beta", "wi", "bluetooth",
    "usb", "hdmi", "php", "java", "gpt", "web", "noyau", "kernel", "ubuntu", "debian",
};

/* "le 49.3": the one article cited bare, the rest after "article". */
static const char *const article_words[] = {"article", "articles", "art"};

static bool digits_of(const narr_token *t, int64_t *v)
{
    return t->len <= 6 && narr_parse_digits(t->s, t->len, v);
}

/* "XBB.1.5", "BA.2.86", "JN.1", "B.1.1.7": the name of a variant (or an
 * annex), capitals then numbers joined by dots, from the dot at token i
 * (the capitals are the acronym rule's): "point un point cinq". */
static size_t after_capitals(narr_norm *n, size_t i)
{
    if (i == 0 || !narr_is_char(n, i, '.') || !narr_glued(n, i) || !narr_is_capitals(n, i - 1, 5) ||
        !narr_clean_start(n, i - 1, ".,/:-") || !narr_glued(n, i + 1) ||
        !narr_is_kind(n, i + 1, NARR_TOK_NUMBER))
        return 0;
    size_t j = i + 1, count = 0;
    int64_t v;
    while (count < MAX_PARTS && narr_is_kind(n, j, NARR_TOK_NUMBER) &&
           narr_at(n, j)->len <= 3 && digits_of(narr_at(n, j), &v)) {
        count++;
        if (!(narr_is_char(n, j + 1, '.') && narr_glued(n, j + 1) &&
              narr_is_kind(n, j + 2, NARR_TOK_NUMBER) && narr_glued(n, j + 2)))
            break;
        j += 2;
    }
    if (!count || !narr_clean_end(n, j + 1, NULL, ".,/-"))
        return 0;
    n->span_space = true; /* the dot touched the capitals */
    for (size_t k = i + 1; k <= j; k += 2) {
        narr_say(n, "point");
        narr_say_decimals(n, narr_at(n, k)->s, narr_at(n, k)->len);
    }
    return j + 1 - i;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind == NARR_TOK_PUNCT)
        return after_capitals(n, i);
    if (t->kind != NARR_TOK_NUMBER)
        return 0;
    /* "v2.1": the number may touch the v. */
    bool v_glued = narr_glued(n, i) && (narr_is(n, i - 1, "v") || narr_is(n, i - 1, "V")) &&
                   narr_clean_start(n, i - 1, ".,/:-");
    if (!v_glued && (narr_glued(n, i) || !narr_clean_start(n, i, ".,/:-")))
        return 0;
    size_t part[MAX_PARTS], count = 0, j = i;
    bool three = true; /* every part after the first has three digits */
    while (count < MAX_PARTS && narr_is_kind(n, j, NARR_TOK_NUMBER)) {
        part[count++] = j;
        if (count > 1 && narr_at(n, j)->len != 3)
            three = false;
        if (!(narr_is_char(n, j + 1, '.') && narr_glued(n, j + 1) &&
              narr_is_kind(n, j + 2, NARR_TOK_NUMBER) && narr_glued(n, j + 2)))
            break;
        j += 2;
    }
    size_t end = part[count - 1] + 1;
    int64_t v;
    for (size_t k = 0; k < count; k++)
        if (!digits_of(narr_at(n, part[k]), &v))
            return 0;
    if (count < 2 || (count == MAX_PARTS && narr_is_char(n, end, '.')) ||
        !narr_clean_end(n, end, NULL, ".,/-"))
        return 0;
    /* A word before it that says what it is: "iOS 17.2", "version 3.6". */
    size_t w = v_glued ? i - 1 : i;
    bool version = v_glued;
    if (!version && w > 0 && narr_is_kind(n, w - 1, NARR_TOK_WORD))
        version = narr_word_in(n, w - 1, version_words,
                               sizeof version_words / sizeof version_words[0]) ||
                  (narr_is(n, w - 1, "jour") && narr_word_is(n, w - 2, "à"));
    bool article = w > 0 && count == 2 &&
                   narr_word_in(n, w - 1, article_words,
                                sizeof article_words / sizeof article_words[0]);
    int64_t a, b;
    if (count == 2 && !article && digits_of(t, &a) && a == 49 &&
        digits_of(narr_at(n, part[1]), &b) && b == 3)
        article = true;
    /* "8.350", "1.000.000": thousands, unless named a version. */
    if (three && !version && !article && t->len <= 3 && t->s[0] != '0')
        return 0;
    if (v_glued)
        n->span_space = true;
    for (size_t k = 0; k < count; k++) {
        const narr_token *d = narr_at(n, part[k]);
        if (k > 0 && !article)
            narr_say(n, "point");
        digits_of(d, &v);
        /* "16.0.1": "zéro", and "3.06" → "zéro six" (as written). */
        if (k > 0)
            narr_say_decimals(n, d->s, d->len);
        else
            narr_say_cardinal(n, v, NARR_MASCULINE);
    }
    return end - i;
}

const narr_rule narr_rule_version = {"version", apply};
