/*
 * entities.c — entity mentions: gazetteer names and names found from the text.
 *
 * Each sentence is cut into runs of capitalised words (with the small
 * words that live inside names: "of", "de", "bin", and numbers after a
 * name: "Falcon 9").  A run is then read left to right, one piece at a
 * time: stop words, months and demonyms are skipped; titles are skipped
 * and remembered as a person cue; an organisation head word ("Agency",
 * "Ministère", "Behörde") makes an organisation of the words up to it and
 * of an "of ..." tail; a gazetteer name is a known entity; anything else
 * is an unknown name whose kind comes from its cues (unknown.c): a title or
 * "Mr" before it, a speech verb or an apposition next to it, a first name,
 * a programme word ("probe", "sonde") or a place word ("crater") beside it.
 * Lists are in schema/lang/<code>.yaml under `entity.*`.  A name in
 * parentheses after another is its acronym.  repeats.c then finds the
 * other mentions of what was found: surnames, acronyms, repeats, and
 * descriptions ("the agency") of the organisation the article is about.
 * A title's field of several items ("Minister of Culture, Sport and Youth
 * X", "Ministry of Culture, Sport and Youth") is part of the title or of
 * the organisation, never names of its own; a place word with a
 * designator ("Launch Complex 39A") is a place.
 */
#include "extract/entities/entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/inflect.h"
#include "extract/entities/finder.h"

/* See finder.h. */
int dossier_names_sent_end(const dossier_names *c, int i)
{
    const dossier_sentence *s = &c->d->sentences.v[c->d->tokens.v[i].sentence];
    return s->first_token + s->ntokens;
}

/* See finder.h. */
int dossier_names_sent_first(const dossier_names *c, int i)
{
    const dossier_sentence *s = &c->d->sentences.v[c->d->tokens.v[i].sentence];
    int j = s->first_token;
    /* Quotes, dashes, bullets and numbers that open a sentence do not count. */
    while (j < i && !(c->d->tokens.v[j].flags & DOSSIER_TOK_WORD))
        j++;
    if (j == i)
        return 1;
    unsigned pf = c->d->tokens.v[i - 1].flags;
    const char *pv = c->d->folds.v[i - 1];
    return (pf & (DOSSIER_TOK_QUOTE | DOSSIER_TOK_DASH)) || strcmp(pv, ":") == 0 ||
           strcmp(pv, "(") == 0 || strcmp(pv, "•") == 0 || strcmp(pv, "›") == 0;
}

/* A German compound ending in a title ("Bundeswirtschaftsminister", "Projektleiterin"). */
static int german_title_compound(const dossier_names *c, int i)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "entity.titles", &t);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    if (strchr(w, '-'))
        return 0; /* "JAXA-Präsident" names its organisation: see dossier_names_compound_title */
    for (size_t k = 0; k < n; k++) {
        const char *x = t[k]->words[0];
        size_t xl = strlen(x);
        if (t[k]->nwords == 1 && xl >= 5 && wl > xl + 2 && strcmp(w + wl - xl, x) == 0)
            return 1;
    }
    return 0;
}

/* Sets c->plural_last from the plural endings of c->lang (d->lex set). */
static void plural_bits(dossier_names *c)
{
    const dossier_phrase *const *ends = NULL;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "entity.plural_endings", &ends);
    memset(c->plural_last, 0, sizeof c->plural_last);
    for (size_t k = 0; k < n; k++) {
        size_t le = ends[k]->nwords == 1 ? strlen(ends[k]->words[0]) : 0;
        if (le) {
            unsigned char b = (unsigned char)ends[k]->words[0][le - 1];
            c->plural_last[b / 64] |= 1ull << (b % 64);
        }
    }
    c->have_plural = 1;
}

/*
 * Zero when token i cannot be a plural of dossier_inflect_plural_in: no
 * plural ending of the language ends with its last byte (none at all in
 * German or Russian).
 */
static int may_be_plural(const dossier_names *c, int i)
{
    if (!c->have_plural)
        return 1;
    const char *w = c->d->folds.v[i];
    size_t lw = strlen(w);
    unsigned char b = lw ? (unsigned char)w[lw - 1] : 0;
    return lw && ((c->plural_last[b / 64] >> (b % 64)) & 1);
}

/* dossier_names_title without its memo. */
static size_t title_at(const dossier_names *c, int i, int end)
{
    size_t a = dossier_names_lex(c, "entity.titles", i, end);
    size_t b = dossier_names_lex(c, "entity.occupations", i, end);
    if (!a && !b && strcmp(c->lang, "de") == 0 && i < end && german_title_compound(c, i))
        return 1;
    /* the plural's test first: most words end so that no plural ending can, and the first name's costs more */
    if (!a && !b && i + 1 < end && may_be_plural(c, i) && dossier_names_first_name(c, i + 1) &&
        dossier_inflect_plural_in(c->d->lex, c->lang, "entity.titles", c->d->folds.v[i]))
        return 1;   /* "Senators Anna A and B": a plural title before a first name ("Board of Governors" is none) */
    return a > b ? a : b;
}

/* See finder.h.  A pure function of the doc: remembered per token in c->titles. */
size_t dossier_names_title(const dossier_names *c, int i, int end)
{
    if (!c->titles || i < 0 || i >= (int)c->d->tokens.n)
        return title_at(c, i, end);
    struct dossier_names_title_memo *m = &c->titles[i];
    if (m->end != end) {
        m->len = (int)title_at(c, i, end);
        m->end = end;
    }
    return (size_t)m->len;
}

