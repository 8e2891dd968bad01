#!/bin/sh
# check_layers.sh LIBDIR — fails when an #include in lib/ points up the
# pipeline, or when files include each other in a circle.
#
# The order (lib/README.md): dossier.h, base, read, extract (entities,
# roles, dates, statements, topics, events, pipeline, in that order),
# store, query.  A file may include headers of its own folder and of
# folders earlier in the list, never later ones; cmd/ sees only dossier.h.
# Includes are written relative to lib/ ("base/doc.h"), so the folder of
# an included header is read from the include line itself.
set -eu
lib=${1:?usage: check_layers.sh LIBDIR [--selftest]}

# --selftest: a copy of lib/ with one backwards include and one circle
# must fail, so that the check itself cannot silently pass.
if [ "${2:-}" = --selftest ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp -R "$lib" "$tmp/lib" && mkdir "$tmp/cmd"
    echo '#include "query/query.h"' >>"$tmp/lib/base/util.c"
    if sh "$0" "$tmp/lib" >/dev/null; then echo "selftest: a backwards include passed"; exit 1; fi
    cp -R "$lib/." "$tmp/lib/"
    echo '#include "read/clean.h"' >>"$tmp/lib/read/segment.h"
    echo '#include "read/segment.h"' >>"$tmp/lib/read/clean.h"
    if sh "$0" "$tmp/lib" >/dev/null; then echo "selftest: a circle passed"; exit 1; fi
    echo "check_layers selftest: ok"
    exit 0
fi
cd "$lib"

# The rank of a path relative to lib/: its place in the data flow.
rank() {
    case $1 in
    dossier.h) echo 0 ;;
    base/*) echo 1 ;;
    read/*) echo 2 ;;
    extract/tagger/*) echo 3 ;;
    extract/entities/*) echo 4 ;;
    extract/roles.*) echo 5 ;;
    extract/dates/*) echo 6 ;;
    extract/statements/*) echo 7 ;;
    extract/topics.* | extract/topicindex.*) echo 8 ;;
    extract/events/*) echo 9 ;;
    extract/*) echo 10 ;;
    store/*) echo 11 ;;
    query/*) echo 12 ;;
    *) echo 99 ;;
    esac
}

status=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for f in $(find . -name '*.[ch]' | sed 's|^\./||' | sort); do
    from=$(rank "$f")
    if [ "$from" -eq 99 ]; then
        echo "check_layers: $f: in no known folder (add it to tests/check_layers.sh and lib/README.md)"
        status=1
        continue
    fi
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
        if [ ! -f "$inc" ]; then
            echo "check_layers: $f: includes \"$inc\", which is not a path under lib/"
            status=1
            continue
        fi
        to=$(rank "$inc")
        if [ "$to" -gt "$from" ]; then
            echo "check_layers: $f: includes $inc, a later stage"
            status=1
        fi
        # A header's .c is the same module: a .c includes its own header freely.
        echo "${f%.*} ${inc%.*}" >>"$edges"
    done
done

# A circle between modules (a .c and its .h are one module).
cycle=$(awk '$1 != $2' "$edges" | sort -u | tsort 2>&1 >/dev/null || true)
if [ -n "$cycle" ]; then
    echo "check_layers: modules include each other in a circle:"
    echo "$cycle" | sed 's/^/    /'
    status=1
fi

# cmd/ sees only the public header.
for f in $(ls ../cmd/*.c ../cmd/*.h 2>/dev/null); do
    if sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
        grep -v -e '^dossier\.h$' -e '^cli\.h$' >/dev/null; then
        echo "check_layers: $f: cmd/ includes a private header of lib/"
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "check_layers: ok"
exit "$status"
