#!/bin/sh
# cli_queries.sh — black-box tests of the query commands (who-said, show,
# entities, articles, article, timeline, search, stats, query): their help,
# their output in every format, exit codes and messages for unknown names.
# Runs on a database of hand-inserted rows (so that it does not depend on
# extraction), then on the ingested fixtures.
# Usage: cli_queries.sh DOSSIER FIXTURES.  Needs the sqlite3 shell.
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
export NO_COLOR=1
unset DOSSIER_DB COLUMNS

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect_status WANT CMD... — runs CMD, stdout to $tmp/out, stderr to $tmp/err.
expect_status() {
    want=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want; stderr: $(head -c 300 "$tmp/err")"
}
expect_in() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(head -c 400 "$1")"; }
expect_not_in() { ! grep -qF -- "$2" "$1" || fail "$1 has '$2'"; }
json_ok() { [ "$(sqlite3 :memory: "select json_valid(readfile('$1'))")" = 1 ] || fail "not JSON: $(head -c 300 "$1")"; }
json_len() { sqlite3 :memory: "select json_array_length(readfile('$1'))"; }
lines() { wc -l <"$1" | tr -d ' '; }

db=$tmp/kb.db
q() { "$bin" --db "$db" "$@"; }

# ---- no database: an error, and no empty file left behind
expect_status 1 q stats
expect_in "$tmp/err" "kb.db: no such database"
[ -e "$db" ] && fail "a query created $db"
expect_status 0 q query --list
[ -e "$db" ] && fail "query --list created $db"

# ---- a knowledge base by hand (the schema from an ingest, emptied)
expect_status 0 "$bin" --db "$db" ingest "$fixtures/articles/$(ls "$fixtures/articles" | head -n 1)"
sqlite3 "$db" "PRAGMA foreign_keys = ON; DELETE FROM articles; DELETE FROM aliases; DELETE FROM entities" || fail "emptying"
sqlite3 "$db" <<'SQL' || fail "inserting rows"
INSERT INTO articles(id, source, hash, original, body, title, outlet, language, published) VALUES
 (1, 'a/one.txt', 'h1', 'x', 'Rogozin said Russia could build joint modules for the orbital station. Wang Wenbin said foreign astronauts are invited to the station. Hao Chun noted the station is national.', 'Opening Asia', 'TASS', 'en', '2022-04-22'),
 (2, 'b/two.txt', 'h2', 'x', 'Rogozine a déclaré que la Russie pourrait construire des modules communs.', 'Roscosmos et la Chine', NULL, 'fr', '2022-04-23'),
 (3, 'c/three.txt', 'h3', 'x', 'Zhou Jianping said: We would promote foreign participation in the station. Rogozin said sanctions would not stop the programme.', 'China opens its station', 'India Today', 'en', '2022-05-02');
INSERT INTO entities(id, kind, name, known) VALUES (1, 'person', 'Dmitry Rogozin', 1), (2, 'organization', 'Roscosmos', 1),
 (3, 'program', 'Tiangong', 1), (4, 'person', 'Wang Wenbin', 0), (5, 'organization', 'Chinese Foreign Ministry', 0),
 (6, 'person', 'Hao Chun', 0), (7, 'person', 'Zhou Jianping', 0), (8, 'organization', 'CGTN', 1), (9, 'place', '東京', 0);
INSERT INTO aliases(entity, name, folded) VALUES (1, 'Dmitry Rogozin', 'dmitry rogozin'), (1, 'Rogozin', 'rogozin'),
 (1, 'Dmitry Rogozine', 'dmitry rogozine'), (1, 'Рогозин', 'рогозин'), (2, 'Roscosmos', 'roscosmos'),
 (3, 'Tiangong', 'tiangong'), (3, 'station orbitale chinoise', 'station orbitale chinoise'),
 (3, 'China’s space station', 'china''s space station'), (4, 'Wang Wenbin', 'wang wenbin'),
 (5, 'Chinese Foreign Ministry', 'chinese foreign ministry'), (6, 'Hao Chun', 'hao chun'),
 (7, 'Zhou Jianping', 'zhou jianping'), (8, 'CGTN', 'cgtn'), (9, '東京', '東京');
