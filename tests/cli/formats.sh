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
    page-en-anglais.html)
        expect_eq "$name warning" "$err" "narrateur: warning: $f: the page is declared in another language (lang=\"en\"); narrateur reads French, and reads it anyway" ;;
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

# A web page is parsed whole, so its size, its markup and its depth are
# bounded; past a limit it is refused with a message, never read in part.
{ printf '<html><body><p>'; head -c 42000000 /dev/zero | tr '\0' 'a'; printf '</p></body></html>\n'; } >"$TMP/huge.html"
run "$NARRATEUR" --print text "$TMP/huge.html"
expect_eq "huge page status" "$rc" 1
expect_eq "huge page message" "$err" "narrateur: $TMP/huge.html: web page larger than 40 MB; save the article's text instead"
rm -f "$TMP/huge.html"
awk 'BEGIN { printf "<article><h1>Titre</h1>"; for (i = 0; i < 900000; i++) printf "<br>"; print "</article>" }' >"$TMP/balises.html"
run "$NARRATEUR" --print text "$TMP/balises.html"
expect_eq "too much markup status" "$rc" 1
expect_eq "too much markup message" "$err" "narrateur: $TMP/balises.html: web page with too much markup (more than 800000 tags, attributes and texts); save the article's text instead"
deep="web page nested too deeply (more than 512 levels); save the article's text instead"
awk 'BEGIN { printf "<html><body><h1>Titre</h1>"; for (i = 0; i < 100000; i++) printf "<div>"; print "<p>Le texte.</p></body></html>" }' >"$TMP/divs.html"
run "$NARRATEUR" --print text "$TMP/divs.html"
expect_eq "100 000 nested div status" "$rc" 1
expect_eq "100 000 nested div output" "$out" ""
expect_eq "100 000 nested div message" "$err" "narrateur: $TMP/divs.html: $deep"
awk 'BEGIN { printf "<html><body><h1>Titre</h1><p>"; for (i = 0; i < 50000; i++) printf "<b><i>mot "; print "</p></body></html>" }' >"$TMP/gras.html"
run "$NARRATEUR" --print text "$TMP/gras.html"
expect_eq "50 000 nested b/i status" "$rc" 1
expect_eq "50 000 nested b/i message" "$err" "narrateur: $TMP/gras.html: $deep"
# Deeper than libxml2's own limit (256) but within ours: read to the bottom.
awk 'BEGIN { printf "<html><body><h1>Titre</h1>"; for (i = 0; i < 400; i++) printf "<div>"; print "<p>Le texte du fond.</p></body></html>" }' >"$TMP/fond.html"
run "$NARRATEUR" --print text "$TMP/fond.html"
expect_eq "400 nested div" "$out" "Titre
Le texte du fond."
# Memory: a page at the markup limit (tags with attributes, the costliest
# kind) fits in 450 MB of address space (about 220 MB resident). Not
# under AddressSanitizer, which maps terabytes.
if ! ldd "$NARRATEUR" 2>/dev/null | grep -q 'libasan'; then
    awk 'BEGIN { printf "<article><h1>Titre</h1>"; for (i = 0; i < 159000; i++) printf "<a href=x class=y id=z>t</a>"; print "</article>" }' >"$TMP/liens.html"
    ( ulimit -v 450000; "$NARRATEUR" --print text "$TMP/liens.html" >"$TMP/out" 2>"$TMP/err" )
    expect_eq "page at the limits in 450 MB status" "$?" 0
    expect_eq "page at the limits in 450 MB stderr" "$(cat "$TMP/err")" ""
fi

# A page declaring a charset that cannot be its own (UTF-32 or UTF-16
# without a byte order mark, in an ASCII page) is read as UTF-8.
printf '<html><head><meta charset="utf-32"></head><body><p>La m&eacute;t&eacute;o du jour.</p></body></html>\n' >"$TMP/utf32.html"
run "$NARRATEUR" --print text "$TMP/utf32.html"
expect_eq "declared UTF-32" "$out" "La météo du jour."
expect_eq "declared UTF-32 stderr" "$err" ""

# The seed article never says "onglet" (screen-reader leftovers).
seed="$TESTS_DIR/../../shared/corpus/seed-article.txt"
if [ -r "$seed" ]; then
    run "$NARRATEUR" --print text "$seed"
    expect_eq "seed article status" "$rc" 0
    case $out in *onglet*) fail "the seed article says 'onglet'" ;; esac
fi

finish
