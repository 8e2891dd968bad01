#!/usr/bin/env python3
"""gen_articles.py -- writes N synthetic news articles for the dossier benchmark.

Usage: gen_articles.py N OUTDIR [--seed S]

Each article is composed from vocabularies of people (first and last names),
agencies, titles, programmes, places, speech verbs, quotations, sentence
templates and dates, in English with some French: varied text, not one article
copied.  Files carry YAML front matter (title, outlet, published, language)
and are written as OUTDIR/NNNNN.txt.  The same seed gives the same articles.
"""
import os
import random
import sys

FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
         "Katya", "Luis", "Mei", "Nikolai", "Olga", "Pavel", "Qiu", "Rosa", "Sergei", "Tomas",
         "Umar", "Vera", "Wei", "Xavier", "Yuki", "Zofia", "Amara", "Bjorn", "Carla", "Dario"]
LAST = ["Abramov", "Bauer", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gorbunov", "Hartmann",
        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
        "Quintero", "Rossi", "Sokolov", "Tanaka", "Ueda", "Valdez", "Weber", "Xu", "Yilmaz",
        "Zhang", "Almeida", "Brennan", "Costa", "Delacroix", "Ferreira", "Grigoriev", "Haddad",
        "Ito", "Kuznetsov", "Larsen", "Mendes", "Nakamura", "Orlov", "Pereira"]
AGENCIES = ["Orbital Research Agency", "Northern Space Directorate", "Helios Launch Corporation",
            "Pacific Aerospace Institute", "Lunar Exploration Office", "Atlas Satellite Company",
            "Meridian Space Authority", "Borealis Rocket Works", "Stellar Navigation Bureau",
            "Continental Space Council", "Aurora Propulsion Group", "Equinox Science Foundation",
            "Vega Telecommunications", "Polaris Defence Ministry", "Cosmos Industrial Union",
            "Zenith Observatory Network"]
TITLES = ["Director General", "spokesperson", "chief designer", "deputy director", "head",
          "chief executive", "press secretary", "chief scientist", "programme manager", "minister"]
PROGRAMS = ["Perseus station", "Orion Relay", "Tethys probe", "Kestrel rocket", "Aquila module",
            "Lyra telescope", "Draco lander", "Cygnus navigation system", "Hydra constellation",
            "Phoenix capsule", "Borealis orbiter", "Andromeda gateway", "Sirius cargo ship",
            "Atlas heavy launcher", "Nova rover", "Vela weather satellite"]
PLACES = ["Norland", "Estavia", "Kirovia", "Solmar", "Trevania", "Ostland", "Valdoria", "Cimmeria",
          "Baikonur", "Kourou", "the Moon", "Mars", "Jupiter", "Vostochny", "Tanegashima", "Sriharikota"]
OUTLETS = ["Orbit Daily", "Space Wire", "The Launch Report", "Cosmic Herald", "Planet Post",
           "Star Ledger", "Le Journal Spatial", "Aerospace Today", "Global Science News", "Night Sky Times"]
VERBS = ["said", "told reporters", "stated", "noted", "added", "explained", "announced", "stressed"]
TOPICS = ["cooperation", "funding", "the launch schedule", "crew safety", "sanctions", "the budget",
          "international partners", "the next mission", "orbital debris", "lunar exploration",
          "satellite navigation", "the new module", "deep space", "commercial launches"]
