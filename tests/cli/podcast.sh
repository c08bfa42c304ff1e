# Podcast files: each format read back (rate, channels, duration = the
# speech and pauses of the WAV + intro + outro), loudness measured by
# ffmpeg's ebur128 (-16 LUFS within 1 LU, true peak under -1 dBTP), tags
# and chapters read back by ffprobe, the WebVTT/SRT and JSON parsed and
# checked against the audio, and a failed encode leaving no file at all.
. "$TESTS_DIR/lib.sh"

# ffmpeg (ffprobe and its ebur128 filter) is the independent reader here.
if ! command -v ffprobe >/dev/null || ! command -v ffmpeg >/dev/null; then
    echo "ffmpeg is not installed (apt-get install ffmpeg): skipped"
    exit 77
fi

CHIME="$TESTS_DIR/../assets/chime.wav"
ART="$TMP/article.txt"
cat >"$ART" <<'EOF'
Le port de Marseille accélère sa transition

Le Grand Port maritime a présenté mardi un plan de 250 millions d'euros. Il prévoit l'électrification de six quais d'ici 2028.

Les armateurs restent prudents

Selon la direction, « les navires de croisière devront se brancher à quai ». Les premiers travaux commencent en juin.
EOF
TITLE="Le port de Marseille accélère sa transition"

# ebur128 FILE KEY: "I" (integrated LUFS) or "Peak" (true peak, dBTP).
ebur128() {
    ffmpeg -hide_banner -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1 |
        sed -n '/Summary:/,$p' | awk -v k="$2:" '$1 == k { print $2; exit }'
}

# tag FILE KEY: a tag as ffprobe reads it (the file's, else the audio
# stream's for Ogg; any case).
tag() {
    { ffprobe -v error -show_entries format_tags -of default=nw=1 "$1"
      ffprobe -v error -select_streams a -show_entries stream_tags -of default=nw=1 "$1"; } |
        awk -F= -v k="$2" 'tolower($1) == "tag:" k { sub(/^[^=]*=/, ""); print; exit }'
}

# The reference: WAV at eSpeak's rate, no loudness change.
run "$NARRATEUR" "$ART" -o "$TMP/ref.wav"
expect_eq "wav: exit status" "$rc" 0
ref=$(wav_field "$TMP/ref.wav" seconds)
expect_between "wav: duration (s)" "$ref" 14 30
expect_eq "wav: rate" "$(wav_field "$TMP/ref.wav" rate)" 22050
expect_eq "wav: title tag" "$(tag "$TMP/ref.wav" title)" "$TITLE"
lufs=$(ebur128 "$TMP/ref.wav" I)
expect_between "wav: eSpeak's own level, not -16" "$lufs" -26 -19

