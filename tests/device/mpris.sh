# MPRIS on a private D-Bus session bus: PlayPause pauses the sound (the
# speaker gets nothing more) and PlaybackStatus says Paused; Metadata has
# the title. Runs itself again inside dbus-run-session.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${MPRIS_TEST_BUS:-}" ]; then
    MPRIS_TEST_BUS=1 exec dbus-run-session -- bash "$0"
fi
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/device/player_lib.sh"
dest=org.mpris.MediaPlayer2.narrateur
path=/org/mpris/MediaPlayer2
player_property() {
    busctl --user get-property "$dest" "$path" org.mpris.MediaPlayer2.Player "$1"
}
on_bus() { busctl --user status "$dest" >/dev/null 2>&1; }

cat >"$TMP/article.txt" <<'TEXT'
Les nouvelles du soir

Le conseil se réunit ce soir. Les habitants sont invités. Il fera beau demain.
TEXT
setsid "$NARRATEUR" -r 300 "$TMP/article.txt" </dev/null >/dev/null 2>"$TMP/err" &
pid=$!
wait_until on_bus
wait_until captured_over 20000
expect_eq "playing" "$(player_property PlaybackStatus)" 's "Playing"'
run busctl --user call "$dest" "$path" org.mpris.MediaPlayer2.Player PlayPause
expect_eq "PlayPause" "$rc" 0
expect_eq "paused" "$(player_property PlaybackStatus)" 's "Paused"'
wait_until silent
paused_at=$(captured)
sleep 1
expect_eq "nothing played while paused" "$(captured)" "$paused_at"
metadata=$(player_property Metadata)
expect_contains "title" "$metadata" '"xesam:title" s "Les nouvelles du soir"'
expect_contains "track" "$metadata" '"mpris:trackid" o "/org/narrateur/track/0"'
expect_eq "rate" "$(player_property Rate)" "d 1"
expect_eq "identity" "$(busctl --user get-property "$dest" "$path" org.mpris.MediaPlayer2 Identity)" 's "narrateur"'
run gdbus call --session --dest "$dest" --object-path "$path" \
    --method org.mpris.MediaPlayer2.Player.Play
expect_eq "Play" "$rc" 0
wait_until captured_over "$paused_at"
run busctl --user call "$dest" "$path" org.mpris.MediaPlayer2.Player Stop
wait "$pid"
expect_eq "Stop ends it, exit 0" "$?" 0
finish
