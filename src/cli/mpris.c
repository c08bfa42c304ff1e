/* mpris: the MPRIS D-Bus interface through sd-bus (see mpris.h). All bus
 * work happens on the bus thread, connection included, so a slow or
 * absent bus never delays the first sound. Changes are found by comparing
 * the player's state every POLL_MS and sent as PropertiesChanged. */
#include "cli/mpris.h"

#include <stdlib.h>

#ifndef NARR_HAVE_SDBUS

mpris *mpris_start(const mpris_hooks *hooks)
{
    (void)hooks;
    return NULL;
}

void mpris_stop(mpris *m) { (void)m; }

#else

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#define POLL_MS 100
#define BUS_NAME "org.mpris.MediaPlayer2.narrateur"
#define OBJECT_PATH "/org/mpris/MediaPlayer2"
#define ROOT_IFACE "org.mpris.MediaPlayer2"
#define PLAYER_IFACE "org.mpris.MediaPlayer2.Player"

struct mpris {
    mpris_hooks hooks;
    pthread_t thread;
    int wake[2]; /* written to by mpris_stop */
};

static mpris_state state_of(mpris *m)
{
    mpris_state s = {0};
    m->hooks.state(m->hooks.user, &s);
    return s;
}

static const char *playback_status(const mpris_state *s)
{
    return s->stopped ? "Stopped" : s->paused ? "Paused" : "Playing";
}

/* ---- methods ---- */

static int command(sd_bus_message *msg, mpris *m, mpris_command cmd)
{
    m->hooks.command(m->hooks.user, cmd);
    return sd_bus_reply_method_return(msg, "");
}

#define METHOD(name, cmd)                                                        \
    static int name(sd_bus_message *msg, void *user, sd_bus_error *error)        \
    {                                                                            \
        (void)error;                                                             \
        return command(msg, user, cmd);                                          \
    }
METHOD(method_play_pause, MPRIS_PLAY_PAUSE)
METHOD(method_play, MPRIS_PLAY)
METHOD(method_pause, MPRIS_PAUSE)
METHOD(method_stop, MPRIS_STOP)
METHOD(method_next, MPRIS_NEXT)
METHOD(method_previous, MPRIS_PREVIOUS)
METHOD(method_quit, MPRIS_STOP)

/* Raise, Seek, SetPosition, OpenUri: accepted, nothing to do (CanRaise
 * and CanSeek are false). */
static int method_ignored(sd_bus_message *msg, void *user, sd_bus_error *error)
{
    (void)user, (void)error;
    return sd_bus_reply_method_return(msg, "");
}

/* ---- properties ---- */

static int get_true(sd_bus *bus, const char *path, const char *iface, const char *prop,
                    sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)user, (void)error;
    return sd_bus_message_append(reply, "b", 1);
}

static int get_false(sd_bus *bus, const char *path, const char *iface, const char *prop,
                     sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)user, (void)error;
    return sd_bus_message_append(reply, "b", 0);
}

static int get_empty_list(sd_bus *bus, const char *path, const char *iface, const char *prop,
                          sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)user, (void)error;
    return sd_bus_message_append(reply, "as", 0);
}

static int get_identity(sd_bus *bus, const char *path, const char *iface, const char *prop,
                        sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)user, (void)error;
    return sd_bus_message_append(reply, "s", "narrateur");
}

static int get_status(sd_bus *bus, const char *path, const char *iface, const char *prop,
                      sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)error;
    mpris_state s = state_of(user);
    return sd_bus_message_append(reply, "s", playback_status(&s));
}

static int get_double(sd_bus *bus, const char *path, const char *iface, const char *prop,
                      sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)error;
    mpris_state s = state_of(user);
    double v = strcmp(prop, "Rate") == 0          ? s.rate
               : strcmp(prop, "MinimumRate") == 0 ? s.min_rate
               : strcmp(prop, "MaximumRate") == 0 ? s.max_rate
                                                  : 1.0; /* Volume */
    return sd_bus_message_append(reply, "d", v);
}

static int get_position(sd_bus *bus, const char *path, const char *iface, const char *prop,
                        sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)error;
    mpris_state s = state_of(user);
    return sd_bus_message_append(reply, "x", (int64_t)s.position_us);
}

static int get_metadata(sd_bus *bus, const char *path, const char *iface, const char *prop,
                        sd_bus_message *reply, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)error;
    mpris_state s = state_of(user);
    char track[64];
    snprintf(track, sizeof track, "/org/narrateur/track/%ld", s.track);
    return sd_bus_message_append(reply, "a{sv}", 3, "mpris:trackid", "o", track,
                                 "xesam:title", "s", *s.title ? s.title : "narrateur",
                                 "xesam:artist", "as", 1, s.voice);
}

static int set_rate(sd_bus *bus, const char *path, const char *iface, const char *prop,
                    sd_bus_message *value, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)error;
    mpris *m = user;
    double rate;
    int r = sd_bus_message_read(value, "d", &rate);
    if (r < 0)
        return r;
    if (rate > 0) /* 0 would mean pause; the spec says clients should not send it */
        m->hooks.set_rate(m->hooks.user, rate);
    return 0;
}