INSERT INTO statements(id, article, kind, text, cue, speaker, start, end, cluster)
 SELECT 1, 1, 'indirect', 'Russia could build joint modules for the orbital station', 'said', 1, 13, 70, 1 UNION ALL
 SELECT 2, 2, 'indirect', 'la Russie pourrait construire des modules communs', 'a déclaré', 1, 28, 79, 1 UNION ALL
 SELECT 3, 1, 'indirect', 'foreign astronauts are invited to the station', 'said', 4, 88, 133, NULL UNION ALL
 SELECT 4, 1, 'indirect', 'the station is national', 'noted', 6, 150, 173, NULL UNION ALL
 SELECT 5, 3, 'direct', 'We would promote foreign participation in the station', 'said', 7, 21, 75, NULL UNION ALL
 SELECT 6, 3, 'indirect', 'sanctions would not stop the programme', 'said', 1, 89, 127, NULL;
INSERT INTO statement_topics VALUES (1, 3), (2, 3), (3, 3), (4, 3), (5, 3);
INSERT INTO mentions(article, entity, how, start, end) VALUES (1, 1, 'name', 0, 7), (2, 1, 'name', 0, 8),
 (3, 7, 'name', 0, 13), (3, 1, 'name', 77, 84), (1, 3, 'description', 154, 161), (1, 9, 'name', 0, 1);
INSERT INTO roles(article, person, title, organization, start, end) VALUES
 (1, 1, 'Director General', 2, 0, 7), (2, 1, 'PDG', 2, 0, 8), (1, 4, 'spokesman', 5, 0, 5);
INSERT INTO events(id, article, kind, trigger, date, start, end) VALUES
 (1, 1, 'interview', 'said', '2022-04', 0, 70), (2, 3, 'launch', 'promote', '2021-04-29', 0, 20);
INSERT INTO event_participants VALUES (1, 1), (1, 8), (2, 3);
SQL

# ---- help of every command
for c in who-said show entities articles article timeline search stats query; do
    expect_status 0 q "$c" --help
    expect_in "$tmp/out" "usage: dossier $c"
done
expect_status 0 "$bin" --help
for c in who-said show entities articles article timeline search stats query; do expect_in "$tmp/out" "  $c "; done

# ---- who-said, in every format
expect_status 0 q who-said Tiangong
for who in "Dmitry Rogozin" "Wang Wenbin" "Hao Chun" "Zhou Jianping" "Director General, Roscosmos" "TASS"; do
    expect_in "$tmp/out" "$who"
done
expect_in "$tmp/out" "speaker"
expect_in "$tmp/out" "Roscosmos et la Chine (#2)"   # the same utterance in another article
expect_not_in "$tmp/out" "sanctions"
[ "$(grep -c 'Dmitry Rogozin' "$tmp/out")" = 1 ] || fail "a cluster shown more than once"
expect_status 0 q who-said "station orbitale chinoise" --format json
json_ok "$tmp/out"
[ "$(json_len "$tmp/out")" = 4 ] || fail "who-said json rows: $(cat "$tmp/out")"
for who in "Dmitry Rogozin" "Wang Wenbin" "Hao Chun" "Zhou Jianping"; do expect_in "$tmp/out" "\"speaker\": \"$who\""; done
expect_status 0 q who-said "China's space station" --format csv
expect_in "$tmp/out" "speaker,role,kind,statement,date,article,reported_in,also_reported_in"
[ "$(lines "$tmp/out")" = 5 ] || fail "who-said csv lines: $(cat "$tmp/out")"
expect_status 0 q who-said --format=tsv STATION ORBITALE CHINOISE
expect_in "$tmp/out" "Wang Wenbin	spokesman, Chinese Foreign Ministry	indirect	foreign astronauts"
expect_status 0 q who-said Tiangong --lang fr --format tsv
expect_in "$tmp/out" "PDG, Roscosmos"
[ "$(lines "$tmp/out")" = 2 ] || fail "--lang fr"
expect_status 0 q who-said Tiangong --kind direct --since 2022-05 --until 2022 --speaker "Zhou Jianping" --format csv
[ "$(lines "$tmp/out")" = 2 ] || fail "filters: $(cat "$tmp/out")"
expect_status 0 q who-said "sanctions programme"          # no entity: the statements' words
expect_in "$tmp/out" "sanctions would not stop"
expect_status 0 q who-said Tiangong --since 2030 --format json   # known, nothing matches: not an error
[ "$(cat "$tmp/out")" = "[]" ] || fail "empty json: $(cat "$tmp/out")"
expect_status 1 q who-said Rogozn
expect_in "$tmp/err" "dossier: no entity or text matches 'Rogozn'; did you mean Rogozin?"
expect_status 1 q who-said Xylophone
expect_in "$tmp/err" "no entity or text matches 'Xylophone'"
[ -s "$tmp/out" ] && fail "output on a miss"
expect_status 1 q who-said Tiangong --speaker Wenbin
expect_in "$tmp/err" "did you mean Wang Wenbin?"
expect_status 2 q who-said
expect_status 2 q who-said Tiangong --kind loud
expect_status 2 q who-said Tiangong --since yesterday
expect_in "$tmp/err" "who-said: 'yesterday' is not a date"
expect_status 2 q articles --until 2024-13x
expect_in "$tmp/err" "articles: '2024-13x' is not a date"
expect_status 2 q timeline --since 24
expect_in "$tmp/err" "timeline: '24' is not a date"
expect_status 2 q who-said Tiangong --format xml
expect_status 2 q who-said Tiangong --bogus 1
expect_status 2 q who-said Tiangong --limit many
expect_in "$tmp/err" "wants a whole number of rows, not 'many'"
expect_status 2 q search station --limit many
expect_status 2 q entities --limit many

