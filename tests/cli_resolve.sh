#!/bin/sh
# cli_resolve.sh — joining across articles, black-box: the same articles
# ingested in two orders give the same export once ids are left out (ids
# are replaced by what they stand for: a story by its articles' sources, a
# cluster by its statements); `dossier resolve` gives what ingest gave;
# `dossier stats --check` counts what may be joined wrongly.
# Usage: cli_resolve.sh DOSSIER FIXTURES.  Needs the sqlite3 shell.
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export NO_COLOR=1
unset DOSSIER_DB COLUMNS

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# normalize JSON OUT: the export with every id replaced by what it names, one sorted line per row.
normalize() {
    sqlite3 :memory: -cmd ".parameter set :file '$1'" >"$2" <<'SQL'
CREATE TEMP TABLE doc AS SELECT readfile(:file) AS j;
CREATE TEMP TABLE arts AS
  SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.source') AS src,
         json_extract(value, '$.story') AS story, value AS v
  FROM json_each((SELECT j FROM doc), '$.articles');
CREATE TEMP TABLE stmts AS
  SELECT json_extract(value, '$.id') AS id, a.src, json_extract(value, '$.cluster') AS cluster,
         json_extract(value, '$.text') AS text, value AS v
  FROM json_each((SELECT j FROM doc), '$.statements') JOIN arts a ON a.id = json_extract(value, '$.article');
SELECT 'article', a.src, json_remove(a.v, '$.id', '$.story'),
       (SELECT group_concat(src, ' ') FROM (SELECT b.src FROM arts b WHERE b.story = a.story ORDER BY b.src))
FROM arts a
UNION ALL
SELECT 'entity', json_extract(value, '$.kind'), json_extract(value, '$.name'),
       (SELECT group_concat(x, '|') FROM (SELECT value AS x FROM json_each(e.value, '$.aliases') ORDER BY 1)) || ' @ ' ||
       (SELECT group_concat(src, ' ') FROM (SELECT a.src FROM json_each(e.value, '$.articles') j
                                            JOIN arts a ON a.id = j.value ORDER BY 1))
FROM json_each((SELECT j FROM doc), '$.entities') e
UNION ALL
SELECT 'statement', s.src, json_remove(s.v, '$.id', '$.article', '$.cluster'),
       (SELECT group_concat(k, ' | ') FROM (SELECT o.src || ':' || o.text AS k FROM stmts o
                                            WHERE o.cluster = s.cluster ORDER BY 1))
FROM stmts s
UNION ALL
SELECT 'role', a.src, json_remove(r.value, '$.article'), ''
FROM json_each((SELECT j FROM doc), '$.roles') r JOIN arts a ON a.id = json_extract(r.value, '$.article')
UNION ALL
SELECT 'event', a.src, json_remove(ev.value, '$.id', '$.article'), ''
FROM json_each((SELECT j FROM doc), '$.events') ev JOIN arts a ON a.id = json_extract(ev.value, '$.article')
ORDER BY 1, 2, 3, 4;
SQL
}

