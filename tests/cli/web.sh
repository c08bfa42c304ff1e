# Web addresses: fetched with libcurl from a real server on 127.0.0.1
# (tests/tools/httpd.py), read like saved pages; every failure is one line
# naming the address, exit 1.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/cli/httpd.sh"

CHOMAGE="Le chômage baisse
Le taux de chômage a baissé de zéro virgule trois pour cent au troisième trimestre, selon l'Insee.
C'est une bonne nouvelle, a déclaré la ministre."

run "$NARRATEUR" --print text "$WEB/page-fr.html"
expect_eq "French page exit" "$rc" 0
expect_eq "French page" "$out" "$CHOMAGE"
expect_eq "French page, no message" "$err" ""

# The charset: the header's first, then the page's, then the content.
ETE="Été
L'été à Noël, déjà ?
Ça alors."
run "$NARRATEUR" --print text "$WEB/latin1.html"
expect_eq "charset only in the header" "$out" "$ETE"
expect_eq "charset only in the header, no warning" "$err" ""
run "$NARRATEUR" --print text "$WEB/header-wins.html"
expect_eq "the header wins over the page's declaration" "$out" "$ETE"
run "$NARRATEUR" --print text "$WEB/mislabeled.html"
expect_eq "a plainly UTF-8 page under a Latin-1 header" "$out" "$ETE"

run "$NARRATEUR" --print text "$WEB/redirect/3"
expect_eq "redirect chain" "$out" "$CHOMAGE"
run "$NARRATEUR" --print text "$WEB/gzip.html"
expect_eq "gzip" "$out" "$CHOMAGE"

# The page's final address is its source: a batch keys it by that.
run "$NARRATEUR" -q --output-dir "$TMP/dir" --output-format wav "$WEB/redirect/2"
expect_eq "redirected page in a batch" "$rc" 0
expect_eq "keyed by its final address" "$(cut -f1,3 "$TMP/dir/.narrateur-state" | tail -1)" \
    "$WEB/page-fr.html	$(date +%F)-le-chomage-baisse.wav"

fails() { # WHAT WANT-MESSAGE ARGS...
    local what=$1 want=$2
    shift 2
    run "$NARRATEUR" --print text "$@"
    expect_eq "$what exit" "$rc" 1
    expect_eq "$what message" "$err" "$want"
    expect_eq "$what output" "$out" ""
}
fails "redirect loop" "narrateur: $WEB/loop/a: more than 10 redirects" "$WEB/loop/a"
fails "redirect to file:" \
    "narrateur: $WEB/to-file: redirected to an address that is not http or https" "$WEB/to-file"
fails "404" "narrateur: $WEB/status/404: HTTP 404 (not found)" "$WEB/status/404"
fails "410" "narrateur: $WEB/status/410: HTTP 410 (gone)" "$WEB/status/410"
fails "500" "narrateur: $WEB/status/500: HTTP 500 (server error)" "$WEB/status/500"
fails "slow" "narrateur: $WEB/slow: timed out after 1 s" --timeout 1 "$WEB/slow"
fails "50 MB" "narrateur: $WEB/huge: too large (over 40 MB)" "$WEB/huge"
fails "50 MB chunked" "narrateur: $WEB/huge-chunked: too large (over 40 MB)" "$WEB/huge-chunked"
fails "gzip bomb" "narrateur: $WEB/gzip-bomb: too large (over 40 MB)" "$WEB/gzip-bomb"
fails "PDF" "narrateur: $WEB/doc.pdf: not a web page or feed (application/pdf)" "$WEB/doc.pdf"
fails "refused" "narrateur: http://127.0.0.1:1/: connection refused (127.0.0.1)" \
    --connect-timeout 5 http://127.0.0.1:1/
fails "no such host" "narrateur: http://nom-inexistant.invalid/: no such host (nom-inexistant.invalid)" \
    http://nom-inexistant.invalid/
# A failed address stops before any output is made.
run "$NARRATEUR" -o "$TMP/x.wav" "$WEB/page-fr.html" "$WEB/status/404"
expect_eq "failed second address exit" "$rc" 1
expect_no_file "$TMP/x.wav"

run "$NARRATEUR" --print text --timeout 0 "$WEB/page-fr.html"
expect_eq "bad --timeout exit" "$rc" 2
expect_eq "bad --timeout" "$err" "narrateur: --timeout must be a number of seconds from 1 to 86400, not '0'
Try 'narrateur --help' for more information."
httpd_stop
finish