/* See finder.h. */
int dossier_names_is_stop(const dossier_names *c, int i)
{
    const char *w = c->d->folds.v[i];
    size_t n = strlen(w);
    return (n >= 2 && w[n - 1] == '\'') || dossier_names_lex(c, "entity.stopwords", i, i + 1) == 1;
}

/* Non-zero for languages that capitalise month names. */
static int months_capitalised(const char *lang)
{
    return strcmp(lang, "en") == 0 || strcmp(lang, "de") == 0;
}

/* Sets c->calendar from the month and weekday lists of c->lang (c->lists set). */
static void calendar_bits(dossier_names *c)
{
    memset(c->calendar, 0, sizeof c->calendar);
    for (int m = 1; m <= 12; m++)
        for (int k = 0; k < (m <= 7 ? 2 : 1); k++) {
            const char *key = k ? dossier_lexicon_weekday_key(m) : dossier_lexicon_month_key(m);
            const struct dossier_lexlist_head *h =
                (const struct dossier_lexlist_head *)(const void *)dossier_lexicon_find_memo(c->d->lex, c->lang, key,
                                                                                             c->lists);
            for (int b = 0; h && h->frozen && b < 8; b++)
                c->calendar[b] |= h->starts[b];
        }
    c->have_calendar = 1;
}

/* See names.h: a month or weekday name that names no entity. */
int dossier_names_is_calendar(const dossier_names *c, int i)
{
    if (!months_capitalised(c->lang) && !dossier_names_sent_first(c, i))
        return 0;
    /* No list has a name starting with the token's first-word bit: none of the lookups below matches. */
    if (c->have_calendar && (size_t)i < c->d->fold_bits.n) {
        unsigned bit = c->d->fold_bits.v[i];
        if (!((c->calendar[bit / 64] >> (bit % 64)) & 1))
            return 0;
    }
    /* The keys are constants: found through the finder's memo of lists. */
    for (int m = 1; m <= 12; m++) {
        if (dossier_names_lex(c, dossier_lexicon_month_key(m), i, i + 1) == 1)
            return 1;
        if (m <= 7 && dossier_names_lex(c, dossier_lexicon_weekday_key(m), i, i + 1) == 1)
            return 1;
    }
    return 0;
}

/* Defined below; see there. */
static int is_connector(const dossier_names *c, int i);

/* See finder.h. */
int dossier_names_is_connector(const dossier_names *c, int i)
{
    return is_connector(c, i);
}

/* Non-zero when the token is a small word inside names ("of", "bin"). */
static int is_connector(const dossier_names *c, int i)
{
    const char *w = c->d->folds.v[i];
    size_t n = strlen(w);
    if (c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER)
        return 0;
    return (n == 2 && w[1] == '\'') || strcmp(w, "&") == 0 ||
           dossier_names_lex_any(c, "entity.name_connectors", i, i + 1) == 1;
}

/* A single capital letter and its period: an initial ("S. Somanath"). */
static int is_initial(const dossier_names *c, int i, int end)
{
    const dossier_token *t = &c->d->tokens.v[i];
    return i + 2 < end && (t->flags & DOSSIER_TOK_UPPER) && t->span.end - t->span.start == 1 &&
           strcmp(c->d->folds.v[i + 1], ".") == 0 && dossier_names_is_cap(c, i + 2);
}

/* German: a year after a capitalised word is no part of a name ("Bundeshaushalt 2025", "Ende 2025"). */
static int german_year(const dossier_names *c, int j)
{
    const dossier_token *t = &c->d->tokens.v[j];
    const char *s = c->d->body + t->span.start;
    return strcmp(c->lang, "de") == 0 && t->span.end - t->span.start == 4 && strspn(s, "0123456789") == 4 &&
           (s[0] == '1' || s[0] == '2');
}

/*
 * Where the run of name words that starts at capitalised token i ends:
 * capitalised words, initials, numbers after a name word, and connectors
 * that sit between two name words.
 */
static int run_end(const dossier_names *c, int i, int end)
{
    int j = i;
    while (j < end) {
        if (j > i && is_initial(c, j, end)) {
            j += 2; /* before the capital test: "Jonas K. Brandt" is one run, not "Jonas K" and "Brandt" */
        } else if (dossier_names_is_cap(c, j)) {
            j++;
        } else if ((c->d->tokens.v[j].flags & DOSSIER_TOK_NUM) && j > i && !german_year(c, j) && !(c->score && c->score[j]) &&
                   c->d->tokens.v[j].span.start - c->d->tokens.v[j - 1].span.end <= 1 &&
                   (c->d->tokens.v[j - 1].flags & DOSSIER_TOK_WORD)) {
            j++;
        } else if (j > i && j + 1 < end && !strcmp(c->d->folds.v[j], ".") && dossier_names_is_cap(c, j + 1) &&
                   dossier_names_lex(c, "entity.person_prefixes", j - 1, j + 1) == 2) {
            j++; /* "Mr. Hale": the prefix's period stays inside the run */
        } else if (j > i && dossier_names_elided_and(c, j)) {
            j += 2; /* "Luft- und Raumfahrt" */
        } else if (j > i && is_connector(c, j)) {
            int k = j;
            while (k < end && is_connector(c, k))
                k++;
            if (k - j > 3 || !dossier_names_is_cap(c, k))
                break;
            j = k;
        } else {
            break;
        }
    }
    return j;
}

/*
 * The entity that has folded text f as an alias (an acronym seen in
 * parentheses), or -1.
 */