for fmt in mp3:44100 ogg:44100 opus:48000 flac:44100; do
    ext=${fmt%:*} rate=${fmt#*:} f="$TMP/episode.$ext"
    run "$NARRATEUR" "$ART" -o "$f"
    expect_eq "$ext: exit status" "$rc" 0
    expect_eq "$ext: no stderr off a terminal" "$err" ""
    expect_eq "$ext: rate" "$(wav_field "$f" rate)" "$rate"
    expect_eq "$ext: channels" "$(wav_field "$f" channels)" 1
    expect_between "$ext: duration = the WAV's" "$(wav_field "$f" seconds)" \
        "$(awk -v d="$ref" 'BEGIN { print d - 0.05 }')" "$(awk -v d="$ref" 'BEGIN { print d + 0.05 }')"
    expect_between "$ext: integrated loudness (LUFS)" "$(ebur128 "$f" I)" -17 -15
    expect_between "$ext: true peak (dBTP)" "$(ebur128 "$f" Peak)" -30 -1.0
    expect_eq "$ext: title tag" "$(tag "$f" title)" "$TITLE"
    expect_eq "$ext: artist tag" "$(tag "$f" artist)" "narrateur"
done
expect_eq "only the outputs in the folder" "$(ls -A "$TMP" | grep -v -e '^out$' -e '^err$' | sort | tr '\n' ' ')" \
    "article.txt episode.flac episode.mp3 episode.ogg episode.opus ref.wav "

# The episode: intro and outro chimes, tags, cover, chapters, transcript.
python3 - "$TMP/cover.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
rows = b"".join(b"\0" + bytes([30, 60, 200]) * 8 for _ in range(8))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
E="$TMP/show"
mkdir "$E"
run "$NARRATEUR" "$ART" -o "$E/ep.mp3" --intro "$CHIME" --outro "$CHIME" --artist "Radio Test" \
    --album "Revue maritime" --date 2024-06-11 --comment "Épisode d'essai" --cover "$TMP/cover.png" \
    --chapters "$E/ep.json" --transcript "$E/ep.vtt"
expect_eq "episode: exit status" "$rc" 0
chime=$(wav_field "$CHIME" seconds)
total=$(wav_field "$E/ep.mp3" seconds)
expect_between "episode: duration = intro + speech + outro" "$total" \
    "$(awk -v d="$ref" -v c="$chime" 'BEGIN { print d + 2 * c - 0.05 }')" \
    "$(awk -v d="$ref" -v c="$chime" 'BEGIN { print d + 2 * c + 0.05 }')"
expect_between "episode: loudness with the chimes (LUFS)" "$(ebur128 "$E/ep.mp3" I)" -17 -15
expect_eq "episode: title" "$(tag "$E/ep.mp3" title)" "$TITLE"
expect_eq "episode: artist" "$(tag "$E/ep.mp3" artist)" "Radio Test"
expect_eq "episode: album" "$(tag "$E/ep.mp3" album)" "Revue maritime"
expect_eq "episode: date" "$(tag "$E/ep.mp3" date)" "2024-06-11"
expect_eq "episode: comment" "$(tag "$E/ep.mp3" comment)" "Épisode d'essai"
expect_eq "episode: language" "$(tag "$E/ep.mp3" language)" "fra"
expect_eq "episode: cover" "$(ffprobe -v error -select_streams v -show_entries \
    stream=codec_name,width:stream_disposition=attached_pic -of csv=p=0 "$E/ep.mp3")" "png,8,1"
expect_eq "episode: ID3 chapters" "$(ffprobe -v error -show_entries chapter_tags=title \
    -of csv=p=0 "$E/ep.mp3" | tr '\n' '|')" "$TITLE|Les armateurs restent prudents|"
expect_eq "only the episode's files" "$(ls -A "$E" | tr '\n' ' ')" "ep.json ep.mp3 ep.vtt "

# The JSON and WebVTT files, parsed, against the audio and the ID3 chapters.
checks_py=$(python3 - "$E/ep.json" "$E/ep.vtt" "$total" "$chime" "$E/ep.mp3" <<'PY'
import json, re, subprocess, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
total, chime = float(sys.argv[3]), float(sys.argv[4])
out = []
def check(what, ok):
    out.append(("ok " if ok else "FAIL ") + what)
check("json version", doc["version"] == "1.2.0")
ch = doc["chapters"]
check("json titles", [c["title"] for c in ch] == ["Le port de Marseille accélère sa transition",
                                                   "Les armateurs restent prudents"])
check("json first chapter at 0", ch[0]["startTime"] == 0)
check("json second chapter after the intro, before the end", chime < ch[1]["startTime"] < total - chime)
id3 = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", sys.argv[5]],
                                capture_output=True, text=True).stdout)["chapters"]
check("id3 chapter starts = json", [round(float(c["start_time"]), 3) for c in id3] == [c["startTime"] for c in ch])
check("id3 last chapter ends with the audio", abs(float(id3[-1]["end_time"]) - total) < 0.05)

def secs(t):
    h, m, s = t.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
text = open(sys.argv[2], encoding="utf-8").read()
check("vtt header", text.startswith("WEBVTT\n\n"))
cues = re.findall(r"\n(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n([^\n]+)\n", text)
check("vtt: a cue per sentence", len(cues) == 6)
check("vtt: original text, not normalized", cues[4][2] ==
      "Selon la direction, « les navires de croisière devront se brancher à quai ».")
check("vtt: numbers as written", "250 millions" in cues[1][2] and "2028" in cues[2][2])
starts = [secs(a) for a, b, t in cues]
ends = [secs(b) for a, b, t in cues]
check("vtt: first cue after the intro", abs(starts[0] - chime) < 0.01)
check("vtt: cues in order, each ends after it starts",
      all(s < e for s, e in zip(starts, ends)) and all(e <= s for e, s in zip(ends, starts[1:])))
