/* id3: builds an ID3v2.4 tag for an MP3 file: text frames (TIT2 title,
 * TPE1 artist, TALB album, TDRC date, TLAN language, TSSE encoder), a
 * comment (COMM), a cover picture (APIC) and chapters (CHAP frames with
 * their TIT2 titles, listed by one top-level ordered CTOC), as the ID3v2.4
 * structure document and the ID3v2 Chapter Frame Addendum 1.0 define them.
 * Text is UTF-8 (encoding byte 3). Sizes are synchsafe integers. E.g. a
 * chapter "Le contexte" from 12.5 s to 40 s is CHAP "ch1", 12500, 40000,
 * offsets FF FF FF FF, then TIT2 "Le contexte". */
#ifndef NARR_ID3_H
#define NARR_ID3_H

#include "base/buf.h"
#include <stdint.h>

typedef struct {
    const char *title;
    size_t title_len;
    uint32_t start_ms, end_ms;
} narr_id3_chapter;

typedef struct {
    const char *title, *artist, *album, *date, *comment, *language, *encoder;
    const char *cover_mime;          /* "image/jpeg" or "image/png" */
    const unsigned char *cover;      /* NULL: no picture */
    size_t cover_len;
    const narr_id3_chapter *chapters;
    size_t chapter_count;
} narr_id3_tag;

/* Appends the whole tag (header and frames, no padding) to out.
 * NARR_E_NOMEM, or NARR_E_ARG when it would pass ID3's 256 MB limit or
 * have more than 255 chapters in its table of contents. */
narr_status narr_id3_build(const narr_id3_tag *tag, narr_buf *out);

#endif
