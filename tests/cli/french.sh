# The French interface: under a French locale the program speaks French
# (the translations of the build folder: NARRATEUR_LOCALEDIR), under C English.
. "$TESTS_DIR/lib.sh"
locale -a | grep -qi '^fr_FR.utf-\?8$' || { echo "no fr_FR.UTF-8 locale: locale-gen it"; exit 77; }

LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --help
expect_eq "French --help" "$(sed -n '1p;/^Voix :/p' <<<"$out")" "Utilisation : narrateur [OPTIONS] [FICHIER...]
Voix :"
LANG=fr_FR.UTF-8 LC_ALL= run "$NARRATEUR" --quotes fort
expect_eq "French usage error exit" "$rc" 2
expect_eq "French usage error" "$err" "narrateur : --quotes prend « pause », « spoken » ou « voice », et non « fort »
Essayez « narrateur --help » pour plus d'informations."
printf 'rate = vite\n' >"$TMP/bad.conf"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --config "$TMP/bad.conf" --print text </dev/null
expect_eq "French configuration error" "$err" "narrateur : $TMP/bad.conf:1: le débit doit être un nombre de mots par minute de 80 à 450, et non « vite »"
run "$NARRATEUR" --quotes fort
expect_eq "English under C" "$(head -n 1 <<<"$err")" "narrateur: --quotes takes 'pause', 'spoken' or 'voice', not 'fort'"
# The library's own messages (issue 15): French under a French locale too,
# with the same arguments in place; English under C stays as before.
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --print text "$TMP/absent.txt"
expect_eq "French missing file" "$rc:$err" "1:narrateur : $TMP/absent.txt : lecture impossible : Aucun fichier ou dossier de ce type"
printf 'du texte\0\1\2' >"$TMP/binary.txt"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --print text "$TMP/binary.txt"
expect_eq "French binary file" "$rc:$err" "1:narrateur : $TMP/binary.txt:1: contient des octets NUL : c'est un fichier binaire, pas du texte"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --voice klingon --print text /dev/null
expect_eq "French unknown voice" "$rc:$err" "1:narrateur : voix inconnue « klingon » ; voix disponibles : belge, femme, femme-naturelle, fr, fr-BE, fr-CH, homme, lent (ou donnez le chemin d'un préréglage .ini)"
printf 'chat\n' >"$TMP/lexique.tsv"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --lexicon "$TMP/lexique.tsv" --print text /dev/null
expect_eq "French bad lexicon line" "$rc:$err" "1:narrateur : $TMP/lexique.tsv:1: 2 champs séparés par des tabulations attendus, le premier non vide"
printf 'chat\tcha\x1b\n' >"$TMP/lexique.tsv"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --lexicon "$TMP/lexique.tsv" --print text /dev/null
expect_eq "French bad spoken form" "$rc:$err" "1:narrateur : $TMP/lexique.tsv:1: 'chat' a un caractère de contrôle (octet 0x1B) dans sa forme parlée"
LC_ALL=fr_FR.UTF-8 run "$NARRATEUR" --since hier --print text /dev/null
expect_eq "French --since error" "$rc:$err" "2:narrateur : --since prend une date comme 2026-12-07 ou 2026-12-07T09:30:00+01:00, et non « hier »
Essayez « narrateur --help » pour plus d'informations."
run "$NARRATEUR" --print text "$TMP/absent.txt"
expect_eq "English library message under C" "$err" "narrateur: $TMP/absent.txt: cannot read: No such file or directory"
finish
