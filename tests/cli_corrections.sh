#!/bin/sh
# cli_corrections.sh — black-box tests of the correction commands (merge,
# split, rename, kind, alias, speaker, forget, corrections) and of
# articles that change (ingest of an edited file, --as-new, reindex,
# stale articles in stats).  Each correction must survive `dossier
# resolve` (when the binary has it) and the ingest of more articles.
# Usage: cli_corrections.sh DOSSIER FIXTURES.  Needs the sqlite3 shell.
# Prints one line per failure; exit 1 if any.
set -u
bin=$1
fixtures=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
fails=0
export NO_COLOR=1
unset DOSSIER_DB

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_status() {
    want=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want; stderr: $(head -c 300 "$tmp/err")"
}
expect_in() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(head -c 300 "$1")"; }
sql() { sqlite3 "$db" "$1"; }
same() { [ "$2" = "$3" ] || fail "$1: got '$2', wanted '$3'"; }
d() { "$bin" --db "$db" "$@"; }

# Three invented articles: two to correct, one ingested later that names
# the corrected entities again.
mkdir "$tmp/in" "$tmp/later"
cat >"$tmp/in/pact.txt" <<'A'
---
title: Freedonia signs lunar pact
outlet: Daily Planet
published: 2023-05-02
language: en
---
Freedonia signs lunar pact

Rufus Firefly, the president of Freedonia, said on Tuesday that the country would join the lunar programme. "We are ready to fly," Firefly told reporters in the capital.

The minister of space, Groucho Marx, said the agreement would be signed next month.
A
cat >"$tmp/in/talks.txt" <<'A'
---
title: Freedonia and Sylvania talk space
outlet: Morning Star
published: 2023-05-04
language: en
---
Freedonia and Sylvania talk space

Rufus Firefly spoke to reporters on Monday.

R. Firefly, who leads Freedonia, said that the talks with Sylvania had gone well. "The Moon belongs to everyone," Mr Firefly said.

Ambassador Trentino of Sylvania said his government was open to cooperation.
A
cat >"$tmp/later/signed.txt" <<'A'
---
title: Lunar pact signed
outlet: Evening Post
published: 2023-06-10
language: en
---
Lunar pact signed

Groucho Marx said on Monday that the pact had been signed. Rufus Firefly, the president of Freedonia, said the country was proud.

Ambassador Trentino of Sylvania welcomed the news.
A

# ---- every command has --help, and refuses bad usage with status 2
for c in merge split rename kind alias speaker forget corrections reindex; do
    expect_status 0 "$bin" "$c" --help
    expect_in "$tmp/out" "usage: dossier $c"
done
expect_status 0 "$bin" --help
expect_in "$tmp/out" "merge"
expect_in "$tmp/out" "reindex"
db=$tmp/missing.db
expect_status 1 d merge A B
expect_in "$tmp/err" "no such database"
[ -e "$db" ] && fail "a correction created a database"

db=$tmp/c.db
expect_status 0 d ingest "$tmp/in"
expect_in "$tmp/out" "2 new, 0 unchanged, 0 failed"
expect_status 2 d merge "Groucho Marx"
expect_in "$tmp/err" "dossier: merge: give two entities"
expect_status 2 d merge --bogus A B
expect_in "$tmp/err" "unknown option '--bogus'"
expect_status 2 d merge A B --note
expect_status 2 d alias frob Firefly X
expect_status 2 d kind Firefly planet
expect_in "$tmp/err" "'planet' is not a kind"
expect_status 2 d speaker x Firefly
expect_status 2 d speaker 1
expect_status 2 d forget
expect_status 2 d forget abc
expect_status 2 d split --mention x
expect_status 2 d reindex --all 1
# names nothing goes by, ids nothing has: status 1, nothing recorded
expect_status 1 d merge "Nobody Atall" Firefly
expect_in "$tmp/err" "dossier: merge: no entity goes by 'Nobody Atall'"
expect_status 1 d forget 99
expect_in "$tmp/err" "no article 99"
expect_status 1 d speaker 999 Firefly
expect_in "$tmp/err" "no statement #999"
expect_status 2 d merge Firefly Sylvania
expect_in "$tmp/err" "dossier kind"
expect_status 2 d rename Firefly ""
expect_in "$tmp/err" "the new name cannot be empty"
expect_status 2 d rename Firefly "Rufus Firefly"
expect_in "$tmp/err" "is called Rufus Firefly already"
expect_status 2 d kind Firefly person
expect_in "$tmp/err" "is a person already"
expect_status 2 d alias add Firefly firefly
expect_in "$tmp/err" "goes by 'Firefly' already"
expect_status 1 d alias remove Firefly "Nobody Atall"
expect_in "$tmp/err" "does not go by 'Nobody Atall'"
expect_status 2 d alias remove Firefly "Rufus Firefly"
expect_in "$tmp/err" "rename it first"
expect_status 1 d split Firefly "Nobody Atall"
expect_status 2 d split Firefly "rufus firefly"
expect_status 2 d merge Firefly "#$(sql "select id from entities where name = 'Rufus Firefly'")"
expect_in "$tmp/err" "are one entity already"
same "no correction recorded" "$(sql 'select count(*) from corrections')" 0

