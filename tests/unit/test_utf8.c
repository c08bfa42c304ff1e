/* UTF-8 helpers: validation, NFC, Windows-1252, classes and case. */
#include "../check.h"
#include "base/utf8.h"

#include <unicode/uchar.h>

int main(void)
{
    size_t bad = 99;
    CHECK(narr_utf8_valid("é « »", 9, &bad));
    CHECK(!narr_utf8_valid("ab\xc3(", 4, &bad));
    CHECK_INT_EQ(bad, 2);
    CHECK(!narr_utf8_valid("\xed\xa0\x80", 3, NULL)); /* a surrogate */

    narr_buf out;
    narr_buf_init(&out);
    /* e + combining acute → é (U+00E9) */
    CHECK(narr_utf8_nfc("cafe\xcc\x81", 6, &out) == NARR_OK);
    CHECK_STR_EQ(narr_buf_str(&out), "caf\xc3\xa9");
    narr_buf_clear(&out);
    CHECK(narr_utf8_from_cp1252("\x80 \xe9\x9c", 4, &out) == NARR_OK);
    CHECK_STR_EQ(narr_buf_str(&out), "€ éœ");
    narr_buf_clear(&out);
    CHECK(narr_utf8_lower("ÉCOLE", 6, &out) == NARR_OK);
    CHECK_STR_EQ(narr_buf_str(&out), "école");
    narr_buf_deinit(&out);

    CHECK(narr_uc_is_letter(0xE9));
    CHECK(!narr_uc_is_letter('1'));
    CHECK(narr_uc_is_upper(0xC9));
    CHECK(narr_uc_is_space(0xA0) && narr_uc_is_space(0x202F));
    CHECK(!narr_uc_is_digit(0x0663)); /* Arabic-Indic three: not ours */
    size_t i = 0;
    CHECK_INT_EQ(narr_utf8_next("\xe2\x82\xac", 3, &i), 0x20AC);
    CHECK_INT_EQ(i, 3);
    CHECK_INT_EQ(narr_utf8_prev("a\xc3\xa9", &i), 0xE9);
    CHECK_INT_EQ(i, 1);

    /* Phrases of the web-leftover tables: case and spacing are loose, the
     * end is a word's end. */
    const char *opens = "( S'ouvre dans un  nouvel onglet ) mardi";
    CHECK_INT_EQ(narr_utf8_match_phrase("(s'ouvre dans un nouvel onglet)", opens, strlen(opens)), 34);
    CHECK_INT_EQ(narr_utf8_match_phrase("À lire aussi", "À LIRE AUSSI: x", 16), 13);
    CHECK_INT_EQ(narr_utf8_match_phrase("Lire aussi :", "Lire aussi: x", 13), 11);
    CHECK_INT_EQ(narr_utf8_match_phrase("Photo", "Photographie", 12), 0);
    CHECK_INT_EQ(narr_utf8_match_phrase("Photo", "Photo", 5), 5);
    CHECK_INT_EQ(narr_utf8_match_phrase("Publicité", "Publicit", 8), 0);
    /* ASCII is answered without ICU: the answers must be ICU's. */
    int differ = 0;
    for (int32_t c = 0; c < 0x80; c++) {
        bool letter = u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
        differ += letter != narr_uc_is_letter(c) || (bool)u_isupper(c) != narr_uc_is_upper(c) ||
                  (bool)u_islower(c) != narr_uc_is_lower(c) ||
                  (bool)u_isUWhiteSpace(c) != narr_uc_is_space(c) ||
                  u_tolower(c) != narr_uc_to_lower(c);
    }
    CHECK_INT_EQ(differ, 0);
    return CHECK_DONE();
}