# two_orders DIR NAME: ingests DIR's articles in name order into NAME.db and in reverse order
# into NAME-r.db; the normalized exports (NAME.json, NAME.txt) must be the same.
two_orders() {
    ls "$1"/*.txt | sort >"$tmp/names"
    sort -r "$tmp/names" >"$tmp/reversed"
    xargs "$bin" --db "$tmp/$2.db" ingest --quiet <"$tmp/names" >/dev/null 2>&1 || fail "$2: ingest in name order"
    xargs "$bin" --db "$tmp/$2-r.db" ingest --quiet <"$tmp/reversed" >/dev/null 2>&1 || fail "$2: ingest in reverse order"
    "$bin" --db "$tmp/$2.db" export --format json >"$tmp/$2.json" || fail "$2: export"
    "$bin" --db "$tmp/$2-r.db" export --format json >"$tmp/$2-r.json" || fail "$2: export (reverse)"
    normalize "$tmp/$2.json" "$tmp/$2.txt"
    normalize "$tmp/$2-r.json" "$tmp/$2-r.txt"
    [ -s "$tmp/$2.txt" ] || fail "$2: empty normalized export"
    grep -q '^statement|.* | ' "$tmp/$2.txt" || fail "$2: no statement cluster spans two articles"
    cmp -s "$tmp/$2.txt" "$tmp/$2-r.txt" ||
        fail "$2: the order of ingest changes the export: $(diff "$tmp/$2.txt" "$tmp/$2-r.txt" | head -c 600)"
}

# ---- the same articles in two orders
two_orders "$fixtures/articles" a

# ---- political news (invented): people who share a surname, a son named after his father,
# a middle initial, an acronym with dots and its expansion, a state after "Senator X of"
two_orders "$fixtures/politics" p
people() { sqlite3 "$tmp/p.db" "SELECT count(*) FROM entities WHERE kind = 'person' AND name IN ($1)"; }
[ "$(people "'Victor J. Hale', 'Victor Hale'")" = 1 ] || fail "politics: the father is not one entity"
[ "$(people "'Victor Hale Jr', 'Victor Hale Jr.'")" = 1 ] || fail "politics: the son is not an entity of his own"
[ "$(people "'Hale Jr', 'Hale Jr.'")" = 0 ] || fail "politics: 'Hale Jr.' is not the son his article names"
[ "$(people "'Maren Calloway'")" = 1 ] && [ "$(people "'Dale Calloway'")" = 1 ] || fail "politics: husband and wife joined"
n=$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM entities WHERE name GLOB '* [A-Z]' OR name GLOB '* [A-Z].'")
[ "$n" = 0 ] || fail "politics: $n names end in an initial"
n=$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM entities WHERE name IN ('N.E.C', 'N.E.C.', 'NEC', 'National Election Commission')")
[ "$n" = 1 ] || fail "politics: the acronym and its expansion are $n entities"
n=$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM entities WHERE kind = 'place' AND name IN ('Arizona', 'North Carolina')")
[ "$n" = 2 ] || fail "politics: a state is not a place ($n of 2)"
"$bin" --db "$tmp/p.db" resolve >"$tmp/out" 2>"$tmp/err" || fail "politics: resolve failed: $(cat "$tmp/err")"
"$bin" --db "$tmp/p.db" export --format json >"$tmp/p2.json"
cmp -s "$tmp/p.json" "$tmp/p2.json" || fail "politics: resolve changed the export"

# ---- resolve: the same as ingest, ids and all
"$bin" --db "$tmp/a.db" resolve >"$tmp/out" 2>"$tmp/err" || fail "resolve failed: $(cat "$tmp/err")"
"$bin" --db "$tmp/a.db" export --format json >"$tmp/c.json"
cmp -s "$tmp/a.json" "$tmp/c.json" || fail "resolve changed the export"
"$bin" resolve --help >"$tmp/out" 2>&1 || fail "resolve --help"
grep -q "usage: dossier resolve" "$tmp/out" || fail "resolve --help text"
"$bin" --db "$tmp/a.db" resolve extra >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "resolve with an argument should exit 2"
grep -q "^dossier: resolve: unexpected argument" "$tmp/err" || fail "resolve usage message: $(cat "$tmp/err")"

# ---- resolve undoes a join an older resolver made across articles: two people made one
sqlite3 "$tmp/a.db" <<'SQL' || fail "joining two people by hand"
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE pair AS SELECT (SELECT id FROM entities WHERE name = 'Oleg Ostapenko') AS keep,
                                 (SELECT id FROM entities WHERE name = 'Wu Yanhua') AS gone;
UPDATE mentions SET entity = (SELECT keep FROM pair) WHERE entity = (SELECT gone FROM pair);
UPDATE roles SET person = (SELECT keep FROM pair) WHERE person = (SELECT gone FROM pair);
UPDATE statements SET speaker = (SELECT keep FROM pair) WHERE speaker = (SELECT gone FROM pair);
UPDATE OR IGNORE statement_topics SET entity = (SELECT keep FROM pair) WHERE entity = (SELECT gone FROM pair);
UPDATE OR IGNORE event_participants SET entity = (SELECT keep FROM pair) WHERE entity = (SELECT gone FROM pair);
UPDATE aliases SET entity = (SELECT keep FROM pair) WHERE entity = (SELECT gone FROM pair);
DELETE FROM entities WHERE id = (SELECT gone FROM pair);
SQL
[ "$(sqlite3 "$tmp/a.db" "select count(*) from entities where name = 'Wu Yanhua'")" = 0 ] || fail "the join by hand"
"$bin" --db "$tmp/a.db" resolve >"$tmp/out" 2>"$tmp/err" || fail "resolve after the join: $(cat "$tmp/err")"
"$bin" --db "$tmp/a.db" export --format json >"$tmp/d.json"
normalize "$tmp/d.json" "$tmp/d.txt"
cmp -s "$tmp/a.txt" "$tmp/d.txt" || fail "resolve did not undo the join: $(diff "$tmp/a.txt" "$tmp/d.txt" | head -c 600)"
[ -z "$(sqlite3 "$tmp/a.db" "pragma foreign_key_check")" ] || fail "resolve left dangling references"

# ---- consistency counts
"$bin" --db "$tmp/a.db" stats --check --format tsv >"$tmp/out" || fail "stats --check"
for what in "people with two first names" "names of entities of several kinds" \
            "clusters whose members share under a third" "stories whose articles share no rare entity"; do
    grep -q "^$what	[0-9]" "$tmp/out" || fail "stats --check lacks '$what': $(cat "$tmp/out")"
done
[ "$(grep -c '	0$' "$tmp/out")" -ge 3 ] || fail "the fixtures should be mostly consistent: $(cat "$tmp/out")"

[ "$fails" -eq 0 ] && echo "cli_resolve: all passed"
exit "$fails"
