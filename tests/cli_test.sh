#!/bin/sh
# cli_test.sh — black-box tests of the dossier binary: the CLI frame,
# ingest (good and bad input), and export.  Usage: cli_test.sh DOSSIER FIXTURES
# Needs the sqlite3 shell.  Prints one line per failure; exit 1 if any.
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export NO_COLOR=1
unset DOSSIER_DB

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect_status WANT CMD... — runs CMD, stdout to $tmp/out, stderr to $tmp/err.
expect_status() {
    want=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want; stderr: $(head -c 300 "$tmp/err")"
}
# expect_in FILE TEXT — FILE contains TEXT.
expect_in() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(head -c 300 "$1")"; }
sql() { sqlite3 "$db" "$1"; }

# ---- the frame
expect_status 0 "$bin" --help
expect_in "$tmp/out" "usage: dossier"
expect_in "$tmp/out" "ingest"
expect_status 0 "$bin" --version
expect_in "$tmp/out" "dossier "
expect_status 2 "$bin"
expect_status 2 "$bin" frobnicate
expect_in "$tmp/err" "dossier: unknown command 'frobnicate'"
expect_status 2 "$bin" --bogus ingest
expect_status 0 "$bin" ingest --help
expect_in "$tmp/out" "usage: dossier ingest"
expect_status 0 "$bin" export --help
expect_status 2 "$bin" ingest
expect_status 2 "$bin" --db "$tmp/x.db" export --format xml

# ---- ingest twice: new, then unchanged
db=$tmp/a.db
expect_status 0 "$bin" --db "$db" ingest "$fixtures/articles"
expect_in "$tmp/out" "5 new, 0 unchanged, 0 failed"
expect_status 0 "$bin" --db "$db" ingest "$fixtures/articles"
expect_in "$tmp/out" "0 new, 5 unchanged, 0 failed"
expect_in "$tmp/err" "unchanged (already stored as article"
[ "$(sql 'select count(*) from articles')" = 5 ] || fail "articles: $(sql 'select count(*) from articles')"
[ "$(sql 'pragma user_version')" -ge 1 ] || fail "user_version not set"
[ "$(sql 'pragma journal_mode')" = wal ] || fail "not WAL"
[ "$(sql 'select count(*) from sentences')" -gt 20 ] || fail "too few sentences"
# the original bytes are kept untouched
f1=$(ls "$fixtures/articles" | head -n 1)
sql "select writefile('$tmp/orig', original) from articles where source like '%$f1'" >/dev/null
cmp -s "$tmp/orig" "$fixtures/articles/$f1" || fail "original bytes differ for $f1"
# $DOSSIER_DB is the default database
DOSSIER_DB=$db "$bin" ingest "$fixtures/articles/$f1" >"$tmp/out" 2>&1
expect_in "$tmp/out" "0 new, 1 unchanged, 0 failed"

# ---- bad input: one line each, the good article stored, status 1
mkdir "$tmp/bad" "$tmp/empty_dir"
printf 'Good text \377\376 here.\n' >"$tmp/bad/invalid_utf8.txt"
printf 'A NUL\000byte.\n' >"$tmp/bad/nul_byte.txt"
: >"$tmp/bad/empty.txt"
printf -- '---\ntitle: [unclosed\n---\nBody text.\n' >"$tmp/bad/broken_front_matter.md"
cp "$fixtures/articles/$f1" "$tmp/bad/good.txt"
db=$tmp/b.db
expect_status 1 "$bin" --db "$db" ingest "$tmp/bad"
expect_in "$tmp/out" "1 new, 0 unchanged, 4 failed"
expect_in "$tmp/err" "invalid_utf8.txt: invalid UTF-8 at byte 10"
expect_in "$tmp/err" "nul_byte.txt: NUL byte at byte 5"
expect_in "$tmp/err" "empty.txt: empty"
expect_in "$tmp/err" "broken_front_matter.md:"
[ "$(grep -c '^dossier: ' "$tmp/err")" -eq 4 ] || fail "wanted 4 error lines: $(cat "$tmp/err")"
[ "$(sql 'select count(*) from articles')" = 1 ] || fail "bad batch stored $(sql 'select count(*) from articles')"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity_check"
[ "$(sql 'pragma foreign_key_check')" = "" ] || fail "foreign_key_check"
# no half rows: every row belongs to a stored article
[ "$(sql 'select count(*) from sentences where article not in (select id from articles)')" = 0 ] || fail "orphan sentences"

# ---- over the size limit (generated), a missing file, a directory without articles
head -c 5000000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
expect_status 1 "$bin" --db "$db" ingest "$tmp/big.txt"
expect_in "$tmp/err" "big.txt:"
expect_in "$tmp/err" "over the limit"
expect_status 1 "$bin" --db "$db" ingest --max-bytes 100 "$fixtures/articles/$f1"
expect_in "$tmp/err" "over the limit"
expect_status 1 "$bin" --db "$db" ingest "$tmp/missing.txt"
expect_in "$tmp/err" "missing.txt: cannot open"
expect_status 1 "$bin" --db "$db" ingest "$tmp/empty_dir"
expect_in "$tmp/err" "no articles"

# ---- standard input, front matter
printf -- '---\ntitle: A test\noutlet: Test Wire\npublished: 2024-03-05\nlanguage: en\n---\nThe agency said on Monday that the probe was ready.\n' \
    | "$bin" --db "$tmp/c.db" ingest - >"$tmp/out" 2>"$tmp/err" || fail "stdin ingest: $(cat "$tmp/err")"
db=$tmp/c.db
[ "$(sql "select title || '|' || outlet || '|' || published || '|' || source from articles")" = "A test|Test Wire|2024-03-05|-" ] \
    || fail "front matter: $(sql 'select title, outlet, published, source from articles')"

# ---- export
db=$tmp/a.db
expect_status 0 "$bin" --db "$db" export --format json
[ "$(sqlite3 :memory: "select json_valid(readfile('$tmp/out'))")" = 1 ] || fail "export is not JSON"
for key in articles entities roles statements events; do
    [ "$(sqlite3 :memory: "select json_type(readfile('$tmp/out'), '\$.$key')")" = array ] || fail "export lacks $key"
done
[ "$(sqlite3 :memory: "select json_array_length(readfile('$tmp/out'), '\$.articles')")" = 5 ] || fail "export articles"

[ "$fails" -eq 0 ] && echo "cli: all passed"
[ "$fails" -eq 0 ]
