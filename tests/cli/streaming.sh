# Streaming: the first sentence comes out before the rest of the input has
# been written. The input is a FIFO kept open while we wait for line one.
. "$TESTS_DIR/lib.sh"

mkfifo "$TMP/in"
"$NARRATEUR" --print text <"$TMP/in" >"$TMP/stream.out" 2>"$TMP/stream.err" &
pid=$!
exec 3>"$TMP/in"
printf 'Premier paragraphe à 9h.\n\n' >&3
first=""
for _ in $(seq 100); do
    first=$(head -n 1 "$TMP/stream.out")
    [ -n "$first" ] && break
    sleep 0.1
done
expect_eq "first sentence before the input ends" "$first" "Premier paragraphe à neuf heures."
printf 'Second paragraphe.\n' >&3
exec 3>&-
wait "$pid"
expect_eq "exit status" "$?" 0
expect_eq "whole output" "$(cat "$TMP/stream.out")" "Premier paragraphe à neuf heures.
Second paragraphe."

finish