check("vtt: the last cue ends with the audio", abs(ends[-1] - total) < 0.05)
check("vtt: second chapter starts with its heading's cue",
      any(abs(s - ch[1]["startTime"]) < 0.01 and t == "Les armateurs restent prudents"
          for s, t in zip(starts, [c[2] for c in cues])))
print("\n".join(out))
PY
)
while IFS= read -r line; do
    case "$line" in
    ok*) expect_eq "${line#ok }" ok ok ;;
    *) expect_eq "${line#FAIL }" failed ok ;;
    esac
done <<<"$checks_py"
expect_contains "python checks ran" "$checks_py" "ok vtt header"

# SRT, forced formats, options.
run "$NARRATEUR" "$ART" -o "$TMP/x.audio" --output-format ogg --transcript "$TMP/x.srt" --no-loudness
expect_eq "--output-format: exit status" "$rc" 0
expect_eq "--output-format ogg" "$(wav_field "$TMP/x.audio" format)" "oga"
# The title is read at the preset's title_rate (88 %): 2.456 s.
expect_eq "srt: first cue" "$(sed -n '1,3p' "$TMP/x.srt" | tr '\n' '|')" \
    "1|00:00:00,000 --> 00:00:02,456|$TITLE|"
expect_between "--no-loudness keeps eSpeak's level" "$(ebur128 "$TMP/x.audio" I)" -26 -19
run "$NARRATEUR" "$ART" -o "$TMP/y.bin" --format mp3 --sample-rate 22050 --bitrate 48 --loudness -20
expect_eq "--format mp3: exit status" "$rc" 0
expect_eq "--sample-rate 22050" "$(wav_field "$TMP/y.bin" rate)" 22050
expect_eq "--bitrate 48 (constant)" "$(ffprobe -v error -show_entries stream=bit_rate -of csv=p=0 "$TMP/y.bin")" 48000
expect_between "--loudness -20" "$(ebur128 "$TMP/y.bin" I)" -21 -19
# --quality: MP3's default is quality 5 (the same bytes), and a higher
# quality gives a bigger file, for MP3 and Ogg alike.
for q in "" 1 5 10; do
    for ext in mp3 ogg; do
        run "$NARRATEUR" "$ART" -o "$TMP/q$q.$ext" --no-loudness ${q:+--quality $q}
        expect_eq "--quality '$q' $ext: exit status" "$rc" 0
    done
done
run cmp "$TMP/q.mp3" "$TMP/q5.mp3"
expect_eq "mp3: the default is --quality 5" "$rc" 0
for ext in mp3 ogg; do
    s1=$(stat -c %s "$TMP/q1.$ext") s5=$(stat -c %s "$TMP/q5.$ext") s10=$(stat -c %s "$TMP/q10.$ext")
    expect_eq "$ext: --quality 1 < 5 < 10 in size ($s1 $s5 $s10)" \
        "$([ "$s1" -lt "$s5" ] && [ "$s5" -lt "$s10" ] && echo yes)" yes
done
run "$NARRATEUR" "$ART" -o "$TMP/loud.wav" --loudness -16
expect_between "wav with --loudness" "$(ebur128 "$TMP/loud.wav" I)" -17 -15

# Usage errors (exit 2) and runtime errors (exit 1) leave no file.
U="$TMP/usage"
mkdir "$U"
for args in "-o $U/a.aac" "-o $U/a.mp3 --transcript $U/a.txt" "--transcript $U/a.vtt" \
    "-o $U/a.opus --sample-rate 44100" "-o $U/a.flac --bitrate 64" "-o $U/a.ogg --cover $TMP/cover.png" \
    "-o $U/a.mp3 --quality 11" "-o $U/a.mp3 --loudness -3" "-o $U/a.mp3 --output-format aac"; do
    run "$NARRATEUR" "$ART" $args
    expect_eq "usage error: $args" "$rc" 2
done
expect_contains "unknown extension message" "$(
    "$NARRATEUR" "$ART" -o "$U/a.aac" 2>&1)" "cannot tell the audio format of '$U/a.aac'"