# ---- show
expect_status 0 q show Rogozin
for s in "Entity" "Roles over time" "What it said" "What was said about it" "Events" "Articles that mention it" \
         "Director General" "PDG" "Roscosmos" "sanctions would not stop" "interview" "Рогозин"; do
    expect_in "$tmp/out" "$s"
done
expect_status 0 q show Рогозин --format json
json_ok "$tmp/out"
for k in entity roles said about events articles; do
    [ "$(sqlite3 :memory: "select json_type(readfile('$tmp/out'), '\$.$k')")" = array ] || fail "show json lacks $k"
done
expect_status 0 q show Roscosmos --format csv
expect_in "$tmp/out" "# roles"
expect_in "$tmp/out" "Dmitry Rogozin,Director General,Roscosmos"
expect_status 0 q show Tiangong --format tsv
expect_in "$tmp/out" "# about"
expect_status 1 q show Rogozn
expect_in "$tmp/err" "no entity matches 'Rogozn'; did you mean Rogozin?"
expect_status 2 q show
expect_status 2 q show --limit -1 Rogozin
expect_in "$tmp/err" "show: --limit wants a whole number of rows, not '-1'"
expect_status 2 q show --limit x Rogozin
expect_status 0 q show --limit 1 Rogozin
expect_in "$tmp/out" "more (dossier query said-by --name 'Rogozin' --limit 1 --offset 1)"

# ---- entities
expect_status 0 q entities
expect_in "$tmp/out" "Dmitry Rogozin"
expect_status 0 q entities --kind person --format json
json_ok "$tmp/out"
[ "$(json_len "$tmp/out")" = 4 ] || fail "entities --kind person"
expect_status 0 q entities --kind place --format csv
expect_in "$tmp/out" "9,place,東京,1,0,"
expect_status 0 q entities --limit 2 --format tsv
[ "$(lines "$tmp/out")" = 3 ] || fail "entities --limit 2"
expect_status 2 q entities --kind planet

# ---- articles, article
expect_status 0 q articles
expect_in "$tmp/out" "India Today"
expect_status 0 q articles --format json --lang fr
[ "$(json_len "$tmp/out")" = 1 ] || fail "articles --lang fr"
expect_status 0 q articles --format csv --since 2022-04-23
[ "$(lines "$tmp/out")" = 3 ] || fail "articles --since"
expect_status 0 q articles --format tsv --outlet tass
[ "$(lines "$tmp/out")" = 2 ] || fail "articles --outlet"
expect_status 0 q article 1
expect_in "$tmp/out" "#1  Opening Asia"
expect_in "$tmp/out" "[[the station is national]]#4"
expect_in "$tmp/out" "Statements"
COLUMNS=40 q article 1 >"$tmp/out" 2>&1
awk '/^Statements/ { exit bad } length($0) > 40 { bad = 1 } END { exit bad }' "$tmp/out" \
    || fail "article not wrapped at 40 columns: $(cat "$tmp/out")"
