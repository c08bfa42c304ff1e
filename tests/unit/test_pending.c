/* pending files: a new file appears only when published, with the usual
 * mode; a FIFO, a folder, a link to a FIFO or to nothing is refused before
 * anything is created (never opened: a FIFO would block); a link to a
 * file is written through and stays a link; a set of files is published
 * all or nothing, an old file put back when a later rename fails. */
#include "../check.h"
#include "export/pending.h"
#include "test_dir.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static bool open_write(narr_pending *p, const char *path, const char *text)
{
    char msg[512];
    narr_status st = narr_pending_open(p, path, msg, sizeof msg);
    CHECK(st == NARR_OK);
    if (st != NARR_OK) {
        fprintf(stderr, "%s\n", msg);
        return false;
    }
    CHECK(narr_pwrite_all(p->fd, text, strlen(text), 0));
    return true;
}

/* narr_pending_open must fail with exactly want, creating nothing. */
static void refused(const char *path, const char *want)
{
    narr_pending p = {.fd = -1};
    char msg[512] = "";
    CHECK(narr_pending_open(&p, path, msg, sizeof msg) == NARR_E_IO);
    CHECK_STR_EQ(msg, want);
    CHECK(p.fd < 0 && p.tmp_path == NULL);
    narr_pending_discard(&p);
}

static void new_file_case(void)
{
    narr_pending p;
    if (!open_write(&p, in_dir("episode.mp3"), "audio"))
        return;
    CHECK(access(in_dir("episode.mp3"), F_OK) != 0); /* not yet: a hidden name */
    CHECK(strncmp(p.tmp_path, in_dir(".episode.mp3."), strlen(in_dir(".episode.mp3."))) == 0);
    narr_pending *all[] = {&p};
    char msg[512];
    CHECK(narr_pending_publish_all(all, 1, msg, sizeof msg) == NARR_OK);
    CHECK(p.fd < 0 && p.tmp_path == NULL);
    narr_pending_discard(&p);
    CHECK_STR_EQ(listing(), "episode.mp3");
    CHECK_STR_EQ(file_text(in_dir("episode.mp3")), "audio");
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    CHECK(stat(in_dir("episode.mp3"), &st) == 0 && (st.st_mode & 0777) == (0666 & ~mask));
    unlink(in_dir("episode.mp3"));
}

