# Phoneme tables: each line of tests/phonemes/*.tsv is
# "sentence<TAB>the exact `--print phonemes` output". They pin what eSpeak
# NG is made to say: lexicon entries and the fixes for its slips.
. "$TESTS_DIR/lib.sh"

for table in "$TESTS_DIR"/phonemes/*.tsv; do
    grep -v -e '^#' -e '^$' "$table" >"$TMP/cases"
    cut -f1 "$TMP/cases" | "$NARRATEUR" --print phonemes >"$TMP/got" 2>"$TMP/err"
    expect_eq "$(basename "$table"): exit status" "$?" 0
    expect_eq "$(basename "$table"): one line a case" "$(wc -l <"$TMP/got")" "$(wc -l <"$TMP/cases")"
    while IFS=$'\t' read -r written want _ && IFS= read -r got <&3; do
        expect_eq "$(basename "$table"): $written" "$got" "$want"
    done <"$TMP/cases" 3<"$TMP/got"
done

finish
