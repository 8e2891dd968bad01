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
 * sees as a place or an organisation is recorded as one.  Countries and other places of the gazetteer stay places.
 */
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
        if (ent < 0 && (!c->tags || c->tags[i] == DOSSIER_TAG_O || DOSSIER_TAG_KIND(c->tags[i]) == 1 ||
                        dossier_names_is_calendar(c, i) || dossier_names_is_stop(c, i)))
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
        int team = scored[r] && with_score >= 2;
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
