/* rule_foreign: a passage in another language (the pipeline marks it
 * NARR_MARK_FOREIGN(k) … NARR_MARK_FOREIGN_CLOSE from the page's lang="…")
 * is said as written: no French number, abbreviation or lexicon rule
 * touches it, since eSpeak NG's voice for that language reads it. Only
 * quotation marks go (as everywhere: they are not said), and the safety
 * escaping of "[[" still applies to the whole sentence afterwards. The
 * marks stay for normalize/quotes.c, which makes them a span. */
#include "normalize/rules.h"
#include "normalize/quotes.h"

static bool is_quote_mark(int32_t cp)
{
    return cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
           cp == 0x2039 || cp == 0x203A || cp == '"';
}

static bool opens_passage(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    return t && t->kind == NARR_TOK_SYMBOL && t->cp >= NARR_MARK_FOREIGN_FIRST &&
           t->cp < NARR_MARK_FOREIGN_FIRST + NARR_MARK_FOREIGN_LANGS;
}

static size_t apply(narr_norm *n, size_t i)
{
    if (!opens_passage(n, i))
        return 0;
    narr_say_token(n, i);
    narr_say_glue(n);
    size_t k = i + 1;
    for (; k < n->ntok && !narr_is_char(n, k, 0xE004); k++) {
        const narr_token *t = narr_at(n, k);
        if (t->kind == NARR_TOK_PUNCT && is_quote_mark(t->cp)) {
            n->force_space = n->force_space || t->space_before;
            continue;
        }
        if (t->space_before)
            n->force_space = true;
        else if (!n->force_space)
            narr_say_glue(n);
        narr_say_token(n, k);
    }
    if (k < n->ntok) {
        narr_say_glue(n);
        narr_say_token(n, k++);
    }
    return k - i;
}

const narr_rule narr_rule_foreign = {"foreign", apply};
