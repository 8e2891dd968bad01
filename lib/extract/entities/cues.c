/*
 * cues.c — the kind of an unknown name from the common noun just before
 * it, for the entities stage:
 *
 *   "модулем «Рассвет»", "города Тверь", "авиакомпании «Победа»" (Russian,
 *   the noun in any case), "Wüste Atacama", "Provinz Hebei" (German, the
 *   noun capitalised), "le cratère Tycho", "the rover Zhurong".
 *
 * The nouns are the lists `entity.place_heads`, `entity.program_words`
 * and `entity.org_heads` of schema/lang/<code>.yaml.  Russian words are
 * compared by their stems, so one form in the list covers its cases.
 *
 * Also: a naming word between noun and name ("ein Spektrometer namens X",
 * `entity.naming_words`), the noun's purpose between ("le satellite de
 * communication X"), quoted names joined by "и" ("спутники «A» и «B»"),
 * camel-case words ("das Radiometer hyperSCAN"), a place spelt like a first
 * name ("Jordan X"), German nouns after an article elsewhere ("in
 * Auftrag" is no place), German adjective compounds ("Deutsch-japanischer
 * Rover"), German place compounds after "im" ("im Orinocodelta",
 * `entity.place_contractions`) and a quoted name that ends an organisation
 * ("центром «Гранит»").
 */
#include <string.h>

#include "dossier.h"
#include "extract/entities/finder.h"
#include "base/inflect.h"

/* Russian case endings, folded (й is и); the longest that fits is cut. */
static const char *const ru_case_endings[] = {"иями", "иеи", "иям", "иях", "ями", "ами", "ого", "его", "ому", "ему", "ии", "ия", "ию", "ие",
                                              "ои", "еи", "ом", "ем", "ах", "ях", "ам", "ям", "ыи", "ую",
                                              "а", "я", "у", "ю", "е", "ы", "и", "ь", "о"};

/* The length in bytes of the stem of folded Russian word w: w without its case ending. */
static size_t ru_stem(const char *w)
{
    size_t wl = strlen(w);
    for (size_t e = 0; e < sizeof ru_case_endings / sizeof ru_case_endings[0]; e++) {
        size_t el = strlen(ru_case_endings[e]);
        if (wl >= el + 6 && strcmp(w + wl - el, ru_case_endings[e]) == 0)
            return wl - el;
    }
    return wl;
}

/* See finder.h. */
int dossier_names_lex_stem(const dossier_names *c, const char *key, int i)
{
    if (dossier_names_lex(c, key, i, i + 1) == 1)
        return 1;
    if (strcmp(c->lang, "ru") != 0)
        return 0;
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t);
    const char *w = c->d->folds.v[i];
    size_t sl = ru_stem(w);
    if (sl < 6)
        return 0;
    for (size_t k = 0; k < n; k++) {
        const char *x = t[k]->words[0];
        if (t[k]->nwords == 1 && ru_stem(x) == sl && memcmp(x, w, sl) == 0)
            return 1;
    }
    return 0;
}

static int ends_in(const dossier_names *c, const char *key, int i);

/* The kind a common noun at token b announces: a place, a programme or an organisation; -1 for none. */
static int noun_kind(const dossier_names *c, int b)
{
    if (dossier_names_lex_stem(c, "entity.place_heads", b))
        return DOSSIER_KIND_PLACE;
    if (dossier_names_lex_stem(c, "entity.program_words", b))
        return DOSSIER_KIND_PROGRAM;
    if (dossier_names_lex_stem(c, "entity.org_heads", b) && !dossier_names_title(c, b, b + 1))
        return DOSSIER_KIND_ORGANIZATION;
    return -1;
}

/* The kind the noun at token b gives, also for a German compound by its last part ("Raman-Spektrometer"), or -1. */
static int compound_noun_kind(const dossier_names *c, int b)
{
    int kind = noun_kind(c, b);
    const char *w = c->d->folds.v[b], *h = strrchr(w, '-');
    if (kind >= 0 || strcmp(c->lang, "de") != 0)
        return kind;
    if (h && h[1]) {
        const char *one[1] = {h + 1};
        if (dossier_lexicon_match(c->d->lex, c->lang, "entity.program_words", one, 1, NULL) == 1)
            return DOSSIER_KIND_PROGRAM;
        if (dossier_lexicon_match(c->d->lex, c->lang, "entity.place_heads", one, 1, NULL) == 1)
            return DOSSIER_KIND_PLACE;
    }
    return ends_in(c, "entity.program_words", b) ? DOSSIER_KIND_PROGRAM : -1;
}

