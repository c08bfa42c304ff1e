/* Runs a normalizer table: each line "written<TAB>expected[<TAB>note]"
 * must normalize to exactly the expected text. Lines starting with '#'
 * are comments. Prints every mismatch with its line, then a summary.
 * Usage: test_normalize_table [--locale fr_BE] [--masculine-first] FILE.tsv */
#include "normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *locale = "fr";
    int arg = 1;
    bool masculine_first = false;
    if (argc > 3 && strcmp(argv[1], "--locale") == 0) {
        locale = argv[2];
        arg = 3;
    }
    if (arg + 1 < argc && strcmp(argv[arg], "--masculine-first") == 0) {
        masculine_first = true;
        arg++;
    }
    if (arg >= argc) {
        fprintf(stderr, "usage: %s [--locale L] [--masculine-first] FILE.tsv\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[arg], "r");
    if (!f) {
        perror(argv[arg]);
        return 2;
    }
    narr_status st;
    char msg[512];
    narr_tables *tables = narr_tables_new(&st, msg, sizeof msg);
    narr_normalizer *nz = tables ? narr_normalizer_new(locale, tables, &st, msg, sizeof msg) : NULL;
    if (!nz) {
        fprintf(stderr, "%s\n", msg);
        return 2;
    }
    if (masculine_first)
        narr_normalizer_set_inclusive_order(nz, NARR_INCLUSIVE_MASCULINE_FIRST);
    char line[8192];
    int passed = 0, failed = 0;
    narr_buf out;
    narr_buf_init(&out);
    for (int no = 1; fgets(line, sizeof line, f); no++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            fprintf(stderr, "%s:%d: no tab between written and expected\n", argv[arg], no);
            failed++;
            continue;
        }
        *tab = '\0';
        char *expected = tab + 1;
        char *note = strchr(expected, '\t');
        if (note)
            *note = '\0';
        narr_buf_clear(&out);
        st = narr_normalize_sentence(nz, line, strlen(line), &out, NULL);
        if (st == NARR_OK && strcmp(narr_buf_str(&out), expected) == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "%s:%d: %s\n  got:  %s\n  want: %s\n", argv[arg], no, line,
                    narr_buf_str(&out), expected);
        }
    }
    fclose(f);
    narr_buf_deinit(&out);
    narr_normalizer_free(nz);
    narr_tables_free(tables);
    printf("%d passed, %d failed\n", passed, failed);
    if (passed + failed == 0)
        return 77; /* an empty table is skipped, not passed */
    return failed ? 1 : 0;
}