run "$NARRATEUR" "$ART" -o "$U/a.mp3" --intro "$TMP/missing.wav" --transcript "$U/a.vtt"
expect_eq "missing intro: exit status" "$rc" 1
expect_contains "missing intro: message" "$err" "missing.wav: cannot read the sound"
run "$NARRATEUR" "$ART" -o "$U/a.mp3" --outro "$TMP"
expect_eq "an outro that is a folder: exit status" "$rc" 1
expect_eq "an outro that is a folder: message" "$err" "narrateur: $TMP: cannot read the sound: Is a directory"
run "$NARRATEUR" "$ART" -o "$U/a.mp3" --cover "$ART"
expect_eq "a cover that is no image: exit status" "$rc" 1
expect_eq "usage errors leave nothing" "$(ls -A "$U")" ""

# A failed encode (the disk fills up: a 200 KB file size limit) leaves no
# file under any final name, and no temporary file either.
F="$TMP/full"
mkdir "$F"
(
    trap '' XFSZ
    ulimit -f 200
    exec "$NARRATEUR" "$EXAMPLE_ARTICLE" -o "$F/ep.mp3" --transcript "$F/ep.vtt" \
        --chapters "$F/ep.json" 2>"$TMP/full.err"
)
expect_eq "disk full: exit status" "$?" 1
expect_contains "disk full: message" "$(cat "$TMP/full.err")" "is the disk full?"
expect_contains "disk full: the file named" "$(cat "$TMP/full.err")" "narrateur: $F/ep.mp3: "
expect_eq "disk full: the real reason, not a stale 'Success'" "$(grep -c Success "$TMP/full.err")" 0
expect_eq "disk full: nothing left" "$(ls -A "$F")" ""

# A FIFO as the chapters of an MP3 episode: refused before any encoding,
# nothing created, the FIFO left as it was (never opened: timeout).
mkfifo "$F/ep.json"
run timeout 60 "$NARRATEUR" "$ART" -o "$F/ep.mp3" --transcript "$F/ep.vtt" --chapters "$F/ep.json"
expect_eq "FIFO chapters: exit status" "$rc" 1
expect_eq "FIFO chapters: message" "$err" "narrateur: $F/ep.json: not a regular file; give a file name to write"
expect_eq "FIFO chapters: nothing created" "$(ls -A "$F")" "ep.json"
expect_eq "FIFO chapters: still a FIFO" "$(stat -c %F "$F/ep.json")" "fifo"

# Progress: a line on a terminal (script gives a pseudo-terminal), none with -q.
if command -v script >/dev/null; then
    script -qec "'$NARRATEUR' '$ART' -o '$TMP/p.mp3'" /dev/null >"$TMP/tty.out" 2>&1
    expect_contains "progress on a terminal" "$(tr '\r' '\n' <"$TMP/tty.out")" "100% read"
    expect_contains "progress: speed" "$(cat "$TMP/tty.out")" "x real time"
    script -qec "'$NARRATEUR' -q '$ART' -o '$TMP/q.mp3'" /dev/null >"$TMP/tty.out" 2>&1
    expect_eq "--quiet: no progress" "$(cat "$TMP/tty.out")" ""
fi

# The loudness gain is measured on exactly the first 20 s, however the
# threads cut the audio: the same article gives the same file every time.
"$NARRATEUR" -q "$EXAMPLE_ARTICLE" --loudness -20 -o "$TMP/same1.wav"
"$NARRATEUR" -q "$EXAMPLE_ARTICLE" --loudness -20 -o "$TMP/same2.wav"
run "$WAVCMP" "$TMP/same1.wav" "$TMP/same2.wav"
expect_eq "leveled output is reproducible" "$rc" 0

# The transcript shows the sentence as written, less its web leftovers.
printf "Lisez le billet de blog (s'ouvre dans un nouvel onglet)de la ministre.\n" >"$TMP/leftover.txt"
"$NARRATEUR" -q "$TMP/leftover.txt" -o "$TMP/leftover.wav" --transcript "$TMP/leftover.vtt"
expect_eq "cue without web leftovers" "$(sed -n 4p "$TMP/leftover.vtt")" \
    "Lisez le billet de blog de la ministre."

finish
