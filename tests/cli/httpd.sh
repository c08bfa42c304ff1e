# Starts tests/tools/httpd.py on a free port of 127.0.0.1 for a shell test
# (sourced after lib.sh): sets $PORT and $WEB ("http://127.0.0.1:PORT").
# The server reads its standard input until end of file: it stops when
# the test closes the pipe (httpd_stop, also on exit) or dies.
coproc HTTPD_PROC { exec "$PYTHON" "$HTTPD"; }
read -r PORT <&"${HTTPD_PROC[0]}"
WEB="http://127.0.0.1:$PORT"
HTTPD_IN=${HTTPD_PROC[1]}
HTTPD_PID=$HTTPD_PROC_PID
httpd_stop() {
    [ -n "${HTTPD_IN:-}" ] || return 0
    eval "exec $HTTPD_IN>&-"
    wait "$HTTPD_PID" 2>/dev/null
    HTTPD_IN=
}
trap 'httpd_stop; rm -rf "$TMP"' EXIT