QUOTES = [
    "We will continue to develop {p} together with our partners in {pl}",
    "The {p} is ready for its next phase and the crew has trained for months",
    "Our cooperation with {a} in the field of {t} is of a strategic nature",
    "Nobody expected {p} to reach this milestone so quickly",
    "We are open to working with foreign astronauts on {p}",
    "The problems with {p} have been solved and the launch will take place as planned",
    "Funding for {p} remains our first priority this year",
    "We look forward to more projects with {pl} on {t}",
    "There is no reason to postpone {p} despite the difficult situation",
    "The agreement with {a} opens a new chapter for {t}",
    "Without new engines {p} cannot fly before the end of the decade",
    "Every country that wants to take part in {p} is welcome",
]
INDIRECT = [
    "{pl} could join the work on {p} within two years",
    "the agency intends to use {p} on an equal footing with other countries",
    "talks with {a} on {t} would resume next month",
    "the schedule of {p} had slipped by several weeks",
    "the cost of {p} would be shared with {pl}",
    "{a} was considering further work on {t}",
]
FILLER = [
    "The {p} was first proposed more than a decade ago and has since changed shape several times.",
    "Engineers in {pl} have spent the past months testing the hardware for {p}.",
    "Observers expect the debate on {t} to continue well into next year.",
    "The launch window for {p} opens in {m}, according to the published schedule.",
    "{a} has invested heavily in {t} since its founding.",
    "Relations between {pl} and {pl2} have shaped the programme from the start.",
    "Critics say the money spent on {p} could have gone to other projects.",
    "The mission control centre in {pl} will follow the flight around the clock.",
    "A previous attempt to launch {p} ended in failure in {y}.",
    "Analysts in {pl2} described the plan as ambitious but feasible.",
]
EVENTS = [
    "{a} signed an agreement with {a2} on {t} in {m} {y}.",
    "{per} visited {pl} in {m} {y} to discuss {t}.",
    "The {p} is scheduled to launch in {m} {y}.",
    "{per} met officials of {a2} in {pl} on {d} {m}.",
    "In an interview with {o} in {m}, {per} spoke about {p}.",
    "Construction of {p} should be completed by {y}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FR_QUOTES = [
    "Nous allons développer la coopération avec {pl} dans le domaine de {t}",
    "Le projet {p} avance comme prévu",
    "La station {p} sera ouverte aux partenaires étrangers",
]


class Article:
    """One generated article: its cast and its text."""

    def __init__(self, rng, people, k):
        self.rng = rng
        self.people = people
        self.k = k

    def pick(self, seq):
        return self.rng.choice(seq)

    def fill(self, template, **extra):
        r = self.rng
        values = dict(p=self.pick(PROGRAMS), a=self.pick(AGENCIES), a2=self.pick(AGENCIES),
                      pl=self.pick(PLACES), pl2=self.pick(PLACES), t=self.pick(TOPICS),
                      m=self.pick(MONTHS), y=str(r.randint(2015, 2035)), d=str(r.randint(1, 28)),
                      o=self.pick(OUTLETS), per=self.person()[0])
        values.update(extra)
        return template.format(**values)

    def person(self):
        return self.pick(self.people)

    def quote_paragraph(self, fr):
        name, title, agency = self.person()
        verb = self.pick(VERBS)
        if fr:
            q = self.fill(self.pick(FR_QUOTES))
            return f"« {q} », a déclaré {name}, {title} de {agency}."
        shape = self.rng.randint(0, 3)
        q = self.fill(self.pick(QUOTES))
        if shape == 0:
            return f"“{q},” {verb} {name}, the {title} of {agency}."
        if shape == 1:
            return f"{name}, {title} of {agency}, {verb}: “{q}.”"
        if shape == 2:
            return f"{agency} {title} {name} {verb} that {self.fill(self.pick(INDIRECT))}."
        last = name.split()[-1]
        return f"According to {last}, {self.fill(self.pick(INDIRECT))}. “{q},” {last} {verb}."

    def text(self):
        r = self.rng
        fr = r.random() < 0.15
        year = r.randint(2014, 2024)
        published = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        subject = self.pick(PROGRAMS)
        agency = self.pick(AGENCIES)
        title = (f"{agency} veut relancer le projet {subject}" if fr else
                 f"{agency} {self.pick(['plans', 'delays', 'expands', 'reviews', 'defends'])} {subject}"
                 f" amid talk of {self.pick(TOPICS)}")
        paras = []
        for i in range(r.randint(5, 9)):
            kind = r.random()
            if kind < 0.4:
                paras.append(self.quote_paragraph(fr))
            elif kind < 0.6:
                paras.append(self.fill(self.pick(EVENTS)))
            else:
                paras.append(" ".join(self.fill(self.pick(FILLER)) for _ in range(r.randint(1, 3))))
        front = (f"---\ntitle: \"{title}\"\noutlet: {self.pick(OUTLETS)}\npublished: {published}\n"
                 f"language: {'fr' if fr else 'en'}\n---\n")
        return front + title + "\n\n" + "\n\n".join(paras) + "\n"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    n, out = int(argv[1]), argv[2]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    # A cast of people, each with one title at one agency (as news would repeat it).
    people = []
    for i in range(400):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        people.append((name, rng.choice(TITLES), rng.choice(AGENCIES)))
    os.makedirs(out, exist_ok=True)
    for k in range(n):
        with open(os.path.join(out, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(Article(rng, people, k).text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
