# --quotes pause|spoken|voice: how a quotation is read.
. "$TESTS_DIR/lib.sh"

text="Le maire a promis « une ville plus verte pour tous » hier. « C'est fini », a-t-il dit. Un « juste » prix."

run "$NARRATEUR" --print text --quotes pause <<<"$text"
expect_eq "pause: marks vanish in print" "$out" "Le maire a promis une ville plus verte pour tous hier.
C'est fini, a-t-il dit.
Un juste prix."

run "$NARRATEUR" --print text --quotes spoken <<<"$text"
expect_eq "spoken: citations announced, short terms not" "$out" "Le maire a promis je cite, une ville plus verte pour tous, fin de citation, hier.
C'est fini, a-t-il dit.
Un juste prix."

# A citation over two sentences is announced once and closed once.
run "$NARRATEUR" --print text --quotes spoken <<<"Il a déclaré : « Nous avons perdu. Nous reviendrons plus forts. » Puis il est parti."
expect_eq "spoken across sentences" "$out" "Il a déclaré : je cite, Nous avons perdu.
Nous reviendrons plus forts, fin de citation.
Puis il est parti."

# The normalizer renders quotations: no quotation mark reaches eSpeak NG;
# a quotation is said as a clause of its own, pauses on each side.
run "$NARRATEUR" --print phonemes --quotes pause <<<"Il a dit « bonjour à tous » hier."
expect_eq "pause: no marks in phonemes" "$out" "il a d'i bO~Z'ur a tus _|j'Er"
run "$NARRATEUR" -o "$TMP/quoted.wav" <<<"Il a dit « bonjour à tous » hier."
run "$NARRATEUR" -o "$TMP/plain.wav" <<<"Il a dit bonjour à tous hier."
quoted=$(wav_field "$TMP/quoted.wav" frames)
plain=$(wav_field "$TMP/plain.wav" frames)
expect_between "pauses around the quotation (s)" "$(awk -v a="$quoted" -v b="$plain" 'BEGIN { print (a - b) / 22050 }')" 0.25 1.0

# The voice style reads the quotation higher: other samples, same words.
run "$NARRATEUR" -o "$TMP/pause.wav" --quotes pause <<<"Il a dit « nous devons agir vite » hier."
run "$NARRATEUR" -o "$TMP/voice.wav" --quotes voice <<<"Il a dit « nous devons agir vite » hier."
expect_eq "voice style plays" "$rc" 0
run "$WAVCMP" "$TMP/pause.wav" "$TMP/voice.wav"
expect_eq "voice style sounds different" "$rc" 1

# The preset decides by default: lent announces citations.
run "$NARRATEUR" -v lent --print text <<<"$text"
expect_contains "preset default" "$out" "je cite, une ville plus verte pour tous, fin de citation"

run "$NARRATEUR" --quotes loud --print text <<<"$text"
expect_eq "bad style status" "$rc" 2
expect_contains "bad style message" "$err" "--quotes takes 'pause', 'spoken' or 'voice', not 'loud'"

finish
