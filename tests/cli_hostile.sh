#!/bin/sh
# cli_hostile.sh — the hostile-input catalogue of issue 12, black-box: other
# applications' databases, newer and older schemas, files that are no
# articles, names that are no UTF-8, caps on what would take forever.  Each
# case checks the exit status, the one error line, and what was (not)
# written.  Usage: cli_hostile.sh DOSSIER FIXTURES SCHEMA_DIR
# Needs the sqlite3 shell.  Prints one line per failure; exit 1 if any.
set -u
bin=$1
fixtures=$2
schema=$3
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
# one_line FILE — FILE holds exactly one line.
one_line() { [ "$(wc -l <"$1")" -eq 1 ] || fail "$1 is not one line: $(head -c 300 "$1")"; }
# unchanged A B — the files are identical (nothing was written).
unchanged() { cmp -s "$1" "$2" || fail "$1 was written to"; }
good=$fixtures/articles/000_cac9062ab3754006.txt

# ---- another application's database is refused before anything is written
other=$tmp/other.db
sqlite3 "$other" "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('mine');"
cp "$other" "$tmp/other.orig"
for cmd in stats articles "who-said Tiangong" export; do
    # shellcheck disable=SC2086
    expect_status 1 "$bin" --db "$other" $cmd
    expect_in "$tmp/err" "not a dossier database: no dossier schema"
    one_line "$tmp/err"
done
expect_status 1 "$bin" --db "$other" ingest "$good"
expect_in "$tmp/err" "not a dossier database: no dossier schema"
unchanged "$other" "$tmp/other.orig"
[ ! -e "$other-wal" ] || fail "a WAL file was made beside another application's database"

# ---- a newer schema is refused before anything changes (no switch to WAL)
db=$tmp/kb.db
expect_status 0 "$bin" --db "$db" ingest --quiet "$fixtures/articles"
sqlite3 "$db" "PRAGMA journal_mode = DELETE; PRAGMA user_version = 9999;" >/dev/null
cp "$db" "$tmp/newer.orig"
expect_status 1 "$bin" --db "$db" stats
expect_in "$tmp/err" "newer than this dossier"
expect_status 1 "$bin" --db "$db" ingest "$good"
expect_in "$tmp/err" "newer than this dossier"
unchanged "$db" "$tmp/newer.orig"
[ "$(sqlite3 "$db" 'PRAGMA journal_mode')" = delete ] || fail "a newer database was switched to WAL"

# ---- an older schema: queries refuse it untouched, `dossier migrate` and ingest bring it up
old=$tmp/old.db
last=$(ls "$schema"/[0-9]*.sql | sort | tail -n 1)
for f in $(ls "$schema"/[0-9]*.sql | sort); do
    [ "$f" = "$last" ] && break
    sqlite3 "$old" <"$f" || fail "schema $f did not apply"
    v=$(basename "$f" | sed 's/^0*\([0-9][0-9]*\)_.*/\1/')
done
if [ "$(ls "$schema"/[0-9]*.sql | wc -l)" -gt 1 ]; then
    sqlite3 "$old" "PRAGMA user_version = $v"
    cp "$old" "$tmp/old.orig"
    expect_status 1 "$bin" --db "$old" stats
    expect_in "$tmp/err" "older than this dossier"
    expect_in "$tmp/err" "dossier migrate"
    one_line "$tmp/err"
    unchanged "$old" "$tmp/old.orig"
    [ "$(sqlite3 "$old" 'PRAGMA journal_mode')" = delete ] || fail "a query switched an older database to WAL"
    expect_status 0 "$bin" --db "$old" migrate
    expect_in "$tmp/out" "schema version"
    expect_status 0 "$bin" --db "$old" stats
    cp "$tmp/old.orig" "$old"
    expect_status 0 "$bin" --db "$old" ingest "$good"
    expect_in "$tmp/out" "1 new, 0 unchanged, 0 failed"
fi
expect_status 0 "$bin" migrate --help
expect_status 2 "$bin" --db "$old" migrate extra

# ---- a query command never creates a database, nor migrates a new one
expect_status 1 "$bin" --db "$tmp/none.db" stats
[ ! -e "$tmp/none.db" ] || fail "stats created a database"
: >"$tmp/empty.db"
expect_status 1 "$bin" --db "$tmp/empty.db" stats
[ ! -s "$tmp/empty.db" ] || fail "stats wrote into an empty file"