/*
 * "ein Spektrometer namens X", "a rover called X", "un satellite baptisé X"
 * (`entity.naming_words`): the kind of the noun before the naming word,
 * programmes and places only, or -1.
 */
static int named_by_noun(const dossier_names *c, int b, int first)
{
    size_t k = 0;
    int s = b;
    for (; s >= first && s > b - 3; s--)
        if ((k = dossier_names_lex(c, "entity.naming_words", s, b + 1)) == (size_t)(b + 1 - s))
            break;
    if (s < first || s <= b - 3 || !k || s - 1 < first || c->owner[s - 1] >= 0)
        return -1;
    int kind = compound_noun_kind(c, s - 1);
    return kind == DOSSIER_KIND_PROGRAM || kind == DOSSIER_KIND_PLACE ? kind : -1;
}

/* See finder.h. */
int dossier_names_noun_before(const dossier_names *c, int p)
{
    const dossier_doc *d = c->d;
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token, b = p - 1;
    int named = b >= first ? named_by_noun(c, (d->tokens.v[b].flags & DOSSIER_TOK_QOPEN) ? b - 1 : b, first) : -1;
    if (named >= 0)
        return named;
    if (b >= first && (d->tokens.v[b].flags & DOSSIER_TOK_QOPEN)) {
        b--; /* "модулем «Рассвет»" */
        /* "спутники «A» и «B»": a quoted name after "и" and a quoted name of a kind has that kind. */
        if (b - 2 >= first && dossier_names_lex_any(c, "entity.name_and", b, b + 1) &&
            (d->tokens.v[b - 1].flags & DOSSIER_TOK_QUOTE) && c->owner[b - 2] >= 0) {
            int kind = d->entities.v[d->mentions.v[c->owner[b - 2]].entity].kind;
            return kind == DOSSIER_KIND_PERSON ? -1 : kind;
        }
    }
    if (b < first || !(d->tokens.v[b].flags & DOSSIER_TOK_WORD) || c->owner[b] >= 0)
        return -1;
    /* German capitalises the noun ("Wüste Atacama" is read as one run, see dossier_names_noun_first):
       a lower-case word there is an adjective ("eine zentrale Rolle"). */
    if ((dossier_names_is_cap(c, b) && !dossier_names_sent_first(c, b)) || strcmp(c->lang, "de") == 0)
        return -1;
    /* "конструктор программы X", "director of the mission X": the noun belongs to a title. */
    if (b - 1 >= first && (dossier_names_title(c, b - 1, b) || dossier_names_lex_stem(c, "entity.titles", b - 1)))
        return -1;
    /* "le satellite de communication X", "la sonde d'exploration X": the noun's purpose between. */
    if (noun_kind(c, b) < 0 && b - 2 >= first && !dossier_names_is_cap(c, b) &&
        (strcmp(d->folds.v[b - 1], "de") == 0 || strcmp(d->folds.v[b - 1], "d'") == 0) &&
        noun_kind(c, b - 2) == DOSSIER_KIND_PROGRAM &&
        !(b - 3 >= first && (dossier_names_title(c, b - 3, b - 2) || dossier_names_lex_stem(c, "entity.titles", b - 3))))
        return DOSSIER_KIND_PROGRAM;
    return noun_kind(c, b);
}

