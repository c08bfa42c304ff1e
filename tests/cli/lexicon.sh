# User lexicons: --lexicon and ~/.config/narrateur/lexique.tsv.
. "$TESTS_DIR/lib.sh"
export XDG_CONFIG_HOME="$TMP/config"

printf 'Zorglub\t[[zOrgl'"'"'ub]]\n' >"$TMP/lex.tsv"
run "$NARRATEUR" --lexicon "$TMP/lex.tsv" --print phonemes <<<"Zorglub arrive."
expect_eq "issue example" "$out" "zOrgl'ub ar'iv"

# Elision and a plural s keep the entry.
printf 'Zorglub\tzorgloube\n' >"$TMP/respell.tsv"
run "$NARRATEUR" --lexicon "$TMP/respell.tsv" --print text <<<"Le plan d'Zorglub et les Zorglubs."
expect_eq "respelling, elision, plural" "$out" "Le plan d'zorgloube et les zorgloube."

# The config lexicon is read; --lexicon wins over it.
mkdir -p "$XDG_CONFIG_HOME/narrateur"
printf 'Zorglub\tzorglu\nMachin\tmachine\n' >"$XDG_CONFIG_HOME/narrateur/lexique.tsv"
run "$NARRATEUR" --print text <<<"Zorglub et Machin."
expect_eq "config lexicon" "$out" "Zorglu et machine."
run "$NARRATEUR" --lexicon "$TMP/respell.tsv" --print text <<<"Zorglub et Machin."
expect_eq "--lexicon wins" "$out" "Zorgloube et machine."

# A user entry overrides the built-in lexicon.
printf 'OpenAI\tOpène ail\n' >"$TMP/over.tsv"
run "$NARRATEUR" --lexicon "$TMP/over.tsv" --print text <<<"OpenAI innove."
expect_eq "override built-in" "$out" "Opène ail innove."

printf 'Zorglub\t[[zOrgl\nTruc\n' >"$TMP/bad.tsv"
run "$NARRATEUR" --lexicon "$TMP/bad.tsv" --print text <<<"Bonjour."
expect_eq "malformed status" "$rc" 1
expect_eq "malformed message" "$err" "narrateur: $TMP/bad.tsv:2: expected 2 tab-separated fields with a non-empty first one"
printf 'Zorglub\t[[zOrgl\n' >"$TMP/open.tsv"
run "$NARRATEUR" --lexicon "$TMP/open.tsv" --print text <<<"Bonjour."
expect_eq "unclosed phonemes" "$err" "narrateur: $TMP/open.tsv:1: 'Zorglub' has [[phonemes]] not closed with ]]"
run "$NARRATEUR" --lexicon "$TMP/none.tsv" --print text <<<"Bonjour."
expect_eq "missing lexicon" "$err" "narrateur: $TMP/none.tsv: cannot open lexicon: No such file or directory"
run "$NARRATEUR" --print text --lexicon "$TMP" <<<"Bonjour."
expect_eq "lexicon that is a folder: exit" "$rc" 1
expect_eq "lexicon that is a folder" "$err" "narrateur: $TMP: cannot read lexicon: Is a directory"

finish
