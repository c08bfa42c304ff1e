# A device that refuses 22 050 Hz mono (tests/alsa-a52.conf: AC-3 over
# IEC 958, 2 channels at 48 000 or 44 100 Hz only): narrateur opens it at
# the device's rate and resamples with libsoxr (PortAudio's ALSA layer
# feeds both channels from the mono stream). The capture, decoded by
# ffmpeg, must be the same speech as the WAV file of the same text, as
# long, in time, on both channels.
# Skips (77) only without the a52 plugin (libasound2-plugins, which CI
# installs).
. "$TESTS_DIR/lib.sh"

plugin="$(pkg-config --variable=libdir alsa)/alsa-lib/libasound_module_pcm_a52.so"
if [ ! -e "$plugin" ]; then
    echo "SKIP: the ALSA a52 plugin is not installed (apt-get install libasound2-plugins)"
    exit 77
fi
export ALSA_CONFIG_PATH="$TESTS_DIR/alsa-a52.conf"
export NARRATEUR_TEST_CAPTURE="$TMP/capture.iec958"

text="Le conseil municipal se réunit à 18h30. M. Dupont présidera la séance."
run "$NARRATEUR" -o "$TMP/reference.wav" <<<"$text"
for rate in 48000 44100; do
    rm -f "$NARRATEUR_TEST_CAPTURE"
    NARRATEUR_TEST_RATE=$rate run "$NARRATEUR" <<<"$text"
    expect_eq "$rate Hz: status" "$rc" 0
    ffmpeg -v error -y -f spdif -i "$NARRATEUR_TEST_CAPTURE" "$TMP/played.wav"
    expect_eq "$rate Hz: the capture decodes" "$?" 0
    read -r _ got_rate _ channels _ seconds _ ref_seconds _ envelope _ alike \
        < <("$PYTHON" "$TESTS_DIR/tools/envelope.py" "$TMP/played.wav" "$TMP/reference.wav")
    expect_eq "$rate Hz: device rate" "$got_rate" "$rate"
    expect_eq "$rate Hz: device channels" "$channels" 2
    # AC-3 works in frames of 1536 samples (35 ms at 44 100 Hz).
    expect_between "$rate Hz: length against the file's ($ref_seconds s)" "$seconds" \
        "$(awk -v s="$ref_seconds" 'BEGIN { print s - 0.04 }')" \
        "$(awk -v s="$ref_seconds" 'BEGIN { print s + 0.04 }')"
    expect_between "$rate Hz: the same speech, in time" "$envelope" 0.95 1
    expect_between "$rate Hz: the voice on both channels" "$alike" 0.999 1
done
finish
