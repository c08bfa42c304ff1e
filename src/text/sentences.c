/* sentences: abbreviation-aware sentence boundaries. "M. Dupont", "vol. 2",
 * "c.-à-d." and "J.-M. Le Pen" hold a sentence open; "etc." and "J.-C."
 * may close one; an initial closes one only before a word that usually
 * starts a sentence ("la ligne A. Les rames" → two sentences). */
#include "text/sentences.h"
#include "base/utf8.h"

#include <string.h>

static bool is_closing(int32_t cp)
{
    return cp == 0xBB || cp == '"' || cp == 0x201D || cp == 0x203A ||
           cp == ')' || cp == ']' || cp == '\'';
}

static bool is_end_mark(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static bool is_opening(int32_t cp)
{
    return cp == ' ' || cp == 0xAB || cp == '"' || cp == 0x201C || cp == 0x2039 ||
           cp == '(' || cp == '[' || cp == '-' || cp == 0x2013 || cp == 0x2014;
}

/* Can the text after an end mark start a new sentence? A credit line
 * ("© AFP") starts one too. */
bool narr_sentence_may_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp = narr_utf8_next(s, n, &i);
        if (narr_uc_is_letter(cp))
            return narr_uc_is_upper(cp);
        if (narr_uc_is_digit(cp) || cp == 0xA9)
            return true;
        if (!is_opening(cp))
            return false;
    }
    return true;
}

bool narr_sentence_ends(const char *s, size_t n, bool colon)
{
    size_t i = n;
    while (i > 0) {
        int32_t cp = narr_utf8_prev(s, &i);
        if (cp == ' ' || cp == 0xBB || cp == '"' || cp == 0x201D || cp == 0x203A || cp == ')')
            continue;
        return is_end_mark(cp) || (colon && cp == ':');
    }
    return false;
}

/* The first word after s (past spaces and opening marks): its offset in
 * *at and its length in letters' bytes (0 if none). */
static size_t next_word(const char *s, size_t n, size_t *at)
{
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        int32_t cp = narr_utf8_next(s, n, &i);
        if (narr_uc_is_letter(cp) || narr_uc_is_digit(cp)) {
            size_t end = i;
            while (end < n) {
                size_t next = end;
                int32_t c2 = narr_utf8_next(s, n, &next);
                if (!narr_uc_is_letter(c2))
                    break;
                end = next;
            }
            *at = start;
            return end - start;
        }
        if (!is_opening(cp))
            break;
    }
    return 0;
}

/* Words that usually start a sentence and hardly ever follow an initial
 * in a name: after "la ligne A." they mean a new sentence; before "M."
 * ("Selon M. Dupont") they are not a first name. */
static const char *const sentence_starters[] = {
    "Le", "La", "Les", "L", "Un", "Une", "Des", "Du", "Il", "Ils", "Elle", "Elles",
    "On", "Nous", "Vous", "Je", "J", "Ce", "Cet", "Cette", "Ces", "C", "Cela", "Ça",
    "Mais", "Et", "Or", "Donc", "En", "Dans", "Pour", "Par", "Sur", "Selon", "Son",
    "Sa", "Ses", "Leur", "Leurs", "Au", "Aux", "À", "Avec", "Depuis", "Après",
    "Avant", "Puis", "Alors", "Enfin", "Pourtant", "Ainsi", "Si", "Lorsque", "Quand",
    "Comme", "Tout", "Tous", "Toutes", "Chaque", "Plus", "Aucun", "Aucune", "Notre",
    "Nos", "Votre", "Vos", "Qui", "Que", "Qu", "Ne", "N", "D", "S", "Cependant",
    "Toutefois", "Désormais", "Parmi", "Sans", "Sous", "Vers", "Chez", "Malgré",
    "Mardi", "Lundi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Y",
    "De", "Contre", "Entre", "Car", "Hier", "Ici", "Face", "Quant", "Devant", "Auprès",
    "Outre", "Grâce", "Lors", "Dès", "Aujourd", "Où", "Interrogé", "Interrogée", NULL};

static bool is_sentence_starter(const char *w, size_t len)
{
    for (const char *const *k = sentence_starters; *k; k++)
        if (strlen(*k) == len && memcmp(*k, w, len) == 0)
            return true;
    return false;
}

typedef enum {
    DOT_PLAIN,    /* an ordinary full stop */
    DOT_HOLD,     /* an abbreviation that never ends a sentence */
    DOT_NUMBER,   /* holds before a number: "vol. 2" but "son vol. Le" */
    DOT_INITIALS, /* "J.", "J.-M.", "S.N.C.F." */
} dot_kind;

