# A signal stops narrateur cleanly: exit 128 + N, a message, and no file
# left behind, temporary or final. The input is a FIFO kept open, so the
# process is surely still at work when the signal comes.
. "$TESTS_DIR/lib.sh"

for sig in TERM INT; do
    out_dir="$TMP/$sig"
    mkdir "$out_dir"
    mkfifo "$TMP/in-$sig"
    "$NARRATEUR" -o "$out_dir/episode.mp3" --transcript "$out_dir/episode.vtt" \
        <"$TMP/in-$sig" 2>"$TMP/err-$sig" &
    pid=$!
    exec 3>"$TMP/in-$sig"
    awk 'BEGIN { for (i = 0; i < 300; i++) print "Le conseil municipal se réunit ce soir à 18h30.\n" }' >&3
    sleep 0.3
    kill -s "$sig" "$pid"
    wait "$pid"
    rc=$?
    exec 3>&-
    want=$((128 + $(kill -l "$sig")))
    expect_eq "SIG$sig: exit status" "$rc" "$want"
    expect_eq "SIG$sig: message" "$(grep '^narrateur:' "$TMP/err-$sig")" \
        "narrateur: interrupted; nothing was published"
    expect_eq "SIG$sig: nothing left" "$(ls -A "$out_dir")" ""
done

finish
