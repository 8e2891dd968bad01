#!/bin/sh
# article_size.sh — ingest time against article size: writes one long
# article of ordinary text (bench/big_article.py) for each size, ingests it
# alone into a fresh database with `dossier ingest`, and prints the CPU
# time, the CPU time per MB and the peak memory.  The analysis of an
# article should cost about the same per MB at every size.  Prints
# figures; asserts nothing.
#
# Usage: bench/article_size.sh [SIZE...] (default: 64K 256K 1M 4M; 4M is
#        written as 4 MiB less 1 KiB so that it stays under the default limit)
# Environment: BUILD  the CMake build directory holding dossier (default: build)
#              WORK   where articles and databases go (default: /tmp/dossier-size)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
work=${WORK:-/tmp/dossier-size}
mkdir -p "$work"
[ $# -gt 0 ] || set -- 64K 256K 1M 4M
printf '%-8s %10s %10s %10s %10s\n' size bytes "cpu s" "s per MB" "max MiB"
for size in "$@"; do
    gen=$size
    [ "$size" = 4M ] && gen=4095K
    art=$work/article-$size.txt
    [ -f "$art" ] || python3 "$here/big_article.py" "$gen" "$art"
    db=$work/size-$size.db
    rm -f "$db" "$db-wal" "$db-shm"
    python3 - "$build/dossier" "$db" "$art" "$size" <<'PY'
import os, resource, subprocess, sys
dossier, db, art, size = sys.argv[1:5]
# (the difference of two readings: what this python's start-up ran is not the article's)
before = resource.getrusage(resource.RUSAGE_CHILDREN)
r = subprocess.run([dossier, "--db", db, "ingest", "--quiet", art], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"{size}: ingest failed: {r.stderr.strip()}")
use = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = use.ru_utime + use.ru_stime - before.ru_utime - before.ru_stime
n = os.path.getsize(art)
print(f"{size:<8} {n:>10} {cpu:>10.2f} {cpu / (n / 1e6):>10.2f} {use.ru_maxrss / 1024:>10.1f}")
PY
done
