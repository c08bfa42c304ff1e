/* fixes: eSpeak's slips respelled: whole words, stems, the longest key,
 * a capital first letter, and phoneme spans left alone. */
#include "../check.h"
#include "speak/fixes.h"

static narr_table *table;

static const char *fix(const char *text)
{
    static narr_buf out;
    narr_buf_clear(&out);
    CHECK(narr_fix_slips(table, text, strlen(text), &out) == NARR_OK);
    return narr_buf_str(&out);
}

int main(void)
{
    const char rows[] = "dos\tdo\nrythm*\tritm*\nluth*\tlut*\nluthiste*\tLUTISTE*\n"
                        "quatre-vingt-trois*\tquatre-vin-trois*\n";
    narr_status st;
    char msg[128];
    table = narr_table_parse(rows, sizeof rows - 1, "fixes", 2, &st, msg, sizeof msg);
    CHECK(table != NULL);
    CHECK_STR_EQ(fix("le dos et le dossier"), "le do et le dossier");
    CHECK_STR_EQ(fix("un rythme, des rythmes"), "un ritme, des ritmes");
    CHECK_STR_EQ(fix("Rythme soutenu"), "ritme soutenu");
    CHECK_STR_EQ(fix("le luthier et la luthiste"), "le lutier et la LUTISTE");
    CHECK_STR_EQ(fix("vingt-quatre-vingt-trois"), "vingt-quatre-vin-trois");
    CHECK_STR_EQ(fix("ses [[dos]] dos"), "ses [[dos]] do");
    CHECK_STR_EQ(fix("pardos"), "pardos");
    narr_table_free(table);
    return CHECK_DONE();
}
