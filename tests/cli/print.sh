# --print text and --print phonemes: exact output, one sentence a line.
. "$TESTS_DIR/lib.sh"

run "$NARRATEUR" --print text <<<"M. Dupont arrive à 14h30."
expect_eq "issue example" "$out" "Monsieur Dupont arrive à quatorze heures trente."
expect_eq "exit status" "$rc" 0

run "$NARRATEUR" --print text <<<"Il part à 9 h 05. Elle arrive à 21h."
expect_eq "one sentence a line" "$out" "Il part à neuf heures cinq.
Elle arrive à vingt-et-une heures."

run "$NARRATEUR" --print phonemes <<<"Bonjour à tous. M. Dupont arrive."
expect_eq "phonemes as espeak-ng -x" "$out" "bO~Z'ur a t'us
m@sj'Y dyp'O~t2 ar'iv"

# Article text is data: SSML tags and [[phonemes]] are not obeyed.
run "$NARRATEUR" --print phonemes <<<"Le code [[bOZur]] et <b>ceci</b> restent du texte."
case "$out" in *bOZur*) fail "[[...]] in the article was read as phonemes: $out" ;; esac
expect_contains "SSML tags are text" "$out" "b'e_:_: s@s,i"
# Even when a rule drops what stood between two brackets.
run "$NARRATEUR" --print text <<<"Il dit [*[h@l]] fin."
expect_eq "[[ rebuilt by a rule is broken again" "$out" "Il dit [ [h arobase l]] fin."

# Typography: ’ and no-break spaces.
run "$NARRATEUR" --print text <<<"L’équipe compte 12 500 fans."
expect_eq "apostrophe and NBSP" "$out" "L'équipe compte douze mille cinq cents fans."

# The bundled article: title first, headings on their own line.
run "$NARRATEUR" --print text "$EXAMPLE_ARTICLE"
expect_eq "title line" "$(printf '%s\n' "$out" | head -n 1)" "Le tramway de Bordeaux fête ses vingt ans"
expect_contains "abbreviation in article" "$out" "Monsieur Martin, directeur du réseau"

finish
