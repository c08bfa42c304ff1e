/* TSV tables: parsing, lookup, errors; every built-in table parses. */
#include "../check.h"
#include "data/embedded.h"
#include "data/table.h"

int main(void)
{
    narr_status st;
    char msg[256];
    const char text[] = "# comment\nzeta\tZ\nalpha\tA\tx\n\nM.\tmonsieur\n";
    narr_table *t = narr_table_parse(text, sizeof text - 1, "t.tsv", 2, &st, msg, sizeof msg);
    CHECK(t != NULL);
    CHECK_INT_EQ(narr_table_count(t), 3);
    const narr_row *r = narr_table_find(t, "alpha", 5);
    CHECK(r && strcmp(r->field[1], "A") == 0 && strcmp(r->field[2], "x") == 0);
    CHECK(r && r->line == 3 && r->nfields == 3);
    r = narr_table_find(t, "M.", 2);
    CHECK(r && strcmp(r->field[2], "") == 0);
    CHECK(narr_table_find(t, "alph", 4) == NULL);
    CHECK(narr_table_find(t, "M", 1) == NULL);
    CHECK(narr_table_find(t, "", 0) == NULL);
    narr_table_free(t);

    /* seek: the exact row, and whether a longer key starts with the key. */
    const char names[] = "Joe\tjo\nJoe Biden\tjo baïdène\nJoel\tjoël\nétat\té\nzz\tz\n";
    t = narr_table_parse(names, sizeof names - 1, "n.tsv", 2, &st, msg, sizeof msg);
    bool longer;
    r = narr_table_seek(t, "Joe", 3, &longer);
    CHECK(r && strcmp(r->field[1], "jo") == 0 && longer);
    r = narr_table_seek(t, "Joe B", 5, &longer);
    CHECK(r == NULL && longer);
    r = narr_table_seek(t, "Joe Biden", 9, &longer);
    CHECK(r && !longer);
    r = narr_table_seek(t, "Joel", 4, &longer);
    CHECK(r && !longer);
    r = narr_table_seek(t, "Jo", 2, &longer);
    CHECK(r == NULL && longer);
    r = narr_table_seek(t, "Jon", 3, &longer);
    CHECK(r == NULL && !longer);
    r = narr_table_seek(t, "\xc3\xa9tat", 5, &longer); /* a key led by a byte over 0x7f */
    CHECK(r && !longer);
    r = narr_table_seek(t, "zz", 2, &longer); /* the last row */
    CHECK(r && !longer);
    r = narr_table_seek(t, "zzz", 3, &longer);
    CHECK(r == NULL && !longer);
    narr_table_free(t);

    const char dup[] = "a\t1\nb\t2\na\t3\n";
    t = narr_table_parse(dup, sizeof dup - 1, "dup.tsv", 2, &st, msg, sizeof msg);
    CHECK(t == NULL && st == NARR_E_DATA);
    CHECK_STR_EQ(msg, "dup.tsv:3: duplicate key 'a' (also line 1)");

    const char few[] = "a\t1\nb\n";
    t = narr_table_parse(few, sizeof few - 1, "few.tsv", 2, &st, msg, sizeof msg);
    CHECK(t == NULL && st == NARR_E_DATA);
    CHECK_STR_EQ(msg, "few.tsv:2: expected 2 tab-separated fields with a non-empty first one");

    const char bad[] = "a\t1\n\xff\t2\n";
    t = narr_table_parse(bad, sizeof bad - 1, "bad.tsv", 2, &st, msg, sizeof msg);
    CHECK(t == NULL);
    CHECK_STR_EQ(msg, "bad.tsv:2: not valid UTF-8");

    /* Every built-in table parses with unique keys. */
    int tables = 0;
    for (const narr_embedded *e = narr_asset_table; e->name; e++, tables++) {
        t = narr_table_from_asset(e->name, 1, &st, msg, sizeof msg);
        if (!t)
            fprintf(stderr, "%s\n", msg);
        CHECK(t != NULL);
        /* and each of its rows is found again by its key */
        size_t found = 0;
        for (size_t i = 0; t && i < narr_table_count(t); i++) {
            const narr_row *row = narr_table_row(t, i);
            found += narr_table_find(t, row->field[0], row->key_len) == row;
        }
        CHECK_INT_EQ(found, narr_table_count(t));
        narr_table_free(t);
    }
    CHECK(tables >= 7);

    /* Every abbreviation has a spoken form and a known context. */
    t = narr_table_from_asset("abbreviations", 3, &st, msg, sizeof msg);
    CHECK(t != NULL);
    for (size_t i = 0; t && i < narr_table_count(t); i++) {
        const narr_row *row = narr_table_row(t, i);
        const char *ctx = row->field[2];
        CHECK(row->field[1][0] != '\0');
        CHECK(strcmp(ctx, "any") == 0 || strcmp(ctx, "name") == 0 ||
              strcmp(ctx, "number") == 0 || strcmp(ctx, "quantity") == 0 ||
              strcmp(ctx, "quantity,number") == 0);
        CHECK(row->field[3][0] == '\0' || strcmp(row->field[3], "end") == 0);
    }
    narr_table_free(t);

    /* The leftover rule looks for "anywhere" phrases only at marks. */
    t = narr_table_from_asset("web_leftovers", 2, &st, msg, sizeof msg);
    CHECK(t != NULL);
    for (size_t i = 0; t && i < narr_table_count(t); i++) {
        const narr_row *row = narr_table_row(t, i);
        unsigned char c = (unsigned char)row->field[0][0];
        bool letter = c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        CHECK(strcmp(row->field[1], "anywhere") != 0 || !letter);
        CHECK(strcmp(row->field[1], "anywhere") == 0 || strcmp(row->field[1], "block") == 0);
    }
    narr_table_free(t);
    return CHECK_DONE();
}
