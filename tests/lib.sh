# Shared helpers for the shell tests: run a command, then check exact
# outputs and exit codes. Each test script sources this, runs its checks
# and ends with `finish`, which exits non-zero if any check failed.
set -u
failures=0
checks=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run CMD...: sets $out, $err and $rc (stdin is inherited).
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    out=$(cat "$TMP/out")
    err=$(cat "$TMP/err")
}

fail() {
    failures=$((failures + 1))
    printf 'FAIL (%s:%s): %s\n' "${BASH_SOURCE[2]##*/}" "${BASH_LINENO[1]}" "$1" >&2
}

expect_eq() { # WHAT GOT WANT
    checks=$((checks + 1))
    [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

expect_contains() { # WHAT HAYSTACK NEEDLE
    checks=$((checks + 1))
    case "$2" in *"$3"*) ;; *) fail "$1: '$2' does not contain '$3'" ;; esac
}

expect_between() { # WHAT VALUE LOW HIGH (numbers, may be decimal)
    checks=$((checks + 1))
    awk -v v="$2" -v lo="$3" -v hi="$4" 'BEGIN { exit !(v >= lo && v <= hi) }' ||
        fail "$1: $2 not within [$3, $4]"
}

expect_no_file() { # PATH
    checks=$((checks + 1))
    [ ! -e "$1" ] || fail "$1 exists but must not"
}

# wav_field FILE KEY: a field printed by the wavinfo tool.
wav_field() {
    "$WAVINFO" "$1" | sed -n "s/^$2=//p"
}

finish() {
    echo "$((checks - failures)) passed, $failures failed"
    [ "$failures" -eq 0 ]
}