static int entity_by_alias(const dossier_doc *d, const char *f)
{
    int found = -1;
    for (size_t e = 0; found < 0 && e < d->entities.n; e++)
        for (size_t a = 0; found < 0 && a < d->entities.v[e].aliases.n; a++) {
            const char *g = d->entities.v[e].alias_folds.v[a];
            if (g && strcmp(f, g) == 0)
                found = (int)e;
        }
    return found;
}

/* See finder.h. */
int dossier_names_find(const dossier_doc *d, const char *text, size_t len)
{
    dbuf fold = {0};
    const char *f = dossier_fold_into(&fold, text, len);
    int found = -1;
    for (size_t e = 0; f && found < 0 && e < d->entities.n; e++) {
        const dossier_entity *ent = &d->entities.v[e];
        const char *g = ent->gaz ? NULL : ent->fold;
        if (g && strcmp(f, g) == 0)
            found = (int)e;
    }
    if (f && found < 0)
        found = entity_by_alias(d, f);
    dossier_buf_free(&fold);
    return found;
}

/*
 * Non-zero when token i is an initial: one capital letter, with its period
 * or without; but without one, I, V and X after a first name are a regnal
 * number ("Pedro I").
 */
static int initial_letter(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    if (t->span.end - t->span.start != 1 || !(t->flags & DOSSIER_TOK_UPPER))
        return 0;
    int period = i + 1 < (int)c->d->tokens.n && !strcmp(c->d->folds.v[i + 1], ".") &&
                 c->d->tokens.v[i + 1].span.start == t->span.end;
    return period || !strchr("IVX", c->d->body[t->span.start]) || i == 0 || !dossier_names_first_name(c, i - 1);
}

/*
 * Creates (or finds) the entity and records a mention of tokens [i, j).
 * A person's name never ends in an initial: "Charles G. and ...", "Alicia
 * M become" have lost their surname, and a first name alone says too
 * little, so such a name is not recorded.
 */
int dossier_names_add(dossier_names *c, int i, int j, int kind, const dossier_gaz_entry *gaz, int how)
{
    if (kind == DOSSIER_KIND_PERSON && !gaz && j - i >= 2 && initial_letter(c, j - 1))
        return DOSSIER_OK;
    size_t s = c->d->tokens.v[i].span.start, e = c->d->tokens.v[j - 1].span.end;
    return dossier_names_add_named(c, i, j, kind, gaz, how, c->d->body + s, e - s);
}

/* An organisation of two words whose first is the one word `name` ("Firefly" of "Firefly Aerospace"), or -1. */
static int short_org(const dossier_doc *d, const char *name, size_t len)
{
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *ent = &d->entities.v[e];
        if (ent->kind == DOSSIER_KIND_ORGANIZATION && strlen(ent->name) > len + 1 &&
            strncmp(ent->name, name, len) == 0 && ent->name[len] == ' ' && !strchr(ent->name + len + 1, ' '))
            return (int)e;
    }
    return -1;
}

/*
 * An organisation found from text whose name opens with the words `name`
 * and goes on ("Harlow" of "Harlow International Inc"), or -1: a person of
 * that name in the same article is the organisation named short.
 */
static int org_opening(const dossier_doc *d, const char *name, size_t len)
{
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *ent = &d->entities.v[e];
        if (ent->kind == DOSSIER_KIND_ORGANIZATION && !ent->gaz && ent->nmentions && strlen(ent->name) > len + 1 &&
            strncmp(ent->name, name, len) == 0 && ent->name[len] == ' ')
            return (int)e;
    }
    return -1;
}

/* See finder.h. */
int dossier_names_add_named(dossier_names *c, int i, int j, int kind, const dossier_gaz_entry *gaz, int how,
                            const char *name, size_t len)
{
    dossier_doc *d = c->d;
    for (int k = i; k < j; k++)
        if (c->owner[k] >= 0)
            return DOSSIER_OK;
    int ent = gaz ? -1 : dossier_names_find(d, name, len);
    if (ent < 0 && !gaz && kind == DOSSIER_KIND_ORGANIZATION && j - i == 1 && (ent = short_org(d, name, len)) >= 0 &&
        dossier_doc_alias(d, ent, name, len))
        return DOSSIER_ENOMEM;
    if (ent < 0 && !gaz && kind == DOSSIER_KIND_PERSON && (ent = org_opening(d, name, len)) >= 0 &&
        dossier_doc_alias(d, ent, name, len))
        return DOSSIER_ENOMEM;
    if (ent < 0)
        ent = dossier_doc_entity(d, name, len, kind, gaz);
    if (ent < 0)
        return ent;
    int m = dossier_doc_mention(d, ent, how, i, j - i);
    if (m < 0)
        return m;
    for (int k = i; k < j; k++)
        c->owner[k] = m;
    return DOSSIER_OK;
}

/* Non-zero when an organisation head word lies in [i, j). */
static int head_within(const dossier_names *c, int i, int j)
{
    for (int q = i; q < j; q++)
        if (dossier_names_is_head(c, q))
            return 1;
    return 0;
}

/* Non-zero when token i joins two names ("and", "et", "und"). */
static int is_and(const dossier_names *c, int i)
{
    return dossier_names_lex_any(c, "entity.name_and", i, i + 1) == 1 &&
           !(c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER);
}

/* Non-zero when token i may be one word of a title's field: capitalised, no known name, no acronym. */
static int field_word(const dossier_names *c, int i, int end)
{
    const dossier_gaz_entry *g = NULL;
    return i < end && dossier_names_is_cap(c, i) && !(c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) &&
           c->owner[i] < 0 && !dossier_names_first_name(c, i) && !dossier_names_gazetteer(c, i, end, &g) &&
           !dossier_names_title(c, i, end) && !dossier_names_is_head(c, i);
}

