/*
 * teams.c — sports teams named after places ("Blackburn 2 Southampton 1").
 *
 * Clubs, counties and franchises often bear the name of their town: the
 * tagger and the place lists call them places.  A result says otherwise:
 * a sentence holding two names each followed by a score ("Blackburn 2
 * Southampton 1", "Essex 532-8, Yorkshire 331"), or two names joined by
 * a word of `entity.versus` ("Kent v Surrey", "Leeds beat Wimbledon").
 * There a name that is no person is a team, an organisation: a place
 * found from the text becomes one (every mention of it in the article
 * follows, as they share the entity), and an unclaimed name the tagger
 * sees as a place or an organisation is recorded as one.  A table row
 * ("Stoke 4 3 1 0 7 4 10": a name, then figures only) is a result too,
 * and the scores of results and rows are marked first (dossier_names_scores)
 * so that no name swallows its score.  A known town in a result becomes
 * its club (that mention only); countries stay places (national sides).
 */
#include <stdlib.h>
#include <string.h>

#include "base/doc.h"
#include "dossier.h"
#include "extract/entities/finder.h"
#include "extract/tagger/tagger.h"

/* Non-zero when token i is a score: up to three digits, or two such joined by a hyphen ("2", "312-5"). */
static int is_score(const dossier_doc *d, int i)
{
    if (!(d->tokens.v[i].flags & DOSSIER_TOK_NUM))
        return 0;
    const char *s = d->body + d->tokens.v[i].span.start;
    size_t len = d->tokens.v[i].span.end - d->tokens.v[i].span.start;
    int digits = 0, parts = 1;
    for (size_t k = 0; k < len; k++) {
        if (s[k] >= '0' && s[k] <= '9') {
            if (++digits > 3)
                return 0;
        } else if ((s[k] == '-' || s[k] == ':') && digits && parts == 1) {
            parts++;
            digits = 0;
        } else {
            return 0;
        }
    }
    return digits > 0;
}

/* Where the capitalised words that start at token i end. */
static int cap_run(const dossier_names *c, int i, int end)
{
    int j = i;
    while (j < end && dossier_names_is_cap(c, j) && (c->d->tokens.v[j].flags & DOSSIER_TOK_WORD))
        j++;
    return j;
}

/* Non-zero when tokens [i, end) hold no word, only numbers and signs (the rest of a table row). */
static int only_figures(const dossier_doc *d, int i, int end)
{
    for (; i < end; i++)
        if ((d->tokens.v[i].flags & DOSSIER_TOK_WORD) && !(d->tokens.v[i].flags & DOSSIER_TOK_NUM))
            return 0;
    return 1;
}

/*
 * Marks the scores of sentence [first, end) in c->score: the numbers after
 * names in a result ("Pohang 3 Ulsan 2", two names each followed by a
 * score) and in a table row (a sentence that opens on a name followed by
 * figures only: "Stoke 4 3 1 0 7 4 10").  A score is no part of a name.
 */
static void sentence_scores(dossier_names *c, int first, int end)
{
    int after[64], n = 0;
    for (int i = first; i < end && n < 64;) {
        int j = cap_run(c, i, end);
        if (j == i) {
            i++;
            continue;
        }
        if (j < end && is_score(c->d, j))
            after[n++] = j;
        i = j;
    }
    int row = n == 1 && cap_run(c, first, end) == after[0] && only_figures(c->d, after[0], end);
    if (n >= 2 || row)
        for (int k = 0; k < n; k++)
            c->score[after[k]] = 1 + row;
}

/* Non-zero when body bytes [s, e) hold a year: four digits from 1800 to 2099 alone. */
static int has_year(const dossier_doc *d, size_t s, size_t e)
{
    const char *b = d->body;
    for (size_t i = s; i + 4 <= e; i++) {
        if ((i > s && b[i - 1] >= '0' && b[i - 1] <= '9') || (i + 4 < e && b[i + 4] >= '0' && b[i + 4] <= '9'))
            continue;
        if (strspn(b + i, "0123456789") >= 4 && (b[i] == '2' || (b[i] == '1' && (b[i + 1] == '8' || b[i + 1] == '9'))))
            return 1;
    }
    return 0;
}

/*
 * Marks a dateline line of sentence [first, end): a place in capitals,
 * maybe a comma and a region, then a date in figures and nothing else
 * ("LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29").  The token
 * after each place (the comma, the date) gets DATELINE in c->score.
 */
static void sentence_dateline(dossier_names *c, int first, int end)
{
    const dossier_doc *d = c->d;
    int j = cap_run(c, first, end), k = j;
    for (int i = first; i < j; i++)
        if (!(d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS))
            return;
    if (j == first || j >= end)
        return;
    if (!strcmp(d->folds.v[j], ",") && (k = cap_run(c, j + 1, end)) == j + 1)
        return;
    if (k >= end || !(d->tokens.v[k].flags & DOSSIER_TOK_NUM) || !only_figures(d, k, end) ||
        !has_year(d, d->tokens.v[k].span.start, d->tokens.v[end - 1].span.end))
        return;
    c->score[j] = DATELINE;
    c->score[k] = DATELINE;
}

/* See finder.h. */
int dossier_names_scores(dossier_names *c)
{
    c->score = calloc(c->d->tokens.n ? c->d->tokens.n : 1, 1);
    if (!c->score)
        return dossier_doc_fail(c->d, DOSSIER_ENOMEM, "out of memory");
    for (size_t s = 0; s < c->d->sentences.n; s++) {
        const dossier_sentence *st = &c->d->sentences.v[s];
        sentence_scores(c, st->first_token, st->first_token + st->ntokens);
        sentence_dateline(c, st->first_token, st->first_token + st->ntokens);
    }
    return DOSSIER_OK;
}

