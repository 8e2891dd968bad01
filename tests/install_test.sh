#!/bin/sh
# install_test.sh BUILDDIR — installs the build into a temporary prefix and
# checks what a user of the installed package gets: a program of ten lines
# compiled with `pkg-config --cflags --libs dossier` links against the shared
# library and runs; the static library links with --static; the manual page
# and the bash completion are in place.
set -eu
build=${1:?usage: install_test.sh BUILDDIR}
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install_test: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install failed"
libdir=$(dirname "$(find "$prefix" -name dossier.pc | head -n 1)")/..
[ -f "$libdir/pkgconfig/dossier.pc" ] || fail "no dossier.pc installed"
ls "$libdir"/libdossier.so.* >/dev/null 2>&1 || fail "no versioned shared library"
soname=$(objdump -p "$libdir/libdossier.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
[ -z "$soname" ] || [ "$soname" = libdossier.so.0 ] || fail "soname is '$soname'"
[ -f "$prefix/share/man/man1/dossier.1" ] || fail "no manual page installed"
grep -q '^\.SS who-said' "$prefix/share/man/man1/dossier.1" || fail "the manual page lacks who-said"
comp=$prefix/share/bash-completion/completions/dossier
[ -f "$comp" ] || fail "no bash completion installed"
if command -v bash >/dev/null; then bash -n "$comp" || fail "the bash completion does not parse"; fi

cat >"$prefix/prog.c" <<'C'
#include <stdio.h>
#include <dossier.h>
int main(void)
{
    dossier_db *db = NULL;
    int rc = dossier_open(&db, ":memory:", NULL);
    printf("%s\n", rc == DOSSIER_OK ? "open ok" : dossier_errmsg(db));
    dossier_close(db);
    return rc != DOSSIER_OK;
}
C
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cc -o "$prefix/prog" "$prefix/prog.c" $(pkg-config --cflags --libs dossier) || fail "pkg-config linking failed"
out=$(LD_LIBRARY_PATH="$libdir" "$prefix/prog") || fail "the program failed: $out"
[ "$out" = "open ok" ] || fail "the program printed '$out'"
static_libs=$(pkg-config --static --libs dossier | sed 's/-ldossier//')
cc -o "$prefix/prog-static" "$prefix/prog.c" $(pkg-config --cflags dossier) "$libdir/libdossier.a" $static_libs ||
    fail "static linking with pkg-config --static failed"
out=$("$prefix/prog-static") || fail "the static program failed: $out"
echo "install_test: ok (shared, static, man page, completion)"