/* A field list after a title at i that a name follows ("Minister of A, B and C Jane Roe", "..., Jane Roe"), or 0. */
static int title_field(const dossier_names *c, int i, int end, int need_comma)
{
    int q = dossier_names_field_list(c, i, end, need_comma);
    int n = q > 0 && q < end && strcmp(c->d->folds.v[q], ",") == 0 ? q + 1 : q;
    return q > 0 && n < end && dossier_names_is_cap(c, n) ? q : 0;
}

/* See finder.h. */
int dossier_names_field_list(const dossier_names *c, int i, int end, int need_comma)
{
    int k = i, commas = 0;
    if (k >= end || !is_connector(c, k) || is_and(c, k) || dossier_names_lex_any(c, "entity.name_in", k, k + 1))
        return 0; /* "Hochschulen in A, B und C": places, no field */
    for (;;) {
        while (k < end && is_connector(c, k) && !is_and(c, k))
            k++;
        if (!field_word(c, k, end))
            return 0;
        k++;
        if (field_word(c, k, end) && k + 1 < end && !dossier_names_is_cap(c, k + 1))
            k++; /* "Foreign Affairs, Trade and Development": an item of two words */
        if (k < end && strcmp(c->d->folds.v[k], ",") == 0) {
            commas++;
            k++;
        }
        if (k < end && is_and(c, k))
            break;
        if (!commas || k >= end || strcmp(c->d->folds.v[k - 1], ",") != 0)
            return 0;
    }
    for (k++; k < end && is_connector(c, k) && !is_and(c, k); k++)
        ;
    if (!field_word(c, k, end) || (need_comma && !commas))
        return 0;
    return k + 1;
}

/*
 * An organisation whose head word ("Agency", "Office") lies in [i, end)
 * after capitalised words only: returns where it ends (past its "of ..."
 * tail), or 0.
 */
static int org_end(const dossier_names *c, int i, int end)
{
    int last = -1;
    for (int q = i; q < end; q++) {
        if (q > i && dossier_names_title(c, q, end) && !dossier_names_is_head(c, q))
            break;
        /* "Brandt & Selwyn Co", "Ostrander Keel & Co": an ampersand joins the names a company bears. */
        if (q > i && strcmp(c->d->folds.v[q], "&") == 0 && q + 1 < end && dossier_names_is_cap(c, q + 1))
            continue;
        if (is_and(c, q)) {
            const dossier_gaz_entry *g = NULL;
            if (last >= 0)
                break;
            /* "Bill Nelson and State Department", "Nexora, Vantor and Kyoto University": the organisation starts later. */
            if (dossier_names_gazetteer(c, i, q, &g) == (size_t)(q - i) ||
                (i > 0 && strcmp(c->d->folds.v[i - 1], ",") == 0) ||
                dossier_names_first_name(c, i))
                return 0;
            continue;
        }
        /* "Mohammed bin Rashid Space Centre": a particle inside a person's name the organisation bears. */
        if (q > i && !dossier_names_is_cap(c, q) && dossier_names_lex_any(c, "entity.name_particles", q, q + 1) &&
            q + 1 < end && dossier_names_is_cap(c, q + 1) && dossier_names_first_name(c, i))
            continue;
        if (!dossier_names_is_cap(c, q) || (q > i && dossier_names_is_stop(c, q)))
            break;
        if (dossier_names_is_head(c, q))
            last = q;
    }
    if (last < 0)
        return 0;
    int r = last + 1;
    /* An "of ..." tail: "Ministry of Science and ICT", "Commission on Cooperation in the Field of". */
    while (r < end && is_connector(c, r) && !is_and(c, r)) {
        int k = r;
        /* "Centre in Köln": a place after "in" is no part of the name. */
        if (dossier_names_lex_any(c, "entity.name_in", r, r + 1) && r + 1 < end && dossier_names_is_cap(c, r + 1))
            break;
        while (k < end && is_connector(c, k))
            k++;
        const dossier_gaz_entry *g = NULL;
        if (k >= end || !dossier_names_is_cap(c, k) || dossier_names_is_calendar(c, k) ||
            (dossier_names_gazetteer(c, k, dossier_names_sent_end(c, k), &g) && g->kind != DOSSIER_KIND_PLACE))
            break; /* "Conseil de l'Agence spatiale européenne": the known name stands alone */
        r = k;
        while (r < end && ((dossier_names_is_cap(c, r) && !dossier_names_title(c, r, end)) ||
                           dossier_names_elided_and(c, r)))
            r += dossier_names_is_cap(c, r) ? 1 : 2;
        if (r + 1 < end && is_and(c, r) && dossier_names_is_cap(c, r + 1) && !head_within(c, r + 1, end))
            for (r++; r < end && dossier_names_is_cap(c, r); r++)
                ;
    }
    /* "Ministry of Innovation, Science and Technology": a field of several items. */
    int fl = dossier_names_field_list(c, last + 1, dossier_names_sent_end(c, i), 1);
    if (fl > r)
        r = fl;
    /* "Universität Stuttgart": a head that takes the name of its town. */
    if (r == last + 1 && r + 1 == end && dossier_names_is_cap(c, r) && !dossier_names_is_stop(c, r) &&
        dossier_names_lex(c, "entity.heads_before_town", last, last + 1))
        r++;
    /* A lone head word ("Ministry") is a description, not a name. */
    return r - i < 2 ? 0 : r;
}

