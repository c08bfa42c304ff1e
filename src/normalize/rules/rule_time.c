/* rule_time: clock times and durations. "14h30" → quatorze heures trente,
 * "9 h 05" → neuf heures cinq, "21h" → vingt et une heures, "1h" → une
 * heure (minutes "00" are not said), "2 h 05 min" → deux heures cinq
 * minutes, "à 10:30" → à dix heures trente (a colon needs a time word
 * before it), "9h-12h" → neuf heures à douze heures, "24h/24" →
 * vingt-quatre heures sur vingt-quatre, "7j/7" → sept jours sur sept;
 * race times "3'26''" → trois minutes vingt-six secondes, "9\"58" → neuf
 * secondes cinquante-huit. */
#include "normalize/numbers.h"
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

typedef struct {
    int64_t hours, minutes, seconds;
    bool minutes_word; /* "min" was written: say "minutes" */
    bool has_seconds;
    size_t ntok;
} clock_time;

static bool small_number(const narr_norm *n, size_t i, size_t max_len, int64_t max,
                         int64_t *v)
{
    const narr_token *t = narr_at(n, i);
    return t && t->kind == NARR_TOK_NUMBER && t->len <= max_len &&
           narr_parse_digits(t->s, t->len, v) && *v <= max;
}

/* Something glued at j (a word or number) continues the span. */
static bool touches_word(const narr_norm *n, size_t j)
{
    return !narr_clean_end(n, j, NULL, NULL);
}

/* "h" after the hours: "14h", "14 h", "14H30" (capital only when it touches). */
static bool hour_mark(const narr_norm *n, size_t j)
{
    return narr_is(n, j, "h") || (narr_is(n, j, "H") && narr_glued(n, j));
}

/* "14h30", "9 h 05", "2 h 05 min 30 s", "21h". */
static bool read_h_form(const narr_norm *n, size_t i, clock_time *c)
{
    memset(c, 0, sizeof *c);
    if (!small_number(n, i, 2, 99, &c->hours) || !hour_mark(n, i + 1))
        return false;
    bool spaced = !narr_glued(n, i + 1);
    size_t j = i + 2;
    const narr_token *m = narr_at(n, j);
    if (m && m->kind == NARR_TOK_NUMBER && m->space_before == spaced && m->len == 2) {
        if (!small_number(n, j, 2, 59, &c->minutes))
            return false;
        j++;
        if ((narr_is(n, j, "min") || narr_is(n, j, "mn")) && !touches_word(n, j + 1)) {
            c->minutes_word = true;
            j++;
            if (small_number(n, j, 2, 59, &c->seconds) && narr_at(n, j)->space_before &&
                narr_is(n, j + 1, "s") && !touches_word(n, j + 2)) {
                c->has_seconds = true;
                j += 2;
            }
        }
    } else if (touches_word(n, j)) {
        return false; /* "3hX", "14h3": not a time */
    }
    if (touches_word(n, j))
        return false;
    c->ntok = j - i;
    return true;
}

/* Words after which "10:30" is a time ("à 10:30", "entre 9:00 et 12:00"). */
static bool time_context(const narr_norm *n, size_t i)
{
    static const char *const words[] = {"à",      "vers",   "dès",    "de",    "entre",
                                        "et",     "avant",  "après",  "depuis", "jusqu",
                                        "partir", "puis",   "ou"};
    return i > 0 && narr_word_in(n, i - 1, words, sizeof words / sizeof words[0]);
}

/* "10:30" after a time word, "2:05:30" (with seconds) anywhere. */
static bool read_colon_form(const narr_norm *n, size_t i, clock_time *c)
{
    memset(c, 0, sizeof *c);
    if (!small_number(n, i, 2, 23, &c->hours) || !narr_is_char(n, i + 1, ':') ||
        !narr_glued(n, i + 1) || !narr_glued(n, i + 2) ||
        narr_at(n, i + 2)->len != 2 || !small_number(n, i + 2, 2, 59, &c->minutes))
        return false;
    size_t j = i + 3;
    if (narr_is_char(n, j, ':') && narr_glued(n, j) && narr_glued(n, j + 1) &&
        narr_at(n, j + 1)->len == 2 && small_number(n, j + 1, 2, 59, &c->seconds)) {
        c->has_seconds = true;
        c->minutes_word = true;
        j += 2;
    } else if (!time_context(n, i)) {
        return false;
    }
    if (touches_word(n, j) || (narr_is_char(n, j, ':') && narr_glued(n, j)))
        return false;
    c->ntok = j - i;
    return true;
}

/* "une heure", "deux jours": a count and its noun, plural from two on. */
static void say_count(narr_norm *n, int64_t v, narr_gender g, const char *one,
                      const char *many)
{
    narr_say_cardinal(n, v, g);
    narr_say(n, v >= 2 ? many : one);
}

static void say_clock(narr_norm *n, const clock_time *c)
{
    say_count(n, c->hours, NARR_FEMININE, "heure", "heures");
    if (c->minutes_word && (c->minutes > 0 || c->has_seconds))
        say_count(n, c->minutes, NARR_FEMININE, "minute", "minutes");
    else if (c->minutes > 0)
        narr_say_cardinal(n, c->minutes, NARR_FEMININE);
    if (c->has_seconds)
        say_count(n, c->seconds, NARR_FEMININE, "seconde", "secondes");
}

