#!/bin/sh
# ingest.sh — the ingest benchmark: generates N synthetic articles
# (bench/gen_articles.py) and ingests them into a fresh database with
# `dossier ingest`, then prints the wall and CPU time, articles and
# megabytes per second, the peak memory (max RSS) of the ingest process and
# the database size.  Prints figures; asserts nothing.
#
# Usage: bench/ingest.sh [N] [WORKDIR]      (defaults: 2000, /tmp/dossier-ingest)
# Environment: BUILD  the CMake build directory holding dossier (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-2000}
work=${2:-/tmp/dossier-ingest}
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
mkdir -p "$work"
[ -d "$work/articles-$n" ] || python3 "$here/gen_articles.py" "$n" "$work/articles-$n"
db=$work/ingest-$n.db
rm -f "$db" "$db-wal" "$db-shm"
python3 - "$build/dossier" "$db" "$work/articles-$n" <<'PY'
import os, resource, subprocess, sys, time
dossier, db, src = sys.argv[1:4]
size = sum(os.path.getsize(os.path.join(src, f)) for f in os.listdir(src))
count = len(os.listdir(src))
t0 = time.perf_counter()
r = subprocess.run([dossier, "--db", db, "ingest", "--quiet", src], capture_output=True, text=True)
wall = time.perf_counter() - t0
use = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = use.ru_utime + use.ru_stime
print(r.stdout.strip())
print(f"articles          {count}  ({size / 1e6:.1f} MB of text)")
print(f"wall time         {wall:.2f} s   ({count / wall:.0f} articles/s, {size / 1e6 / wall:.2f} MB/s)")
print(f"CPU time          {cpu:.2f} s   ({1e3 * cpu / count:.2f} ms per article)")
print(f"peak memory       {use.ru_maxrss / 1024:.1f} MiB (max RSS of the ingest process)")
print(f"database size     {os.path.getsize(db) / 1e6:.1f} MB")
PY
