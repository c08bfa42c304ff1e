# Bad and unusual input: binary, empty, legacy encoding, huge lines.
. "$TESTS_DIR/lib.sh"

printf 'Bonjour\000\001\002 le monde.\n' >"$TMP/nul.txt"
run "$NARRATEUR" --print text "$TMP/nul.txt"
expect_eq "NUL bytes status" "$rc" 1
expect_eq "NUL bytes message" "$err" "narrateur: $TMP/nul.txt:1: contains NUL bytes: this is a binary file, not text"

head -c 3000 /bin/sh >"$TMP/program"
run "$NARRATEUR" --print text "$TMP/program"
expect_eq "binary status" "$rc" 1
expect_contains "binary message" "$err" "binary"

: >"$TMP/empty.txt"
run "$NARRATEUR" -o "$TMP/empty.wav" "$TMP/empty.txt"
expect_eq "empty input status" "$rc" 1
expect_eq "empty input message" "$err" "narrateur: $TMP/empty.txt: no text to read aloud"
expect_no_file "$TMP/empty.wav"

printf 'Le caf\351 co\373te 2 euros.\n' >"$TMP/latin.txt"
run "$NARRATEUR" --print text "$TMP/latin.txt"
expect_eq "Windows-1252 text" "$out" "Le café coûte deux euros."
expect_eq "Windows-1252 warning" "$err" "narrateur: warning: $TMP/latin.txt:1: not valid UTF-8; reading it as Windows-1252 (convert the file to UTF-8 to silence this)"

printf '\357\273\277Bonjour.\r\n' >"$TMP/bom.txt"
run "$NARRATEUR" --print text "$TMP/bom.txt"
expect_eq "BOM and CRLF" "$out" "Bonjour."

# A 1 MB line without a newline: read in pieces, nothing lost.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "Le chat dort. "; }' >"$TMP/huge.txt"
run "$NARRATEUR" --print text "$TMP/huge.txt"
expect_eq "huge line status" "$rc" 0
expect_eq "huge line sentences" "$(grep -c '^Le chat dort\.$' <<<"$out")" 40000

# Several files are read one after the other.
printf 'Premier.\n' >"$TMP/a.txt"
printf 'Second.\n' >"$TMP/b.txt"
run "$NARRATEUR" --print text "$TMP/a.txt" "$TMP/b.txt"
expect_eq "several files" "$out" "Premier.
Second."

# A folder and an endless device are refused at once, nothing written.
run "$NARRATEUR" -o "$TMP/folder.wav" "$TMP"
expect_eq "folder input" "$rc:$err" "1:narrateur: $TMP: cannot read: Is a directory"
expect_no_file "$TMP/folder.wav"
run "$NARRATEUR" -o "$TMP/zero.wav" /dev/zero
expect_eq "/dev/zero input" "$rc:$err" "1:narrateur: /dev/zero:1: contains NUL bytes: this is a binary file, not text"
expect_no_file "$TMP/zero.wav"

# Typed in a terminal (script(1) gives the program one): a hint on standard
# error says how to end; from a pipe or with --quiet, none.
out=$(printf 'Le 1er mai.\n\004' |
    script -qec "\"$NARRATEUR\" --print text 2>\"$TMP/tty.err\"" /dev/null | tr -d '\r')
expect_contains "typed text read" "$out" "Le premier mai."
expect_eq "typed text: the hint" "$(cat "$TMP/tty.err")" \
    "narrateur: reading the article typed here; end it with Ctrl-D (or give a FILE or web address: see --help)"
printf 'Le 1er mai.\n\004' | script -qec "\"$NARRATEUR\" -q --print text 2>\"$TMP/tty.err\"" /dev/null >/dev/null
expect_eq "typed text, --quiet: no hint" "$(cat "$TMP/tty.err")" ""
run "$NARRATEUR" --print text <<<"Le 1er mai."
expect_eq "piped text: no hint" "$err" ""
finish
