# -o FILE.wav: a complete WAV (read back with libsndfile) and nothing else;
# output names that are not regular files refused before anything is
# written, a symbolic link written through.
. "$TESTS_DIR/lib.sh"

run "$NARRATEUR" "$EXAMPLE_ARTICLE" -o "$TMP/article.wav"
expect_eq "exit status" "$rc" 0
expect_eq "no stderr" "$err" ""
expect_eq "format" "$(wav_field "$TMP/article.wav" format)" "wav"
expect_eq "rate" "$(wav_field "$TMP/article.wav" rate)" 22050
expect_eq "channels" "$(wav_field "$TMP/article.wav" channels)" 1
# About 230 words at 165 words a minute, plus pauses.
expect_between "duration (s)" "$(wav_field "$TMP/article.wav" seconds)" 60 110
expect_between "peak" "$(wav_field "$TMP/article.wav" peak)" 8000 32767
expect_eq "only the output in the folder" "$(ls -A "$TMP" | grep -v -e '^out$' -e '^err$')" "article.wav"

# One short sentence: speech plus the final paragraph pause (750 ms).
run "$NARRATEUR" -o "$TMP/short.wav" <<<"Bonjour."
expect_between "short duration (s)" "$(wav_field "$TMP/short.wav" seconds)" 1.0 1.8
expect_between "speech frames" "$(wav_field "$TMP/short.wav" nonsilent)" 4000 20000

# --rate changes the pace: the same text is shorter at 300 words a minute.
run "$NARRATEUR" -r 300 -o "$TMP/fast.wav" "$EXAMPLE_ARTICLE"
slow=$(wav_field "$TMP/article.wav" frames)
fast=$(wav_field "$TMP/fast.wav" frames)
expect_eq "faster is shorter" "$([ "$fast" -lt "$slow" ] && echo yes)" yes

