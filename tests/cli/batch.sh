# Batches: --output-dir makes one audio file per article, by worker
# processes; a second run makes nothing, a changed article is made again;
# the podcast feed, read by a real feed reader (python3-feedparser),
# announces files of exactly their length and duration (ffprobe);
# concurrent runs into one folder never corrupt the state or the feed.
. "$TESTS_DIR/lib.sh"

feed() { # FILE SECOND-TEXT: a short RSS feed of three articles
    cat >"$1" <<RSS
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>La Gazette</title><link>https://gazette.example/</link>
<item><title>L’été à Paris : 40 °C !</title><link>https://gazette.example/ete</link>
<guid>gazette-1</guid><pubDate>Tue, 14 Jul 2026 10:00:00 +0200</pubDate>
<content:encoded><![CDATA[<p>Il fait chaud.</p>]]></content:encoded></item>
<item><title>Le budget</title><link>https://gazette.example/budget</link>
<guid>gazette-2</guid><pubDate>Mon, 13 Jul 2026 09:00:00 GMT</pubDate>
<description>$2</description></item>
<item><title>Le budget</title><link>https://gazette.example/budget-bis</link>
<guid>gazette-3</guid><pubDate>Mon, 13 Jul 2026 08:00:00 GMT</pubDate>
<description>Un autre budget.</description></item>
</channel></rss>
RSS
}
# The summary, less its timing.
summary() { grep '^narrateur: [0-9]* made' <<<"$err" | sed 's/ in [0-9:]*$//'; }
check_feed() { "$PYTHON" "$TESTS_DIR/tools/check_podcast_feed.py" --ffprobe "$@"; }

