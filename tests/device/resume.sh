# --resume: an article stopped (SIGTERM) starts again at the sentence that
# was playing; read to its end, it is forgotten.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/device/player_lib.sh"

cat >"$TMP/article.txt" <<'TEXT'
Le conseil se réunit ce soir. Les habitants sont invités. Il fera beau demain.
TEXT
"$NARRATEUR" --show-text -r 300 --resume "$TMP/article.txt" 2>"$TMP/err1" &
pid=$!
wait_until grep -q "Les habitants" "$TMP/err1"
kill -TERM "$pid"
wait "$pid"
expect_eq "stopped by SIGTERM" "$?" 143
expect_eq "one position kept" "$(cut -f2 "$XDG_STATE_HOME/narrateur/positions.tsv")" 1

# Under another name: the same content, the same place.
cp "$TMP/article.txt" "$TMP/renamed.txt"
run "$NARRATEUR" --show-text -r 300 --resume "$TMP/renamed.txt"
expect_eq "resumed run status" "$rc" 0
expect_eq "resumed at the second sentence" "$err" "Les habitants sont invités.
Il fera beau demain."
expect_eq "finished: forgotten" "$(wc -c <"$XDG_STATE_HOME/narrateur/positions.tsv")" 0

run "$NARRATEUR" --show-text -r 300 --resume "$TMP/article.txt"
expect_eq "from the start again" "$(echo "$err" | head -1)" "Le conseil se réunit ce soir."
finish
