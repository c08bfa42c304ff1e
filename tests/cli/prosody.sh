# A newsreader's prosody: every pause is the preset's, pinned in samples.
# Two presets that differ in one pause by 1 s make WAVs whose runs of
# digital silence (the silences tool) differ by exactly 22 050 samples
# where that pause is heard, and nowhere else. The rate, pitch and range
# of each clause are pinned through the API (unit/test_prosody.c).
. "$TESTS_DIR/lib.sh"

base='pause_sentence = 200
pause_paragraph = 500
pause_heading = 700
pause_title = 900
pause_item = 300
pause_quote = 50
pause_aside = 100
pause_breath = 150'

cat >"$TMP/doc.html" <<'HTML'
<html lang="fr"><body><article>
<h1>Le titre du jour</h1>
<p>Premier paragraphe ici.</p>
<h2>Un intertitre</h2>
<p>Adresse : rue de la Paix<br>Paris</p>
<ul><li>Premier point ;</li><li>Deuxième point ;</li><li>Dernier point.</li></ul>
<p>Le chantier — prévu depuis dix ans — démarre enfin.</p>
</article></body></html>
HTML

# runs INPUT [KEY = VALUE]: the lengths of the silences (20 ms or more) of
# INPUT read with the base preset, changed by KEY = VALUE.
runs() {
    printf '[voice]\n%s\n%s\n' "$base" "${2:-}" >"$TMP/preset.ini"
    "$NARRATEUR" -v "$TMP/preset.ini" -o "$TMP/runs.wav" "$1" || echo "narrateur failed: $?"
    "$SILENCES" "$TMP/runs.wav" 20 | awk '{ print $2 }'
}

# changed INPUT KEY = VALUE: "run:samples more" for each silence that
# changed, and how many silences there are.
changed() {
    runs "$1" >"$TMP/a.runs"
    runs "$1" "$2" >"$TMP/b.runs"
    paste "$TMP/a.runs" "$TMP/b.runs" |
        awk '$2 != $1 { printf "%d:%d ", NR, $2 - $1 } END { print "of " NR }'
}

# The silences, in order: 4 after the title, 6 before the heading, 10
# after it, 13 at the <br>, 14 after the paragraph, 16 and 18 between the
# items, 20 after the list, 22 and 24 around the aside, 25 at the end
# (the others are eSpeak NG's own, at commas and inside words).
expect_eq "title: its pause, longer than a heading's" \
    "$(changed "$TMP/doc.html" 'pause_title = 1900')" "4:22050 of 25"
expect_eq "heading: before and after" \
    "$(changed "$TMP/doc.html" 'pause_heading = 1700')" "6:22050 10:22050 of 25"
# Where a paragraph pause is longer than the title's, heading's or item's
# pause, it wins (13 230 = 600 ms over the title's 900, 17 640 = 800 ms
# over the heading's 700); the <br> keeps a sentence's pause (issue 12).
expect_eq "paragraph: after each block, not at the <br>" \
    "$(changed "$TMP/doc.html" 'pause_paragraph = 1500')" \
    "4:13230 6:17640 10:17640 14:22050 20:22050 25:22050 of 25"
expect_eq "sentence: at the <br>" \
    "$(changed "$TMP/doc.html" 'pause_sentence = 1200')" "13:22050 of 25"
expect_eq "item: between items (100 ms = 2 205 samples)" \
    "$(changed "$TMP/doc.html" 'pause_item = 400')" "16:2205 18:2205 of 25"
expect_eq "aside: before and after" \
    "$(changed "$TMP/doc.html" 'pause_aside = 1100')" "22:22050 24:22050 of 25"

# A breath in a sentence of more than 40 words, at its semicolon; none in
# one of 40 words.
long="Le conseil municipal a adopté mardi soir un budget de transition qui prévoit la rénovation des écoles du centre, la création de deux pistes cyclables le long du canal et l'ouverture d'une nouvelle médiathèque ; les travaux commenceront au printemps prochain si les entreprises retenues tiennent leurs délais et si l'État confirme sa subvention."
printf 'Un titre\n\n%s\n' "$long" >"$TMP/long.txt"
breath=$(changed "$TMP/long.txt" 'pause_breath = 1150')
case "$breath" in
*:22050" of "*) expect_eq "breath: one pause of 1 s more" "$(wc -w <<<"${breath% of *}")" 1 ;;
*) fail "breath: no silence grew by 22050 samples: $breath" ;;
esac
printf 'Un titre\n\n%s\n' "$(cut -d' ' -f1-39 <<<"$long") fin." >"$TMP/forty.txt"
expect_eq "no breath at 40 words" "$(changed "$TMP/forty.txt" 'pause_breath = 1150' | cut -d' ' -f1)" "of"