expect_status 0 q article 3 --format json
json_ok "$tmp/out"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$tmp/out'), '\$.statements')")" = 2 ] || fail "article json statements"
expect_in "$tmp/out" "\"body\": \"Zhou Jianping said"
expect_status 0 q article 3 --format csv
expect_in "$tmp/out" "# statements"
expect_status 0 q article 3 --format tsv
expect_in "$tmp/out" "# article"
expect_status 1 q article 99
expect_in "$tmp/err" "no article 99"
expect_status 2 q article one

# ---- timeline
expect_status 0 q timeline --format csv
[ "$(sed -n 2p "$tmp/out" | cut -d, -f1,2)" = "2021-04-29,launch" ] || fail "timeline order: $(cat "$tmp/out")"
expect_status 0 q timeline --about CGTN
expect_in "$tmp/out" "interview"
expect_not_in "$tmp/out" "launch"
expect_status 0 q timeline --format json --kind launch
[ "$(json_len "$tmp/out")" = 1 ] || fail "timeline --kind"
expect_status 0 q timeline --format tsv
expect_in "$tmp/out" "date	kind	participants"
expect_status 1 q timeline --about Rogozn
expect_in "$tmp/err" "did you mean Rogozin?"

# ---- search
expect_status 0 q search "orbital station"
expect_in "$tmp/out" "[orbital] [station]"
expect_status 0 q search station --format json
json_ok "$tmp/out"
[ "$(json_len "$tmp/out")" = 2 ] || fail "search json"
# --among N ranks only the N most recently stored matches (the speed of a search of a large base)
expect_status 0 q search station --among 1 --format csv
[ "$(lines "$tmp/out")" = 2 ] || fail "search --among 1: $(cat "$tmp/out")"
expect_in "$tmp/out" "$(sqlite3 "$db" "select max(rowid) from articles_fts where articles_fts match 'station'"),"
expect_status 0 q search station --among 0 --format json
[ "$(json_len "$tmp/out")" = 2 ] || fail "search --among 0 ranks every match"
expect_status 2 q search station --among -5
expect_in "$tmp/err" "search: --among wants a whole number of articles, not '-5'"
# and through `query`, which checks a parameter of type count the same way
expect_status 2 q query search --text station --among -5
expect_in "$tmp/err" "query 'search': --among wants a whole number of rows, not '-5'"
expect_status 0 q query search --text station --among 1 --format csv
[ "$(lines "$tmp/out")" = 2 ] || fail "query search --among 1: $(cat "$tmp/out")"
expect_status 0 q search modules --format csv
expect_status 0 q search modules --format tsv
expect_status 1 q search xylophone
expect_in "$tmp/err" "no article matches 'xylophone'"

# ---- stats
expect_status 0 q stats
expect_in "$tmp/out" "statements"
expect_status 0 q stats --format json
json_ok "$tmp/out"
expect_status 0 q stats --format csv
[ "$(sed -n 2p "$tmp/out" | cut -d, -f13)" = 5 ] || fail "stats csv: utterances"
expect_status 0 q stats --format tsv
[ "$(sed -n 2p "$tmp/out" | cut -f1)" = 3 ] || fail "stats tsv: articles"

# ---- query
expect_status 0 q query --list
expect_in "$tmp/out" "who-said"
expect_status 0 q query --list --format json
json_ok "$tmp/out"
expect_status 0 q query who-said --help
expect_in "$tmp/out" "--topic VALUE"
expect_status 0 q query who-said --topic Tiangong --kind direct --format csv
expect_in "$tmp/out" "Zhou Jianping"
expect_status 0 q query speakers --format tsv
expect_in "$tmp/out" "Dmitry Rogozin	person	2	3	3"
expect_status 0 q query reported-widely --format json
json_ok "$tmp/out"
expect_status 1 q query nonesuch
expect_in "$tmp/err" "no canned query named 'nonesuch'"
expect_status 2 q query who-said
expect_in "$tmp/err" "needs --topic"
expect_status 2 q query stats --bogus 1
cat >"$tmp/mine.yaml" <<'YAML'
queries:
  - name: quoted
    description: statements quoted directly
    params: [{name: speaker}]
    sql: |
      SELECT speaker, text FROM who_said WHERE kind = 'direct'
        AND (:speaker IS NULL OR speaker_id IN (SELECT entity FROM aliases WHERE folded = fold(:speaker)))
