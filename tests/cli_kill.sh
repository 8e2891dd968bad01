#!/bin/sh
# cli_kill.sh — SIGKILL during ingest: an ingest of a batch of articles is
# killed at a varying moment, ten times over one database; after each kill
# the file passes PRAGMA integrity_check, and a last ingest that runs to
# its end completes the batch: every article once, exit status 0.
# Usage: cli_kill.sh DOSSIER FIXTURES.  Needs the sqlite3 shell.
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
unset DOSSIER_DB
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# thirty distinct articles: the fixtures with a numbered line of their own
mkdir "$tmp/all"
i=0
while [ "$i" -lt 30 ]; do
    for f in "$fixtures"/articles/*.txt; do
        [ "$i" -ge 30 ] && break
        i=$((i + 1))
        { cat "$f"; printf '\nUpdate %d: the agency said more on the matter.\n' "$i"; } >"$tmp/all/$(printf '%02d' "$i").txt"
    done
done
db=$tmp/kb.db
for k in 1 2 3 4 5 6 7 8 9 10; do
    "$bin" --db "$db" ingest --quiet "$tmp/all" >/dev/null 2>&1 &
    pid=$!
    # a different moment each time: k times 30 ms, then the kill
    sleep "0.$(printf '%02d' $((k * 3)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -e "$db" ]; then
        [ "$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)" = ok ] || fail "kill $k: integrity_check: $(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -c 200)"
    fi
done
"$bin" --db "$db" ingest --quiet "$tmp/all" >"$tmp/out" 2>"$tmp/err" || fail "the rerun failed: $(head -c 300 "$tmp/err")"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM articles')" = 30 ] || fail "$(sqlite3 "$db" 'SELECT count(*) FROM articles') articles after the rerun, wanted 30"
[ "$(sqlite3 "$db" 'SELECT count(DISTINCT hash) FROM articles')" = 30 ] || fail "an article stored twice"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the rerun"
[ "$fails" -eq 0 ] && echo "cli_kill: all passed"
[ "$fails" -eq 0 ]
