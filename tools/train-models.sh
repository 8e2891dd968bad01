#!/bin/sh
# tools/train-models.sh — rebuilds every tagger model, schema/models/<lang>.model,
# from the open corpora and the committed word lists, deterministically.
#
#   tools/train-models.sh [BUILD_DIR]
#
# DOSSIER_LANGS (default "en de fr ru") chooses the languages to rebuild.
# BUILD_DIR (default build/) must hold a built dossier-tagger-train; the
# corpora are read from $DOSSIER_TRAIN (default ../shared/train beside the
# repository, see its README).  Each language is trained twice: once with
# every tenth document held out, to print the model's figures on data it
# did not see, then on everything, for the model that ships.  Needs
# Python 3 with PyYAML (as the evaluation does).  The same inputs give the
# same model files, byte for byte.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
train=${DOSSIER_TRAIN:-$root/../shared/train}
trainer=$build/dossier-tagger-train
work=$build/tagger-data
lists=$root/schema/models/lists
[ -x "$trainer" ] || { echo "train-models.sh: build $trainer first" >&2; exit 1; }
[ -d "$train" ] || { echo "train-models.sh: no corpora at $train (set DOSSIER_TRAIN)" >&2; exit 1; }

rm -rf "$work"
python3 "$root/tools/tagger/prepare.py" "$train" "$work" >/dev/null

# The corpora of each language, FILE[:copies an epoch].
corpora() {
    case $1 in
    en) echo "$work/en/btc.conll $work/en/wikigold.conll:3 $work/en/gum.conll" ;;
    de) echo "$work/de/germeval.conll:2 $work/de/europeana.conll" ;;
    fr) echo "$work/fr/europeana.conll" ;;
    ru) echo "$work/ru/factrueval.conll" ;;
    esac
}

for lang in ${DOSSIER_LANGS:-en de fr ru}; do
    python3 "$root/tools/tagger/lists.py" schema "$root/schema" "$lang" "$work/lists/$lang" >/dev/null
    l=$work/lists/$lang
    set -- --list "first=$lists/first-names.txt" --list "city=$lists/cities.txt" \
        --list "region=$lists/regions.txt"
    if [ -f "$lists/dict-$lang.txt" ]; then
        set -- "$@" --list "dict=$lists/dict-$lang.txt"
    else
        # shellcheck disable=SC2046
        python3 "$root/tools/tagger/lists.py" words "$l/dict.txt" $(corpora "$lang" | sed 's/:[0-9]*//g') >/dev/null
        set -- "$@" --list "dict=$l/dict.txt"
    fi
    for c in first person org place orgword title demonym calendar; do
        set -- "$@" --list "$c=$l/$c.txt"
    done
    # shellcheck disable=SC2046 # the corpora are words
    "$trainer" --lang "$lang" --prune 1 --heldout 10 --out "$work/$lang-heldout.model" "$@" $(corpora "$lang") |
        sed -n "s/^held-out/$lang held-out/p"
    # shellcheck disable=SC2046
    "$trainer" --lang "$lang" --prune 1 --out "$root/schema/models/$lang.model" "$@" $(corpora "$lang")
done
