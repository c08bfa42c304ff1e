/* guard: what eSpeak NG 1.51 must never see is made safe, and counted
 * for one warning per input. */
#include "../check.h"
#include "speak/guard.h"

static narr_guard guard;

static const char *safe(const char *text, bool phonemes)
{
    static narr_buf out;
    narr_buf_clear(&out);
    CHECK(narr_guard_text(&guard, text, strlen(text), phonemes, &out) == NARR_OK);
    return narr_buf_str(&out);
}

static const char *warning(void)
{
    static char msg[512];
    if (!narr_guard_take_warning(&guard, msg, sizeof msg))
        return "(none)";
    return msg;
}

static const char *repeat(const char *unit, int times)
{
    static char text[8192];
    text[0] = '\0';
    for (int i = 0; i < times; i++)
        strcat(text, unit);
    return text;
}

int main(void)
{
    narr_guard_init(&guard);
    /* Ordinary French passes unchanged, and warns of nothing. */
    CHECK_STR_EQ(safe("L’été à Noël, « déjà » 3,5 € — α β.", false),
                 "L’été à Noël, « déjà » 3,5 € — α β.");
    CHECK_STR_EQ(safe("J. R. R. Tolkien et la S.N.C.F.", false), "J. R. R. Tolkien et la S.N.C.F.");
    CHECK_STR_EQ(warning(), "(none)");

    /* Item 1: dotted chains are cut every 4 dots, a clause break every 8. */
    CHECK_STR_EQ(safe(repeat("x.", 10), false), "x.x.x.x. x.x.x.x. , x.x.");
    CHECK_STR_EQ(safe(repeat("S.A.R.L.", 3), false), "S.A.R.L. S.A.R.L. , S.A.R.L.");
    CHECK_STR_EQ(safe(repeat("x.x. ", 5), false), "x.x. x.x. x.x. x.x. , x.x. ");
    CHECK_STR_EQ(safe("a.b.c.d.e.f", false), "a.b.c.d. e.f");
    CHECK_STR_EQ(warning(), "(none)");

    /* Item 3: unassigned, private-use, control and foreign-script
     * characters become a space; the first is named. */
    CHECK_STR_EQ(safe("un \xe0\xa9\xa5 deux", false), "un  deux");
    CHECK_STR_EQ(safe("a\xee\x80\x80" "b\x1b" "c Москва", false), "a b c ");
    CHECK_STR_EQ(warning(), "9 characters eSpeak NG cannot read left out (the first: U+0A65)");
    /* The Greek block's signs and rare letters also reach freed memory
     * inside eSpeak; the modern alphabet is kept. */
    CHECK_STR_EQ(safe("α\xcd\xbfβ \xce\x84Ω \xcf\xb6 ά ώ", false), "α β Ω  ά ώ");
    CHECK_STR_EQ(warning(), "3 characters eSpeak NG cannot read left out (the first: U+037F)");
    CHECK_STR_EQ(warning(), "(none)");

    /* Item 12: a word over 100 characters is skipped; 100 is kept. */
    char word[202];
    memset(word, 'a', 101);
    strcpy(word + 101, " fin");
    CHECK_STR_EQ(safe(word, false), " fin");
    CHECK_STR_EQ(warning(), "101 characters in words over 100 characters left out");
    CHECK_INT_EQ(strlen(safe(word + 1, false)), 104);

    /* Item 2: phoneme spans pass whole (spaces, brackets) but are capped. */
    CHECK_STR_EQ(safe("le [[zOrgl'ub dy]] arrive", true), "le [[zOrgl'ub dy]] arrive");
    CHECK_STR_EQ(safe("le [[zOrgl'ub dy]] arrive", false), "le [[zOrgl'ub dy]] arrive");
    char span[512] = "[[";
    memset(span + 2, 'a', 300);
    strcpy(span + 302, "]] fin");
    const char *capped = safe(span, true);
    CHECK_INT_EQ(strlen(capped), 2 + NARR_PHONEMES_MAX + 2 + 4);
    CHECK_STR_EQ(capped + 2 + NARR_PHONEMES_MAX, "]] fin");
    CHECK_STR_EQ(warning(), "1 phoneme string cut to 200 bytes");

    narr_guard_deinit(&guard);
    return CHECK_DONE();
}
