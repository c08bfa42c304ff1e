# MBROLA voices through eSpeak NG: the sample rate follows the voice, the
# pitch matches eSpeak NG's own rendering, resampled formats keep the
# length, and what MBROLA cannot say (English sounds, missing diphones,
# long silences, symbols) does not fail. Skips (77) only where the voices
# are absent; CI installs them (.ci/packages-mbrola).
. "$TESTS_DIR/lib.sh"

run "$NARRATEUR" --list-voices
missing=$(printf '%s\n' "$out" | grep -F '(not installed: ' | sed 's/\t.*(/ (/')
if [ -n "$missing" ]; then
    echo "SKIP: MBROLA voices not installed ($(echo $missing)); see README, MBROLA voices"
    exit 77
fi
for tool in espeak-ng aubiopitch; do
    command -v "$tool" >/dev/null || {
        echo "FAIL: $tool is needed with the MBROLA voices: apt-get install \$(cat .ci/packages-mbrola)" >&2
        exit 1
    }
done
expect_eq "MBROLA presets listed as installed" "$(grep MBROLA <<<"$out")" "belge	Voix belge naturelle (MBROLA fr5) : septante, nonante
femme-naturelle	Voix de femme naturelle (MBROLA fr4)
homme	Voix d'homme naturelle (MBROLA fr1)"

# Median fundamental frequency (Hz) of the voiced frames of a sound file,
# analysed at 16 kHz whatever its rate (the same window for every file).
pitch() {
    aubiopitch -i "$1" -r 16000 -p yinfft -B 1024 -H 128 -s -40 2>/dev/null |
        awk '$2 > 50 && $2 < 500 { print $2 }' | sort -n |
        awk '{ f[NR] = $1 } END { printf "%.1f\n", NR ? f[int((NR + 1) / 2)] : 0 }'
}

sentence="Le conseil municipal se réunit ce soir."

# The rate is the voice's: fr1's database is 16 kHz, fr4's 22.05 kHz.
run "$NARRATEUR" -v homme -o "$TMP/homme.wav" <<<"$sentence"
expect_eq "homme status" "$rc" 0
expect_eq "homme stderr" "$err" ""
expect_eq "homme WAV rate" "$(wav_field "$TMP/homme.wav" rate)" 16000
run "$NARRATEUR" -v femme-naturelle -o "$TMP/femme.wav" <<<"$sentence"
expect_eq "femme-naturelle WAV rate" "$(wav_field "$TMP/femme.wav" rate)" 22050
run "$NARRATEUR" -v belge -o "$TMP/belge.wav" <<<"$sentence"
expect_eq "belge WAV rate" "$(wav_field "$TMP/belge.wav" rate)" 16000

# Same pitch as eSpeak NG's own MBROLA rendering (a wrong rate in the
# header made it 38 % higher). A lone line is the title, read at the
# preset's title_rate (88 % of homme's 145 words per minute: 127).
espeak-ng -v mb-fr1 -s 127 -p 45 -w "$TMP/ref.wav" "$sentence"
ref=$(pitch "$TMP/ref.wav")
got=$(pitch "$TMP/homme.wav")
expect_between "homme pitch ($got Hz) against espeak-ng ($ref Hz)" "$got" \
    "$(awk -v r="$ref" 'BEGIN { print r * 0.95 }')" "$(awk -v r="$ref" 'BEGIN { print r * 1.05 }')"
expect_between "espeak-ng mb-fr1 pitch" "$ref" 80 130
# Both MBROLA and eSpeak NG length: the same sentence lasts as long.
expect_between "homme length against espeak-ng" "$(wav_field "$TMP/homme.wav" nonsilent)" \
    "$(awk -v n="$(wav_field "$TMP/ref.wav" nonsilent)" 'BEGIN { print n * 0.9 }')" \
    "$(awk -v n="$(wav_field "$TMP/ref.wav" nonsilent)" 'BEGIN { print n * 1.1 }')"

# Resampled formats: same length and pitch as the 16 kHz WAV.
for ext in flac mp3 opus; do
    run "$NARRATEUR" -v homme -o "$TMP/homme.$ext" <<<"$sentence"
    expect_eq "homme .$ext status" "$rc" 0
    expect_eq "homme .$ext length" "$(wav_field "$TMP/homme.$ext" seconds)" "$(wav_field "$TMP/homme.wav" seconds)"
done
got=$(pitch "$TMP/homme.flac")
expect_between "homme .flac pitch ($got Hz)" "$got" \
    "$(awk -v r="$ref" 'BEGIN { print r * 0.95 }')" "$(awk -v r="$ref" 'BEGIN { print r * 1.05 }')"

# Belgian numbers with the Belgian voice.
run "$NARRATEUR" -v belge --print text <<<"Il a 71 ans et 95 amis."
expect_eq "belge numbers" "$out" "Il a septante-et-un ans et nonante-cinq amis."

# What MBROLA cannot say. English words use phonemes fr1 has no diphones
# for ([T], [w], [N]); symbols and other scripts; fr6 has no R-R diphone
# ("par rapport"), which MBROLA replaces with a silence and reports.
for text in "Le weekend, ils ont regardé the Crown et Thinking Fast sur Netflix." \
    "北京, Ελλάδα, 😀 et ∑ sont là." "Attendez………… puis — silence !!! ??? ..."; do
    run "$NARRATEUR" -v homme -o "$TMP/hard.wav" <<<"$text"
    expect_eq "homme says '$text'" "$rc" 0
    expect_between "homme speaks '$text'" "$(wav_field "$TMP/hard.wav" nonsilent)" 8000 200000
done
printf '[voice]\nname = fr6\nespeak = mb-fr6\n' >"$TMP/fr6.ini"
run "$NARRATEUR" -v "$TMP/fr6.ini" -o "$TMP/fr6.wav" <<<"Le terrorisme par rapport à la guerre."
expect_eq "missing diphone status" "$rc" 0
expect_eq "missing diphone rate" "$(wav_field "$TMP/fr6.wav" rate)" 16000
expect_between "missing diphone speech" "$(wav_field "$TMP/fr6.wav" nonsilent)" 8000 80000

# Long silences are narrateur's own (zeros at the voice's rate), never
# MBROLA phonemes: a 10 s pause after the title ("Bonjour.") is exactly
# 160 000 samples more.
printf 'Bonjour.\n\nAu revoir.\n' >"$TMP/two.txt"
for ms in 0 10000; do
    printf '[voice]\nespeak = mb-fr1\npause_paragraph = 0\npause_title = %s\n' "$ms" >"$TMP/p$ms.ini"
    run "$NARRATEUR" -v "$TMP/p$ms.ini" -o "$TMP/p$ms.wav" "$TMP/two.txt"
    expect_eq "pause $ms status" "$rc" 0
done
expect_eq "10 s pause in samples" \
    "$(($(wav_field "$TMP/p10000.wav" frames) - $(wav_field "$TMP/p0.wav" frames)))" 160000

finish
