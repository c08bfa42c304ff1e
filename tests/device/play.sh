# Playback through PortAudio on a real ALSA device (the `file` plugin of
# tests/alsa-capture.conf): the samples played equal the WAV output's.
. "$TESTS_DIR/lib.sh"
export ALSA_CONFIG_PATH="$TESTS_DIR/alsa-capture.conf"
export NARRATEUR_TEST_CAPTURE="$TMP/capture.wav"

text="Le conseil municipal se réunit à 18h30. M. Dupont présidera la séance."
run "$NARRATEUR" <<<"$text"
expect_eq "play status" "$rc" 0
expect_eq "capture rate" "$(wav_field "$TMP/capture.wav" rate)" 22050
run "$NARRATEUR" -o "$TMP/reference.wav" <<<"$text"
run "$WAVCMP" "$TMP/capture.wav" "$TMP/reference.wav"
expect_eq "played samples equal the file's" "$rc" 0
expect_contains "compare" "$out" "same:"

# By name: the device list of this configuration has "default".
run "$NARRATEUR" -d default <<<"Bonjour."
expect_eq "device by name" "$rc" 0
run "$NARRATEUR" --list-devices
expect_eq "device list" "$out" "0	default (default)"

# By index: the only device of this configuration is 0; 1 does not exist.
rm -f "$TMP/capture.wav"
run "$NARRATEUR" -d 0 <<<"Bonjour."
expect_eq "device by index" "$rc" 0
expect_eq "device by index plays" "$(wav_field "$TMP/capture.wav" channels)" 1
run "$NARRATEUR" -d 1 <<<"Bonjour."
expect_contains "no device 1" "$err" "narrateur: no audio output device called '1'"
run "$NARRATEUR" -d nowhere <<<"Bonjour."
expect_eq "unknown device status" "$rc" 1
expect_contains "unknown device message" "$err" "narrateur: no audio output device called 'nowhere'"

# A playback failure (capture folder missing) is an error, not a crash.
NARRATEUR_TEST_CAPTURE="$TMP/missing/dir/capture.wav" run "$NARRATEUR" <<<"Bonjour."
expect_eq "failing device status" "$rc" 1
expect_contains "failing device message" "$err" "narrateur: audio device:"
expect_contains "failing device position" "$err" "(stopped at 0:00, sentence 1)"

finish
