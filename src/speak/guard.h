/* guard: what eSpeak NG 1.51 must never see. Text just before synthesis
 * goes in; the same text comes out without what crashes libespeak-ng or
 * makes hours of noise:
 *  - a character eSpeak cannot read (unassigned, private use, control,
 *    or of a script other than Latin, Greek or none; of the Greek block,
 *    letters of the modern alphabet only) becomes a space;
 *  - a chain of dotted initials ("x.x.x.…", "S.A.R.L.S.A.R.L.…") is cut
 *    into words of NARR_GUARD_DOTS dots, with a clause break every
 *    NARR_GUARD_CHAIN dots;
 *  - a word still longer than NARR_GUARD_WORD_MAX characters is skipped;
 *  - a [[phonemes]] span is cut to NARR_PHONEMES_MAX bytes.
 * It counts what it did, so that the caller warns once per input. */
#ifndef NARR_GUARD_H
#define NARR_GUARD_H

#include "base/buf.h"
#include "data/tables.h"

#include <stdint.h>

/* eSpeak smashes its stack on about 80 dotted letters in a row. */
#define NARR_GUARD_DOTS 4
#define NARR_GUARD_CHAIN 8
#define NARR_GUARD_WORD_MAX 100

typedef struct {
    narr_buf scratch;
    long dropped;          /* characters replaced by a space */
    int32_t first_dropped; /* the first of them */
    long skipped;          /* characters of words over NARR_GUARD_WORD_MAX */
    long capped;           /* phoneme strings cut */
    int chain;             /* dots in the dotted words just before */
} narr_guard;

void narr_guard_init(narr_guard *g);
void narr_guard_deinit(narr_guard *g);

/* Appends s[0..n) (valid UTF-8), made safe, to out. With phonemes,
 * [[...]] spans are phoneme input, passed on as they are but capped.
 * NARR_OK or NARR_E_NOMEM. */
narr_status narr_guard_text(narr_guard *g, const char *s, size_t n, bool phonemes,
                            narr_buf *out);

/* One line saying what was dropped, skipped or cut since the last call
 * (then forgotten); false when nothing was. */
bool narr_guard_take_warning(narr_guard *g, char *msg, size_t msg_size);

#endif
