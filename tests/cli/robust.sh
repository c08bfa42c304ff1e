# Hostile but ordinary-looking input (issue 14): no crash, one warning at
# most, nothing left behind.
. "$TESTS_DIR/lib.sh"

repeat() { # UNIT TIMES
    local s="" i
    for ((i = 0; i < $2; i++)); do s+="$1"; done
    printf '%s' "$s"
}

# 1. Long chains of dotted initials smashed eSpeak's stack (exit 134).
for unit in x.:100 a.b.:50 S.A.R.L.:30 'x.x. :100'; do
    chain=$(repeat "${unit%:*}" "${unit##*:}")
    run "$NARRATEUR" --print phonemes <<<"Le sigle $chain est long."
    expect_eq "dotted chain ${unit%:*} status" "$rc" 0
    expect_eq "dotted chain ${unit%:*} stderr" "$err" ""
done
run "$NARRATEUR" --print phonemes <<<"Voici $(repeat x. 10) enfin."
expect_eq "dotted chain cut" "$out" \
    "vwas,i; ,iks,iks'iks,iks,iks'iks,iks'iks ,iks'iks A~f'E~"
mkdir "$TMP/dir"
run "$NARRATEUR" -o "$TMP/dir/x.mp3" --transcript "$TMP/dir/x.vtt" <<<"Le sigle $(repeat S.A.R.L. 30)."
expect_eq "dotted chain to mp3 status" "$rc:$err" 0:
expect_eq "dotted chain to mp3: only the outputs" "$(ls -A "$TMP/dir" | tr '\n' ' ')" "x.mp3 x.vtt "

# 3. Characters eSpeak cannot read (here unassigned U+0A65, private-use
# U+E000 and Cyrillic) are left out, with one warning per input.
run "$NARRATEUR" --print phonemes <<<"Un $(printf '\xe0\xa9\xa5') deux $(printf '\xee\x80\x80') trois Москва."
expect_eq "unreadable status" "$rc" 0
expect_eq "unreadable phonemes" "$out" "W~ d'Y trw'a"
expect_eq "unreadable warning" "$err" \
    "narrateur: warning: standard input: 7 characters eSpeak NG cannot read left out (the first: U+0A65)"

# 12. A 3-million-letter word made 12 hours of audio: words over 100
# characters are skipped.
{ printf 'Un mot '; head -c 3000000 /dev/zero | tr '\0' 'a'; printf ' puis la fin.\n'; } >"$TMP/long.txt"
run "$NARRATEUR" --print phonemes "$TMP/long.txt"
expect_eq "long word status" "$rc" 0
expect_eq "long word phonemes" "$out" "W~ m'o"$'\n'"py'i la- f'E~"
expect_eq "long word warning" "$err" \
    "narrateur: warning: $TMP/long.txt: 3000000 characters in words over 100 characters left out"

finish