# ---- the corrections
expect_status 0 d merge "groucho marx" Firefly --note "one man"
expect_in "$tmp/out" "correction 1: Groucho Marx (person) merged into Rufus Firefly (person)"
expect_status 0 d kind Freedonia place
expect_in "$tmp/out" "Freedonia is of kind place, not organization"
expect_status 0 d rename Trentino "Count Trentino"
expect_in "$tmp/out" "Trentino (person) renamed Count Trentino"
expect_status 0 d alias add "Rufus Firefly" "The Chief"
expect_status 0 d alias remove "Rufus Firefly" Firefly
expect_in "$tmp/out" "does not go by \"Firefly\""
moon=$(sql "select id from statements where text like '%Moon belongs%'")
expect_status 0 d speaker "$moon" "#$(sql "select id from entities where name = 'Count Trentino'")"
expect_in "$tmp/out" "said by Count Trentino"
leads=$(sql "select id from statements where text like '%talks with Sylvania%'")
expect_status 0 d speaker "$leads" --none
expect_status 2 d speaker "$leads" --none
expect_in "$tmp/err" "without a speaker already"
expect_status 0 d corrections
expect_in "$tmp/out" "one man"
expect_in "$tmp/out" "alias-remove"
expect_status 0 d corrections --format csv
expect_in "$tmp/out" "correction,made_at,what,correction_says,note"
expect_status 0 d stats
expect_in "$tmp/out" "corrections      7"

# check_state WHEN — the corrections hold
check_state() {
    same "$1: Groucho Marx" "$(sql "select count(*) from entities where name = 'Groucho Marx'")" 0
    same "$1: merged alias" "$(sql "select count(*) from aliases a join entities e on e.id = a.entity where e.name = 'Rufus Firefly' and a.folded = 'groucho marx'")" 1
    same "$1: Freedonia kind" "$(sql "select group_concat(kind) from entities where name = 'Freedonia'")" place
    same "$1: renamed" "$(sql "select count(*) from entities where name in ('Trentino', 'Count Trentino')")" 1
    same "$1: alias added" "$(sql "select count(*) from aliases a join entities e on e.id = a.entity where e.name = 'Rufus Firefly' and a.folded = 'the chief'")" 1
    same "$1: alias removed" "$(sql "select count(*) from aliases a join entities e on e.id = a.entity where e.name = 'Rufus Firefly' and a.folded = 'firefly'")" 0
    same "$1: speaker" "$(sql "select e.name from statements s join entities e on e.id = s.speaker where s.text like '%Moon belongs%'")" "Count Trentino"
    same "$1: no speaker" "$(sql "select count(*) from statements where text like '%talks with Sylvania%' and speaker is null")" 1
}
check_state "after the corrections"
if "$bin" resolve --help >/dev/null 2>&1; then
    expect_status 0 d resolve
    check_state "after dossier resolve"
fi
expect_status 0 d ingest "$tmp/later"
expect_in "$tmp/out" "1 new, 0 unchanged, 0 failed"
check_state "after ingesting more"
same "later Freedonia joined the place" "$(sql "select count(distinct m.article) from mentions m join entities e on e.id = m.entity where e.name = 'Freedonia'")" 2
if "$bin" resolve --help >/dev/null 2>&1; then
    expect_status 0 d resolve
    check_state "after ingest and resolve"
fi

# ---- split: the name back off, and one mention
expect_status 0 d split "Rufus Firefly" "Groucho Marx"
expect_in "$tmp/out" "split off as an entity of its own"
same "split" "$(sql "select count(*) from entities where name = 'Groucho Marx'")" 1
same "split mentions" "$(sql "select count(distinct m.article) from mentions m join entities e on e.id = m.entity where e.name = 'Groucho Marx'")" 2
mention=$(sql "select m.id from mentions m join articles a on a.id = m.article where a.source like '%talks.txt' and m.how = 'short' order by m.start limit 1")
expect_status 0 d query mentions --name "#$(sql "select entity from mentions where id = $mention")" --format csv
expect_in "$tmp/out" "mention,article,entity,entity_name,how,written,start,end"
expect_in "$tmp/out" "$mention,"
expect_status 1 d split --mention 99999
expect_in "$tmp/err" "no mention #99999"
expect_status 0 d split --mention "$mention" "Firefly Junior"
expect_in "$tmp/out" "as Firefly Junior"
if "$bin" resolve --help >/dev/null 2>&1; then
    expect_status 0 d resolve
