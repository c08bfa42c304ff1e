# Voice presets: the list, number locales, rates, voice files, errors.
. "$TESTS_DIR/lib.sh"

# An MBROLA preset that is not installed ends with "(not installed: apt
# install PACKAGES)", which depends on the machine: tests/cli/mbrola.sh
# checks the installed case, this the names, descriptions and packages.
run "$NARRATEUR" --list-voices
expect_eq "list of presets" "$(sed 's/ (not installed: apt install mbrola mbrola-fr[145])$//' <<<"$out")" "belge	Voix belge naturelle (MBROLA fr5) : septante, nonante
femme	Voix féminine, lecture d'actualités
femme-naturelle	Voix de femme naturelle (MBROLA fr4)
fr	Français de France, lecture d'actualités (par défaut)
fr-BE	Français de Belgique : septante, nonante
fr-CH	Français de Suisse : septante, huitante, nonante
homme	Voix d'homme naturelle (MBROLA fr1)
lent	Lecture lente et posée, pour apprendre le français"

run "$NARRATEUR" --voice fr-BE --print text <<<"Il a 71 ans."
expect_eq "fr-BE septante" "$out" "Il a septante-et-un ans."
run "$NARRATEUR" --voice fr-CH --print text <<<"Il a 81 ans et 95 ans."
expect_eq "fr-CH huitante, nonante" "$out" "Il a huitante-et-un ans et nonante-cinq ans."
run "$NARRATEUR" --voice fr --print text <<<"Il a 71 ans."
expect_eq "fr soixante et onze" "$out" "Il a soixante-et-onze ans."

# The slow preset is slower; the female preset uses another voice.
run "$NARRATEUR" -o "$TMP/fr.wav" <<<"Le conseil municipal se réunit ce soir."
run "$NARRATEUR" -v lent -o "$TMP/lent.wav" <<<"Le conseil municipal se réunit ce soir."
fr=$(wav_field "$TMP/fr.wav" frames)
lent=$(wav_field "$TMP/lent.wav" frames)
expect_eq "lent is slower" "$(awk -v a="$lent" -v b="$fr" 'BEGIN { print (a > 1.3 * b) ? "yes" : "no" }')" yes
run "$NARRATEUR" -v femme -o "$TMP/femme.wav" <<<"Le conseil municipal se réunit ce soir."
expect_eq "femme plays" "$rc" 0
run "$WAVCMP" "$TMP/fr.wav" "$TMP/femme.wav"
expect_eq "femme sounds different" "$rc" 1

# A preset given by path, with an eSpeak voice file next to it.
mkdir "$TMP/myvoice"
printf 'name narrateur-test\nlanguage fr\npitch 140 200\n' >"$TMP/myvoice/aigu.voice"
printf '[voice]\nname = aigu\nvoice_file = aigu.voice\nrate = 165\n' >"$TMP/myvoice/aigu.ini"
run "$NARRATEUR" -v "$TMP/myvoice/aigu.ini" -o "$TMP/aigu.wav" <<<"Le conseil municipal se réunit ce soir."
expect_eq "voice file preset" "$rc" 0
run "$WAVCMP" "$TMP/fr.wav" "$TMP/aigu.wav"
expect_eq "voice file changes the sound" "$rc" 1

printf '[voice]\nvoice_file = missing.voice\n' >"$TMP/myvoice/bad.ini"
run "$NARRATEUR" -v "$TMP/myvoice/bad.ini" -o "$TMP/bad.wav" <<<"Bonjour."
expect_eq "missing voice file status" "$rc" 1
expect_contains "missing voice file message" "$err" "eSpeak NG voice '$TMP/myvoice/missing.voice'"
expect_no_file "$TMP/bad.wav"

printf '[voice]\nrate = fast\n' >"$TMP/myvoice/typo.ini"
run "$NARRATEUR" -v "$TMP/myvoice/typo.ini" --print text <<<"Bonjour."
expect_eq "bad preset status" "$rc" 1
expect_eq "bad preset message" "$err" "narrateur: $TMP/myvoice/typo.ini:2: bad setting 'rate'; see voices/fr.ini for the keys and their ranges"

# A folder, an empty, binary or unrelated file is no preset (issue 14).
: >"$TMP/myvoice/empty.ini"
printf 'rate = 120\n' >"$TMP/myvoice/nosection.ini"
printf '\x7fELF\x02\x01\x00\x00' >"$TMP/myvoice/binary.ini"
for bad in "$TMP/myvoice/:a folder" "$TMP/myvoice/empty.ini:empty" \
    "$TMP/myvoice/nosection.ini:no [voice] section" "$TMP/myvoice/binary.ini:a binary file"; do
    path=${bad%%:*}
    run "$NARRATEUR" -v "$path" --print text <<<"Bonjour."
    expect_eq "not a preset: ${bad#*:}" "$rc:$err" "1:narrateur: $path: not a voice preset (${bad#*:}); see voices/fr.ini"
done

run "$NARRATEUR" --voice klingon --print text <<<"Bonjour."
expect_eq "unknown voice message" "$err" "narrateur: unknown voice 'klingon'; available voices: belge, femme, femme-naturelle, fr, fr-BE, fr-CH, homme, lent (or give the path to an .ini preset)"

# A missing MBROLA voice is an error naming the packages, never eSpeak NG's
# own voice instead (this one exists nowhere, so it runs everywhere).
printf '[voice]\nname = zz\nespeak = mb-zz9\n' >"$TMP/myvoice/zz.ini"
run "$NARRATEUR" -v "$TMP/myvoice/zz.ini" -o "$TMP/zz.wav" <<<"Bonjour."
expect_eq "missing MBROLA status" "$rc" 1
expect_eq "missing MBROLA message" "$err" "narrateur: voice 'zz' needs the MBROLA voice zz9, which is not installed: install the Debian packages mbrola mbrola-zz9 (contrib and non-free; see README, MBROLA voices)"
expect_no_file "$TMP/zz.wav"

finish
