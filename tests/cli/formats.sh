# Input formats: web pages in several site styles, Markdown, legacy
# encodings. Each fixture in tests/fixtures/ has its exact `--print text`
# output next to it (NAME.expected).
. "$TESTS_DIR/lib.sh"
FIX="$TESTS_DIR/fixtures"

for f in "$FIX"/*.html "$FIX"/*.md "$FIX"/*.txt; do
    name=${f##*/}
    run "$NARRATEUR" --print text "$f"
    expect_eq "$name status" "$rc" 0
    expect_eq "$name text" "$out" "$(cat "${f%.*}.expected")"
    case $name in
    texte-windows-1252.txt)
        expect_eq "$name warning" "$err" "narrateur: warning: $f:1: not valid UTF-8; reading it as Windows-1252 (convert the file to UTF-8 to silence this)" ;;
    *) expect_eq "$name stderr" "$err" "" ;;
    esac
done

# The format comes from the content when the name does not say it.
page="$FIX/quotidien-national.html"
run "$NARRATEUR" --print text <"$page"
expect_eq "HTML on standard input" "$out" "$(cat "$FIX/quotidien-national.expected")"
cp "$FIX/article.md" "$TMP/article"
run "$NARRATEUR" --print text "$TMP/article"
expect_eq "Markdown without extension" "$out" "$(cat "$FIX/article.expected")"

# --input-format (or --format) forces it.
printf '<p>Le <b>gras</b> reste.</p>\n' >"$TMP/balises.txt"
run "$NARRATEUR" --print text --input-format html "$TMP/balises.txt"
expect_eq "--input-format html" "$out" "Le gras reste."
printf 'Du **gras** et un [lien](https://exemple.fr).\n' >"$TMP/note.txt"
run "$NARRATEUR" --print text --format markdown "$TMP/note.txt"
expect_eq "--format markdown" "$out" "Du gras et un lien."
printf -- '---\ntitle: Le titre\n---\nLe texte.\n' >"$TMP/entete.md"
run "$NARRATEUR" --print text "$TMP/entete.md"
expect_eq "front matter skipped" "$out" "Le titre
Le texte."
run "$NARRATEUR" --print text --input-format text "$TMP/entete.md"
expect_contains "--input-format text reads it all" "$out" "title: Le titre"
run "$NARRATEUR" --print text --input-format pdf "$TMP/note.txt"
expect_eq "bad --input-format status" "$rc" 2
expect_contains "bad --input-format message" "$err" "--input-format takes text, markdown or html, not 'pdf'"
run "$NARRATEUR" --print text --format docx "$TMP/note.txt"
expect_eq "bad --format status" "$rc" 2
expect_contains "bad --format message" "$err" "--format takes text, markdown, html (input)"

# UTF-16 with a byte order mark, both byte orders.
printf 'Le caf\xc3\xa9 co\xc3\xbbte cher.\n' >"$TMP/utf8.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$TMP/utf8.txt"; } >"$TMP/le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$TMP/utf8.txt"; } >"$TMP/be.txt"
run "$NARRATEUR" --print text "$TMP/le.txt"
expect_eq "UTF-16LE" "$out" "Le café coûte cher."
expect_eq "UTF-16LE stderr" "$err" ""
run "$NARRATEUR" --print text "$TMP/be.txt"
expect_eq "UTF-16BE" "$out" "Le café coûte cher."
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$FIX/blog-wordpress.html"; } >"$TMP/blog16.html"
run "$NARRATEUR" --print text "$TMP/blog16.html"
expect_eq "UTF-16 web page" "$out" "$(cat "$FIX/blog-wordpress.expected")"

# Several inputs of different formats, one after the other.
cp "$TMP/note.txt" "$TMP/note.md"
run "$NARRATEUR" --print text "$FIX/page-windows-1252.html" "$TMP/note.md" "$TMP/utf8.txt"
expect_eq "several formats" "$out" "$(cat "$FIX/page-windows-1252.expected")
Du gras et un lien.
Le café coûte cher."

# A page too big to be an article is refused with a clear message.
{ printf '<html><body><p>'; head -c 52500000 /dev/zero | tr '\0' 'a'; printf '</p></body></html>\n'; } >"$TMP/huge.html"
run "$NARRATEUR" --print text "$TMP/huge.html"
expect_eq "huge page status" "$rc" 1
expect_eq "huge page message" "$err" "narrateur: $TMP/huge.html: this page is larger than 50 MB; save the article alone (as text or HTML) and read that"

# The seed article never says "onglet" (screen-reader leftovers).
seed="$TESTS_DIR/../../shared/corpus/seed-article.txt"
if [ -r "$seed" ]; then
    run "$NARRATEUR" --print text "$seed"
    expect_eq "seed article status" "$rc" 0
    case $out in *onglet*) fail "the seed article says 'onglet'" ;; esac
fi

finish