fi
expect_status 0 d ingest "$tmp/later" "$tmp/in"
same "split lasts" "$(sql "select count(*) from mentions m join entities e on e.id = m.entity where e.name = 'Firefly Junior'")" 1
same "split name lasts" "$(sql "select count(*) from entities where name = 'Groucho Marx'")" 1

# ---- an edited file replaces its article; --as-new keeps both
talks=$(sql "select id from articles where source like '%talks.txt'")
sed -i 's/talks with Sylvania had gone well/talks with Sylvania had gone very well/' "$tmp/in/talks.txt"
expect_status 0 d ingest "$tmp/in"
expect_in "$tmp/out" "0 new, 1 unchanged, 0 failed, 1 replaced"
expect_in "$tmp/err" "talks.txt: a new version of article $talks replaced the old one"
same "one version in articles" "$(sql "select count(*) || ' ' || max(id) || ' ' || max(version) from articles where source like '%talks.txt'")" "1 $talks 2"
same "old version kept as a row" "$(sql "select count(*) from article_versions where article = $talks")" 1
same "split mention kept" "$(sql "select count(*) from mentions m join entities e on e.id = m.entity where e.name = 'Firefly Junior' and m.article = $talks")" 1
same "speaker correction kept" "$(sql "select e.name from statements s join entities e on e.id = s.speaker where s.text like '%Moon belongs%'")" "Count Trentino"
same "no orphan rows" "$(sql 'pragma foreign_key_check')" ""
# the same file, its path written another way, is the same source
sed -i 's/gone very well/gone well enough/' "$tmp/in/talks.txt"
(cd "$tmp/in" && "$bin" --db "$db" ingest ../in/./talks.txt) >"$tmp/out" 2>"$tmp/err" || fail "ingest by a relative path"
expect_in "$tmp/out" "0 new, 0 unchanged, 0 failed, 1 replaced"
same "one article however the file is named" "$(sql "select count(*) || ' ' || max(id) || ' ' || max(version) from articles where path = '$(cd "$tmp/in" && pwd -P)/talks.txt'")" "1 $talks 3"
sed -i 's/well enough/rather well/' "$tmp/in/talks.txt"
expect_status 0 d ingest --as-new "$tmp/in/talks.txt"
expect_in "$tmp/out" "1 new, 0 unchanged, 0 failed"
same "--as-new keeps both" "$(sql "select count(*) from articles where source like '%talks.txt'")" 2

# ---- forget: gone, and not ingested again
pact=$(sql "select id from articles where source like '%pact.txt'")
expect_status 0 d forget "$pact" --note "off topic"
expect_in "$tmp/out" "article $pact ("
expect_status 0 d ingest "$tmp/in/pact.txt"
expect_in "$tmp/out" "0 new, 0 unchanged, 0 failed, 1 forgotten"
expect_in "$tmp/err" "pact.txt: forgotten by a correction"
same "forgotten" "$(sql "select count(*) from articles where id = $pact")" 0
same "integrity" "$(sql 'pragma integrity_check')" ok

# ---- reindex and stale articles
sql "update articles set extracted_by = '0.0.1' where id = $talks"
expect_status 0 d stats
expect_in "$tmp/out" "stale_articles   1"
expect_status 0 d reindex
expect_in "$tmp/out" "1 article extracted again, 0 failed"
expect_in "$tmp/err" "article $talks"
expect_status 0 d stats
expect_in "$tmp/out" "stale_articles   0"
expect_status 0 d reindex --all --quiet
expect_in "$tmp/out" "articles extracted again"
[ -s "$tmp/err" ] && fail "reindex --quiet wrote: $(cat "$tmp/err")"
expect_status 0 d reindex "$talks"
expect_in "$tmp/out" "1 article extracted again, 0 failed"
expect_status 1 d reindex 999 "$talks"
expect_in "$tmp/err" "dossier: no article 999"
expect_in "$tmp/out" "1 article extracted again, 1 failed"
same "speaker after reindex" "$(sql "select e.name from statements s join entities e on e.id = s.speaker where s.text like '%Moon belongs%' and s.article = $talks")" "Count Trentino"
same "kind after reindex" "$(sql "select group_concat(kind) from entities where name = 'Freedonia'")" place

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all corrections CLI tests passed"
