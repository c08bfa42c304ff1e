# Errors: exact messages and exit codes (1 runtime, 2 usage), and no
# output file left behind.
. "$TESTS_DIR/lib.sh"

run "$NARRATEUR" --bogus
expect_eq "bad option status" "$rc" 2
expect_eq "bad option message" "$(head -n 1 <<<"$err")" "narrateur: unknown option '--bogus'"

run "$NARRATEUR" --print nothing
expect_eq "bad --print status" "$rc" 2
expect_contains "bad --print message" "$err" "--print takes 'text', 'phonemes' or 'timing', not 'nothing'"

run "$NARRATEUR" --rate 20 </dev/null
expect_eq "bad --rate status" "$rc" 2

run "$NARRATEUR" -o "$TMP/x.xyz" "$EXAMPLE_ARTICLE"
expect_eq "unknown output format status" "$rc" 2
expect_no_file "$TMP/x.xyz"

run "$NARRATEUR" --print text -o "$TMP/x.wav" "$EXAMPLE_ARTICLE"
expect_eq "--print with -o status" "$rc" 2

run "$NARRATEUR" "$TMP/missing.txt" -o "$TMP/out.wav"
expect_eq "missing input status" "$rc" 1
expect_eq "missing input message" "$err" "narrateur: $TMP/missing.txt: cannot read: No such file or directory"
expect_no_file "$TMP/out.wav"

run "$NARRATEUR" "$EXAMPLE_ARTICLE" -o "$TMP/no/such/dir/out.wav"
expect_eq "unwritable output status" "$rc" 1
expect_contains "unwritable output message" "$err" "$TMP/no/such/dir/out.wav: cannot create the output file: No such file or directory"

run "$NARRATEUR" --voice klingon --print text </dev/null
expect_eq "unknown voice status" "$rc" 1
expect_contains "unknown voice lists presets" "$err" "unknown voice 'klingon'; available voices: belge, femme,"

# A file-size limit makes the write fail midway: no file under the final
# name and no temporary file left.
(ulimit -f 50; trap '' XFSZ; exec "$NARRATEUR" "$EXAMPLE_ARTICLE" -o "$TMP/big.wav") 2>"$TMP/err"
rc=$?
expect_eq "failed write status" "$rc" 1
expect_contains "failed write message" "$(cat "$TMP/err")" "$TMP/big.wav: cannot write"
expect_eq "nothing left after a failed write" "$(ls -A "$TMP" | grep -c wav)" 0

# Standard output on a full disk: an error, not a silent loss.
if [ -w /dev/full ]; then
    "$NARRATEUR" --print text "$EXAMPLE_ARTICLE" >/dev/full 2>"$TMP/full.err"
    expect_eq "stdout full status" "$?" 1
    expect_eq "stdout full message" "$(cat "$TMP/full.err")" "narrateur: cannot write the output: No space left on device"
fi

run "$NARRATEUR" --help
expect_eq "help status" "$rc" 0
expect_contains "help usage" "$out" "Usage: narrateur [OPTIONS] [FILE...]"

run "$NARRATEUR" --version
expect_eq "version" "$out" "narrateur 0.2.0"

# No output may be an input (issue 14): a usage error before any work,
# the input left as it was.
mkdir "$TMP/same"
printf 'Titre\n\nUn texte.\n' >"$TMP/same/article.md"
cp "$TMP/same/article.md" "$TMP/same/keep.md"
cp "$TESTS_DIR/../assets/chime.wav" "$TMP/same/c.wav"
printf 'Zorglub\tzorglube\n' >"$TMP/same/lex.tsv"
same_file() { # WHAT OUTPUT INPUT ARGS...
    local what=$1 output=$2 input=$3
    shift 3
    (cd "$TMP/same" && run "$NARRATEUR" "$@"
        expect_eq "$what: status" "$rc" 2
        expect_eq "$what: message" "$err" "narrateur: $output would be written over $input, an input; give the output another name (nothing was written)
Try 'narrateur --help' for more information."
        finish >/dev/null) || failures=$((failures + 1))
    checks=$((checks + 1))
}
same_file "chapters over the article" article.md article.md article.md -o a.wav --chapters article.md
same_file "audio over the article" article.md article.md article.md -o article.md --output-format wav
same_file "audio over the intro" c.wav c.wav --intro c.wav -o c.wav article.md
same_file "audio over the lexicon" ./lex.tsv lex.tsv --lexicon lex.tsv -o ./lex.tsv --output-format wav article.md
same_file "chapters over the article, by another path" ../same/article.md article.md article.md -o a.wav --chapters ../same/article.md
same_file "podcast feed over the input" article.md article.md article.md --output-dir out --podcast-feed article.md --base-url http://exemple.fr/
expect_eq "article intact" "$(cmp "$TMP/same/article.md" "$TMP/same/keep.md" && echo same)" same
expect_eq "intro intact" "$(cmp "$TMP/same/c.wav" "$TESTS_DIR/../assets/chime.wav" && echo same)" same
expect_eq "nothing written" "$(ls "$TMP/same" | tr '\n' ' ')" "article.md c.wav keep.md lex.tsv "
# The configuration file read and the configuration lexicon are inputs too.
printf 'voice = fr\nrate = 180\n' >"$TMP/same/my.conf"
mkdir -p "$TMP/same/xdg/narrateur"
printf 'Zorglub\tzorglube\n' >"$TMP/same/xdg/narrateur/lexique.tsv"
same_file "audio over the configuration file" my.conf my.conf --config my.conf -o my.conf --output-format wav article.md
export XDG_CONFIG_HOME="$TMP/same/xdg"
same_file "audio over the configuration lexicon" xdg/narrateur/lexique.tsv "$TMP/same/xdg/narrateur/lexique.tsv" -o xdg/narrateur/lexique.tsv --output-format wav article.md
same_file "a feed over the configuration lexicon" xdg/narrateur/lexique.tsv "$TMP/same/xdg/narrateur/lexique.tsv" article.md --output-dir out --podcast-feed xdg/narrateur/lexique.tsv --base-url http://exemple.fr/
unset XDG_CONFIG_HOME
expect_eq "configuration intact" "$(cat "$TMP/same/my.conf")" "voice = fr
rate = 180"
expect_eq "configuration lexicon intact" "$(cat "$TMP/same/xdg/narrateur/lexique.tsv")" "Zorglub	zorglube"
finish
