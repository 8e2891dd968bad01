#!/bin/sh
# scale.sh — does ingest stay flat as the database grows?  Generates N
# synthetic articles (bench/gen_articles.py), splits them into STEPS equal
# steps and ingests the steps one after another into one database, printing
# for each step the articles stored so far, articles per second (wall), CPU
# ms per article (and its user and system parts), the peak memory (max RSS)
# of that step's ingest and the database size; then the ratio of the last
# step's CPU per article to the first's.  The database is kept for bench/run.sh (WORKDIR/scale-N.db).
# Prints figures; asserts nothing.
#
# Usage: bench/scale.sh [N] [WORKDIR]      (defaults: 10000, /tmp/dossier-scale)
# Environment: BUILD  the CMake build directory (default: build; use a Release build)
#              JOBS   --jobs of each ingest (default 2)
#              STEPS  number of steps (default 10)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-10000}
work=${2:-/tmp/dossier-scale}
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=${JOBS:-2}
steps=${STEPS:-10}
src=$work/articles-$n
mkdir -p "$work"
if [ ! -d "$src/step-01" ]; then
    rm -rf "$src"
    python3 "$here/gen_articles.py" "$n" "$src"
    # one folder per step, in name order
    python3 - "$src" "$steps" <<'PY'
import os, sys
src, steps = sys.argv[1], int(sys.argv[2])
files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
for k in range(steps):
    d = os.path.join(src, f"step-{k + 1:02d}")
    os.makedirs(d, exist_ok=True)
    for f in files[k * len(files) // steps:(k + 1) * len(files) // steps]:
        os.rename(os.path.join(src, f), os.path.join(d, f))
PY
fi
db=$work/scale-$n.db
rm -f "$db" "$db-wal" "$db-shm"

python3 - "$build/dossier" "$db" "$src" "$steps" "$jobs" <<'PY'
import json, os, subprocess, sys
dossier, db, src, steps, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
# Each step runs through its own small python, so that the max RSS is that step's alone.
# The CPU time is the difference of two readings: what the small python's
# start-up ran is not the step's.
TIMER = ("import json, resource, subprocess, sys, time\n"
         "b = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
         "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "print(json.dumps([w, u.ru_utime - b.ru_utime, u.ru_stime - b.ru_stime, u.ru_maxrss / 1024,"
         " (p.stdout.strip().splitlines() or [p.stderr.strip()])[-1]]))")
# CPU is user + system time; the system part (page reads and writes outside SQLite's cache) is
# shown apart, as it grows with the database where the user part mostly does not.
print(f"{'step':>4} {'stored':>8} {'art/s':>7} {'CPU ms/art':>10} {'(user':>6} {'sys)':>5} {'max RSS':>9} {'db MB':>8}"
      f"   (--jobs {jobs})")
stored, first, last = 0, None, None
for k in range(1, steps + 1):
    d = os.path.join(src, f"step-{k:02d}")
    count = len(os.listdir(d))
    r = subprocess.run([sys.executable, "-c", TIMER, dossier, "--db", db, "ingest", "--quiet", "--jobs", jobs, d],
                       capture_output=True, text=True)
    wall, user, system, rss, line = json.loads(r.stdout)
    stored += count
    size = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s)) / 1e6
    ms = 1e3 * (user + system) / count
    first = first if first is not None else ms
    last = ms
    print(f"{k:4d} {stored:8d} {count / wall:7.0f} {ms:10.2f} {1e3 * user / count:6.2f} {1e3 * system / count:5.2f}"
          f" {rss:6.0f} MiB {size:8.1f}   {line}", flush=True)
print(f"CPU per article, last step against the first: {last / first:.2f}x")
PY
