#!/bin/sh
# ingest.sh — the ingest benchmark: dossier against the floor (bench/floor.c:
# the same articles stored with the same pragmas, hash check and FTS5 index,
# nothing extracted) on the same articles, side by side in one run, with
# --jobs 1 and --jobs 2.  Two sets: N synthetic articles (bench/gen_articles.py)
# and real news (the PolNeAR dev texts, each copied COPIES times with its own
# front matter, when $DOSSIER_DATA holds them: shared/eval/public/get-data.sh).
# For each run it prints wall and CPU time, articles and MB per second, peak
# memory (max RSS) and the ratios to the floor; then the speed-up of --jobs 2.
# Prints figures; asserts nothing.
#
# Usage: bench/ingest.sh [N] [WORKDIR]      (defaults: 2000, /tmp/dossier-ingest)
# Environment: BUILD        the CMake build directory (default: build; use a Release build)
#              REPEAT       runs of each command, of which the median times are printed (default 1)
#              COPIES       copies of each real article (default 20: 1,680 articles)
#              DOSSIER_DATA where get-data.sh put the public sets (default /tmp/dossier-data)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-2000}
work=${2:-/tmp/dossier-ingest}
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
copies=${COPIES:-20}
data=${DOSSIER_DATA:-/tmp/dossier-data}
mkdir -p "$work"
[ -d "$work/articles-$n" ] || python3 "$here/gen_articles.py" "$n" "$work/articles-$n"
sets="synthetic:$work/articles-$n"
polnear=$data/polnear/data/dev/text
if [ -d "$polnear" ]; then
    real=$work/real-x$copies
    if [ ! -d "$real" ]; then
        # Each copy gets its own front matter (outlet and date from the file
        # name, the date a week later per copy, a url), so its bytes differ.
        python3 - "$polnear" "$real" "$copies" <<'PY'
import datetime, os, sys
src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
for k in range(copies):
    for name in sorted(f for f in os.listdir(src) if f.endswith(".txt")):
        outlet, date = name.split("_")[:2]
        day = datetime.date.fromisoformat(date) + datetime.timedelta(days=7 * k)
        fm = f"---\noutlet: {outlet}\npublished: {day}\nurl: https://example.org/{k}/{name}\n---\n"
        with open(os.path.join(src, name), "rb") as f, open(os.path.join(out, f"{k:02d}-{name}"), "wb") as g:
            g.write(fm.encode() + f.read())
PY
    fi
    sets="$sets real:$real"
else
    echo "(no real news: $polnear is missing; run shared/eval/public/get-data.sh)" >&2
fi

python3 - "$build" "$work" $sets <<'PY'
import json, os, subprocess, sys
build, work, sets = sys.argv[1], sys.argv[2], sys.argv[3:]

# Each run goes through its own small python, so that the max RSS of the
# children is that run's alone: wall s, CPU s, max RSS MiB, last output line.
# The CPU time is the difference of two readings: what the small python's
# start-up ran is not the run's.
TIMER = ("import json, resource, subprocess, sys, time\n"
         "b = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
         "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "print(json.dumps([w, u.ru_utime + u.ru_stime - b.ru_utime - b.ru_stime, u.ru_maxrss / 1024,"
         " (p.stdout.strip().splitlines() or [p.stderr.strip()])[-1]]))")

def timed(cmd, db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    r = subprocess.run([sys.executable, "-c", TIMER] + [db if c == "DB" else c for c in cmd],
                       capture_output=True, text=True)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return json.loads(r.stdout)

repeat = max(1, int(os.environ.get("REPEAT", "1")))
for entry in sets:
    name, src = entry.split(":", 1)
    files = [f for f in os.listdir(src) if f.endswith((".txt", ".md"))]
    count, size = len(files), sum(os.path.getsize(os.path.join(src, f)) for f in files) / 1e6
    of = f"; medians of {repeat} runs" if repeat > 1 else ""
    print(f"\n{name}: {count} articles, {size:.1f} MB of text ({src}){of}")
    runs = [("floor, 1 article/transaction", [f"{build}/bench/floor", "DB", src]),
            ("floor, 100 articles/transaction", [f"{build}/bench/floor", "--batch", "100", "DB", src]),
            ("dossier --jobs 1", [f"{build}/dossier", "--db", "DB", "ingest", "--quiet", "--jobs", "1", src]),
            ("dossier --jobs 2", [f"{build}/dossier", "--db", "DB", "ingest", "--quiet", "--jobs", "2", src])]
    print(f"{'':32} {'wall s':>7} {'CPU s':>7} {'art/s':>6} {'MB/s':>6} {'CPU ms/art':>10}"
          f" {'x floor wall':>12} {'x floor CPU':>11} {'max RSS':>8}")
    res = {}
    for label, cmd in runs:
        # each run REPEAT times: the median wall and CPU times, the largest RSS
        tries = [timed(cmd, os.path.join(work, f"bench-{name}.db")) for _ in range(repeat)]
        wall, cpu = (sorted(t[k] for t in tries)[len(tries) // 2] for k in (0, 1))
        rss, last = max(t[2] for t in tries), tries[-1][3]
        res[label] = (wall, cpu)
        fw, fc = res["floor, 1 article/transaction"]
        print(f"{label:32} {wall:7.2f} {cpu:7.2f} {count / wall:6.0f} {size / wall:6.2f} {1e3 * cpu / count:10.2f}"
              f" {wall / fw:12.1f} {cpu / fc:11.1f} {rss:5.0f} MiB   ({last})")
    w1, w2 = res["dossier --jobs 1"][0], res["dossier --jobs 2"][0]
    print(f"--jobs 2 against --jobs 1: {w1 / w2:.2f}x the speed (wall)")
PY
