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
finish
