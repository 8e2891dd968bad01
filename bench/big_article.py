#!/usr/bin/env python3
"""big_article.py -- writes one long synthetic article of about SIZE bytes.

Usage: big_article.py SIZE OUT [--seed S]

SIZE is a byte count with an optional K or M suffix (KiB, MiB).  The text is
the bodies of gen_articles.py's articles one after another under a single
front matter: ordinary news prose, many people, programmes and statements,
as a long report or a pasted digest would be.  The same seed gives the same
file.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_articles  # noqa: E402


def parse_size(s):
    mult = {"K": 1024, "M": 1024 * 1024}.get(s[-1:].upper(), 1)
    return int(s[:-1] if mult > 1 else s) * mult


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    size, out = parse_size(argv[1]), argv[2]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    people = [(f"{rng.choice(gen_articles.FIRST)} {rng.choice(gen_articles.LAST)}",
               rng.choice(gen_articles.TITLES), rng.choice(gen_articles.AGENCIES)) for _ in range(400)]
    head = "---\ntitle: A long digest\noutlet: Orbit Daily\npublished: 2022-05-04\nlanguage: en\n---\n"
    parts, n, k = [head], len(head.encode()), 0
    while n < size:
        body = gen_articles.Article(rng, people, k).text().split("---\n", 2)[2]
        if n + len(body.encode()) > size:
            break
        parts.append(body + "\n")
        n += len(body.encode()) + 1
        k += 1
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