static int set_ignored(sd_bus *bus, const char *path, const char *iface, const char *prop,
                       sd_bus_message *value, void *user, sd_bus_error *error)
{
    (void)bus, (void)path, (void)iface, (void)prop, (void)value, (void)user, (void)error;
    return 0;
}

static const sd_bus_vtable root_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Raise", "", "", method_ignored, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Quit", "", "", method_quit, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_PROPERTY("CanQuit", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanRaise", "b", get_false, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("HasTrackList", "b", get_false, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("Identity", "s", get_identity, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("SupportedUriSchemes", "as", get_empty_list, 0,
                    SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("SupportedMimeTypes", "as", get_empty_list, 0,
                    SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_VTABLE_END,
};

static const sd_bus_vtable player_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Next", "", "", method_next, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Previous", "", "", method_previous, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Pause", "", "", method_pause, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("PlayPause", "", "", method_play_pause, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Stop", "", "", method_stop, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Play", "", "", method_play, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Seek", "x", "", method_ignored, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("SetPosition", "ox", "", method_ignored, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("OpenUri", "s", "", method_ignored, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_PROPERTY("PlaybackStatus", "s", get_status, 0,
                    SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE),
    SD_BUS_WRITABLE_PROPERTY("Rate", "d", get_double, set_rate, 0,
                             SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE),
    SD_BUS_PROPERTY("Metadata", "a{sv}", get_metadata, 0, SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE),
    SD_BUS_WRITABLE_PROPERTY("Volume", "d", get_double, set_ignored, 0, 0),
    SD_BUS_PROPERTY("Position", "x", get_position, 0,
                    SD_BUS_VTABLE_PROPERTY_EMITS_INVALIDATION),
    SD_BUS_PROPERTY("MinimumRate", "d", get_double, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("MaximumRate", "d", get_double, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanGoNext", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanGoPrevious", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanPlay", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanPause", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanSeek", "b", get_false, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanControl", "b", get_true, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_VTABLE_END,
};

/* Our well-known name, or an instance one when another narrateur has it. */
static bool own_name(sd_bus *bus)
{
    if (sd_bus_request_name(bus, BUS_NAME, 0) >= 0)
        return true;
    char name[128];
    snprintf(name, sizeof name, BUS_NAME ".instance%ld", (long)getpid());
    return sd_bus_request_name(bus, name, 0) >= 0;
}

/* Sends PropertiesChanged for what differs from the last look. */
static void announce(sd_bus *bus, const mpris_state *was, const mpris_state *now)
{
    const char *changed[4];
    int k = 0;
    if (was->paused != now->paused || was->stopped != now->stopped)
        changed[k++] = "PlaybackStatus";
    if (was->track != now->track || strcmp(was->title, now->title) != 0)
        changed[k++] = "Metadata";
    if (was->rate != now->rate)
        changed[k++] = "Rate";
    changed[k] = NULL;
    if (k)
        sd_bus_emit_properties_changed_strv(bus, OBJECT_PATH, PLAYER_IFACE, (char **)changed);
}

static void *bus_loop(void *arg)
{
    mpris *m = arg;
    sd_bus *bus = NULL;
    if (sd_bus_open_user(&bus) < 0)
        return NULL; /* no session bus: no MPRIS, and no word about it */
    if (sd_bus_add_object_vtable(bus, NULL, OBJECT_PATH, ROOT_IFACE, root_vtable, m) < 0 ||
        sd_bus_add_object_vtable(bus, NULL, OBJECT_PATH, PLAYER_IFACE, player_vtable, m) < 0 ||
        !own_name(bus)) {
        sd_bus_flush_close_unref(bus);
        return NULL;
    }
    mpris_state was = state_of(m);
    for (;;) {
        int r;
        while ((r = sd_bus_process(bus, NULL)) > 0) {
        }
        if (r < 0)
            break; /* the bus went away */
        mpris_state now = state_of(m);
        announce(bus, &was, &now);
        was = now;
        sd_bus_flush(bus);
        struct pollfd pfd[2] = {{.fd = sd_bus_get_fd(bus), .events = (short)sd_bus_get_events(bus)},
                                {.fd = m->wake[0], .events = POLLIN}};
        poll(pfd, 2, POLL_MS);
        if (pfd[1].revents)
            break;
    }
    sd_bus_flush_close_unref(bus);
    return NULL;
}

mpris *mpris_start(const mpris_hooks *hooks)
{
    mpris *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->hooks = *hooks;
    if (pipe(m->wake) != 0) {
        free(m);
        return NULL;
    }
    fcntl(m->wake[0], F_SETFD, FD_CLOEXEC);
    fcntl(m->wake[1], F_SETFD, FD_CLOEXEC);
    if (pthread_create(&m->thread, NULL, bus_loop, m) != 0) {
        close(m->wake[0]);
        close(m->wake[1]);
        free(m);
        return NULL;
    }
    return m;
}

void mpris_stop(mpris *m)
{
    if (!m)
        return;
    if (write(m->wake[1], "", 1) < 0) {
        /* cannot happen with an empty pipe; the join below would wait a poll */
    }
    pthread_join(m->thread, NULL);
    close(m->wake[0]);
    close(m->wake[1]);
    free(m);
}

#endif
