/* id3: the ID3v2.4 tag writer (see id3.h). Layout written here:
 *   header   "ID3" 04 00, flags 00, size (synchsafe, without the header)
 *   frame    id (4 bytes), size (synchsafe, without the frame header),
 *            flags 00 00, then the body.
 * A text frame's body is the encoding byte (03 = UTF-8) and the text.
 * COMM: encoding, language (3 bytes), empty description and its
 * terminator, text. APIC: encoding, MIME type and 00, picture type (03,
 * front cover), empty description and its terminator, the image bytes.
 * CHAP: element id and 00, start and end times in ms (32-bit big-endian),
 * start and end byte offsets FF FF FF FF (unused: players seek by time),
 * then a TIT2 sub-frame. CTOC: element id and 00, flags 03 (top-level,
 * ordered), entry count, the chapters' element ids each with 00. */
#include "audio/id3.h"

#include <stdio.h>
#include <string.h>

#define ID3_MAX_SIZE 0x0FFFFFFFu /* the largest synchsafe 28-bit number */

static narr_status put_bytes(narr_buf *b, const void *p, size_t n)
{
    return narr_buf_append(b, (const char *)p, n);
}

static narr_status put_byte(narr_buf *b, unsigned v)
{
    return narr_buf_append_char(b, (char)(unsigned char)v);
}

static narr_status put_u32(narr_buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    return put_bytes(b, x, 4);
}

static void write_synchsafe(unsigned char *at, size_t v)
{
    at[0] = (unsigned char)((v >> 21) & 0x7F);
    at[1] = (unsigned char)((v >> 14) & 0x7F);
    at[2] = (unsigned char)((v >> 7) & 0x7F);
    at[3] = (unsigned char)(v & 0x7F);
}

/* Starts a frame; returns where its body starts, for end_frame. */
static narr_status begin_frame(narr_buf *b, const char *id, size_t *body)
{
    static const unsigned char header_rest[6] = {0};
    narr_status st = put_bytes(b, id, 4);
    if (st == NARR_OK)
        st = put_bytes(b, header_rest, 6);
    *body = b->len;
    return st;
}

static narr_status end_frame(narr_buf *b, size_t body)
{
    size_t size = b->len - body;
    if (size > ID3_MAX_SIZE)
        return NARR_E_ARG;
    write_synchsafe((unsigned char *)b->data + body - 6, size);
    return NARR_OK;
}

static narr_status text_frame(narr_buf *b, const char *id, const char *text, size_t len)
{
    size_t body;
    narr_status st = begin_frame(b, id, &body);
    if (st == NARR_OK)
        st = put_byte(b, 3);
    if (st == NARR_OK)
        st = put_bytes(b, text, len);
    return st == NARR_OK ? end_frame(b, body) : st;
}

static narr_status text_frame_str(narr_buf *b, const char *id, const char *text)
{
    return text && *text ? text_frame(b, id, text, strlen(text)) : NARR_OK;
}

static narr_status comment_frame(narr_buf *b, const char *lang, const char *text)
{
    if (!text || !*text)
        return NARR_OK;
    size_t body;
    narr_status st = begin_frame(b, "COMM", &body);
    if (st == NARR_OK)
        st = put_byte(b, 3);
    if (st == NARR_OK)
        st = put_bytes(b, lang, 3);
    if (st == NARR_OK)
        st = put_byte(b, 0); /* empty description */
    if (st == NARR_OK)
        st = put_bytes(b, text, strlen(text));
    return st == NARR_OK ? end_frame(b, body) : st;
}

static narr_status picture_frame(narr_buf *b, const narr_id3_tag *t)
{
    if (!t->cover)
        return NARR_OK;
    size_t body;
    narr_status st = begin_frame(b, "APIC", &body);
    if (st == NARR_OK)
        st = put_byte(b, 3);
    if (st == NARR_OK)
        st = put_bytes(b, t->cover_mime, strlen(t->cover_mime) + 1);
    if (st == NARR_OK)
        st = put_byte(b, 3); /* front cover */
    if (st == NARR_OK)
        st = put_byte(b, 0); /* empty description */
    if (st == NARR_OK)
        st = put_bytes(b, t->cover, t->cover_len);
    return st == NARR_OK ? end_frame(b, body) : st;
}

static void element_id(char *id, size_t size, size_t i)
{
    snprintf(id, size, "ch%zu", i + 1);
}

static narr_status chapter_frames(narr_buf *b, const narr_id3_tag *t)
{
    if (!t->chapter_count)
        return NARR_OK;
    if (t->chapter_count > 255)
        return NARR_E_ARG;
    char id[32];
    size_t body;
    narr_status st = begin_frame(b, "CTOC", &body);
    if (st == NARR_OK)
        st = put_bytes(b, "toc", 4);
    if (st == NARR_OK)
        st = put_byte(b, 0x03);
    if (st == NARR_OK)
        st = put_byte(b, (unsigned)t->chapter_count);
    for (size_t i = 0; st == NARR_OK && i < t->chapter_count; i++) {
        element_id(id, sizeof id, i);
        st = put_bytes(b, id, strlen(id) + 1);
    }
    if (st == NARR_OK)
        st = end_frame(b, body);
    for (size_t i = 0; st == NARR_OK && i < t->chapter_count; i++) {
        const narr_id3_chapter *c = &t->chapters[i];
        element_id(id, sizeof id, i);
        st = begin_frame(b, "CHAP", &body);
        if (st == NARR_OK)
            st = put_bytes(b, id, strlen(id) + 1);
        if (st == NARR_OK)
            st = put_u32(b, c->start_ms);
        if (st == NARR_OK)
            st = put_u32(b, c->end_ms);
        if (st == NARR_OK)
            st = put_u32(b, 0xFFFFFFFFu);
        if (st == NARR_OK)
            st = put_u32(b, 0xFFFFFFFFu);
        if (st == NARR_OK)
            st = text_frame(b, "TIT2", c->title, c->title_len);
        if (st == NARR_OK)
            st = end_frame(b, body);
    }
    return st;
}

narr_status narr_id3_build(const narr_id3_tag *t, narr_buf *out)
{
    static const unsigned char header[10] = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
    size_t start = out->len;
    narr_status st = put_bytes(out, header, sizeof header);
    if (st == NARR_OK)
        st = text_frame_str(out, "TIT2", t->title);
    if (st == NARR_OK)
        st = text_frame_str(out, "TPE1", t->artist);
    if (st == NARR_OK)
        st = text_frame_str(out, "TALB", t->album);
    if (st == NARR_OK)
        st = text_frame_str(out, "TDRC", t->date);
    if (st == NARR_OK)
        st = text_frame_str(out, "TLAN", t->language);
    if (st == NARR_OK)
        st = text_frame_str(out, "TSSE", t->encoder);
    if (st == NARR_OK)
        st = comment_frame(out, t->language && strlen(t->language) == 3 ? t->language : "XXX",
                           t->comment);
    if (st == NARR_OK)
        st = picture_frame(out, t);
    if (st == NARR_OK)
        st = chapter_frames(out, t);
    if (st == NARR_OK) {
        size_t size = out->len - start - sizeof header;
        if (size > ID3_MAX_SIZE)
            st = NARR_E_ARG;
        else
            write_synchsafe((unsigned char *)out->data + start + 6, size);
    }
    if (st != NARR_OK) {
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
    }
    return st;
}
