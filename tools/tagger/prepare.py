#!/usr/bin/env python3
"""Converts the open NER corpora of shared/train into one training format.

  prepare.py TRAIN_DIR OUT_DIR

TRAIN_DIR is shared/train (see its README); OUT_DIR receives one file per
corpus, OUT_DIR/<lang>/<corpus>.conll: a token and its tag on each line,
separated by a tab, a blank line between sentences, a line "-DOCSTART-"
between documents.  Tags are BIO over three kinds, the only ones the
tagger learns: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.  Everything
else (MISC, OTH, derived and partial names, products, facilities) is O.

The output depends only on the input files: the same corpora give the same
bytes, so the models trained from them are reproducible.
"""
import os
import re
import sys

KINDS = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "CORPORATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
}
TAG = re.compile(r"^([BIE])[-_]([A-Za-z]+)$")


def kind_of(label):
    """The tagger kind of a corpus label, or None."""
    return KINDS.get(label.upper())


def to_bio(tags):
    """Tags given as (prefix, kind) or None per token, IOB1 or BIO, as BIO strings."""
    out = []
    prev = None
    for t in tags:
        if t is None:
            out.append("O")
            prev = None
            continue
        prefix, kind = t
        if prefix == "B" or prev != kind:
            out.append("B-" + kind)
        else:
            out.append("I-" + kind)
        prev = kind
    return out


def parse_tag(label):
    """A corpus tag such as B-PER, I-ORG, I_LOC as (prefix, kind), or None for O and others."""
    m = TAG.match(label)
    if not m:
        return None
    kind = kind_of(m.group(2))
    if not kind:
        return None
    return (m.group(1).upper().replace("E", "I"), kind)


def split_long(sent, limit=80):
    """Splits a token list without sentence breaks at full stops, then every `limit` tokens."""
    out, cur = [], []
    for tok in sent:
        cur.append(tok)
        if (tok[0] in (".", "!", "?") and len(cur) >= 4) or len(cur) >= limit:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def write(path, docs):
    """Writes documents (lists of sentences of (token, tag)) in the training format."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            sents = [s for s in doc if s]
            if not sents:
                continue
            f.write("-DOCSTART-\n\n")
            for s in sents:
                for tok, tag in s:
                    f.write(f"{tok}\t{tag}\n")
                f.write("\n")


def read_columns(path, sep=None, doc_marker=None, comment=None, iob1=False):
    """Reads a token-per-line file: the token first, the tag last."""
    docs, doc, sent = [], [], []

    def end_sentence():
        nonlocal sent
        if sent:
            toks = [t for t, _ in sent]
            bio = to_bio([t for _, t in sent]) if iob1 else to_bio_b([t for _, t in sent])
            doc.append(list(zip(toks, bio)))
        sent = []

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if doc_marker and doc_marker(line):
                end_sentence()
                if doc:
                    docs.append(doc)
                doc = []
                continue
            if comment and line.startswith(comment):
                continue
            if not line.strip():
                end_sentence()
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) < 2:
                continue
            tok = cols[0]
            if not tok or " " in tok:
                continue
            sent.append((tok, parse_tag(cols[-1])))
    end_sentence()
    if doc:
        docs.append(doc)
    return docs


def to_bio_b(tags):
    """BIO input: keep B where written, repair an I that follows nothing of its kind."""
    return to_bio(tags)


def english(train, out):
    """BTC (tweets; each file a set of documents of one sentence) and wikigold."""
    btc = []
    for name in sorted(os.listdir(os.path.join(train, "en/btc"))):
        if name.endswith(".conll"):
            for doc in read_columns(os.path.join(train, "en/btc", name), sep="\t"):
                btc.extend([[s] for s in doc])
    write(os.path.join(out, "en/btc.conll"), btc)
    wiki = read_columns(os.path.join(train, "en/wikigold/wikigold.conll"), sep=" ",
                        doc_marker=lambda l: l.startswith("-DOCSTART-"), iob1=True)
    write(os.path.join(out, "en/wikigold.conll"), wiki)


GUM_KINDS = {"person": "PER", "organization": "ORG", "place": "LOC"}
GUM_LINKS = {"of", "and", "&", "for", "the", "de", "du", "la", "von", "van", "al", "bin"}


_TITLES = []


def gum_titles():
    """The English titles and occupations of dossier's lexicon (schema/lang/en.yaml), folded."""
    if not _TITLES:
        import yaml
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schema", "lang", "en.yaml")
        with open(path, encoding="utf-8") as f:
            ent = (yaml.safe_load(f) or {}).get("entity") or {}
        words = {"mr", "mrs", "ms", "dr", "sir", "lady", "lord"}
        for key in ("titles", "state_titles", "occupations", "company_titles", "person_prefixes"):
            for x in ent.get(key) or []:
                if isinstance(x, str):
                    words.update(x.lower().rstrip(".").split())
        _TITLES.append(words)
    return _TITLES[0]


