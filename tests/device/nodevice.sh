# A machine without sound: a clear message and exit 1, no crash.
. "$TESTS_DIR/lib.sh"
export ALSA_CONFIG_PATH="$TESTS_DIR/alsa-nodevice.conf"

run "$NARRATEUR" <<<"Bonjour."
expect_eq "no device status" "$rc" 1
# The whole of standard error: ALSA's and JACK's probing noise is kept out.
expect_eq "no device message" "$err" \
    "narrateur: no audio output device found; use -o FILE.wav to write a file"

run "$NARRATEUR" --list-devices
expect_eq "empty device list status" "$rc" 1
expect_eq "empty device list message" "$err" \
    "narrateur: no audio output device found; use -o FILE.wav to write a file"

finish