YAML
expect_status 0 "$bin" --db "$db" --queries "$tmp/mine.yaml" query quoted --speaker "ZHOU JIANPING" --format csv
expect_in "$tmp/out" "Zhou Jianping,We would promote"
expect_status 0 "$bin" --db "$db" --queries "$tmp/mine.yaml" query --list
expect_in "$tmp/out" "quoted"
printf 'queries: [unclosed\n' >"$tmp/bad.yaml"
expect_status 1 "$bin" --db "$db" --queries "$tmp/bad.yaml" stats
expect_in "$tmp/err" "bad.yaml:"

# ---- colour only on demand (a TTY); never with NO_COLOR
q who-said Tiangong >"$tmp/out" 2>&1
grep -q "$(printf '\033')" "$tmp/out" && fail "colour when not on a TTY"

# ---- the sqlite3 shell: documented views
sqlite3 "$db" .schema >"$tmp/out"
for v in who_said entity_names timeline statement_about entity_roles entity_articles article_list; do
    expect_in "$tmp/out" "CREATE VIEW $v"
done
expect_in "$tmp/out" "speaker_role, -- "
[ "$(sqlite3 "$db" "select count(*) from who_said where speaker = 'Dmitry Rogozin'")" = 3 ] || fail "who_said view"

# ---- the fixtures, ingested: every command answers in every format
db=$tmp/fx.db
expect_status 0 "$bin" --db "$db" ingest "$fixtures/articles"
for f in table json csv tsv; do
    expect_status 0 q stats --format $f
    expect_status 0 q entities --format $f
    expect_status 0 q articles --format $f
    expect_status 0 q article 1 --format $f
    expect_status 0 q timeline --format $f
    expect_status 0 q search Roscosmos --format $f
done
for f in json; do
    for c in "stats" "entities" "articles" "timeline" "search Roscosmos"; do
        q $c --format json >"$tmp/out" 2>/dev/null
        json_ok "$tmp/out"
    done
done
expect_status 0 q search Roscosmos
expect_in "$tmp/out" "[Roscosmos]"
if [ "$(sqlite3 "$db" "select count(*) from aliases where folded = 'tiangong'")" != 0 ]; then
    expect_status 0 q who-said Tiangong --format json
    json_ok "$tmp/out"
    expect_status 0 q show Tiangong --format json
    json_ok "$tmp/out"
fi

# ---- output that fits (issue: tables, paging, ids, search syntax, help)
# Tables never exceed the terminal width; a terminal too narrow for the
# columns gets one record after another.
for w in 60 80 120 200; do
    for c in "who-said Tiangong" "entities" "articles" "search Roscosmos" "timeline" "show Roscosmos"; do
        COLUMNS=$w q $c --format table >"$tmp/out" 2>"$tmp/err"
        widest=$(wc -L <"$tmp/out")   # display width, as GNU wc counts it
        [ "$widest" -le "$w" ] || fail "'$c' at $w columns is $widest wide"
    done
