#!/bin/sh
# run.sh — the query benchmark: builds a database of N synthetic articles
# (bench/gen_articles.py, ingested through `dossier ingest`) and prints the
# median and 95th-percentile latency of every canned query (bench/bench.c).
#
# Usage: bench/run.sh [N] [WORKDIR]        (defaults: 10000, /tmp/dossier-bench)
# Environment: BUILD  the CMake build directory holding dossier and libdossier.a
#                     (default: build; a release build gives the real figures)
#              RUNS   runs per query (default 31)
# The database is kept in WORKDIR and reused when it already holds N articles.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-10000}
work=${2:-/tmp/dossier-bench}
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
runs=${RUNS:-31}
db=$work/bench-$n.db
mkdir -p "$work"

have=0
[ -f "$db" ] && have=$(sqlite3 "$db" 'select count(*) from articles' 2>/dev/null || echo 0)
if [ "$have" != "$n" ]; then
    rm -rf "$work/articles-$n" "$db" "$db-wal" "$db-shm"
    echo "generating $n articles in $work/articles-$n" >&2
    python3 "$here/gen_articles.py" "$n" "$work/articles-$n"
    echo "ingesting them into $db" >&2
    start=$(date +%s)
    "$build/dossier" --db "$db" ingest "$work/articles-$n" >&2
    echo "ingest took $(( $(date +%s) - start )) s" >&2
fi

cc -O2 -std=c11 -o "$work/bench" "$here/bench.c" -I"$root/lib" "$build/libdossier.a" \
    $(pkg-config --cflags --libs sqlite3 yaml-0.1 libutf8proc) -lm
"$work/bench" "$db" "$runs"

# The same questions through the CLI, process start and database open included.
echo
echo "CLI wall time (process start, open, query, output), $runs runs each:"
python3 - "$build/dossier" "$db" "$runs" <<'PY'
import statistics, subprocess, sys, time
dossier, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
import sqlite3
con = sqlite3.connect(db)
person = con.execute("SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.kind = 'person'"
                     " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()
program = con.execute("SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.kind = 'program'"
                      " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()
person = person[0] if person else "nobody"
program = program[0] if program else "nothing"
mid = con.execute("SELECT count(*) / 2 FROM articles").fetchone()[0] or 1
cases = [["who-said", program], ["who-said", program, "--format", "json"], ["show", person],
         ["entities"], ["articles"], ["article", str(mid)], ["timeline"], ["timeline", "--about", program],
         ["search", "launch schedule"], ["stats"], ["query", "speakers"]]
print(f"{'command':44} {'median':>8} {'p95':>8}")
for c in cases:
    t = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([dossier, "--db", db] + c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t.append((time.perf_counter() - t0) * 1e3)
    t.sort()
    print(f"{' '.join(c)[:44]:44} {statistics.median(t):8.2f} {t[int(0.95 * (len(t) - 1) + 0.5)]:8.2f}")
PY
