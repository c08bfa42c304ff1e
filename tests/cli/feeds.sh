# Feeds: RSS 2.0, Atom 1.0 and RSS 1.0, from a file or an address, are
# recognised by their content; each item is an article (its title, then
# its text as HTML, or with --fetch-links its page), in feed order.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/cli/httpd.sh"

run "$NARRATEUR" --print text "$WEB/feed.rss"
expect_eq "RSS with content:encoded exit" "$rc" 0
expect_eq "RSS with content:encoded" "$out" "Premier article
Le texte complet du premier article.
Deuxième article
Le texte complet du deuxième article."

run "$NARRATEUR" --print text "$WEB/feed.atom"
expect_eq "Atom summaries" "$out" "Une page
Un résumé seulement.
Une autre page
Encore un résumé."
# Its links are relative to xml:base and the feed's address.
run "$NARRATEUR" --print text --fetch-links "$WEB/feed.atom"
expect_eq "Atom with --fetch-links" "$out" "Une page
Le texte entier de la première page.
Une autre page
Le texte entier de la seconde page."

run "$NARRATEUR" --print text --max-items 1 "$WEB/feed.rss"
expect_eq "--max-items" "$out" "Premier article
Le texte complet du premier article."
run "$NARRATEUR" --print text --since 2026-12-07 "$WEB/feed.rss"
expect_eq "--since" "$out" "Premier article
Le texte complet du premier article."
run "$NARRATEUR" --print text --since hier "$WEB/feed.rss"
expect_eq "bad --since exit" "$rc" 2
expect_eq "bad --since" "$err" \
    "narrateur: --since takes a date such as 2026-12-07 or 2026-12-07T09:30:00+01:00, not 'hier'
Try 'narrateur --help' for more information."

# A feed file, RSS 1.0 here, with a page of the server as a link.
cat >"$TMP/fil.rdf" <<RDF
<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="$WEB/"><title>Le fil</title><link>$WEB/</link></channel>
<item rdf:about="$WEB/page-fr.html"><title>Titre &amp; sous-titre</title>
<link>$WEB/page-fr.html</link><dc:date>2026-12-01</dc:date>
<description>&lt;p&gt;Le 1er décembre, 20 % de plus.&lt;/p&gt;</description></item>
</rdf:RDF>
RDF
run "$NARRATEUR" --print text "$TMP/fil.rdf"
expect_eq "RSS 1.0 file" "$out" "Titre et sous-titre
Le premier décembre, vingt pour cent de plus."
run "$NARRATEUR" --print text --fetch-links "$TMP/fil.rdf"
expect_eq "RSS 1.0 file, --fetch-links" "$(head -1 <<<"$out")" "Le chômage baisse"

# Several inputs: a feed's items among them, in order, in one file.
echo "Un texte à la fin." >"$TMP/fin.txt"
run "$NARRATEUR" -o "$TMP/all.wav" --transcript "$TMP/all.vtt" "$WEB/feed.rss" "$TMP/fin.txt"
expect_eq "feed and file into one file" "$rc" 0
expect_eq "items in order" "$(grep -E '^(Premier|Deuxième|Le texte|Un texte)' "$TMP/all.vtt")" \
    "Premier article
Le texte complet du premier article.
Deuxième article
Le texte complet du deuxième article.
Un texte à la fin."

# An item whose link fails stops a reading with one line naming it.
cat >"$TMP/casse.rss" <<RSS
<rss version="2.0"><channel><title>T</title>
<item><title>Perdu</title><link>$WEB/status/404</link><description>x</description></item>
</channel></rss>
RSS
run "$NARRATEUR" --print text --fetch-links "$TMP/casse.rss"
expect_eq "failed link exit" "$rc" 1
expect_eq "failed link" "$err" "narrateur: $WEB/status/404: HTTP 404 (not found)"
httpd_stop
finish