/*
 * Capitalised words from i that end with a head phrase of list `key`
 * ("Tanegashima Space Center", "Lunar Reconnaissance Orbiter"): returns
 * where the longest such name ends, or 0.
 */
static int cap_head_end(const dossier_names *c, int i, int end, const char *key, int *head)
{
    int best = 0;
    if (dossier_names_lex(c, key, i, end))
        return 0; /* "Space Station" alone is no name */
    for (int q = i + 1; q < end; q++) {
        if (!dossier_names_is_cap(c, q) || dossier_names_is_stop(c, q) || dossier_names_title(c, q, end))
            break;
        size_t k = dossier_names_lex(c, key, q, end);
        int all_cap = k > 0;
        for (int t = q; all_cap && t < q + (int)k; t++)
            all_cap = dossier_names_is_cap(c, t);
        if (all_cap) {
            best = q + (int)k;
            *head = q;
        }
    }
    return best;
}

/*
 * A place whose head phrase ("Space Center", "Cosmodrome", "crater")
 * ends the capitalised words at [i, end), or follows them in lower
 * case.  Returns where it ends, or 0.
 */
static int place_end(const dossier_names *c, int i, int end, int sentend)
{
    for (int q = i + 1; q < end; q++) {
        size_t k = dossier_names_lex(c, "entity.place_heads", q, end);
        if (k && (int)(q + k) == end)
            return end;
    }
    size_t k = dossier_names_lex(c, "entity.place_heads", end, sentend);
    if (k && !(c->d->tokens.v[end].flags & DOSSIER_TOK_UPPER) &&
        !dossier_names_lex_any(c, "entity.program_words", end, sentend))
        return end + (int)k;
    return 0;
}

/*
 * Non-zero when an acronym can stand for the name at tokens [i, j): its
 * first letter is the initial of the name's first word ("CNSA" for China
 * National Space Administration, "INPE" for Institut national de ...),
 * so that "Smart Lander for Investigating Moon (SLIM)" does not make
 * SLIM a name of the Moon.
 */
static int initials_fit(const dossier_names *c, int i, int j, const char *acr, size_t len)
{
    (void)j;
    const char *w = c->d->folds.v[i];
    char a = len ? acr[0] : 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a - 'A' + 'a');
    return len > 0 && w[0] == a;
}

/* Records "(ACRONYM)" after an entity's mention [i, j) as its alias; returns tokens used. */
static int acronym_after(dossier_names *c, int j, int end)
{
    dossier_doc *d = c->d;
    if (j + 2 >= end || strcmp(d->folds.v[j], "(") || strcmp(d->folds.v[j + 2], ")") ||
        !(d->tokens.v[j + 1].flags & DOSSIER_TOK_ALLCAPS) || c->owner[j - 1] < 0)
        return 0;
    dossier_mention *mm = &d->mentions.v[c->owner[j - 1]];
    int ent = mm->entity;
    const dossier_token *t = &d->tokens.v[j + 1];
    const dossier_gaz_entry *g = NULL;
    dossier_entity *found = &d->entities.v[ent];
    if (!found->gaz && found->kind != DOSSIER_KIND_PERSON && found->kind != DOSSIER_KIND_PLACE &&
        dossier_names_gazetteer(c, j + 1, j + 2, &g) == 1 && g->kind == found->kind) {
        /* "l'Agence spatiale nationale chinoise (CNSA)": a known acronym names the expansion. */
        int known = dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
        if (known < 0)
            return known;
        found = &d->entities.v[ent]; /* the entities array may have moved */
        mm->entity = known;
        found->nmentions--;
        d->entities.v[known].nmentions++;
        if (dossier_doc_alias(d, known, d->body + mm->span.start, mm->span.end - mm->span.start))
            return DOSSIER_ENOMEM;
        ent = known;
    } else if (!initials_fit(c, mm->first_token, j, d->body + t->span.start, t->span.end - t->span.start)) {
        return 0;
    }
    if (dossier_doc_alias(d, ent, d->body + t->span.start, t->span.end - t->span.start))
        return DOSSIER_ENOMEM;
    int m = dossier_doc_mention(d, ent, DOSSIER_MENTION_SHORT, j + 1, 1);
    if (m < 0)
        return m;
    c->owner[j + 1] = m;
    return 3;
}

/*
 * A name built on a head word at p, in the run [p, end): capitalised
 * words before a place or programme head ("Tanegashima Space Center",
 * "Lunar Reconnaissance Orbiter"), an organisation in sentence case
 * ("Agence spatiale algérienne") or with a head word ("China Satellite
 * Navigation Office", "Ministère des Affaires étrangères").  `g` and
 * `gaz` are the known name at p, if any.  Records it and returns where it
 * ends, 0 when there is none, or a negative code.
 */
