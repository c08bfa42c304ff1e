# The installed program, as a user gets it from `meson install`: it runs
# from its prefix with its voices, data, manual pages, completions and
# French messages (found relative to the program), nothing from the build.
. "$TESTS_DIR/lib.sh"

run meson install -C "$BUILD_ROOT" --no-rebuild --destdir "$TMP/dest" --quiet
expect_eq "meson install: $err" "$rc" 0
option() { # NAME: a build option's value
    meson introspect "$BUILD_ROOT" --buildoptions |
        python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]==sys.argv[1]))' "$1"
}
root="$TMP/dest$(option prefix)"
datadir="$root/$(option datadir)"
bin="$root/$(option bindir)/narrateur"
export LD_LIBRARY_PATH="$root/$(option libdir)"
unset NARRATEUR_LOCALEDIR

# The library the program loads is the installed one.
expect_contains "installed library used" "$(ldd "$bin" | grep libnarrateur)" "$LD_LIBRARY_PATH/libnarrateur.so.0"

run "$bin" --list-voices
expect_eq "voices" "$(cut -f1 <<<"$out" | tr '\n' ' ')" "belge femme femme-naturelle fr fr-BE fr-CH homme lent "
expect_eq "installed presets" "$(ls "$datadir/narrateur/voices" | tr '\n' ' ')" \
    "belge.ini femme-naturelle.ini femme.ini fr-BE.ini fr-CH.ini fr.ini homme.ini lent.ini "
run "$bin" -v "$datadir/narrateur/voices/fr-BE.ini" --print text <<<"Il a 71 ans."
expect_eq "an installed preset by path" "$out" "Il a septante-et-un ans."
run "$bin" --print text "$datadir/narrateur/exemple-article.txt"
expect_eq "installed example article" "$(head -n 1 <<<"$out")" "Le tramway de Bordeaux fête ses vingt ans"

# The manual pages render, in English and in French.
man_en=$(MANWIDTH=80 man -l "$datadir/man/man1/narrateur.1" 2>&1)
expect_contains "man page" "$man_en" "narrateur - read French articles aloud like a radio newsreader"
expect_contains "man page: configuration" "$man_en" "--print-config"
man_fr=$(MANWIDTH=80 LC_ALL=fr_FR.UTF-8 man -l "$datadir/man/fr/man1/narrateur.1" 2>&1)
expect_contains "French man page" "$man_fr" "lit à voix haute des articles en français"

# The bash completion loads and completes voices, options and values.
complete_words() { # WORD...: what bash completes for the last word
    (cd "$TMP" && bash --norc -c '. "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _narrateur; printf "%s\n" "${COMPREPLY[@]}" | sort' _ \
        "$datadir/bash-completion/completions/narrateur" "$bin" "$@")
}
expect_eq "bash: voices" "$(complete_words --voice f | tr '\n' ' ')" "femme femme-naturelle fr fr-BE fr-CH "
expect_eq "bash: quotes" "$(complete_words --quotes s)" "spoken"
expect_eq "bash: options" "$(complete_words --print-c)" "--print-config"
expect_contains "zsh completion installed" "$(head -n 1 "$datadir/zsh/site-functions/_narrateur")" "#compdef narrateur"
if command -v zsh >/dev/null; then
    run zsh -n "$datadir/zsh/site-functions/_narrateur"
    expect_eq "zsh completion parses: $err" "$rc" 0
fi

# French under a French locale, English otherwise.
LC_ALL=fr_FR.UTF-8 run "$bin" --help
expect_eq "French --help" "$(head -n 2 <<<"$out")" "Utilisation : narrateur [OPTIONS] [FICHIER...]
Lit à voix haute des articles en français, comme un présentateur de radio."
LC_ALL=fr_FR.UTF-8 run "$bin" --rate vite
expect_eq "French error exit" "$rc" 2
expect_eq "French error" "$err" "narrateur : --rate doit être un nombre de mots par minute de 80 à 450, et non « vite »
Essayez « narrateur --help » pour plus d'informations."
run "$bin" --rate vite
expect_eq "English error" "$err" "narrateur: --rate must be a number of words per minute from 80 to 450, not 'vite'
Try 'narrateur --help' for more information."
finish