D="$TMP/podcast"
feed "$TMP/gazette.rss" "Le budget est voté."
OPTS=(--output-dir "$D" --podcast-feed "$D/feed.xml" --base-url https://exemple.fr/podcast/
      --feed-title "La Gazette lue" --feed-description "Les articles, à écouter"
      --feed-image https://exemple.fr/logo.png --transcript --chapters -j 2)
run "$NARRATEUR" "${OPTS[@]}" "$TMP/gazette.rss"
expect_eq "first run exit" "$rc" 0
expect_eq "first run summary" "$(summary | sed 's/; .* of audio//')" \
    "narrateur: 3 made, 0 skipped, 0 failed"
expect_eq "files" "$(cd "$D" && ls)" "2026-07-13-le-budget-2.json
2026-07-13-le-budget-2.mp3
2026-07-13-le-budget-2.vtt
2026-07-13-le-budget.json
2026-07-13-le-budget.mp3
2026-07-13-le-budget.vtt
2026-07-14-l-ete-a-paris-40-c.json
2026-07-14-l-ete-a-paris-40-c.mp3
2026-07-14-l-ete-a-paris-40-c.vtt
feed.xml"
run check_feed "$D/feed.xml" "$D"
expect_eq "feed check: $err" "$rc" 0
durations() { sed -n 's/.*audio\/mpeg | \([0-9]*\) s.*/\1/p' <<<"$1"; }
first=$out
expect_eq "the feed, newest first" "$(sed 's/ [0-9]* audio\/mpeg | [0-9]* s/ SIZE | DURATION/' <<<"$out")" \
"channel: La Gazette lue | Les articles, à écouter | https://exemple.fr/podcast/ | fr | author - | image https://exemple.fr/logo.png | 3 episodes
2026-07-14T08:00:00Z | L’été à Paris : 40 °C ! | gazette-1 | 2026-07-14-l-ete-a-paris-40-c.mp3 SIZE | DURATION | transcript 2026-07-14-l-ete-a-paris-40-c.vtt text/vtt | chapters 2026-07-14-l-ete-a-paris-40-c.json application/json+chapters
2026-07-13T09:00:00Z | Le budget | gazette-2 | 2026-07-13-le-budget.mp3 SIZE | DURATION | transcript 2026-07-13-le-budget.vtt text/vtt | chapters 2026-07-13-le-budget.json application/json+chapters
2026-07-13T08:00:00Z | Le budget | gazette-3 | 2026-07-13-le-budget-2.mp3 SIZE | DURATION | transcript 2026-07-13-le-budget-2.vtt text/vtt | chapters 2026-07-13-le-budget-2.json application/json+chapters"
expect_eq "a transcript" "$(cat "$D/2026-07-14-l-ete-a-paris-40-c.vtt" | grep -v -- '-->' | grep .)" \
    "WEBVTT
L'été à Paris : 40 °C !
Il fait chaud."

# Nothing new: nothing made, nothing rewritten.
before=$(stat -c %Y.%s "$D"/*.mp3 "$D/feed.xml")
run "$NARRATEUR" "${OPTS[@]}" "$TMP/gazette.rss"
expect_eq "second run exit" "$rc" 0
expect_eq "second run summary" "$(summary)" \
    "narrateur: 0 made, 3 skipped, 0 failed; 0:00 of audio"
expect_eq "second run touches nothing" "$(stat -c %Y.%s "$D"/*.mp3 "$D/feed.xml")" "$before"

# One item's text changes: that one is made again, under its name.
feed "$TMP/gazette.rss" "Le budget est voté, enfin, après un long débat."
run "$NARRATEUR" "${OPTS[@]}" "$TMP/gazette.rss"
expect_eq "changed run summary" "$(summary | sed 's/; .* of audio//')" \
    "narrateur: 1 made, 2 skipped, 0 failed"
run check_feed "$D/feed.xml" "$D"
expect_eq "feed check after the change: $err" "$rc" 0
expect_eq "still three episodes" "$(grep -c '<item>' "$D/feed.xml")" 3
old=$(durations "$first" | sed -n 2p)
new=$(durations "$out" | sed -n 2p)
expect_eq "the changed article is longer" "$((new > old))" 1
expect_eq "state lines" "$(grep -vc '^#' "$D/.narrateur-state")" 3

# A failure does not stop the others; it is listed, exit 1.
echo "Un article qui existe." >"$TMP/existe.txt"
run "$NARRATEUR" -q --output-dir "$TMP/mixte" --output-format wav "$TMP/absent.txt" \
    "$TMP/existe.txt" "$TMP/vide.txt"
: >"$TMP/vide.txt"
run "$NARRATEUR" --output-dir "$TMP/mixte" --output-format wav "$TMP/existe.txt" \
    "$TMP/vide.txt" "$TMP/absent.txt"
expect_eq "failures exit" "$rc" 1
expect_eq "failures" "$(grep -v ' made, ' <<<"$err")" \
"narrateur: $TMP/absent.txt: cannot read: No such file or directory
narrateur: $TMP/vide.txt: no text to read aloud
narrateur: failed: $TMP/vide.txt"
expect_eq "failures summary" "$(summary)" "narrateur: 0 made, 1 skipped, 2 failed; 0:00 of audio"
expect_eq "the good one was made" "$(cd "$TMP/mixte" && ls)" "$(date +%F)-un-article-qui-existe.wav"

# Usage errors, before any work.
usage() { # WHAT WANT ARGS...
    local what=$1 want=$2
    shift 2
    run "$NARRATEUR" "$@" "$TMP/existe.txt"
    expect_eq "$what exit" "$rc" 2
    expect_eq "$what" "$err" "narrateur: $want
Try 'narrateur --help' for more information."
}
usage "-o with --output-dir" "--output-dir writes one file per article: leave out -o and --print" \
    --output-dir "$TMP/u" -o "$TMP/u.mp3"
usage "--podcast-feed without --base-url" \
    "--podcast-feed needs --base-url URL, where the output folder is served" \
    --output-dir "$TMP/u" --podcast-feed "$TMP/u/feed.xml"
usage "--podcast-feed without --output-dir" \
    "--podcast-feed needs --output-dir DIR, the folder of its episodes" \
    --podcast-feed "$TMP/feed.xml" --base-url https://exemple.fr/
usage "--transcript with a name" \
    "with --output-dir, --transcript takes no file name (each article gets its own); --transcript=srt for SRT, not 'a.vtt'" \
    --output-dir "$TMP/u" --transcript=a.vtt
usage "-j 0" "-j must be a number of worker processes from 1 to 256, not '0'" \
    --output-dir "$TMP/u" -j 0
expect_no_file "$TMP/u"

# Concurrent runs into one folder (as xargs -P or GNU parallel would
# start them, also across machines over a shared folder): every article
# and episode is kept, the state and the feed stay whole.
for i in 1 2 3 4 5 6; do
    echo "Article numéro $i. Il est court." >"$TMP/article-$i.txt"
done
C="$TMP/concurrent"
printf '%s\n' "$TMP"/article-*.txt |
    xargs -P 6 -I{} "$NARRATEUR" -q --output-dir "$C" --podcast-feed "$C/feed.xml" \
        --base-url https://exemple.fr/ -j 1 {} 2>"$TMP/xargs.err"
expect_eq "concurrent runs exit" "$?" 0
expect_eq "concurrent runs, no message" "$(cat "$TMP/xargs.err")" ""
run check_feed "$C/feed.xml" "$C"
expect_eq "concurrent feed check: $err" "$rc" 0
expect_eq "concurrent feed episodes" "$(grep -c '<item>' "$C/feed.xml")" 6
expect_eq "concurrent state" "$(grep -v '^#' "$C/.narrateur-state" | cut -f3 | sort)" \
    "$(for i in 1 2 3 4 5 6; do echo "$(date +%F)-article-numero-$i-il-est-court.mp3"; done)"
expect_eq "no work file left" "$(ls -A "$C" | grep -c work)" 0
run "$NARRATEUR" --output-dir "$C" "$TMP"/article-*.txt
expect_eq "then all are skipped" "$(summary)" "narrateur: 0 made, 6 skipped, 0 failed; 0:00 of audio"
finish