def gum_sentence(rows, stack):
    """One sentence of GUM rows (form, upos, xpos, deprel, misc) as (token, tag) pairs.

    The innermost person, organization or place entity around a token gives
    its kind (other types are no name: "the American Revolution" inside an
    organisation is the organisation's); a token is part of a name when it
    is a proper noun, or a small word between two proper nouns of the same
    entity ("Bank of England").  Titles inside a person's mention
    ("President") and plural groups ("Muslims") are not.
    `stack` carries entities open across sentences."""
    inner = []
    for form, upos, xpos, deprel, misc in rows:
        ent = ""
        for part in misc.split("|"):
            if part.startswith("Entity="):
                ent = part[len("Entity="):]
        here, closing = None, []
        k = 0
        while k < len(ent):
            if ent[k] == "(":
                j = k + 1
                while j < len(ent) and ent[j] not in "()":
                    j += 1
                eid, _, rest = ent[k + 1:j].partition("-")
                item = (eid, rest.split("-")[0])
                if j < len(ent) and ent[j] == ")":
                    here = item          # a one-token entity: the innermost here
                    j += 1
                else:
                    stack.append(item)
                k = j
            elif ent[k].isdigit():
                j = k
                while j < len(ent) and ent[j].isdigit():
                    j += 1
                closing.append(ent[k:j])
                k = j + 1
            else:
                k += 1
        around = stack + ([here] if here else [])
        named = [e for e in around if e[1] in GUM_KINDS]
        inner.append(named[-1] if named else None)
        for eid in closing:
            for q in range(len(stack) - 1, -1, -1):
                if stack[q][0] == eid:
                    del stack[q]
                    break
    name = []
    for k, (form, upos, xpos, deprel, misc) in enumerate(rows):
        e = inner[k]
        kind = GUM_KINDS.get(e[1]) if e else None
        ok = kind is not None and (upos == "PROPN" or xpos.startswith("NNP"))
        if ok and kind == "PER" and (xpos == "NNPS" or form.lower().rstrip(".") in gum_titles()):
            ok = False
        name.append(kind if ok else None)
    for k in range(1, len(rows)):
        j = k
        while j < len(rows) and j - k < 2 and name[j] is None and rows[j][0].lower() in GUM_LINKS:
            j += 1
        if j > k and j < len(rows) and name[k - 1] and name[j] and inner[k - 1] == inner[j] and \
                all(inner[q] == inner[j] for q in range(k, j)):
            for q in range(k, j):
                name[q] = name[k - 1]
    tags = []
    for k in range(len(rows)):
        if name[k] is None:
            tags.append(None)
        else:
            same = k > 0 and name[k - 1] == name[k] and inner[k - 1] == inner[k]
            tags.append(("I" if same else "B", name[k]))
    return list(zip([r[0] for r in rows], to_bio(tags)))


def gum(path):
    """A GUM document (CoNLL-U with Entity= annotations in MISC) as sentences of (token, tag)."""
    sents, rows, stack = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    sents.append(gum_sentence(rows, stack))
                rows = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue
            rows.append((cols[1], cols[3], cols[4], cols[7], cols[9]))
    if rows:
        sents.append(gum_sentence(rows, stack))
    return sents


