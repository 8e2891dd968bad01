#!/bin/sh
# cli_concurrency.sh — many writers and readers on one new database: four
# `dossier ingest` processes start at once on overlapping sets of articles
# while readers run `dossier stats` in a loop.  Nothing may be lost or
# stored twice, no writer or reader may fail, and the file must pass
# PRAGMA integrity_check.  Usage: cli_concurrency.sh DOSSIER FIXTURES
# Needs the sqlite3 shell.  Prints one line per failure; exit 1 if any.
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
unset DOSSIER_DB
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# twelve distinct articles: the fixtures, and copies with a line of their own
mkdir "$tmp/all"
n=0
for round in 1 2 3; do
    for f in "$fixtures"/articles/*.txt; do
        [ "$n" -ge 12 ] && break
        n=$((n + 1))
        cp "$f" "$tmp/all/$(printf '%02d' "$n").txt"
        [ "$round" -gt 1 ] && printf '\nUpdate %d: the agency said more on the matter.\n' "$n" >>"$tmp/all/$(printf '%02d' "$n").txt"
    done
done
# writer k takes articles k, k+1, ... k+6 (mod 12): every article by two or more writers
for k in 0 1 2 3; do
    mkdir "$tmp/w$k"
    for j in 0 1 2 3 4 5 6; do
        i=$(( (k * 3 + j) % 12 + 1 ))
        ln -s "$tmp/all/$(printf '%02d' "$i").txt" "$tmp/w$k/$(printf '%02d' "$i").txt"
    done
done
db=$tmp/kb.db
for trial in 1 2 3; do
    rm -f "$db" "$db-wal" "$db-shm" "$tmp"/rc.* "$tmp"/reader.*
    for k in 0 1 2 3; do
        ( "$bin" --db "$db" ingest --quiet "$tmp/w$k" >"$tmp/out.$k" 2>"$tmp/err.$k"; echo $? >"$tmp/rc.$k" ) &
    done
    # readers, once a writer made the schema, until every writer is done
    for r in 1 2; do
        (
            while [ "$(ls "$tmp"/rc.* 2>/dev/null | wc -l)" -lt 4 ]; do
                [ "$(sqlite3 "$db" 'PRAGMA user_version' 2>/dev/null || echo 0)" -gt 0 ] 2>/dev/null || continue
                "$bin" --db "$db" stats --format json >/dev/null 2>"$tmp/reader.err" || { echo x >>"$tmp/reader.$r"; cat "$tmp/reader.err" >>"$tmp/reader.$r"; }
            done
        ) &
    done
    wait
    for k in 0 1 2 3; do
        [ "$(cat "$tmp/rc.$k")" = 0 ] || fail "trial $trial: writer $k exited $(cat "$tmp/rc.$k"): $(cat "$tmp/err.$k")"
    done
    for r in 1 2; do
        [ ! -s "$tmp/reader.$r" ] || fail "trial $trial: reader $r failed: $(head -c 300 "$tmp/reader.$r")"
    done
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM articles')" = 12 ] || fail "trial $trial: $(sqlite3 "$db" 'SELECT count(*) FROM articles') articles, wanted 12"
    [ "$(sqlite3 "$db" 'SELECT count(DISTINCT hash) FROM articles')" = 12 ] || fail "trial $trial: an article stored twice"
    new=$(cat "$tmp"/out.* | sed -n 's/^\([0-9]*\) new.*/\1/p' | awk '{s += $1} END {print s}')
    [ "$new" = 12 ] || fail "trial $trial: writers reported $new new articles, wanted 12"
    [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "trial $trial: integrity_check"
done
[ "$fails" -eq 0 ] && echo "cli_concurrency: all passed"
[ "$fails" -eq 0 ]