/* Abbreviations and initials are short: a dot is looked at with at most
 * this many bytes of its word on each side, so that "x.x.x.…" or a run of
 * dots costs linear time, not a rescan from every dot. */
#define WORD_SCAN_MAX 64

/* Start of the word that ends at text[end] (letters, dots, hyphens, °);
 * *letters counts its letters, or is 0 when the word is longer than
 * WORD_SCAN_MAX bytes (it is then no abbreviation). */
static size_t word_start(const char *text, size_t end, int *letters)
{
    size_t start = end;
    *letters = 0;
    for (;;) {
        size_t at = start;
        int32_t cp = narr_utf8_prev(text, &at);
        if (cp < 0 || !(narr_uc_is_letter(cp) || cp == '.' || cp == '-' || cp == 0xB0))
            break;
        if (end - at > WORD_SCAN_MAX) {
            *letters = 0;
            return end;
        }
        *letters += narr_uc_is_letter(cp);
        start = at;
    }
    return start;
}

/* The row for text[start..end), or for it with its first letter lower-
 * cased ("Vol." at the start of a sentence is "vol."). */
static const narr_row *find(const narr_table *t, const char *text, size_t start, size_t end)
{
    const narr_row *row = narr_table_find(t, text + start, end - start);
    if (row || !t)
        return row;
    size_t k = start;
    int32_t cp = narr_utf8_next(text, end, &k);
    if (!narr_uc_is_upper(cp) || end - k > 60)
        return NULL;
    char key[64];
    size_t o = narr_utf8_encode(narr_uc_to_lower(cp), key);
    if (o == 0)
        return NULL;
    memcpy(key + o, text + k, end - k);
    return narr_table_find(t, key, o + end - k);
}

/* "J.", "J.-M.", "S.N.C.F.": single capitals each followed by a dot. */
static bool initials(const char *text, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        int32_t cp = narr_utf8_next(text, end, &i);
        if (!narr_uc_is_upper(cp) || i >= end || text[i] != '.')
            return false;
        i++;
        if (i < end && text[i] == '-')
            i++;
    }
    return true;
}

/* End of the word that starts at text[start] (letters, dots, hyphens). */
static size_t word_end(const char *text, size_t len, size_t start)
{
    size_t end = start;
    while (end < len && end - start <= WORD_SCAN_MAX) {
        size_t next = end;
        int32_t cp = narr_utf8_next(text, len, &next);
        if (!(narr_uc_is_letter(cp) || cp == '.' || cp == '-'))
            break;
        end = next;
    }
    return end;
}

/* Is text[start..dot) a single capital between a first name and a name,
 * an initial ("Marsha P. Johnson", "Stephanie M. Lee", "George W. Bush")?
 * The word before is capitalized and not one that starts sentences
 * ("Selon M. Dupont"); the word after is capitalized. */
static bool initial_in_name(const char *text, size_t len, size_t start, size_t dot)
{
    size_t k = start;
    if (!narr_uc_is_upper(narr_utf8_next(text, dot, &k)) || k != dot || start < 3 ||
        text[start - 1] != ' ')
        return false;
    size_t prev = start - 1, first = prev;
    while (first > 0) {
        size_t at = first;
        if (!narr_uc_is_letter(narr_utf8_prev(text, &at)))
            break;
        first = at;
    }
    size_t at = first;
    if (prev - first < 2 || !narr_uc_is_upper(narr_utf8_next(text, prev, &at)) ||
        is_sentence_starter(text + first, prev - first))
        return false;
    size_t next;
    size_t wlen = next_word(text + dot + 1, len - dot - 1, &next);
    at = dot + 1 + next;
    return wlen > 1 && text[dot + 1] == ' ' && narr_uc_is_upper(narr_utf8_next(text, len, &at)) &&
           !is_sentence_starter(text + dot + 1 + next, wlen);
}