static int head_piece(dossier_names *c, int p, int end, size_t g, const dossier_gaz_entry *gaz)
{
    int sentend = dossier_names_sent_end(c, p), rc, q;
    /* "Launch Complex 39A": a place word and its designator. */
    int ph = (int)dossier_names_lex(c, "entity.place_heads", p, end);
    if (ph && dossier_names_is_cap(c, p) && p + ph < sentend && c->owner[p + ph] < 0 &&
        c->d->folds.v[p + ph][0] >= '0' && c->d->folds.v[p + ph][0] <= '9') {
        rc = dossier_names_add(c, p, p + ph + 1, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
        return rc ? rc : p + ph + 1;
    }
    int hq = 0, pk = cap_head_end(c, p, end, "entity.place_heads", &hq), kind = DOSSIER_KIND_PLACE;
    if (!pk) {
        pk = cap_head_end(c, p, end, "entity.program_words", &hq);
        kind = DOSSIER_KIND_PROGRAM;
    }
    if (pk && dossier_names_adjective_compound(c, p))
        pk = 0; /* "Deutsch-japanischer Rover": an adjective before a common noun */
    int oq = org_end(c, p, end);
    /* "Mohammed bin Rashid Space Centre": named after a person, an organisation. */
    if (pk && kind == DOSSIER_KIND_PLACE && oq == pk && dossier_names_first_name(c, p))
        pk = 0;
    if (pk && (int)g < pk - p && !head_within(c, p, hq) && oq <= pk) {
        rc = dossier_names_add(c, p, pk, kind, g && gaz->kind == kind ? gaz : NULL, DOSSIER_MENTION_NAME);
        return rc ? rc : pk;
    }
    if (!g && oq == 0 && (q = dossier_names_sentence_case_org(c, p, sentend, &kind)) > 0) {
        q = kind == DOSSIER_KIND_ORGANIZATION ? dossier_names_quoted_tail(c, q, sentend) : q;
        rc = dossier_names_add(c, p, q, kind, NULL, DOSSIER_MENTION_NAME);
        return rc ? rc : q;
    }
    if (oq == 0 || (g && head_within(c, p, p + (int)g)))
        return 0;
    /* "das Bremer Raumfahrtunternehmen OHB": a describing noun before the name. */
    if (strcmp(c->lang, "de") == 0 && oq < end && dossier_names_is_head(c, oq - 1) &&
        ((c->d->tokens.v[oq].flags & DOSSIER_TOK_ALLCAPS) || dossier_names_gazetteer(c, oq, end, &gaz)))
        return oq;
    if ((q = place_end(c, p, oq, sentend)) > 0 && q <= end) {
        rc = dossier_names_add(c, p, q, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
        return rc ? rc : q;
    }
    /* "Ministère des Affaires étrangères": adjectives after the last capitalised word. */
    for (q = oq; q < sentend && q < oq + 2 && dossier_names_adjective_like(c, q); q++)
        ;
    /* "the Commercial Lunar Payload Services initiative": a programme word after it. */
    kind = q < sentend && !dossier_names_is_cap(c, q) && dossier_names_lex(c, "entity.program_words", q, sentend)
               ? DOSSIER_KIND_PROGRAM : DOSSIER_KIND_ORGANIZATION;
    /* German: "des chilenischen Ministeriums für ...": the demonym belongs to the name. */
    int from = strcmp(c->lang, "de") == 0 && p - 1 >= 0 && c->owner[p - 1] < 0 && !dossier_names_is_cap(c, p - 1) &&
               dossier_names_adjective(c, p - 1, p) == 1 ? p - 1 : p;
    rc = dossier_names_add(c, from, q, kind, NULL, DOSSIER_MENTION_NAME);
    return rc ? rc : q;
}

/*
 * Reads one run [i, end) of name words piece by piece: "Mr", titles and
 * stop words are skipped (a title is remembered as a person cue), then a
 * name built on a head word, a known name, a demonym or month (skipped),
 * or an unknown name.  `title` is set when a title precedes the run.
 */
static int read_run(dossier_names *c, int i, int end, int title, int *field_until)
{
    dossier_doc *d = c->d;
    int sentend = dossier_names_sent_end(c, i);
    int p = i, prefix = 0, rc;
    while (p < end) {
        size_t k;
        int q;
        const dossier_gaz_entry *gaz = NULL;
        if (c->owner[p] >= 0 || is_connector(c, p) || !(d->tokens.v[p].flags & DOSSIER_TOK_WORD)) {
            p++;
        } else if ((q = dossier_names_compound(c, p, &title)) != 0) {
            if (q < 0)
                return q;
            p++;
        } else if ((k = dossier_names_lex(c, "entity.person_prefixes", p, end))) {
            prefix = 1;
            p += (int)k;
        } else if ((k = dossier_names_title(c, p, end)) && !dossier_names_is_head(c, p)) {
            title = 1;
            p += (int)k;
            /* "Minister of Culture, Sport and Youth X": skip the title's field. */
            if ((q = title_field(c, p, sentend, 0)) > 0) {
                if (q > end) {
                    *field_until = q;
                    return DOSSIER_OK;
                }
                p = q;
            }
        } else if (dossier_names_is_stop(c, p) && !dossier_names_gazetteer(c, p, sentend, &gaz)) {
            p++;
        } else if (dossier_names_adjective_compound(c, p) && !dossier_names_gazetteer(c, p, sentend, &gaz)) {
            p++;    /* "the Leeds-based maker": an adjective, no name of its own */
        } else if (dossier_names_place_first_name(c, p, sentend)) {
            q = dossier_names_unknown_end(c, p, end); /* "Jordan X": no place */
            if ((rc = dossier_names_unknown(c, p, q, title, prefix)))
                return rc;
            p = q;
        } else if ((q = dossier_names_before_program_word(c, p, end)) != 0) {
            if (q < 0)
                return q;
            p = q;
        } else if ((k = dossier_names_gazetteer(c, p, sentend, &gaz)), (q = head_piece(c, p, end, k, gaz)) != 0) {
            if (q < 0)
                return q;
            p = q;
            title = 0;
        } else if (k > 0 && (q = dossier_names_designated(c, p, (int)k, gaz, end)) != 0) {
            if (q < 0)
                return q;
            p = q;
        } else if (k > 0) {
            if ((rc = dossier_names_add(c, p, p + (int)k, gaz->kind, gaz, DOSSIER_MENTION_NAME)))
                return rc;
            if (k == 1 && dossier_names_compound_title(c, p))
                title = 1; /* "ESA-Chef X" */
            p += (int)k;
        } else if ((k = dossier_names_adjective(c, p, end)) > 0 || dossier_names_is_calendar(c, p)) {
            p += k ? (int)k : 1;
        } else {
            q = dossier_names_unknown_end(c, p, end);
            /* "a New York-based firm": the run ends in an adjective, no name */
            if (!dossier_names_adjective_compound(c, q - 1) && (rc = dossier_names_unknown(c, p, q, title, prefix)))
                return rc;
            p = q;
            prefix = 0;
        }
    }
    return DOSSIER_OK;
}

/* Non-zero when a title phrase ends just before token i in its sentence. */
static int title_before(const dossier_names *c, int i, int first)
{
    /* "PDG de X", "head of the X": small words may stand between. */
    for (int k = 0; k < 2 && i - 1 > first && is_connector(c, i - 1); k++)
        i--;
    for (int s = i - 1; s >= first && s >= i - 4; s--) {
        size_t k = dossier_names_title(c, s, i);
        if (k && s + (int)k == i)
            return 1;
        if (!k && s == i - 1 && !dossier_names_is_cap(c, s) && dossier_names_lex_stem(c, "entity.titles", s))
            return 1; /* Russian: "главой X" */
    }
    /* Russian: "министр экономики Франции X", "министр связи и информационных технологий Ирана X",
       "министр цифрового развития, инноваций и ... X": the title's field, lower-case words in the
       genitive (a list of them joined by commas and "и"), between. */
    if (strcmp(c->lang, "ru") == 0)
        for (int k = i; k - 1 >= first && k > i - 9 && c->owner[k - 1] < 0; k--) {
            if (k < i && (dossier_names_lex_stem(c, "entity.titles", k - 1) || dossier_names_title(c, k - 1, k) == 1))
                return 1;
            int word = (c->d->tokens.v[k - 1].flags & DOSSIER_TOK_WORD) && !dossier_names_is_cap(c, k - 1) &&
                       !dossier_names_is_stop(c, k - 1);
            int joint = k < i && (is_and(c, k - 1) || strcmp(c->d->folds.v[k - 1], ",") == 0);
            if (!word && !joint)
                break;
        }
    /* "глава Индийской организации ... X", "Leiter des Instituts X": a title, an organisation, the name. */
    int m = i - 1 >= first ? c->owner[i - 1] : -1;
    if (m >= 0 && c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PERSON &&
        c->d->mentions.v[m].first_token > first && c->d->mentions.v[m].first_token < i)
        return title_before(c, c->d->mentions.v[m].first_token, first);
    return 0;
}

/* Non-zero when token i, not the first of sentence s, is a capitalised small word ("To", "After"; not an initial "A."). */
static int small_word(const dossier_names *c, int i, const dossier_sentence *s)
{
    int next = i + 1 < s->first_token + s->ntokens ? i + 1 : -1;
    return i > s->first_token && dossier_names_is_cap(c, i) && strlen(c->d->folds.v[i]) >= 2 &&
           dossier_names_lex(c, "entity.stopwords", i, i + 1) == 1 && (next < 0 || strcmp(c->d->folds.v[next], "."));
}

/* See finder.h. */
int dossier_names_title_case(const dossier_names *c, const dossier_sentence *s)
{
    int words = 0, caps = 0, allcaps = 0, numbers = 0;
    for (int i = s->first_token; i < s->first_token + s->ntokens; i++) {
        numbers += (c->d->tokens.v[i].flags & DOSSIER_TOK_NUM) != 0;
        if (!(c->d->tokens.v[i].flags & DOSSIER_TOK_WORD))
            continue;
        words++;
        caps += dossier_names_is_cap(c, i);
        allcaps += (c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) != 0;
    }
    /* a line of results ("A. Dale 69, The Oval 12") has numbers; a headline one at most */
    if (strcmp(c->lang, "de") == 0 || words < 5 || caps * 10 < words * 7 || allcaps * 2 >= words || numbers > 1)
        return 0;
    /* and a capitalised small word, looked for only in a sentence that is otherwise in title case */
    for (int i = s->first_token; i < s->first_token + s->ntokens; i++)
        if ((c->d->tokens.v[i].flags & DOSSIER_TOK_WORD) && small_word(c, i, s))
            return 1;
    return 0;
}

/* See finder.h. */
int dossier_names_headline(const dossier_names *c, const dossier_sentence *s)
{
    int words = 0, caps = 0, allcaps = 0;
    for (int i = s->first_token; i < s->first_token + s->ntokens; i++) {
        if (!(c->d->tokens.v[i].flags & DOSSIER_TOK_WORD))
            continue;
        words++;
        caps += dossier_names_is_cap(c, i);
        allcaps += (c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) != 0;
    }
    /* German capitalises every noun: only a sentence with no lower-case word is in title case. */
    int need = strcmp(c->lang, "de") == 0 ? 10 : 7;
    return (words >= 5 && caps * 10 >= words * need) || (words >= 2 && allcaps == words);
}

/*
 * Non-zero when token i lies inside a quoted title in title case
 * ("On Cooperation in the Use of the GLONASS ... Systems"): five words or
 * more between quotation marks, most of them capitalised.
 */
static int in_quoted_title(const dossier_names *c, int i, int first, int end)
{
    int open = -1, close = -1;
    for (int k = i; k >= first; k--)
        if (c->d->tokens.v[k].flags & DOSSIER_TOK_QUOTE) {
            open = k;
            break;
        }
    for (int k = i; k < end; k++)
        if (c->d->tokens.v[k].flags & DOSSIER_TOK_QUOTE) {
            close = k;
            break;
        }
    if (open < 0 || close < 0 || !(c->d->tokens.v[open].flags & DOSSIER_TOK_QOPEN))
        return 0;
    int words = 0, caps = 0;
    for (int k = open + 1; k < close; k++)
        if (c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) {
            words++;
            caps += dossier_names_is_cap(c, k);
        }
    return words >= 5 && caps * 10 >= words * 6;
}

/* Finds the names of one sentence. */
static int read_sentence(dossier_names *c, const dossier_sentence *s)
{
    int first = s->first_token, end = first + s->ntokens;
    int headline = dossier_names_headline(c, s), field_until = -1, field_title = -1;
    for (int i = first; i < end;) {
        size_t tk;
        if (field_until > i) {
            i = field_title = field_until; /* the name after a title's field has the title */
            continue;
        }
        if (!headline && !dossier_names_is_cap(c, i) && c->owner[i] < 0 && (tk = dossier_names_title(c, i, end)) > 0 &&
            (field_until = title_field(c, i + (int)tk, end, 1)) > 0)
            continue; /* "ministre de l'Innovation, des Sciences et de l'Industrie, X" */
        if (!dossier_names_is_cap(c, i) && c->owner[i] < 0 && (tk = dossier_names_title(c, i, end)) > 1) {
            i += (int)tk; /* "chef de l'État": a title, capitals and all */
            continue;
        }
        if (!dossier_names_is_cap(c, i) || c->owner[i] >= 0) {
            int rc = dossier_names_lowercase(c, i, end);
            if (rc < 0)
                return rc;
            i += rc > 0 ? rc : 1;
            continue;
        }
        int j = run_end(c, i, end), x = -1;
        if (!headline && (x = dossier_names_expansion(c, i, j, end)) < -1)
            return x;
        int rc = headline || in_quoted_title(c, i, first, end) ? dossier_names_known_only(c, i, j)
                          : read_run(c, i, x >= 0 ? x : j,
                                     title_before(c, i, first) || i == field_title ||
                                         (field_title >= 0 && i - 1 == field_title && strcmp(c->d->folds.v[i - 1], ",") == 0),
                                     &field_until);
        if (rc)
            return rc;
        /* A name may run past the capitalised words: "Agence spatiale nationale chinoise (CNSA)". */
        while (j < end && c->owner[j] >= 0 && c->owner[j - 1] == c->owner[j])
            j++;
        int a = acronym_after(c, j, end);
        if (a < 0)
            return a;
        i = j + a;
    }
    return DOSSIER_OK;
}

/* See entities.h. */
int dossier_entities_run(dossier_doc *d)
{
    dossier_names c = {0};
    int rc = DOSSIER_OK;
    if (!d->tokens.n)
        return DOSSIER_OK;
    c.d = d;
    c.lang = dossier_doc_lang(d);
    c.owner = malloc(d->tokens.n * sizeof *c.owner);
    c.lists = calloc(2 * DOSSIER_LEXMEMO_SLOTS, sizeof *c.lists);
    c.titles = malloc(d->tokens.n * sizeof *c.titles);
    if (!c.owner || !c.lists || !c.titles) {
        free(c.owner);
        free(c.lists);
        free(c.titles);
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    c.lists_any = c.lists + DOSSIER_LEXMEMO_SLOTS;
    if (d->lex) {
        calendar_bits(&c);
        plural_bits(&c);
    }
    for (size_t i = 0; i < d->tokens.n; i++) {
        c.owner[i] = -1;
        c.titles[i].end = -1;
    }
    rc = dossier_names_tag(&c);
    if (!rc)
        rc = dossier_names_scores(&c);
    for (size_t s = 0; !rc && s < d->sentences.n; s++)
        rc = read_sentence(&c, &d->sentences.v[s]);
    if (!rc)
        rc = dossier_names_tagged(&c, 1);
    if (!rc)
        rc = dossier_names_second_pass(&c);
    if (!rc)
        rc = dossier_names_tagged(&c, 0);
    if (!rc)
        rc = dossier_names_teams(&c);
    free(c.owner);
    free(c.lists);
    free(c.titles);
    free(c.score);
    free(c.tags);
    free(c.margin);
    return rc;
}

/* See entities.h. */
int dossier_entities_is_head(const dossier_doc *d, const char *lang, int i)
{
    dossier_names c = {(dossier_doc *)d, lang, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, {0}, 0, {0}};
    return dossier_names_is_head(&c, i);
}

/* See entities.h. */
int dossier_entities_lex_stem(const dossier_doc *d, const char *lang, const char *key, int i)
{
    dossier_names c = {(dossier_doc *)d, lang, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, {0}, 0, {0}};
    return dossier_names_lex_stem(&c, key, i);
}

/* See entities.h. */
int dossier_entities_tail_title(const dossier_doc *d, const char *lang, int i)
{
    dossier_names c = {(dossier_doc *)d, lang, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, {0}, 0, {0}};
    return dossier_names_tail_title(&c, i);
}

/* See entities.h. */
int dossier_entities_field_list(const dossier_doc *d, const char *lang, int *owner, int i, int end, int need_comma)
{
    dossier_names c = {(dossier_doc *)d, lang, owner, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, {0}, 0, {0}};
    return dossier_names_field_list(&c, i, end, need_comma);
}