static void not_regular_case(void)
{
    char want[512];
    /* A FIFO: writing there by rename would replace it, opening it would
     * block until a reader came. */
    CHECK(mkfifo(in_dir("pipe.vtt"), 0644) == 0);
    snprintf(want, sizeof want, "%s: not a regular file; give a file name to write",
             in_dir("pipe.vtt"));
    refused(in_dir("pipe.vtt"), want);
    CHECK(symlink("pipe.vtt", in_dir("to-pipe.json")) == 0);
    snprintf(want, sizeof want, "%s: not a regular file; give a file name to write",
             in_dir("to-pipe.json"));
    refused(in_dir("to-pipe.json"), want);
    CHECK(mkdir(in_dir("folder.wav"), 0755) == 0);
    snprintf(want, sizeof want, "%s: not a regular file; give a file name to write",
             in_dir("folder.wav"));
    refused(in_dir("folder.wav"), want);
    CHECK(symlink("nowhere.wav", in_dir("dangling.wav")) == 0);
    snprintf(want, sizeof want, "%s: a symbolic link to a missing file; give a file name to "
             "write", in_dir("dangling.wav"));
    refused(in_dir("dangling.wav"), want);
    snprintf(want, sizeof want, "%s: not a file name; give a file name to write",
             in_dir("new/"));
    refused(in_dir("new/"), want);
    snprintf(want, sizeof want, "%s: cannot create the output file: No such file or directory; "
             "choose a writable folder", in_dir("missing/ep.wav"));
    refused(in_dir("missing/ep.wav"), want);

    CHECK_STR_EQ(listing(), "dangling.wav folder.wav pipe.vtt to-pipe.json");
    struct stat st;
    CHECK(lstat(in_dir("pipe.vtt"), &st) == 0 && S_ISFIFO(st.st_mode));
    CHECK(lstat(in_dir("to-pipe.json"), &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(lstat(in_dir("dangling.wav"), &st) == 0 && S_ISLNK(st.st_mode));
    unlink(in_dir("pipe.vtt"));
    unlink(in_dir("to-pipe.json"));
    unlink(in_dir("dangling.wav"));
    rmdir(in_dir("folder.wav"));
}

static void symlink_case(void)
{
    /* episode.ogg → shows/latest.ogg: the file behind the link is
     * replaced (keeping its mode), the link stays a link. */
    CHECK(mkdir(in_dir("shows"), 0755) == 0);
    put(in_dir("shows/latest.ogg"), "last week");
    CHECK(chmod(in_dir("shows/latest.ogg"), 0640) == 0);
    CHECK(symlink("shows/latest.ogg", in_dir("episode.ogg")) == 0);
    narr_pending p;
    if (!open_write(&p, in_dir("episode.ogg"), "this week"))
        return;
    CHECK_STR_EQ(p.path, in_dir("episode.ogg"));
    CHECK(strstr(p.dest, "/shows/latest.ogg") != NULL && p.dest[0] == '/');
    CHECK(strstr(p.tmp_path, "/shows/.latest.ogg.") != NULL); /* beside the real file */
    narr_pending *all[] = {&p};
    char msg[512];
    CHECK(narr_pending_publish_all(all, 1, msg, sizeof msg) == NARR_OK);
    narr_pending_discard(&p);
    struct stat st;
    CHECK(lstat(in_dir("episode.ogg"), &st) == 0 && S_ISLNK(st.st_mode));
    char target[64] = "";
    CHECK(readlink(in_dir("episode.ogg"), target, sizeof target - 1) > 0);
    CHECK_STR_EQ(target, "shows/latest.ogg");
    CHECK_STR_EQ(file_text(in_dir("shows/latest.ogg")), "this week");
    CHECK(stat(in_dir("shows/latest.ogg"), &st) == 0 && (st.st_mode & 0777) == 0640);
    CHECK_STR_EQ(listing(), "episode.ogg shows");
    unlink(in_dir("episode.ogg"));
    unlink(in_dir("shows/latest.ogg"));
    rmdir(in_dir("shows"));
}

static void all_or_nothing_case(void)
{
    /* ep.mp3 is new, ep.vtt replaces last week's; ep.json cannot be
     * renamed (its temporary file vanished): neither of the others may
     * stay published. */
    put(in_dir("ep.vtt"), "WEBVTT old");
    narr_pending a, b, c;
    if (!open_write(&a, in_dir("ep.mp3"), "new audio") ||
        !open_write(&b, in_dir("ep.vtt"), "WEBVTT new") ||
        !open_write(&c, in_dir("ep.json"), "{}"))
        return;
    CHECK(unlink(c.tmp_path) == 0);
    narr_pending *all[] = {&a, &b, &c};
    char msg[512], want[512];
    CHECK(narr_pending_publish_all(all, 3, msg, sizeof msg) == NARR_E_IO);
    snprintf(want, sizeof want, "%s: cannot put the finished file in place: No such file or "
             "directory; check that its folder is writable; no file was written",
             in_dir("ep.json"));
    CHECK_STR_EQ(msg, want);
    CHECK_STR_EQ(file_text(in_dir("ep.vtt")), "WEBVTT old");
    CHECK(access(in_dir("ep.mp3"), F_OK) != 0);
    narr_pending_discard(&a);
    narr_pending_discard(&b);
    narr_pending_discard(&c);
    CHECK_STR_EQ(listing(), "ep.vtt");

    /* The same set, now complete: all three, the old transcript replaced,
     * no hard link or temporary file left. */
    if (!open_write(&a, in_dir("ep.mp3"), "new audio") ||
        !open_write(&b, in_dir("ep.vtt"), "WEBVTT new") ||
        !open_write(&c, in_dir("ep.json"), "{}"))
        return;
    CHECK(narr_pending_publish_all(all, 3, msg, sizeof msg) == NARR_OK);
    narr_pending_discard(&a);
    narr_pending_discard(&b);
    narr_pending_discard(&c);
    CHECK_STR_EQ(listing(), "ep.json ep.mp3 ep.vtt");
    CHECK_STR_EQ(file_text(in_dir("ep.vtt")), "WEBVTT new");

    /* A final name that became a FIFO during the run: nothing published. */
    unlink(in_dir("ep.json"));
    if (!open_write(&a, in_dir("ep.mp3"), "newer audio") ||
        !open_write(&c, in_dir("ep.json"), "{}"))
        return;
    CHECK(mkfifo(in_dir("ep.json"), 0644) == 0);
    narr_pending *two[] = {&a, &c};
    CHECK(narr_pending_publish_all(two, 2, msg, sizeof msg) == NARR_E_IO);
    snprintf(want, sizeof want, "%s: not a regular file any more; give a file name to write; "
             "no file was written", in_dir("ep.json"));
    CHECK_STR_EQ(msg, want);
    narr_pending_discard(&a);
    narr_pending_discard(&c);
    CHECK_STR_EQ(file_text(in_dir("ep.mp3")), "new audio");
    CHECK_STR_EQ(listing(), "ep.json ep.mp3 ep.vtt");
    unlink(in_dir("ep.json"));
    unlink(in_dir("ep.mp3"));
    unlink(in_dir("ep.vtt"));
}

static void io_case(void)
{
    int fd = narr_scratch_fd(in_dir("x.wav"));
    CHECK(fd >= 0);
    CHECK_STR_EQ(listing(), ""); /* unnamed */
    char buf[8];
    CHECK(narr_pwrite_all(fd, "abcdef", 6, 2));
    CHECK(narr_pread_all(fd, buf, 4, 4) && memcmp(buf, "cdef", 4) == 0);
    errno = 0;
    CHECK(!narr_pread_all(fd, buf, 8, 4) && errno == EIO); /* past the end: a reason */
    close(fd);
}

int main(void)
{
    if (!test_dir_make("narr-pending"))
        return 1;
    new_file_case();
    not_regular_case();
    symlink_case();
    all_or_nothing_case();
    io_case();
    CHECK_STR_EQ(listing(), "");
    rmdir(test_dir);
    return CHECK_DONE();
}
