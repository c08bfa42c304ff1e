# libnarrateur as other programs use it: the example program, the
# installed library, header and pkg-config file, and the exported symbols.
. "$TESTS_DIR/lib.sh"

TEXT="M. Dupont arrive à 14h30. Il repart à 16h."
run "$NARRATEUR" -o "$TMP/same.wav" <<<"$TEXT"
frames=$(wav_field "$TMP/same.wav" frames)

# The callback receives exactly the samples the WAV file holds.
run "$COUNT_SAMPLES" "$TEXT"
expect_eq "example exit" "$rc" 0
expect_eq "example output" "$out" "Monsieur Dupont arrive à quatorze heures trente.
Il repart à seize heures.
2 sentences, $frames samples at 22050 Hz"

# Only narr_ symbols leave the library.
others=$(nm -D --defined-only "$LIBNARRATEUR" | awk '{print $3}' | grep -v '^narr_')
expect_eq "exported symbols other than narr_" "$others" ""
expect_contains "narr_engine_new exported" "$(nm -D --defined-only "$LIBNARRATEUR")" " T narr_engine_new"
expect_contains "soname" "$(objdump -p "$LIBNARRATEUR" | grep SONAME)" "libnarrateur.so.0"

# Installed into a prefix, a program builds with pkg-config alone.
run meson install -C "$BUILD_ROOT" --no-rebuild --destdir "$TMP/dest"
expect_eq "meson install" "$rc" 0
prefix=$(meson introspect "$BUILD_ROOT" --buildoptions |
    python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"))')
root="$TMP/dest$prefix"
pc=$(find "$root" -name narrateur.pc | head -1)
expect_contains "narrateur.pc installed" "$pc" "/pkgconfig/narrateur.pc"
expect_eq "header installed" "$(find "$root" -name narrateur.h | wc -l)" 1
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$TMP/dest"
run pkg-config --modversion narrateur
expect_eq "pkg-config version" "$out" "$(meson introspect "$BUILD_ROOT" --projectinfo |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
# (A library built with the sanitizers, as CI's second build is, needs
# them in the program too.)
sanitize=$(nm -D "$LIBNARRATEUR" | grep -q ' U __asan_' && echo -fsanitize=address,undefined)
run cc $sanitize -o "$TMP/example" "$EXAMPLE_SOURCE" $(pkg-config --cflags --libs narrateur)
expect_eq "example builds against the installed .pc: $err" "$rc" 0
LD_LIBRARY_PATH="$(dirname "$(find "$root" -name 'libnarrateur.so.0' | head -1)")" \
    run "$TMP/example" "$TEXT"
expect_eq "installed example runs" "$out" "Monsieur Dupont arrive à quatorze heures trente.
Il repart à seize heures.
2 sentences, $frames samples at 22050 Hz"
finish
