# Helpers for the player tests: narrateur runs in a tmux session (a real
# pseudo-terminal) and plays on tests/alsa-paced.conf, whose speaker
# (tests/tools/pace.c) takes the sound at the pace of real time into
# $CAPTURE. Sourced after lib.sh.
export ALSA_CONFIG_PATH="$TESTS_DIR/alsa-paced.conf"
CAPTURE="$TMP/capture.wav"
export NARRATEUR_TEST_CAPTURE="|exec $PACE 22050 1 $CAPTURE"
export XDG_STATE_HOME="$TMP/state"
SOCKET="$TMP/tmux.0"
sessions=0
trap 'tmux -S "$SOCKET" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# start_player ARGS...: narrateur ARGS in a fresh terminal; when it ends,
# its exit status goes to $TMP/rc and the terminal's settings before and
# after to $TMP/stty.before and $TMP/stty.after.
start_player() {
    rm -f "$TMP/rc" "$CAPTURE"
    local args
    args=$(printf '%q ' "$@")
    # A new server each time: one that is still going away refuses a session.
    tmux -S "$SOCKET" kill-server 2>/dev/null
    sessions=$((sessions + 1))
    SOCKET="$TMP/tmux.$sessions"
    # (On a loaded machine a new server now and then refuses its first
    # session: try again, with a new socket, before the checks.)
    local try
    for try in 1 2 3; do
        tmux -S "$SOCKET" -f /dev/null new-session -d -x 150 -y 20 \
            "cd '$TMP'; trap '' INT; stty -g >stty.before; env ALSA_CONFIG_PATH='$ALSA_CONFIG_PATH' \
             NARRATEUR_TEST_CAPTURE='$NARRATEUR_TEST_CAPTURE' XDG_STATE_HOME='$XDG_STATE_HOME' \
             $args; echo \$? >rc.tmp; stty -g >stty.after; mv rc.tmp rc; sleep 60" \
            2>>"$TMP/tmux.err" && tmux -S "$SOCKET" has-session 2>/dev/null && return 0
        sessions=$((sessions + 1))
        SOCKET="$TMP/tmux.$sessions"
    done
    fail "tmux would not start a session: $(cat "$TMP/tmux.err")"
}

keys() { tmux -S "$SOCKET" send-keys "$@"; }
screen() { tmux -S "$SOCKET" capture-pane -p; }
captured() { stat -c %s "$CAPTURE" 2>/dev/null || echo 0; }

# wait_until COMMAND...: polls (every 50 ms, 20 s at most) until it succeeds.
wait_until() {
    local i
    for i in $(seq 400); do
        "$@" && return 0
        sleep 0.05
    done
    fail "timed out waiting for: $* (screen: $(screen 2>&1 | grep -v "^$" | tail -3))"
    return 1
}
captured_over() { [ "$(captured)" -gt "$1" ]; }
# The speaker got nothing for 300 ms (what was sent before a pause is
# still played: the pipe to the speaker holds a little).
silent() { local was; was=$(captured); sleep 0.3; [ "$(captured)" = "$was" ]; }
screen_has() { screen | grep -qF -- "$1"; }
ended() { [ -e "$TMP/rc" ]; }