done
COLUMNS=60 q who-said Tiangong --format table >"$tmp/out" 2>/dev/null
expect_in "$tmp/out" "-[ 1 ]"
# Empty columns drop from tables; ids and spans are in JSON, not in tables.
expect_status 0 q who-said Tiangong --format json
expect_in "$tmp/out" '"statement_id": '
expect_in "$tmp/out" '"start": '
expect_in "$tmp/out" '"speaker_id": '
expect_status 0 q who-said Tiangong
expect_not_in "$tmp/out" "statement_id"
# One default limit, a "more" line, and --offset to page.
total=$(sqlite3 "$db" "select count(*) from entities")
expect_status 0 q entities --limit 2
expect_in "$tmp/out" "$((total - 2)) more (--limit 2 --offset 2 for the next page)"
expect_status 0 q entities --limit 2 --offset 2 --format csv
[ "$(lines "$tmp/out")" = 3 ] || fail "entities --offset: $(cat "$tmp/out")"
expect_in "$tmp/err" "more (--limit 2 --offset 4"
expect_not_in "$tmp/out" "more"
q entities --limit 0 --format csv >"$tmp/out" 2>"$tmp/err"
[ "$(lines "$tmp/out")" = $((total + 1)) ] || fail "entities --limit 0: all rows"
expect_status 2 q entities --limit -1
expect_in "$tmp/err" "wants a whole number of rows, not '-1'"
expect_status 2 q entities --offset x
expect_status 2 q entities --limit 99999999999999999999
# stats is one record: one JSON object.
expect_status 0 q stats --format json
[ "$(sqlite3 :memory: "select json_type(readfile('$tmp/out'))")" = object ] || fail "stats json is not one object"
[ "$(sqlite3 :memory: "select json_extract(readfile('$tmp/out'), '\$.articles')")" = 5 ] || fail "stats json: articles"
# JSON Lines for every listing.
expect_status 0 q entities --format jsonl --limit 3
[ "$(lines "$tmp/out")" = 3 ] || fail "jsonl lines"
while IFS= read -r l; do
    [ "$(sqlite3 :memory: "select json_valid('$(printf %s "$l" | sed "s/'/''/g")')")" = 1 ] || fail "jsonl: $l"
done <"$tmp/out"
# Search: FTS5 phrases, OR, prefixes; a bad query is a usage error; snippets are one line.
expect_status 0 q search 'Tiangong OR Roscosmos' --format csv --limit 0
n_or=$(($(lines "$tmp/out") - 1))
expect_status 0 q search 'Tiangong' --format csv --limit 0
n_one=$(($(lines "$tmp/out") - 1))
[ "$n_or" -ge "$n_one" ] && [ "$n_or" -gt 0 ] || fail "search OR: $n_or rows, Tiangong alone $n_one"
expect_status 0 q search 'Tiang*'
expect_in "$tmp/out" "[Tiangong]"
expect_status 0 q search '"orbital station"'
expect_status 2 q search '"orbital station" NOT'
expect_in "$tmp/err" "bad search syntax"
expect_status 0 q search Roscosmos --format tsv --limit 0
[ "$(cut -f5 "$tmp/out" | grep -c .)" = "$(lines "$tmp/out")" ] || fail "a snippet spans lines"
# Dates must exist.
expect_status 2 q articles --since 2022-13
expect_in "$tmp/err" "'2022-13' is not a date"
expect_status 2 q who-said Tiangong --until 2022-02-30
expect_status 0 q articles --since 2024-02-29
# help and did-you-mean.
expect_status 0 "$bin" help who-said
expect_in "$tmp/out" "usage: dossier who-said"
expect_status 0 "$bin" help
expect_in "$tmp/out" "Commands:"
expect_status 2 "$bin" whosaid Tiangong
expect_in "$tmp/err" "did you mean 'who-said'?"
expect_status 2 "$bin" help statz
expect_in "$tmp/err" "did you mean 'stats'?"
# Export for other tools: one table as JSON Lines or CSV, or all into a directory.
expect_status 0 q export --list
expect_in "$tmp/out" "who_said"
expect_status 0 q export --table entities
[ "$(lines "$tmp/out")" = "$total" ] || fail "export --table entities: $(lines "$tmp/out") lines"
expect_status 0 q export --table statements --format csv
[ "$(head -n 1 "$tmp/out" | cut -c1-3)" = "id," ] || fail "export csv header: $(head -n 1 "$tmp/out")"
expect_status 0 q export --dir "$tmp/x" --format csv
[ -s "$tmp/x/articles.csv" ] && [ -s "$tmp/x/who_said.csv" ] || fail "export --dir"
expect_status 2 q export --table nope
expect_status 2 q export --table entities --format json
if [ -w /dev/full ]; then
    q export --table articles >/dev/full 2>"$tmp/err"; [ $? = 1 ] || fail "a write error is no error"
fi

# ---- a role stated many times: how often, its first three sources and a mark for the rest
sqlite3 "$tmp/kb.db" "INSERT INTO roles(article, person, title, organization, start, end) VALUES
  (2, 4, 'spokesman', 5, 0, 5), (3, 4, 'Spokesman', 5, 0, 5), (3, 4, 'spokesman', 5, 9, 14)"  || fail "inserting roles"
expect_status 0 "$bin" --db "$tmp/kb.db" query roles --name "Chinese Foreign Ministry" --format csv
expect_in "$tmp/out" "person,title,organization,first_seen,last_seen,stated,sources"
expect_in "$tmp/out" ",4,"
expect_in "$tmp/out" "(#3); …"
[ "$(grep -o '(#' "$tmp/out" | wc -l)" = 3 ] || fail "roles lists more than three sources: $(cat "$tmp/out")"

[ "$fails" -eq 0 ] && echo "cli_queries: all passed"
[ "$fails" -eq 0 ]