/* Non-zero when token i is a lower-case word of the model's dictionary on no list of names ("Total"). */
static int common_word(const dossier_names *c, int i)
{
    const char *f = c->d->folds.v[i];
    unsigned wc = dossier_tagger_word_class(dossier_tagger_model_words(c->model), f, strlen(f));
    return (wc & DOSSIER_WC_LOWER) && !(wc & (DOSSIER_WC_CITY | DOSSIER_WC_REGION | DOSSIER_WC_ORG));
}

/*
 * A known town or region in a result is its club ("Leeds 2 Chelsea 1"):
 * mention m of tokens [i, j) moves from the place to an organisation of
 * the same name.  Countries (places with a demonym) stay places: a
 * national side is named as its country.
 */
static int club_of(dossier_names *c, int m, int i, int j)
{
    dossier_doc *d = c->d;
    size_t s = d->tokens.v[i].span.start, e = d->tokens.v[j - 1].span.end;
    int ent = dossier_names_find(d, d->body + s, e - s);
    if (ent < 0 || d->entities.v[ent].kind != DOSSIER_KIND_ORGANIZATION)
        ent = dossier_doc_entity(d, d->body + s, e - s, DOSSIER_KIND_ORGANIZATION, NULL);
    if (ent < 0)
        return ent;
    d->entities.v[d->mentions.v[m].entity].nmentions--;
    d->entities.v[ent].nmentions++;
    d->mentions.v[m].entity = ent;
    return DOSSIER_OK;
}

/* Makes the name [i, j) a team, unless it is a person or a known place. */
static int make_team(dossier_names *c, int i, int j)
{
    dossier_doc *d = c->d;
    int m = c->owner[i], rc;
    for (int k = i; k < j; k++)
        if (c->owner[k] != m)
            return DOSSIER_OK; /* pieces of several names: leave them */
    int ent = m >= 0 ? d->mentions.v[m].entity : -1;
    if (m < 0) {
        /* Unclaimed words: a team when the article names a place so elsewhere, or when the
           tagger sees a place or an organisation here (scorecards are full of surnames
           followed by numbers). */
        size_t s = d->tokens.v[i].span.start, e = d->tokens.v[j - 1].span.end;
        ent = dossier_names_find(d, d->body + s, e - s);
        int scored = j < (int)d->tokens.n && c->score[j];
        if (ent < 0 && (!c->tags || DOSSIER_TAG_KIND(c->tags[i]) == 1 || dossier_names_is_calendar(c, i) ||
                        dossier_names_is_stop(c, i) ||
                        (c->tags[i] == DOSSIER_TAG_O && (!scored || common_word(c, i)))))
            return DOSSIER_OK;
        if (ent < 0 || d->entities.v[ent].kind == DOSSIER_KIND_PLACE)
            if ((rc = dossier_names_add(c, i, j, ent < 0 ? DOSSIER_KIND_ORGANIZATION : DOSSIER_KIND_PLACE, NULL,
                                        DOSSIER_MENTION_NAME)))
                return rc;
        if (ent < 0)
            return DOSSIER_OK;
    }
    dossier_entity *e = &d->entities.v[ent];
    if (e->kind == DOSSIER_KIND_PLACE && !e->gaz)
        e->kind = DOSSIER_KIND_ORGANIZATION;
    else if (e->kind == DOSSIER_KIND_PLACE && e->gaz->nadjectives == 0 && m >= 0)
        return club_of(c, m, i, j);
    return DOSSIER_OK;
}

/* Finds the teams of one sentence [first, end). */
static int sentence_teams(dossier_names *c, int first, int end)
{
    int runs[64][2], scored[64], n = 0, with_score = 0, rc;
    for (int i = first; i < end && n < 64;) {
        int j = cap_run(c, i, end);
        if (j == i) {
            i++;
            continue;
        }
        runs[n][0] = i;
        runs[n][1] = j;
        scored[n] = j < end && is_score(c->d, j);
        with_score += scored[n];
        n++;
        i = j;
    }
    for (int r = 0; r < n; r++) {
        int team = scored[r] && (with_score >= 2 || c->score[runs[r][1]] == 2);
        /* "Kent v Surrey": a versus word between two names. */
        size_t k;
        if (!team && r + 1 < n && (k = dossier_names_lex(c, "entity.versus", runs[r][1], runs[r + 1][0])) &&
            runs[r][1] + (int)k == runs[r + 1][0])
            team = 2;
        if (!team && r > 0 && (k = dossier_names_lex(c, "entity.versus", runs[r - 1][1], runs[r][0])) &&
            runs[r - 1][1] + (int)k == runs[r][0])
            team = 1;
        if (team && (rc = make_team(c, runs[r][0], runs[r][1])))
            return rc;
        if (team == 2 && (rc = make_team(c, runs[r + 1][0], runs[r + 1][1])))
            return rc;
    }
    return DOSSIER_OK;
}

/* See finder.h. */
int dossier_names_teams(dossier_names *c)
{
    for (size_t s = 0; s < c->d->sentences.n; s++) {
        const dossier_sentence *st = &c->d->sentences.v[s];
        int rc = sentence_teams(c, st->first_token, st->first_token + st->ntokens);
        if (rc)
            return rc;
    }
    return DOSSIER_OK;
}
