# The configuration file: defaults from $XDG_CONFIG_HOME/narrateur/narrateur.conf
# or --config, the command line wins, errors name the file and line (exit 2).
. "$TESTS_DIR/lib.sh"

export XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$XDG_CONFIG_HOME/narrateur"
conf="$XDG_CONFIG_HOME/narrateur/narrateur.conf"
printf '# mes réglages\nvoice = fr-BE\nrate = 190\nloudness = -20\nartist = Radio Quartier\n' >"$conf"

run "$NARRATEUR" --print text <<<"Il a 71 ans."
expect_eq "the file's voice" "$out" "Il a septante-et-un ans."
run "$NARRATEUR" --voice fr --print text <<<"Il a 71 ans."
expect_eq "the command line wins" "$out" "Il a soixante-et-onze ans."
run "$NARRATEUR" --no-config --print text <<<"Il a 71 ans."
expect_eq "--no-config" "$out" "Il a soixante-et-onze ans."

run "$NARRATEUR" --print-config -r 200
expect_eq "--print-config exit" "$rc" 0
expect_eq "--print-config" "$(head -n 9 <<<"$out")" "configuration file: $conf
voice = fr-BE ($conf:2)
rate = 200 (command line)
device = the default device (default)
quotes = the voice's (default)
output-format = from the file's name (default)
loudness = -20 ($conf:4, not used by this command)
artist = Radio Quartier ($conf:5, not used by this command)
connect-timeout = 15 (default)"
run "$NARRATEUR" --print-config -j 3
expect_contains "-j is jobs" "$out" "jobs = 3 (command line)"
run "$NARRATEUR" --print-config -o x.wav --no-loudness
expect_contains "--no-loudness is loudness off" "$out" "loudness = off (command line)"
expect_contains "artist used with -o" "$out" "artist = Radio Quartier ($conf:5)
"

# An audio file's settings apply to files; output-format when the name does not say.
printf 'output-format = flac\nloudness = off\n' >"$TMP/file.conf"
run "$NARRATEUR" --config "$TMP/file.conf" -o "$TMP/a.wav" <<<"Bonjour."
expect_eq "a named .wav stays WAV" "$(wav_field "$TMP/a.wav" format)" "$(printf 'Bonjour.' | "$NARRATEUR" --no-config -o "$TMP/b.wav" && wav_field "$TMP/b.wav" format)"
run "$NARRATEUR" --config "$TMP/file.conf" -o "$TMP/a.out" <<<"Bonjour."
expect_eq "output-format names an unnamed file: $err" "$rc" 0
expect_eq "FLAC magic" "$(head -c 4 "$TMP/a.out")" "fLaC"
run "$NARRATEUR" --config "$TMP/file.conf" --print text <<<"Bonjour."
expect_eq "file settings unused on --print" "$out" "Bonjour."

# Errors: the file and the line, exit 2, nothing done.
printf 'voice = fr\n\nvoix = femme\n' >"$TMP/bad.conf"
run "$NARRATEUR" --config "$TMP/bad.conf" --print text <<<"Bonjour."
expect_eq "unknown key exit" "$rc" 2
expect_eq "unknown key" "$err" "narrateur: $TMP/bad.conf:3: unknown setting 'voix'"
printf 'quotes = fort\n' >"$conf"
run "$NARRATEUR" --print text <<<"Bonjour."
expect_eq "bad value exit" "$rc" 2
expect_eq "bad value" "$err" "narrateur: $conf:1: quotes takes 'pause', 'spoken' or 'voice', not 'fort'"
run "$NARRATEUR" --config "$TMP/missing.conf" --print text <<<"Bonjour."
expect_eq "missing --config exit" "$rc" 2
expect_eq "missing --config" "$err" "narrateur: $TMP/missing.conf: cannot read: No such file or directory"
rm "$conf"
run "$NARRATEUR" --print-config
expect_eq "no file" "$(head -n 1 <<<"$out")" "configuration file: none"
finish
