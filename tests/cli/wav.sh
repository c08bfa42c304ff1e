# -o FILE.wav: a complete WAV (read back with libsndfile) and nothing else.
. "$TESTS_DIR/lib.sh"

run "$NARRATEUR" "$EXAMPLE_ARTICLE" -o "$TMP/article.wav"
expect_eq "exit status" "$rc" 0
expect_eq "no stderr" "$err" ""
expect_eq "format" "$(wav_field "$TMP/article.wav" format)" "wav"
expect_eq "rate" "$(wav_field "$TMP/article.wav" rate)" 22050
expect_eq "channels" "$(wav_field "$TMP/article.wav" channels)" 1
# About 230 words at 165 words a minute, plus pauses.
expect_between "duration (s)" "$(wav_field "$TMP/article.wav" seconds)" 60 110
expect_between "peak" "$(wav_field "$TMP/article.wav" peak)" 8000 32767
expect_eq "only the output in the folder" "$(ls -A "$TMP" | grep -v -e '^out$' -e '^err$')" "article.wav"

# One short sentence: speech plus the final paragraph pause (750 ms).
run "$NARRATEUR" -o "$TMP/short.wav" <<<"Bonjour."
expect_between "short duration (s)" "$(wav_field "$TMP/short.wav" seconds)" 1.0 1.8
expect_between "speech frames" "$(wav_field "$TMP/short.wav" nonsilent)" 4000 20000

# --rate changes the pace: the same text is shorter at 300 words a minute.
run "$NARRATEUR" -r 300 -o "$TMP/fast.wav" "$EXAMPLE_ARTICLE"
slow=$(wav_field "$TMP/article.wav" frames)
fast=$(wav_field "$TMP/fast.wav" frames)
expect_eq "faster is shorter" "$([ "$fast" -lt "$slow" ] && echo yes)" yes

finish
