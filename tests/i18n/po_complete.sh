# Each translation (po/LINGUAS) is complete for the sources as they are now:
# a new or changed message that nobody translated fails here instead of
# reaching French users in English. In: $1 the source root, then the
# xgettext options of po/meson.build. Out: exit 0, or 1 naming what is missing.
set -u
root=$1
shift
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Every C file with marked messages is listed in POTFILES (else xgettext
# never sees its messages and the check below would pass without them).
grep -v '^#' po/POTFILES | sed '/^$/d' | sort >"$tmp/listed"
grep -rlE '(^|[^A-Za-z0-9_])(L_|_|N_)\("' src --include='*.c' | sort >"$tmp/marked"
missing=$(comm -13 "$tmp/listed" "$tmp/marked")
if [ -n "$missing" ]; then
    echo "files with marked messages missing from po/POTFILES:"
    echo "$missing"
    status=1
fi

xgettext "$@" --files-from=po/POTFILES -o "$tmp/current.pot" 2>"$tmp/xgettext.err" ||
    { cat "$tmp/xgettext.err"; exit 1; }
while read -r lang; do
    case $lang in ''|'#'*) continue ;; esac
    msgmerge --quiet -o "$tmp/$lang.po" "po/$lang.po" "$tmp/current.pot" 2>"$tmp/msgmerge.err" ||
        { cat "$tmp/msgmerge.err"; exit 1; }
    stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/$lang.po" 2>&1 | grep -v "'\\\\r' escape")
    if ! LC_ALL=C msgfmt -c -o /dev/null "$tmp/$lang.po" 2>/dev/null || grep -qE 'fuzzy|untranslated' <<<"$stats"; then
        echo "po/$lang.po is not complete for the current sources: $stats"
        echo "(meson compile -C BUILD narrateur-pot narrateur-update-po, then translate these)"
        msgattrib --untranslated --no-wrap --no-location "$tmp/$lang.po" | grep '^msgid' | sed 1d
        msgattrib --only-fuzzy --no-wrap --no-location "$tmp/$lang.po" | grep '^msgid' | sed 1d
        status=1
    else
        echo "po/$lang.po: $stats"
    fi
done <po/LINGUAS
exit $status
