/* mpris: the player on the D-Bus session bus, for media keys and desktop
 * applets. Owns org.mpris.MediaPlayer2.narrateur (or .narrateur.instancePID
 * when another narrateur has it) and serves org.mpris.MediaPlayer2 and
 * org.mpris.MediaPlayer2.Player from its own thread, through sd-bus.
 * Without a session bus, or built without libsystemd, mpris_start
 * returns NULL and says nothing. The player is reached only through the
 * hooks, which must be safe from the bus thread. */
#ifndef NARR_CLI_MPRIS_H
#define NARR_CLI_MPRIS_H

#include <stdbool.h>

typedef enum {
    MPRIS_PLAY_PAUSE, MPRIS_PLAY, MPRIS_PAUSE, MPRIS_STOP, MPRIS_NEXT, MPRIS_PREVIOUS,
} mpris_command;

/* What the bus shows; compared between looks to send PropertiesChanged. */
typedef struct {
    bool paused;
    bool stopped;
    long track;         /* the article's number, from 0: mpris:trackid */
    char title[256];    /* xesam:title */
    char voice[64];     /* xesam:artist */
    double rate;        /* 1.0 = the voice's rate */
    double min_rate, max_rate;
    long long position_us; /* audio played of this article */
} mpris_state;

typedef struct {
    void (*command)(void *user, mpris_command cmd);
    void (*set_rate)(void *user, double rate);
    void (*state)(void *user, mpris_state *out);
    void *user;
} mpris_hooks;

typedef struct mpris mpris;

mpris *mpris_start(const mpris_hooks *hooks);

/* Leaves the bus and frees; NULL: no-op. */
void mpris_stop(mpris *m);

#endif