/* Non-zero when the word at token i ends in a one-word phrase of `key` of five letters or more. */
static int ends_in(const dossier_names *c, const char *key, int i)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    if (strchr(w, '-'))
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t xl = strlen(t[k]->words[0]);
        if (t[k]->nwords == 1 && xl >= 5 && wl > xl + 2 && strcmp(w + wl - xl, t[k]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* See finder.h. */
int dossier_names_noun_first(const dossier_names *c, int p, int q)
{
    if (strcmp(c->lang, "de") != 0 || q - p < 2 || !dossier_names_is_cap(c, p + 1))
        return -1;
    /* "Universität Stuttgart" names the university: only places and programmes, or their compounds
       ("Wettersatellit Meteosat-9", "Raumfahrtbahnhof Kiruna"). */
    if (dossier_names_lex(c, "entity.place_heads", p, p + 1) == 1 || ends_in(c, "entity.place_heads", p))
        return DOSSIER_KIND_PLACE;
    if (dossier_names_lex(c, "entity.program_words", p, p + 1) == 1 || ends_in(c, "entity.program_words", p))
        return DOSSIER_KIND_PROGRAM;
    return -1;
}

/*
 * See finder.h.  A one-word known place spelt like a first name
 * (`entity.first_names`: "Jordan" is also a country), then a
 * capitalised word no list holds: the two are a person's name.
 */
int dossier_names_place_first_name(const dossier_names *c, int p, int end)
{
    const dossier_gaz_entry *g = NULL, *h = NULL;
    if (p + 1 >= end || !dossier_names_first_name(c, p) || dossier_names_gazetteer(c, p, end, &g) != 1 ||
        g->kind != DOSSIER_KIND_PLACE || !dossier_names_is_cap(c, p + 1) ||
        (c->d->tokens.v[p + 1].flags & DOSSIER_TOK_ALLCAPS) || dossier_names_gazetteer(c, p + 1, end, &h) ||
        dossier_names_is_head(c, p + 1) || dossier_names_title(c, p + 1, end))
        return 0;
    int k = p + 1;
    size_t n = strlen(c->d->folds.v[k]);
    if (n && c->d->folds.v[k][n - 1] == '\'' && k + 1 < end && dossier_names_is_cap(c, k + 1))
        k++; /* "Jordan O'Neill" */
    return k + 1 >= end || !dossier_names_is_cap(c, k + 1); /* "Jordan Space Research Centre" is no person */
}

/* See finder.h.  German capitalises nouns: "in Auftrag" is no place when "der Auftrag" stands elsewhere. */
int dossier_names_common_noun(const dossier_names *c, int p)
{
    const dossier_doc *d = c->d;
    if (strcmp(c->lang, "de") != 0)
        return 0;
    for (size_t i = 1; i < d->tokens.n; i++)
        if ((int)i != p && strcmp(d->folds.v[i], d->folds.v[p]) == 0 &&
            dossier_lexicon_match(d->lex, c->lang, "statement.articles", (const char *const *)d->folds.v + i - 1, 1,
                                  NULL) == 1)
            return 1;
    return 0;
}

/* See finder.h.  "das Radiometer hyperSCAN": a word in lower case with capitals inside names a thing. */
int dossier_names_camel(const dossier_names *c, int i)
{
    const char *w = c->d->body + c->d->tokens.v[i].span.start;
    size_t n = c->d->tokens.v[i].span.end - c->d->tokens.v[i].span.start, caps = 0;
    int first = c->d->sentences.v[c->d->tokens.v[i].sentence].first_token;
    if (n < 4 || !(w[0] >= 'a' && w[0] <= 'z') || i - 1 < first || c->owner[i - 1] >= 0)
        return -1;
    for (size_t k = 1; k < n; k++)
        caps += w[k] >= 'A' && w[k] <= 'Z';
    if (caps < 2)
        return -1;
    int kind = dossier_names_noun_before(c, i);
    return kind >= 0 ? kind : compound_noun_kind(c, i - 1);
}

/* See finder.h. */
int dossier_names_adjective_compound(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    return dossier_inflect_hyphen_adjective(c->d->lex, c->lang, c->d->body + t->span.start, t->span.end - t->span.start,
                                            c->d->folds.v[i]);
}

/* See finder.h.  "Научно-производственным центром «Гранит»": the quoted name belongs to the organisation. */
int dossier_names_quoted_tail(const dossier_names *c, int q, int sentend)
{
    const dossier_doc *d = c->d;
    if (q + 2 >= sentend || !(d->tokens.v[q].flags & DOSSIER_TOK_QOPEN) || c->owner[q + 1] >= 0)
        return q;
    int k = q + 1;
    while (k < sentend && k < q + 4 && dossier_names_is_cap(c, k) && c->owner[k] < 0)
        k++;
    return k > q + 1 && k < sentend && (d->tokens.v[k].flags & DOSSIER_TOK_QCLOSE) ? k + 1 : q;
}

/* See finder.h.  German: "im Orinocodelta", "in der Gobiwüste": one word ending in a place word after "in". */
int dossier_names_place_compound(const dossier_names *c, int p)
{
    int first = c->d->sentences.v[c->d->tokens.v[p].sentence].first_token;
    if (strcmp(c->lang, "de") != 0 || p - 1 < first || !ends_in(c, "entity.place_heads", p))
        return 0;
    int b = p - 1;
    if (dossier_names_lex(c, "statement.articles", b, b + 1) == 1 && b - 1 >= first)
        b--;
    return dossier_names_lex(c, "entity.place_prepositions", b, b + 1) == 1 ||
           dossier_names_lex(c, "entity.place_contractions", b, b + 1) == 1;
}
