#!/bin/sh
# run.sh — the query benchmark: the median and 95th-percentile latency of
# every canned query (bench/bench.c, in process) and of the CLI commands
# (process start included), on the database of N synthetic articles that
# bench/scale.sh builds (WORKDIR/scale-N.db; run.sh runs scale.sh first when
# it is missing).  Prints figures; asserts nothing.
#
# Usage: bench/run.sh [N] [WORKDIR]        (defaults: 10000, /tmp/dossier-scale)
# Environment: BUILD  the CMake build directory holding dossier and bench/queries
#                     (default: build; a release build gives the real figures)
#              RUNS   runs per query (default 31)
#              CLI_ONLY  1: only the CLI commands, not every canned query in process
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-10000}
work=${2:-/tmp/dossier-scale}
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
runs=${RUNS:-31}
db=$work/scale-$n.db

have=0
[ -f "$db" ] && have=$(sqlite3 "$db" 'select count(*) from articles' 2>/dev/null || echo 0)
if [ "$have" != "$n" ]; then
    echo "building $db with bench/scale.sh $n" >&2
    BUILD=$build sh "$here/scale.sh" "$n" "$work" >&2
fi

[ "${CLI_ONLY:-0}" = 1 ] || "$build/bench/queries" "$db" "$runs"

# The same questions through the CLI, process start and database open included.
echo
echo "CLI wall time (process start, open, query, output), $runs runs each:"
python3 - "$build/dossier" "$db" "$runs" <<'PY'
import os, resource, sqlite3, statistics, subprocess, sys, time
dossier, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
top = con.execute("SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id"
                  " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()
person = con.execute("SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.kind = 'person'"
                     " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()
program = con.execute("SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.kind = 'program'"
                      " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()
top = top[0] if top else "nothing"
person = person[0] if person else "nobody"
program = program[0] if program else "nothing"
mid = con.execute("SELECT count(*) / 2 FROM articles").fetchone()[0] or 1
cases = [["who-said", top], ["who-said", program], ["who-said", program, "--format", "json"], ["show", person], ["show", top],
         ["entities"], ["articles"], ["article", str(mid)], ["timeline"], ["timeline", "--about", program],
         ["search", "launch schedule"], ["stats"], ["query", "speakers"]]
print(f"{'command':44} {'median':>8} {'p95':>8} {'CPU':>8}   (ms; CPU: median, less disturbed by a busy machine)")
for c in cases:
    t, cpu = [], []
    # a command that fails (an old schema, a bad argument) has no latency worth printing
    first = subprocess.run([dossier, "--db", db] + c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if first.returncode != 0:
        print(f"{' '.join(c)[:44]:44} FAILED (exit {first.returncode}): {first.stderr.strip()[:160]}")
        continue
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([dossier, "--db", db] + c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t.append((time.perf_counter() - t0) * 1e3)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(1e3 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    t.sort()
    print(f"{' '.join(c)[:44]:44} {statistics.median(t):8.2f} {t[int(0.95 * (len(t) - 1) + 0.5)]:8.2f}"
          f" {statistics.median(cpu):8.2f}")
PY
