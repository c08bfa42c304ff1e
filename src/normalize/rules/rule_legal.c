/* rule_legal: the articles of the French codes as lawyers and newsreaders
 * say them. "l'article L. 121-1" → l'article L cent vingt et un tiret un,
 * "art. R4127-1" → article R quatre mille cent vingt-sept tiret un, "les
 * articles L. 1 à L. 5" → les articles L un à L cinq. The letter names a
 * part of the code (narr_code_part_at); it is read so only shortly after
 * "article(s)" or "art.", where it cannot be a name's initial ("Louis
 * L. 12 ans"). Each number of the chain is a number, the dashes "tiret":
 * the hyphen glued between numbers would run them together ("cent
 * vingt-et-un-un"). */
#include "normalize/numeral.h"
#include "normalize/rules.h"

/* How far back "article" may stand: "les articles L. 1111-2, L. 1111-4
 * et D. 12-3" (a letter with a number is four to six tokens). */
#define LOOK_BACK 24

static const char *const article_words[] = {"article", "articles", "art"};

static bool after_article(const narr_norm *n, size_t i)
{
    for (size_t back = 1; back <= LOOK_BACK && back <= i; back++) {
        if (narr_is_char(n, i - back, ';') || narr_is_char(n, i - back, ':'))
            return false;
        if (narr_word_in(n, i - back, article_words, sizeof article_words / sizeof *article_words))
            return true;
    }
    return false;
}

static bool is_dash(const narr_norm *n, size_t k)
{
    return narr_is_char(n, k, '-') || narr_is_char(n, k, 0x2011) || narr_is_char(n, k, 0x2013);
}

static size_t apply(narr_norm *n, size_t i)
{
    size_t letter = narr_code_part_at(n, i);
    if (!letter || !after_article(n, i) || !narr_clean_start(n, i, "-/."))
        return 0;
    /* The chain: numbers joined by glued dashes ("1111-2-3"). */
    size_t k = i + letter, end;
    narr_numeral parts[8];
    size_t count = 0;
    for (;;) {
        narr_numeral *num = &parts[count];
        if (!narr_read_numeral(n, k, num) || num->negative || num->positive || num->frac ||
            num->groups || num->ntok != 1)
            return 0;
        count++;
        end = k + 1;
        if (count == sizeof parts / sizeof *parts || !is_dash(n, end) || !narr_glued(n, end) ||
            !narr_glued(n, end + 1) || !narr_is_kind(n, end + 1, NARR_TOK_NUMBER))
            break;
        k = end + 1;
    }
    if (!narr_clean_end(n, end, "-/", "-/.,"))
        return 0;
    narr_say_token(n, i);
    for (size_t p = 0; p < count; p++) {
        if (p > 0)
            narr_say(n, "tiret");
        narr_say_numeral(n, &parts[p], NARR_MASCULINE);
    }
    return end - i;
}

const narr_rule narr_rule_legal = {"legal", apply};
