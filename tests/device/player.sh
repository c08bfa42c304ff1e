# The player at a terminal: keys sent through a real pseudo-terminal
# (tmux) to narrateur playing on a speaker paced at real time.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/device/player_lib.sh"

cat >"$TMP/article.txt" <<'TEXT'
Les nouvelles

Le conseil se réunit ce soir. Les habitants sont invités.

Il fera beau demain.
TEXT
"$NARRATEUR" -r 300 -o "$TMP/reference.wav" "$TMP/article.txt"
full=$(wav_field "$TMP/reference.wav" frames)
printf 'Les habitants sont invités.\n' >"$TMP/second.txt"
"$NARRATEUR" -r 300 -o "$TMP/second.wav" "$TMP/second.txt"
second=$(wav_field "$TMP/second.wav" frames)

# Space pauses: the speaker gets nothing more; Space again resumes, and
# the whole article is heard once, sample for sample.
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until captured_over 20000
keys Space
wait_until screen_has "⏸ Les nouvelles"
wait_until silent
paused_at=$(captured)
sleep 1
expect_eq "nothing played while paused" "$(captured)" "$paused_at"
expect_contains "status line" "$(screen)" "⏸ Les nouvelles · sentence "
expect_contains "status line rate" "$(screen)" " · 300 wpm"
keys Space
wait_until captured_over "$paused_at"
wait_until ended
expect_eq "played to the end" "$(cat "$TMP/rc")" 0
run "$WAVCMP" "$CAPTURE" "$TMP/reference.wav"
expect_eq "nothing lost, nothing played twice" "$rc" 0
expect_eq "terminal restored" "$(cat "$TMP/stty.after")" "$(cat "$TMP/stty.before")"

# → → in the second sentence goes on to the fourth: the capture is
# shorter by the third at least; + speeds up by 10 % (shown), - slows
# down by 10 %.
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until screen_has "sentence 2 of 2"
keys Right Right
wait_until screen_has "sentence 4 of 4"
keys +
wait_until screen_has "330 wpm"
expect_contains "rate shown" "$(screen)" "▶ Les nouvelles · sentence 4 of 4"
keys -
wait_until screen_has "297 wpm"
wait_until ended
expect_eq "skip status" "$(cat "$TMP/rc")" 0

# q stops, exit 0, the terminal as it was.
short=$(wav_field "$CAPTURE" frames)
expect_eq "a sentence skipped" "$((short <= full - second))" 1

# ↓ goes to the next paragraph's first sentence, ↑ back to the one before,
# Home to the start: the article is heard past its end's length.
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until screen_has "sentence 2 of 2"
keys Down
wait_until screen_has "sentence 4 of 4"
keys Up
wait_until screen_has "sentence 2 of 4"
keys Home
wait_until screen_has "sentence 1 of 4"
wait_until ended
expect_eq "paragraph keys status" "$(cat "$TMP/rc")" 0
expect_eq "Home replays: more than the article heard" "$(($(wav_field "$CAPTURE" frames) > full))" 1

# ← at the start of a sentence goes to the one before it; well into a
# sentence (past its first second) it plays that one again.
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until screen_has "sentence 2 of 2"
keys Right Right
wait_until screen_has "sentence 4 of 4"
keys Left
wait_until screen_has "sentence 3 of 4"
keys q
wait_until ended
expect_eq "early ← status" "$(cat "$TMP/rc")" 0
printf 'Le conseil municipal a longuement débattu ce soir du budget de la ville, des travaux de la rue principale, de la rénovation des écoles et du prix de la cantine scolaire.\n' >"$TMP/long.txt"
"$NARRATEUR" -r 300 -o "$TMP/long.wav" "$TMP/long.txt"
long=$(wav_field "$TMP/long.wav" frames)
start_player "$NARRATEUR" -r 300 "$TMP/long.txt"
wait_until captured_over 88200 # two seconds in
keys Left
wait_until ended
expect_eq "late ← status" "$(cat "$TMP/rc")" 0
expect_eq "late ← plays the sentence again: more than it heard" \
    "$(($(wav_field "$CAPTURE" frames) > long + 22050))" 1

start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until captured_over 10000
keys q
wait_until ended
expect_eq "q exits 0" "$(cat "$TMP/rc")" 0
expect_eq "terminal restored after q" "$(cat "$TMP/stty.after")" "$(cat "$TMP/stty.before")"
expect_eq "q stops the sound" "$(($(wav_field "$CAPTURE" frames) < full))" 1

# Ctrl-C: exit 130, terminal restored.
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until captured_over 10000
keys C-c
wait_until ended
expect_eq "Ctrl-C exits 130" "$(cat "$TMP/rc")" 130
expect_eq "terminal restored after Ctrl-C" "$(cat "$TMP/stty.after")" "$(cat "$TMP/stty.before")"

# A crash signal too puts the terminal back (then the signal's default).
start_player "$NARRATEUR" -r 300 "$TMP/article.txt"
wait_until captured_over 10000
pkill -ABRT -P "$(tmux -S "$SOCKET" display -p '#{pane_pid}')" -x narrateur
wait_until ended
expect_eq "abort status" "$(cat "$TMP/rc")" 134
expect_eq "terminal restored after a crash" "$(cat "$TMP/stty.after")" "$(cat "$TMP/stty.before")"

# ? shows the keys; n goes to the next article, p back.
# (Two long articles: a one-sentence first one could end, on a loaded
# machine, before its status line is seen.)
start_player "$NARRATEUR" -r 300 "$TMP/article.txt" "$TMP/article.txt"
wait_until screen_has "[1/2] Les nouvelles"
keys '?'
wait_until screen_has "keys: space pause"
keys n
wait_until screen_has "[2/2] Les nouvelles"
keys q
wait_until ended
expect_eq "n then q" "$(cat "$TMP/rc")" 0

# Without a terminal (no controlling tty, files for stdin and stderr): no
# keys, no status line, the article plays.
setsid "$NARRATEUR" -r 300 <"$TMP/second.txt" >"$TMP/out" 2>"$TMP/err"
expect_eq "no terminal status" "$?" 0
expect_eq "no status line" "$(grep -c 'wpm' "$TMP/err")" 0
run "$WAVCMP" "$CAPTURE" "$TMP/second.wav"
expect_eq "played without a terminal" "$rc" 0

finish