# ---- canned queries cannot ATTACH (a file would be created) or DETACH
cat >"$tmp/attach.yaml" <<YAML
queries:
  - name: sneaky
    description: attaches a file
    sql: ATTACH DATABASE '$tmp/created.db' AS x
YAML
expect_status 1 "$bin" --db "$db.2" --queries "$tmp/attach.yaml" query sneaky
expect_status 0 "$bin" --db "$db.2" ingest --quiet "$good"
expect_status 1 "$bin" --db "$db.2" --queries "$tmp/attach.yaml" query sneaky
expect_in "$tmp/err" "not authorized"
[ ! -e "$tmp/created.db" ] || fail "a canned query created a file by ATTACH"

# ---- caps: each refused with one line naming the file; the good article of the batch goes in
cap=$tmp/caps
mkdir -p "$cap"
cp "$good" "$cap/a_good.txt"
python3 - "$cap" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, text):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)
w("b_nested.md", "---\ntitle: " + "[" * 30000 + "]" * 30000 + "\n---\nThe agency said the launch went well.\n")
w("c_bigfm.md", "---\ntitle: x\n" + "".join("k%d: v\n" % i for i in range(20000)) + "---\nText.\n")
w("d_marks.txt", "Text e" + "\u0301" * 100000 + " more text.\n")
w("e_date.md", "---\ntitle: A test\npublished: 2022-02-30\n---\nThe agency said on Monday that the launch went well.\n")
PY
mkfifo "$cap/f_fifo.txt"
ln -s . "$cap/g_loop1"
ln -s "$cap" "$cap/g_loop2"
db=$tmp/caps.db
expect_status 1 "$bin" --db "$db" ingest "$cap"
expect_in "$tmp/out" "2 new, 0 unchanged, 4 failed"
expect_in "$tmp/err" "b_nested.md: front matter line 2: nested deeper than 64 levels"
expect_in "$tmp/err" "c_bigfm.md: front matter is"
expect_in "$tmp/err" "d_marks.txt: more than 32 combining marks in a row at byte 6"
expect_in "$tmp/err" "f_fifo.txt: not a regular file (a FIFO)"
expect_in "$tmp/err" "e_date.md: warning: front matter published '2022-02-30' is no date: ignored"
[ "$(grep -c . "$tmp/err")" -eq 5 ] || fail "caps: not one line per problem: $(cat "$tmp/err")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM articles WHERE published IS NULL AND source LIKE '%e_date.md'")" = 1 ] ||
    fail "an impossible date was stored"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "caps: integrity_check"
# a FIFO named on the command line is refused, not waited on
expect_status 1 "$bin" --db "$db" ingest "$cap/f_fifo.txt"
expect_in "$tmp/err" "not a regular file (a FIFO)"

# ---- names that are no UTF-8 or hold a line break: escaped, one line per error, valid JSON
names=$tmp/names
mkdir "$names"
cp "$good" "$names/$(printf 'bad\377name.txt')"
printf '' >"$names/$(printf 'empty\nfile.txt')"
db=$tmp/names.db
expect_status 1 "$bin" --db "$db" ingest "$names"
expect_in "$tmp/err" 'empty\x0Afile.txt: empty file'
one_line "$tmp/err"
expect_status 0 "$bin" --db "$db" export --format json
python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' "$tmp/out" ||
    fail "export is not valid UTF-8 JSON with a non-UTF-8 file name"
expect_in "$tmp/out" 'bad\\xFFname.txt'

# ---- numbers: negative or overflowing options are usage errors
expect_status 2 "$bin" --db "$db" ingest --max-bytes -1 "$good"
expect_status 2 "$bin" --db "$db" ingest --max-bytes 99999999999999999999999 "$good"
expect_status 2 "$bin" --db "$db" articles --limit -1

# ---- output: a write error on standard output is an error
if [ -w /dev/full ]; then
    expect_status 1 sh -c "\"$bin\" --db \"$db\" stats >/dev/full"
    expect_status 1 sh -c "\"$bin\" --db \"$db\" export --format json >/dev/full"
fi

[ "$fails" -eq 0 ] && echo "cli_hostile: all passed"
[ "$fails" -eq 0 ]