/* "24h/24", "7j/7", "7 j/7": round the clock, every day. */
static size_t per_period(narr_norm *n, size_t i)
{
    int64_t a, b;
    bool hours = narr_is(n, i + 1, "h");
    if (!small_number(n, i, 2, 99, &a) || !(hours || narr_is(n, i + 1, "j")) ||
        !narr_is_char(n, i + 2, '/') || !narr_glued(n, i + 2) || !narr_glued(n, i + 3) ||
        !small_number(n, i + 3, 3, 999, &b) || touches_word(n, i + 4))
        return 0;
    narr_gender g = hours ? NARR_FEMININE : NARR_MASCULINE;
    say_count(n, a, g, hours ? "heure" : "jour", hours ? "heures" : "jours");
    narr_say(n, "sur");
    narr_say_cardinal(n, b, g);
    return 4;
}

/* A prime glued at j: 1 for ' ’ ′, 2 for '' ’’ ″ " (tokens in *len). */
static int prime_at(const narr_norm *n, size_t j, size_t *len)
{
    const narr_token *t = narr_at(n, j);
    if (!t || t->space_before || t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER)
        return 0;
    *len = 1;
    if (t->cp == 0x2033 || t->cp == '"')
        return 2;
    if (t->cp != '\'' && t->cp != 0x2019 && t->cp != 0x2032)
        return 0;
    const narr_token *u = narr_at(n, j + 1);
    if (u && !u->space_before && u->kind != NARR_TOK_WORD && u->kind != NARR_TOK_NUMBER &&
        u->cp == t->cp) {
        *len = 2;
        return 2;
    }
    return 1;
}

/* "3'26''", "1'45\"3", "9\"58": minutes and seconds with primes. The
 * number after a prime is glued and has two digits, so "l'an 2' "
 * or a quoted "12" are left alone. */
static size_t race_time(narr_norm *n, size_t i)
{
    int64_t a, b, c;
    size_t pl, ql, k;
    int p = prime_at(n, i + 1, &pl);
    if (!p || !small_number(n, i, 2, 59, &a) || !narr_clean_start(n, i, "'’\"″′.,:"))
        return 0;
    k = i + 1 + pl;
    const narr_token *t = narr_at(n, k);
    if (!t || t->space_before || t->len != 2 || !small_number(n, k, 2, 99, &b))
        return 0;
    if (p == 2) {
        /* seconds then hundredths: nothing may follow. */
        if (touches_word(n, k + 1) || prime_at(n, k + 1, &ql))
            return 0;
        say_count(n, a, NARR_FEMININE, "seconde", "secondes");
        narr_say_cardinal(n, b, NARR_MASCULINE);
        return k + 1 - i;
    }
    if (b > 59)
        return 0;
    k++;
    int q = prime_at(n, k, &ql);
    bool hundredths = false;
    if (q == 2) {
        k += ql;
        const narr_token *h = narr_at(n, k);
        hundredths = h && !h->space_before && h->len == 2 && small_number(n, k, 2, 99, &c);
        k += hundredths;
    } else if (q || narr_is_kind(n, k, NARR_TOK_WORD)) {
        /* "8'26 ans" without its closing prime is no race time. */
        return 0;
    }
    if (touches_word(n, k) || prime_at(n, k, &ql))
        return 0;
    say_count(n, a, NARR_FEMININE, "minute", "minutes");
    if (q == 2)
        say_count(n, b, NARR_FEMININE, "seconde", "secondes");
    else
        narr_say_cardinal(n, b, NARR_FEMININE);
    if (hundredths)
        narr_say_cardinal(n, c, NARR_MASCULINE);
    return k - i;
}

static size_t apply(narr_norm *n, size_t i)
{
    if (!narr_is_kind(n, i, NARR_TOK_NUMBER))
        return 0;
    size_t used = per_period(n, i);
    if (used)
        return used;
    if (narr_is_kind(n, i + 1, NARR_TOK_PUNCT) || narr_is_kind(n, i + 1, NARR_TOK_SYMBOL)) {
        used = race_time(n, i);
        if (used)
            return used;
    }
    /* "1 h 1/2", "2 h ½": une heure et demie. */
    int64_t hours;
    const narr_token *t = narr_at(n, i);
    size_t half = narr_half_at(n, i + 2);
    if (half && narr_is(n, i + 1, "h") && t->len <= 2 && narr_parse_digits(t->s, t->len, &hours)) {
        narr_say_cardinal(n, hours, NARR_FEMININE);
        narr_say(n, hours > 1 ? "heures et demie" : "heure et demie");
        return 2 + half;
    }
    clock_time c;
    bool h_form = read_h_form(n, i, &c);
    if (!h_form && !read_colon_form(n, i, &c))
        return 0;
    say_clock(n, &c);
    used = c.ntok;
    /* "9h-12h", "10h30 – 12h": a span of time, said with "à". */
    const narr_token *dash = narr_at(n, i + used);
    clock_time end;
    if (h_form && dash && (dash->cp == '-' || dash->cp == 0x2013) &&
        dash->kind == NARR_TOK_PUNCT && read_h_form(n, i + used + 1, &end)) {
        narr_say(n, "à");
        say_clock(n, &end);
        used += 1 + end.ntok;
    }
    return used;
}

const narr_rule narr_rule_time = {"time", apply};