# Names that are not regular files would be replaced by a file (a FIFO,
# a folder; the same for a device node): refused, exit 1, nothing created,
# the FIFO never opened (it would block: hence the timeout).
N="$TMP/names"
mkdir "$N"
mkfifo "$N/pipe.wav" "$N/pipe.vtt" "$N/pipe.json"
mkdir "$N/folder.wav"
ln -s pipe.vtt "$N/to-pipe.srt"
for args in "-o $N/pipe.wav" "-o $N/folder.wav" "-o $N/ok.wav --transcript $N/pipe.vtt" \
    "-o $N/ok.wav --chapters $N/pipe.json" "-o $N/ok.wav --transcript $N/to-pipe.srt"; do
    run timeout 60 "$NARRATEUR" $args <<<"Le train de 7 h 12 est annoncé à l'heure."
    name=${args##* }
    expect_eq "not a regular file: $args: exit status" "$rc" 1
    expect_eq "not a regular file: $args: message" "$err" \
        "narrateur: $name: not a regular file; give a file name to write"
done
expect_eq "not a regular file: FIFOs stay FIFOs" "$(find "$N" -maxdepth 1 -type p | wc -l)" 3
expect_eq "not a regular file: nothing created" "$(ls -A "$N" | tr '\n' ' ')" \
    "folder.wav pipe.json pipe.vtt pipe.wav to-pipe.srt "
ln -s missing.wav "$N/dangling.wav"
run "$NARRATEUR" -o "$N/dangling.wav" <<<"Bonjour."
expect_eq "dangling link: exit status" "$rc" 1
expect_eq "dangling link: message" "$err" \
    "narrateur: $N/dangling.wav: a symbolic link to a missing file; give a file name to write"

# A symbolic link to a file: the file behind it is written (keeping its
# mode), the link stays a link; a transcript through a link likewise.
mkdir "$N/shows"
echo "last week" >"$N/shows/latest.wav"
chmod 640 "$N/shows/latest.wav"
ln -s shows/latest.wav "$N/episode.wav"
ln -s shows/latest.vtt "$N/episode.vtt"
echo "WEBVTT" >"$N/shows/latest.vtt"
run "$NARRATEUR" -o "$N/episode.wav" --transcript "$N/episode.vtt" <<<"La séance est levée."
expect_eq "through a link: exit status" "$rc" 0
expect_eq "through a link: still a link" "$(readlink "$N/episode.wav")" "shows/latest.wav"
expect_eq "through a link: the file behind it written" "$(wav_field "$N/shows/latest.wav" format)" "wav"
expect_eq "through a link: its mode kept" "$(stat -c %a "$N/shows/latest.wav")" 640
expect_eq "through a link: transcript link kept" "$(readlink "$N/episode.vtt")" "shows/latest.vtt"
expect_contains "through a link: transcript written" "$(cat "$N/shows/latest.vtt")" "La séance est levée."
expect_eq "through a link: no temporary file left" "$(ls -A "$N/shows" | tr '\n' ' ')" \
    "latest.vtt latest.wav "

# One file under two names: a usage error, nothing created; also when the
# file exists and the second name is a hard link to it.
run "$NARRATEUR" -o "$N/x.json" --output-format wav --chapters "$N/./x.json" <<<"Bonjour."
expect_eq "same file twice: exit status" "$rc" 2
expect_eq "same file twice: message" "$err" \
    "narrateur: $N/x.json and $N/./x.json are the same file; give each output its own name
Try 'narrateur --help' for more information."
expect_no_file "$N/x.json"
echo "WEBVTT" >"$N/old.vtt"
ln "$N/old.vtt" "$N/also.vtt"
run "$NARRATEUR" -o "$N/y.wav" --transcript "$N/old.vtt" --chapters "$N/also.vtt" <<<"Bonjour."
expect_eq "same file by a hard link: exit status" "$rc" 2
expect_contains "same file by a hard link: message" "$err" \
    "$N/old.vtt and $N/also.vtt are the same file"
expect_eq "same file by a hard link: kept" "$(cat "$N/also.vtt")" "WEBVTT"
expect_no_file "$N/y.wav"
rm "$N/old.vtt" "$N/also.vtt"

# Writing a file or printing phonemes touches no audio system: nothing
# appears in HOME (libpulse made ~/.config/pulse, and complained when it
# could not).
mkdir "$TMP/home"
HOME="$TMP/home" run "$NARRATEUR" -o "$TMP/home.wav" <<<"Bonjour."
expect_eq "file output, no stray message" "$rc:$err" "0:"
HOME="$TMP/home" run "$NARRATEUR" --print phonemes <<<"Bonjour."
expect_eq "phonemes, no stray message" "$rc:$err" "0:"
expect_eq "nothing created in HOME" "$(ls -A "$TMP/home")" ""

# "-o -": the audio on standard output (WAV unless --output-format says),
# made whole in $TMPDIR first; nothing is left there, also when the reader
# goes away; never onto a terminal.
mkdir -p "$N/tmp"
TMPDIR="$N/tmp" "$NARRATEUR" -o - <<<"La séance est levée." >"$N/piped.wav"
expect_eq "-o -: exit status" "$?" 0
"$NARRATEUR" -o "$N/named.wav" <<<"La séance est levée."
expect_eq "-o -: the same WAV as a named file" "$(cmp "$N/piped.wav" "$N/named.wav" && echo same)" same
TMPDIR="$N/tmp" "$NARRATEUR" -o - --output-format flac <<<"La séance est levée." >"$N/piped.flac"
expect_eq "-o - --output-format flac" "$(wav_field "$N/piped.flac" format)" "flac"
TMPDIR="$N/tmp" "$NARRATEUR" -o - --output-format mp3 "$EXAMPLE_ARTICLE" 2>"$N/pipe.err" | head -c 1000 >/dev/null
expect_eq "-o -, reader gone: exit status" "${PIPESTATUS[0]}" 1
expect_eq "-o -, reader gone: message" "$(cat "$N/pipe.err")" "narrateur: standard output: cannot write: Broken pipe"
expect_eq "-o -: nothing left in TMPDIR" "$(ls -A "$N/tmp")" ""
expect_no_file "$N/-"
TMPDIR="$N/missing" run "$NARRATEUR" -o - <<<"Bonjour."
expect_eq "-o -, no TMPDIR: exit status" "$rc" 1
expect_contains "-o -, no TMPDIR: message" "$err" "standard output: cannot make its temporary file in $N/missing/narrateur-standard-output:"
script -qec "\"$NARRATEUR\" -o - </dev/null 2>\"$N/tty.err\"; echo \$? >\"$N/tty.rc\"" /dev/null >/dev/null
expect_eq "-o - on a terminal: exit status" "$(cat "$N/tty.rc")" 2
expect_contains "-o - on a terminal: message" "$(cat "$N/tty.err")" "narrateur: -o - writes the audio to standard output, which is a terminal here"
finish