/* What the '.' at text[dot] closes. */
static dot_kind dot_before(const char *text, size_t len, size_t dot,
                           const narr_table *abbreviations)
{
    int letters;
    size_t start = word_start(text, dot, &letters);
    if (letters == 0)
        return DOT_PLAIN;
    if (letters == 1 && initial_in_name(text, len, start, dot))
        return DOT_HOLD;
    /* Inside a two-word abbreviation: "apr. J.-C.", "p. ex." */
    if (dot + 2 < len && text[dot + 1] == ' ') {
        size_t end = word_end(text, len, dot + 2);
        if (end > dot + 2 && find(abbreviations, text, start, end))
            return DOT_HOLD;
    }
    const narr_row *row = NULL;
    /* The end of one: "et al.", "av. J.-C." */
    if (start > 0 && text[start - 1] == ' ') {
        int prev_letters;
        size_t prev = word_start(text, start - 1, &prev_letters);
        if (prev_letters > 0)
            row = find(abbreviations, text, prev, dot + 1);
    }
    if (!row)
        row = find(abbreviations, text, start, dot + 1);
    if (row) {
        /* A number context ("number", "quantity,number") holds the
         * sentence open only before a number; one that may end a sentence
         * ("etc.", "max.") ends it anywhere else. */
        bool number = strstr(row->field[2], "number") != NULL;
        if (strcmp(row->field[3], "end") == 0)
            return number ? DOT_NUMBER : DOT_PLAIN;
        return number ? DOT_NUMBER : DOT_HOLD;
    }
    /* "J.-M." or "Jean-M." are a first name: "J.-M. Le Pen". */
    size_t last = dot;
    int32_t letter = narr_utf8_prev(text, &last);
    if (last > start && text[last - 1] == '-' && narr_uc_is_upper(letter))
        return DOT_HOLD;
    return initials(text, start, dot + 1) ? DOT_INITIALS : DOT_PLAIN;
}

/* Does the sentence go on after the '.' ending at text[after]? */
static bool held_open(dot_kind kind, const char *s, size_t n)
{
    if (kind == DOT_HOLD)
        return true;
    if (kind == DOT_PLAIN)
        return false;
    size_t at = 0;
    size_t len = next_word(s, n, &at);
    if (kind == DOT_NUMBER) {
        if (len && narr_uc_is_digit((unsigned char)s[at]))
            return true;
        /* "art. R. 4127-1", "art. R4127-1": a part of a code, its number. */
        if (len && s[at] && strchr("LRDA", s[at]) && at + 1 < n &&
            (s[at + 1] == '.' || narr_uc_is_digit((unsigned char)s[at + 1])))
            return true;
        /* "(cat. A)", "fig. B,": a letter as a label. */
        if (len == 1 && s[at] >= 'A' && s[at] <= 'Z' && at + 1 < n && strchr(")],;", s[at + 1]))
            return true;
        for (size_t k = 0; k < len; k++)
            if (!strchr("IVXLCDM", s[at + k]))
                return false;
        return len > 0; /* "chap. IV" */
    }
    return !(len && is_sentence_starter(s + at, len));
}

size_t narr_sentence_length(const char *text, size_t len,
                            const narr_table *abbreviations, bool *complete)
{
    size_t i = 0, last_comma = 0, last_space = 0;
    int depth = 0; /* inside « » */
    while (i < len) {
        size_t at = i;
        int32_t cp = narr_utf8_next(text, len, &i);
        if (cp == 0xAB)
            depth++;
        else if (cp == 0xBB && depth > 0)
            depth--;
        if (cp == ',' || cp == ';')
            last_comma = i;
        else if (cp == ' ')
            last_space = i;
        if (i > NARR_SENTENCE_MAX) {
            *complete = true;
            return last_comma > NARR_SENTENCE_MAX / 2 ? last_comma
                   : last_space > 0                   ? last_space
                                                      : at;
        }
        if (!is_end_mark(cp))
            continue;
        if (cp == '.' && i < len && narr_uc_is_digit((unsigned char)text[i]))
            continue; /* 8.350 */
        if (cp == '.' &&
            held_open(dot_before(text, len, at, abbreviations), text + i, len - i))
            continue;
        /* Take the rest of the mark ("?!", "...") and closing quotes; a run
         * longer than a sentence is cut like one (below). */
        size_t end = i;
        while (end < len && end <= NARR_SENTENCE_MAX) {
            size_t next = end;
            int32_t c2 = narr_utf8_next(text, len, &next);
            size_t after = next;
            int32_t c3 = c2 == ' ' && next < len ? narr_utf8_next(text, len, &after) : 0;
            /* French typography puts a space before »: "fini. »". */
            bool spaced_close = c2 == ' ' && c3 == 0xBB;
            if (spaced_close)
                next = after, c2 = c3;
            if (is_end_mark(c2) || is_closing(c2) || spaced_close) {
                if (c2 == 0xBB && depth > 0)
                    depth--;
                end = next;
                continue;
            }
            break;
        }
        if (end == len) {
            *complete = true;
            return end;
        }
        if (text[end] == ' ' && narr_sentence_may_start(text + end, len - end)) {
            *complete = true;
            return end;
        }
        /* Every mark of the run up to end would end here too: go on past
         * it, not from the next mark ("!!!…! la" was quadratic). */
        i = end;
    }
    *complete = false;
    return len;
}
