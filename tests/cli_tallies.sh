#!/bin/sh
# cli_tallies.sh — the counts and orders kept by triggers for the queries
# (schema/012_query_tallies.sql) equal a recount (tallies_recount.sql)
# after each way rows change: ingest, a new version of an article,
# resolve, every correction command, reindex, forget, and changes made by
# hand in the sqlite3 shell; and a database of an older schema migrated
# by `dossier migrate` gets them right too.
# Usage: cli_tallies.sh DOSSIER FIXTURES SCHEMA.  Needs the sqlite3 shell.
set -u
bin=$1
fixtures=$2
schema=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export NO_COLOR=1
unset DOSSIER_DB

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
db=$tmp/kb.db
d() { "$bin" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err" || fail "'$*' exited $?: $(head -c 300 "$tmp/err")"; }
sql() { sqlite3 "$db" "$1"; }
# recounted AFTER — fails with the differences when a kept table is off
recounted() {
    sqlite3 "$db" <"$here/tallies_recount.sql" >"$tmp/diff" 2>&1 || fail "recount after $1: $(head -c 300 "$tmp/diff")"
    [ -s "$tmp/diff" ] && fail "kept tables differ from a recount after $1: $(head -c 600 "$tmp/diff")"
    [ "$(sql "select count(*) from entity_tallies")" = "$(sql "select count(*) from entities")" ] ||
        fail "entity_tallies has not one row per entity after $1"
    [ "$(sql "select count(*) from deferred_rows")" = 0 ] || fail "deferred_rows not empty after $1"
    sql "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);
         INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)" >"$tmp/fts" 2>&1 ||
        fail "full-text index differs from its rows after $1: $(head -c 300 "$tmp/fts")"
}

mkdir "$tmp/a"
cp "$fixtures"/articles/*.txt "$tmp/a/"
d ingest --quiet "$tmp/a"
recounted ingest
[ "$(sql "select n from tallies where what = 'articles'")" -gt 1 ] || fail "no articles counted"
[ "$(sql "select count(*) from statement_entities")" -gt 0 ] || fail "no statement_entities rows"
[ "$(sql "select count(*) from entity_event_dates")" -gt 0 ] || fail "no entity_event_dates rows"

# a new version of one article replaces its rows
first=$(ls "$tmp/a" | head -n 1)
sed 's/ the / The /' "$tmp/a/$first" >"$tmp/a/$first.new" && mv "$tmp/a/$first.new" "$tmp/a/$first"
d ingest --quiet "$tmp/a/$first"
recounted "a new version"

d resolve
recounted resolve

# corrections, on the most mentioned person and organisation
person=$(sql "select name from entity_tallies where kind = 'person' order by articles desc, entity limit 1")
other=$(sql "select name from entity_tallies where kind = 'person' order by articles desc, entity limit 1 offset 1")
org=$(sql "select name from entity_tallies where kind = 'organization' order by articles desc, entity limit 1")
d merge "$other" "$person"
recounted merge
alias=$(sql "select a.name from aliases a join entities e on e.id = a.entity where e.name = '$(echo "$person" | sed "s/'/''/g")' and a.name <> e.name limit 1")
[ -n "$alias" ] && { d split "$person" "$alias"; recounted split; }
mention=$(sql "select m.id from mentions m join entities e on e.id = m.entity where e.kind = 'organization' limit 1")
d split --mention "$mention" "A New Body"
recounted "split --mention"
d rename "$org" "Renamed Body"
recounted rename
d kind "Renamed Body" place
recounted kind
d alias add "Renamed Body" "Another Name"
recounted "alias add"
statement=$(sql "select id from statements where speaker is not null limit 1")
d speaker "$statement" --none
recounted speaker
d forget "$(sql "select min(id) from articles")"
recounted forget
d reindex --all
recounted reindex
d resolve
recounted "resolve after corrections"

# by hand, as in the sqlite3 shell
sql "PRAGMA foreign_keys = ON;
     UPDATE articles SET published = '1999-01-02' WHERE id = (SELECT max(id) FROM articles);
     UPDATE articles SET published = NULL WHERE id = (SELECT min(id) FROM articles);
     UPDATE articles SET language = 'xx', story = NULL WHERE id = (SELECT max(id) FROM articles);
     UPDATE events SET date = NULL WHERE id IN (SELECT id FROM events LIMIT 3);
     UPDATE events SET date = '2001' WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 3);
     UPDATE statements SET start = start + 1, cluster = NULL WHERE id IN (SELECT id FROM statements LIMIT 2);
     UPDATE mentions SET start = start - 1 WHERE id IN (SELECT id FROM mentions LIMIT 5);
     UPDATE mentions SET entity = (SELECT min(id) FROM entities) WHERE id IN (SELECT id FROM mentions ORDER BY id DESC LIMIT 5);
     UPDATE OR IGNORE statement_topics SET entity = (SELECT max(id) FROM entities) WHERE (statement, entity) IN (SELECT statement, entity FROM statement_topics LIMIT 1);
     UPDATE OR IGNORE event_participants SET entity = (SELECT max(id) FROM entities) WHERE event = (SELECT min(event) FROM event_participants);
     DELETE FROM statements WHERE id = (SELECT max(id) FROM statements);
     DELETE FROM event_participants WHERE event = (SELECT max(event) FROM event_participants);
     DELETE FROM articles WHERE id = (SELECT max(id) FROM articles)" || fail "changes by hand"
recounted "changes by hand"

# an older database: the migration fills the kept tables from its rows
old=$tmp/old.db
"$bin" --db "$old" ingest --quiet "$tmp/a" >/dev/null 2>&1 || fail "ingest into old.db"
# (what 012 and the later migrations made, taken away again: triggers, indexes, columns, then tables)
made=$(for f in "$schema"/[0-9][0-9][0-9]_*.sql; do n=$(basename "$f"); [ "${n%%_*}" -ge 12 ] && cat "$f"; done)
drops=$(for what in TRIGGER INDEX COLUMN TABLE; do
            if [ $what = COLUMN ]; then
                printf '%s\n' "$made" | sed -n "s/^ALTER TABLE \\([a-z_]*\\) ADD COLUMN \\([a-z_]*\\).*/ALTER TABLE \\1 DROP COLUMN \\2;/p"
            else
                printf '%s\n' "$made" | sed -n "s/^CREATE $what \\([a-z_]*\\).*/DROP $what IF EXISTS \\1;/p"
            fi
        done | awk '!seen[$0]++')  # a trigger made again by a later migration is dropped once; one a later migration dropped is gone
[ -n "$drops" ] || fail "no tables or triggers found in 012_query_tallies.sql"
sqlite3 "$old" "$drops PRAGMA user_version = 11" || fail "making old.db"
"$bin" --db "$old" stats >"$tmp/out" 2>"$tmp/err" && fail "a query read a database of an older schema"
grep -q "run 'dossier migrate'" "$tmp/err" || fail "no advice to migrate: $(cat "$tmp/err")"
"$bin" --db "$old" migrate >/dev/null 2>&1 || fail "migrate old.db"
db=$old
recounted migrate
d stats

[ "$fails" -eq 0 ] && echo "cli_tallies: all passed"
exit $((fails > 0))