# --print timing: each sentence's start, as the transcript's cues have it.
printf 'Le titre\n\nPremière phrase ici. Deuxième phrase.\n\nTroisième phrase.\n' >"$TMP/t.txt"
run "$NARRATEUR" --print timing "$TMP/t.txt"
expect_eq "timing status" "$rc" 0
expect_eq "timing" "$out" "00:00:00.000	Le titre
00:00:01.743	Première phrase ici.
00:00:03.167	Deuxième phrase.
00:00:04.792	Troisième phrase."
"$NARRATEUR" -o "$TMP/t.wav" --transcript "$TMP/t.vtt" "$TMP/t.txt"
expect_eq "timing = transcript cue starts" "$(cut -f1 <<<"$out")" \
    "$(sed -n 's/ --> .*//p' "$TMP/t.vtt")"
run "$NARRATEUR" --print timing -o "$TMP/x.wav" "$TMP/t.txt"
expect_eq "timing and -o" "$rc" 2

# Passages in other languages (lang="..."): said as written, by eSpeak
# NG's voice for the language (English and German phonemes), French
# rules elsewhere; a language eSpeak NG has no voice for is read in
# French, with one warning.
cat >"$TMP/lang.html" <<'HTML'
<html lang="fr"><body><article><h1>Lectures</h1>
<p>Il a lu <span lang="en">The Guardian, 12 pages</span> puis <span lang="de-DE">Die Zeit</span> à 8 heures.</p>
<blockquote lang="en-GB"><p>We choose to go to the Moon in 1962.</p></blockquote>
<p>On dit <span lang="zz">blorp</span> et <span lang="zz">blarp</span>.</p>
</article></body></html>
HTML
run "$NARRATEUR" --print text "$TMP/lang.html"
expect_eq "foreign text as written" "$out" "Lectures
Il a lu The Guardian, 12 pages puis Die Zeit à huit heures.
We choose to go to the Moon in 1962.
On dit blorp et blarp."
run "$NARRATEUR" --print phonemes "$TMP/lang.html"
expect_eq "foreign phonemes" "$out" "lEkt'yr
il a l'y D@ g'A@di@n tw'Elv p'eIdZI2z py'i di: ts'aIt a _|y'it2 'Wr
wi: tS'u:z t@ g,oU t@ D@ m'u:n In n'aInti:nh'VndrI2d@n s'Iksti t'u:
O~ d'i bl'Orp 'e bl'arp"
expect_eq "one warning for a language without a voice" "$err" \
    "narrateur: warning: a passage in 'zz' is read with the French voice: eSpeak NG has no voice for 'zz': The specified espeak-ng voice does not exist"
run "$NARRATEUR" -o "$TMP/lang.wav" "$TMP/lang.html"
expect_eq "foreign audio status" "$rc" 0
expect_eq "foreign audio rate" "$(wav_field "$TMP/lang.wav" rate)" 22050

# An MBROLA preset at 16 kHz cannot take eSpeak NG's 22 050 Hz voices:
# its passages are read in French, with a warning that says why.
if "$NARRATEUR" --list-voices | grep -q '^homme	.*MBROLA fr1)$'; then
    run "$NARRATEUR" -v homme -o "$TMP/homme.wav" "$TMP/lang.html"
    expect_eq "MBROLA foreign status" "$rc" 0
    expect_eq "MBROLA foreign rate" "$(wav_field "$TMP/homme.wav" rate)" 16000
    expect_contains "MBROLA foreign warning" "$err" \
        "a passage in 'en' is read with the French voice: eSpeak NG's voice for 'en' speaks at 22050 Hz, not at the 16000 Hz of the preset's voice"
fi

# The preset's prosody keys are checked like the others.
printf '[voice]\naside_rate = 300\n' >"$TMP/bad.ini"
run "$NARRATEUR" -v "$TMP/bad.ini" --print text <<<"Bonjour."
expect_eq "bad prosody key status" "$rc" 1
expect_contains "bad prosody key message" "$err" "bad.ini:2: bad setting 'aside_rate'"

finish