def english_gum(train, out):
    """GUM's openly licensed genres (en/gum: Wikinews news and interviews, court, academic)."""
    base = os.path.join(train, "en/gum")
    if not os.path.isdir(base):
        return
    docs = [gum(os.path.join(base, n)) for n in sorted(os.listdir(base)) if n.endswith(".conllu")]
    write(os.path.join(out, "en/gum.conll"), docs)


def europeana(path):
    """Europeana newspapers: '# file:' lines open a document; no sentence breaks (I- only in French)."""
    docs = read_columns(path, sep=" ", doc_marker=lambda l: l.startswith("# file:"),
                        comment="#", iob1=True)
    out = []
    for doc in docs:
        sents = [piece for s in doc for piece in split_long(s)]
        # Issues run to hundreds of sentences (the French file is one): cut them into
        # article-sized documents, so document features see what they see in an article.
        out.extend(sents[k:k + 40] for k in range(0, len(sents), 40))
    return out


def german(train, out):
    """GermEval 2014 development set (outer tags; OTH, -deriv, -part are O) and Europeana."""
    docs, sent = [], []
    with open(os.path.join(train, "de/germeval2014/dev.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if sent:
                    toks = [t for t, _ in sent]
                    docs.append([list(zip(toks, to_bio([t for _, t in sent])))])
                sent = []
                continue
            cols = line.split("\t")
            if len(cols) >= 3:
                sent.append((cols[1], parse_tag(cols[2])))
    write(os.path.join(out, "de/germeval.conll"), docs)
    eur = []
    for name in sorted(os.listdir(os.path.join(train, "de/europeana"))):
        if name.endswith(".bio"):
            eur.extend(europeana(os.path.join(train, "de/europeana", name)))
    write(os.path.join(out, "de/europeana.conll"), eur)


def french(train, out):
    """Europeana French newspapers."""
    write(os.path.join(out, "fr/europeana.conll"),
          europeana(os.path.join(train, "fr/europeana/enp_FR.bnf.bio")))


RU_KINDS = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


def russian(train, out):
    """factRuEval-2016 development set: standoff tokens, spans and objects made BIO."""
    base = os.path.join(train, "ru/factrueval/devset")
    docs = []
    names = sorted({n[:-len(".tokens")] for n in os.listdir(base) if n.endswith(".tokens")})
    for name in names:
        sents, cur, index = [], [], {}
        with open(os.path.join(base, name + ".tokens"), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split(" ", 3)
                if len(cols) < 4:
                    if cur:
                        sents.append(cur)
                    cur = []
                    continue
                index[cols[0]] = (len(sents), len(cur))
                cur.append([cols[3], None])
        if cur:
            sents.append(cur)
        spans = {}
        with open(os.path.join(base, name + ".spans"), encoding="utf-8") as f:
            for line in f:
                cols = line.split("#")[0].split()
                if len(cols) >= 6:
                    spans[cols[0]] = (cols[4], int(cols[5]))
        with open(os.path.join(base, name + ".objects"), encoding="utf-8") as f:
            for line in f:
                cols = line.split("#")[0].split()
                if len(cols) < 3 or cols[1] not in RU_KINDS:
                    continue
                kind = RU_KINDS[cols[1]]
                where = []
                for sid in cols[2:]:
                    if sid not in spans or spans[sid][0] not in index:
                        continue
                    s, t = index[spans[sid][0]]
                    where.extend((s, t + k) for k in range(spans[sid][1]))
                if not where or len({s for s, _ in where}) != 1:
                    continue
                s = where[0][0]
                lo, hi = min(t for _, t in where), max(t for _, t in where)
                if any(sents[s][t][1] for t in range(lo, hi + 1)):
                    continue
                for t in range(lo, hi + 1):
                    sents[s][t][1] = ("B" if t == lo else "I", kind)
        docs.append([list(zip([t for t, _ in s], to_bio([k for _, k in s]))) for s in sents])
    write(os.path.join(out, "ru/factrueval.conll"), docs)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: prepare.py TRAIN_DIR OUT_DIR\n")
        return 2
    train, out = sys.argv[1], sys.argv[2]
    english(train, out)
    english_gum(train, out)
    german(train, out)
    french(train, out)
    russian(train, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
