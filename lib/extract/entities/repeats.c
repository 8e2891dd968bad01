/*
 * repeats.c — the second pass of the entities stage: once the first pass
 * has found names from their cues, find their other mentions.
 *
 * - A person known by a surname alone ("Mr Gagarin", "Titov said")
 *   joins the person of the same article whose full name ends (or, for
 *   family-name-first names, begins) with it; Russian case forms of the
 *   surname ("Седова") count too.
 * - A name found once with a cue is found again without one, and so is a
 *   surname alone or an acronym recorded as an alias.
 * - An organisation named by a word in capitals ("NBC") is the one
 *   organisation of the article named by it and one more word ("NBC
 *   News").
 * - A description ("the agency", "la société d'État", "госкорпорация")
 *   points to the organisation the article names most often before it.
 *
 * Mentions are finally sorted by position, so later stages can walk
 * them in text order.
 */
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/entities/finder.h"
#include "base/strmap.h"
#include "base/token.h"
#include "base/util.h"

#define MAXW 8

/* The folded words of a name (up to MAXW); returns their count.  The caller frees them with free_words(). */
static size_t name_words(const char *name, char **out)
{
    size_t n = 0, pos = 0, s, e, len = strlen(name);
    unsigned f;
    while (n < MAXW && (f = dossier_token_next(name, len, &pos, &s, &e)))
        if (f & DOSSIER_TOK_WORD)
            out[n++] = dossier_fold(name + s, e - s);
    return n;
}

/* Frees the words name_words() gave. */
static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
}

/* Non-zero when two folded words are the same Russian word in two cases. */
static int same_stem(const char *a, const char *b)
{
    if ((unsigned char)a[0] < 0xD0 || (unsigned char)b[0] < 0xD0)
        return 0;
    size_t la = strlen(a), lb = strlen(b), common = 0;
    while (a[common] && a[common] == b[common])
        common++;
    return common >= 8 && la - common <= 4 && lb - common <= 4;
}

/* Non-zero when the folded token `w` is the surname of person entity e. */
static int is_surname(const dossier_names *c, int e, const char *w)
{
    const dossier_entity *ent = &c->d->entities.v[e];
    char *words[MAXW];
    size_t n = name_words(ent->name, words);
    int hit = 0;
    if (n >= 2 && words[n - 1] && (strcmp(words[n - 1], w) == 0 || same_stem(words[n - 1], w)))
        hit = 1;
    if (n >= 2 && words[0] && strcmp(words[0], w) == 0) {
        const char *one[1] = {words[0]};
        hit |= dossier_lexicon_match(c->d->lex, NULL, "entity.surname_first", one, 1, NULL) == 1;
    }
    free_words(words, n);
    return hit;
}

/*
 * The people who may have a surname, filed by the words it could be: the
 * last word of their name ("l"), its first eight bytes when Cyrillic
 * ("c", for same_stem()) and the first word ("f", for family-name-first
 * names).  A look-up gives a superset that is_surname() then decides, so
 * that finding a surname costs its few candidates, not every entity.
 */
typedef struct {
    dossier_strmap keys;
} surname_index;

/* Files key tag + s[0, len) for entity e; returns 0 or DOSSIER_ENOMEM. */
static int file_key(dossier_strmap *m, char tag, const char *s, size_t len, int e)
{
    char key[160];
    if (len + 1 > sizeof key)
        len = sizeof key - 1;   /* a longer word is still found: its candidates are checked in full */
    key[0] = tag;
    memcpy(key + 1, s, len);
    return dossier_strmap_add(m, key, len + 1, e);
}

/* Non-zero when same_stem() may hold for folded word w: Cyrillic, eight bytes or more. */
static int stem_keyed(const char *w)
{
    return (unsigned char)w[0] >= 0xD0 && strlen(w) >= 8;
}

/* Files every person of two or more words under the words their surname could be. */
static int surnames_build(surname_index *sx, const dossier_names *c)
{
    int rc = DOSSIER_OK;
    for (size_t e = 0; !rc && e < c->d->entities.n; e++) {
        const dossier_entity *ent = &c->d->entities.v[e];
        if (ent->kind != DOSSIER_KIND_PERSON || !strchr(ent->name, ' '))
            continue;
        char *words[MAXW];
        size_t n = name_words(ent->name, words);
        if (n >= 2 && words[n - 1]) {
            rc = file_key(&sx->keys, 'l', words[n - 1], strlen(words[n - 1]), (int)e);
            if (!rc && stem_keyed(words[n - 1]))
                rc = file_key(&sx->keys, 'c', words[n - 1], 8, (int)e);
        }
        if (!rc && n >= 2 && words[0])
            rc = file_key(&sx->keys, 'f', words[0], strlen(words[0]), (int)e);
        free_words(words, n);
    }
    return rc ? dossier_doc_fail(c->d, DOSSIER_ENOMEM, "out of memory") : DOSSIER_OK;
}

/* The one person entity of two or more words whose surname is `w`, or -1. */
static int person_by_surname(const dossier_names *c, const surname_index *sx, const char *w, int except)
{
    int found = -1;
    char key[160];
    size_t lw = strlen(w);
    for (int pass = 0; pass < 3; pass++) {
        static const char tags[] = {'l', 'f', 'c'};
        size_t len = pass == 2 ? 8 : lw, n = 0;
        if ((pass == 2 && !stem_keyed(w)) || len + 1 > sizeof key)
            len = pass == 2 ? 0 : sizeof key - 1;
        if (!len)
            continue;
        key[0] = tags[pass];
        memcpy(key + 1, w, len);
        const int *cand = dossier_strmap_get(&sx->keys, key, len + 1, &n);
        for (size_t i = 0; i < n; i++) {
            int e = cand[i];
            const dossier_entity *ent = &c->d->entities.v[e];
            if (e == except || e == found || !ent->nmentions || !is_surname(c, e, w))
                continue;
            if (found >= 0)
                return -1;
            found = e;
        }
    }
    return found;
}

/* Non-zero when a name has exactly two words, one space between them. */
static int word_count_is_two(const char *name)
{
    const char *sp = strchr(name, ' ');
    return sp && sp > name && sp[1] && !strchr(sp + 1, ' ');
}

/* Non-zero when the folded word is a generational suffix ("jr", "iii"). */
static int is_suffix(const dossier_names *c, const char *w)
{
    const char *one[1] = {w};
    return dossier_lexicon_match(c->d->lex, NULL, "entity.name_suffixes", one, 1, NULL) == 1;
}

/*
 * The one person of the article whose full name ends in the surname and
 * generational suffix that entity `except` is named by alone ("Hale Jr."
 * of "Victor Hale Jr."), or -1.
 */
static int person_by_suffix(const dossier_names *c, const surname_index *sx, const char *surname, const char *suffix,
                            int except)
{
    char key[64];
    size_t n = 0, len = strlen(suffix);
    if (len + 2 > sizeof key)
        return -1;
    key[0] = 'l';
    memcpy(key + 1, suffix, len);
    const int *cand = dossier_strmap_get(&sx->keys, key, len + 1, &n);
    int found = -1;
    for (size_t i = 0; i < n; i++) {
        const dossier_entity *ent = &c->d->entities.v[cand[i]];
        if (cand[i] == except || cand[i] == found || !ent->nmentions)
            continue;
        char *w[MAXW];
        size_t nw = name_words(ent->name, w);
        int hit = nw >= 3 && w[nw - 1] && w[nw - 2] && !strcmp(w[nw - 1], suffix) && !strcmp(w[nw - 2], surname);
        free_words(w, nw);
        if (hit && found >= 0)
            return -1;
        if (hit)
            found = cand[i];
    }
    return found;
}

/*
 * The person entity a short name e stands for in the article: its one
 * bearer of that surname (or surname and suffix), or -1.
 */
static int person_shortened(const dossier_names *c, const surname_index *sx, int e)
{
    const dossier_entity *ent = &c->d->entities.v[e];
    if (!strchr(ent->name, ' ')) {
        char *f = dossier_fold(ent->name, strlen(ent->name));
        int to = f ? person_by_surname(c, sx, f, e) : -1;
        free(f);
        return to;
    }
    char *w[MAXW];
    size_t n = name_words(ent->name, w);
    int to = -1;
    if (n == 2 && w[0] && w[1] && is_suffix(c, w[1]))
        to = person_by_suffix(c, sx, w[0], w[1], e);
    free_words(w, n);
    return to;
}

/*
 * Non-zero when one-word entity e may be a surname of the article's
 * people: a person; or an organisation or place found from the words
 * around one mention ("the Calloway campaign", "since Calloway") and on no
 * list of regions, which a person of the article whose surname it is
 * shows to be that person ("Mrs. Calloway" is found as the same name).
 */
static int surname_candidate(const dossier_names *c, int e)
{
    const dossier_entity *ent = &c->d->entities.v[e];
    if (ent->gaz || !ent->nmentions)
        return 0;
    if (strchr(ent->name, ' ')) /* a surname and a suffix: "Hale Jr." */
        return ent->kind == DOSSIER_KIND_PERSON && word_count_is_two(ent->name);
    if (ent->kind == DOSSIER_KIND_PERSON)
        return 1;
    return (ent->kind == DOSSIER_KIND_ORGANIZATION || ent->kind == DOSSIER_KIND_PLACE) &&
           !dossier_names_listed_region(c, ent->name);
}

/*
 * Of the article's people named in full whose surname is w (folded), the
 * one named at least twice as often as any other; or -1 when there is no
 * such person, and -2 when there are several and none stands out.
 */
static int salient_bearer(const dossier_names *c, const surname_index *sx, const char *w, int except)
{
    char key[160];
    size_t n = 0, lw = strlen(w);
    int best = -1, second = 0, bearers = 0;
    if (lw + 2 > sizeof key)
        return -1;
    key[0] = 'l';
    memcpy(key + 1, w, lw);
    const int *cand = dossier_strmap_get(&sx->keys, key, lw + 1, &n);
    for (size_t i = 0; i < n; i++) {
        const dossier_entity *ent = &c->d->entities.v[cand[i]];
        if (cand[i] == except || !ent->nmentions || !is_surname(c, cand[i], w))
            continue;
        bearers++;
        if (best < 0 || ent->nmentions > c->d->entities.v[best].nmentions) {
            if (best >= 0)
                second = c->d->entities.v[best].nmentions;
            best = cand[i];
        } else if (ent->nmentions > second) {
            second = ent->nmentions;
        }
    }
    if (bearers == 0)
        return -1;
    return c->d->entities.v[best].nmentions >= 2 * second ? best : -2;
}

/*
 * Moves the mentions of one-word entities to the person's full name they
 * shorten.  An organisation or place found from a cue around one mention
 * that is the surname of several people of the article goes to the one
 * the article names most ("Calloway's office" after "Ann Calloway" and
 * once "Tom Calloway"), or, when none stands out, becomes a person of its
 * own: the article's people show it to be a surname.
 */
static int merge_surnames(dossier_names *c)
{
    dossier_doc *d = c->d;
    surname_index sx = {0};
    int rc = surnames_build(&sx, c);
    for (size_t e = 0; !rc && e < d->entities.n; e++) {
        dossier_entity *ent = &d->entities.v[e];
        if (!surname_candidate(c, (int)e))
            continue;
        int to = person_shortened(c, &sx, (int)e);
        if (to < 0 && ent->kind != DOSSIER_KIND_PERSON && !strchr(ent->name, ' ')) {
            char *f = dossier_fold(ent->name, strlen(ent->name));
            if (!f) {
                rc = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
                break;
            }
            to = salient_bearer(c, &sx, f, (int)e);
            free(f);
            if (to == -2)
                ent->kind = DOSSIER_KIND_PERSON;
        }
        if (to < 0)
            continue;
        for (size_t m = 0; m < d->mentions.n; m++)
            if (d->mentions.v[m].entity == (int)e) {
                d->mentions.v[m].entity = to;
                d->mentions.v[m].how = DOSSIER_MENTION_SHORT;
                d->entities.v[to].nmentions++;
            }
        ent->nmentions = 0;
        if (dossier_doc_alias(d, to, ent->name, strlen(ent->name)))
            rc = DOSSIER_ENOMEM;
    }
    dossier_strmap_free(&sx.keys);
    return rc;
}

/* Non-zero when a folded word is one letter: an initial ("j" of "J."). */
static int is_initial(const char *w)
{
    size_t n = strlen(w);
    return n == 1 || (n == 2 && ((unsigned char)w[0] & 0xE0) == 0xC0);
}

/*
 * Drops the middle initials of a name's words (kept in order in *out);
 * returns how many words are left and sets *initials to how many went.
 */
static size_t without_initials(char **w, size_t n, const char **out, size_t *initials)
{
    size_t k = 0;
    *initials = 0;
    for (size_t i = 0; i < n; i++) {
        if (!w[i])
            return 0;
        if (i > 0 && i + 1 < n && is_initial(w[i]))
            (*initials)++;
        else
            out[k++] = w[i];
    }
    return k;
}

/*
 * Non-zero when two full names, as their folded words (name_words), are
 * the same words, some in other Russian cases ("Павла Седова" for
 * "Павел Седов"), or the same apart from middle initials that only one
 * of them gives ("Mara T. Quell", "Mara Quell").
 */
static int same_full_name(char **wa, size_t na, char **wb, size_t nb)
{
    const char *ka[MAXW], *kb[MAXW];
    size_t ia = 0, ib = 0;
    size_t ma = without_initials(wa, na, ka, &ia), mb = without_initials(wb, nb, kb, &ib);
    int same = ma >= 2 && ma == mb && (na == nb || !ia || !ib);
    for (size_t k = 0; same && k < ma; k++)
        same = strcmp(ka[k], kb[k]) == 0 || same_stem(ka[k], kb[k]);
    for (size_t k = 0; same && na == nb && k < na; k++)
        same = strcmp(wa[k], wb[k]) == 0 || same_stem(wa[k], wb[k]);
    return same;
}

/* An entity's name as its folded words, made the first time they are asked for. */
typedef struct {
    int made;
    size_t n;
    char *w[MAXW];
} name_words_memo;

/* The folded words of entity e's name into *m, unless they are there already; returns *m. */
static name_words_memo *words_of(name_words_memo *m, const dossier_doc *d, size_t e)
{
    if (!m->made) {
        m->n = name_words(d->entities.v[e].name, m->w);
        m->made = 1;
    }
    return m;
}

/* The number of words of a name, as name_words() counts them. */
static size_t word_count(const char *name)
{
    char *w[MAXW];
    size_t n = name_words(name, w);
    free_words(w, n);
    return n;
}

/* Moves the mentions of a full name in another case, or without its initials, to the first spelling seen. */
static int merge_inflected(dossier_names *c)
{
    dossier_doc *d = c->d;
    int rc = DOSSIER_OK;
    /* each person's words once, not once a pair (a name and its words trade places below) */
    name_words_memo *memo = calloc(d->entities.n ? d->entities.n : 1, sizeof *memo);
    if (!memo)
        return DOSSIER_ENOMEM;
    for (size_t e = 0; !rc && e < d->entities.n; e++) {
        dossier_entity *ent = &d->entities.v[e];
        if (ent->kind != DOSSIER_KIND_PERSON || ent->gaz || !ent->nmentions)
            continue;
        for (size_t f = 0; f < e; f++) {
            dossier_entity *to = &d->entities.v[f];
            if (to->kind != DOSSIER_KIND_PERSON || !to->nmentions)
                continue;
            name_words_memo *a = words_of(&memo[f], d, f), *b = words_of(&memo[e], d, e);
            if (!same_full_name(a->w, a->n, b->w, b->n))
                continue;
            for (size_t m = 0; m < d->mentions.n; m++)
                if (d->mentions.v[m].entity == (int)e) {
                    d->mentions.v[m].entity = (int)f;
                    to->nmentions++;
                }
            ent->nmentions = 0;
            if (strlen(ent->name) < strlen(to->name) && word_count(ent->name) == word_count(to->name)) {
                /* The shorter form is the nominative: "Игорь Смирнов", not "Игоря Смирнова". */
                const char *old = to->name, *old_fold = to->fold;
                name_words_memo words = memo[f];
                to->name = ent->name;
                to->fold = ent->fold;
                memo[f] = memo[e];
                ent->name = old;
                ent->fold = old_fold;
                memo[e] = words;
            }
            if (dossier_doc_alias(d, (int)f, ent->name, strlen(ent->name)))
                rc = DOSSIER_ENOMEM;
            break;
        }
    }
    for (size_t e = 0; e < d->entities.n; e++)
        free_words(memo[e].w, memo[e].n);
    free(memo);
    return rc;
}

/* One name to find again: an entity's name or one-word alias, as folded words. */
typedef struct {
    int entity;
    size_t n;
    char *words[MAXW];
} repeat_name;

/*
 * The names find_repeats() looks for, in the order it tries them (entity,
 * then its name before its aliases), filed by their first word.
 */
typedef struct {
    VEC(repeat_name) names;
    dossier_strmap by_first;
} repeat_index;

/* Frees the index's names and map. */
static void repeats_free(repeat_index *rx)
{
    for (size_t i = 0; i < rx->names.n; i++)
        free_words(rx->names.v[i].words, rx->names.v[i].n);
    VEC_FREE(&rx->names);
    dossier_strmap_free(&rx->by_first);
}

/* Files the names (and one-word aliases) of the first nent entities found with mentions and not from the gazetteer. */
static int repeats_build(repeat_index *rx, const dossier_names *c, size_t nent)
{
    for (size_t e = 0; e < nent; e++) {
        const dossier_entity *ent = &c->d->entities.v[e];
        if (!ent->nmentions || ent->gaz)
            continue;
        for (size_t a = 0; a <= ent->aliases.n; a++) {
            repeat_name r = {.entity = (int)e};
            r.n = name_words(a == 0 ? ent->name : ent->aliases.v[a - 1], r.words);
            int usable = r.n > 0 && (a == 0 || r.n == 1);
            for (size_t k = 0; k < r.n; k++)
                usable = usable && r.words[k];
            if (!usable) {
                free_words(r.words, r.n);
                continue;
            }
            if (VEC_PUSH(&rx->names, r)) {
                free_words(r.words, r.n);
                return DOSSIER_ENOMEM;
            }
            if (dossier_strmap_add(&rx->by_first, r.words[0], strlen(r.words[0]), (int)rx->names.n - 1))
                return DOSSIER_ENOMEM;
        }
    }
    return DOSSIER_OK;
}

/* The first filed name at token i (before `end`): its length, with *out_entity set; or 0. */
static int name_at(const dossier_names *c, const repeat_index *rx, int i, int end, int *out_entity)
{
    size_t n = 0;
    const char *w = c->d->folds.v[i];
    const int *cand = dossier_strmap_get(&rx->by_first, w, strlen(w), &n);
    for (size_t j = 0; j < n; j++) {
        const repeat_name *r = &rx->names.v[cand[j]];
        size_t k = 0;
        while (k < r->n && i + (int)k < end && strcmp(r->words[k], c->d->folds.v[i + k]) == 0)
            k++;
        if (k == r->n) {
            *out_entity = r->entity;
            return (int)r->n;
        }
    }
    return 0;
}

/* Adds a mention of entity e at [i, i+n) and marks its tokens. */
static int mention(dossier_names *c, int e, int how, int i, int n)
{
    int m = dossier_doc_mention(c->d, e, how, i, n);
    if (m < 0)
        return m;
    for (int k = i; k < i + n; k++)
        c->owner[k] = m;
    return DOSSIER_OK;
}

/* Finds repeats, surnames and acronyms of the entities found so far. */
static int find_repeats(dossier_names *c)
{
    dossier_doc *d = c->d;
    repeat_index rx = {0};
    surname_index sx = {0};
    int rc = repeats_build(&rx, c, d->entities.n);
    if (rc)
        rc = dossier_doc_fail(d, rc, "out of memory");
    else
        rc = surnames_build(&sx, c);
    for (int i = 0; !rc && i < (int)d->tokens.n; i++) {
        if (c->owner[i] >= 0 || !dossier_names_is_cap(c, i))
            continue;
        int end = dossier_names_sent_end(c, i), e = -1;
        int n = name_at(c, &rx, i, end, &e);
        if (n > 0) {
            const dossier_entity *ent = &d->entities.v[e];
            if (ent->kind == DOSSIER_KIND_PERSON && dossier_names_suffix_after(c, i + n))
                continue;   /* "X Y Jr." is not X Y */
            rc = mention(c, e, strchr(ent->name, ' ') && n == 1 ? DOSSIER_MENTION_SHORT : DOSSIER_MENTION_NAME,
                         i, n);
        } else if (!dossier_names_is_cap(c, i + 1) && !dossier_names_suffix_after(c, i + 1)) {
            int p = person_by_surname(c, &sx, d->folds.v[i], -1);
            if (p >= 0)
                rc = mention(c, p, DOSSIER_MENTION_SHORT, i, 1);
        }
    }
    repeats_free(&rx);
    dossier_strmap_free(&sx.keys);
    return rc;
}

/* The organisation named most often before token i (the latest on a tie), or -1. */
static int dominant_org(const dossier_names *c, int i)
{
    dossier_doc *d = c->d;
    int best = -1, best_n = 0;
    int *count = calloc(d->entities.n + 1, sizeof *count);
    if (!count)
        return -1;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        if (mm->first_token >= i || mm->how == DOSSIER_MENTION_DESCRIPTION ||
            d->entities.v[mm->entity].kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        count[mm->entity]++;
    }
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        if (mm->first_token >= i || d->entities.v[mm->entity].kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        if (count[mm->entity] >= best_n) {
            best_n = count[mm->entity];
            best = mm->entity;
        }
    }
    free(count);
    return best;
}

/* Records descriptions ("the agency") as mentions of the organisation they point to. */
static int find_descriptions(dossier_names *c)
{
    dossier_doc *d = c->d;
    for (int i = 0; i < (int)d->tokens.n; i++) {
        if (c->owner[i] >= 0 || !(d->tokens.v[i].flags & DOSSIER_TOK_WORD))
            continue;
        int end = dossier_names_sent_end(c, i);
        int k = (int)dossier_names_lex(c, "entity.org_descriptions", i, end);
        for (int t = i; k && t < i + k; t++)
            if (c->owner[t] >= 0)
                k = 0; /* "Le Centre national ...": the start of a name */
        /* "l'agence spatiale indienne", "the agency Xinhua": another organisation, named or not. */
        if (!k || (i + k < end && (dossier_names_is_cap(c, i + k) || dossier_names_adjective(c, i + k, end) ||
                                dossier_names_adjective_like(c, i + k))))
            continue;
        int org = dominant_org(c, i);
        if (org < 0)
            continue;
        int rc = mention(c, org, DOSSIER_MENTION_DESCRIPTION, i, k);
        if (rc)
            return rc;
        i += k - 1;
    }
    return DOSSIER_OK;
}

/* Orders mentions by position, for qsort. */
static int by_position(const void *a, const void *b)
{
    const dossier_mention *x = a, *y = b;
    return x->first_token < y->first_token ? -1 : x->first_token > y->first_token;
}

/* Non-zero when a name is one word of two to five capital letters ("NBC"). */
static int capital_word(const char *name)
{
    size_t n = 0;
    for (; name[n]; n++)
        if (name[n] < 'A' || name[n] > 'Z')
            return 0;
    return n >= 2 && n <= 5;
}

/*
 * Moves the mentions of an organisation named by a word in capitals to the
 * one organisation of the article named by it and one more word ("NBC" of
 * "NBC News", not of "NBC Nightly News", a programme), so that the article gives the two names as one entity
 * and other articles meet both the same way, whichever came first.
 */
static int merge_acronym_heads(dossier_names *c)
{
    dossier_doc *d = c->d;
    for (size_t e = 0; e < d->entities.n; e++) {
        dossier_entity *ent = &d->entities.v[e];
        if (ent->kind != DOSSIER_KIND_ORGANIZATION || ent->gaz || !ent->nmentions || !capital_word(ent->name))
            continue;
        size_t len = strlen(ent->name);
        int to = -1, several = 0;
        for (size_t f = 0; f < d->entities.n; f++) {
            const dossier_entity *o = &d->entities.v[f];
            if (f == e || o->kind != DOSSIER_KIND_ORGANIZATION || !o->nmentions ||
                strncmp(o->name, ent->name, len) != 0 || o->name[len] != ' ' || strchr(o->name + len + 1, ' '))
                continue; /* "NBC News", not "NBC Nightly News" */
            several |= to >= 0;
            to = (int)f;
        }
        if (to < 0 || several)
            continue;
        for (size_t m = 0; m < d->mentions.n; m++)
            if (d->mentions.v[m].entity == (int)e) {
                d->mentions.v[m].entity = to;
                d->entities.v[to].nmentions++;
            }
        ent->nmentions = 0;
        if (dossier_doc_alias(d, to, ent->name, len))
            return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    return DOSSIER_OK;
}

/* See finder.h. */
int dossier_names_second_pass(dossier_names *c)
{
    int rc = merge_inflected(c);
    if (!rc)
        rc = merge_surnames(c);
    if (!rc)
        rc = find_repeats(c);
    if (!rc)
        rc = merge_acronym_heads(c);
    if (!rc)
        rc = merge_surnames(c);
    if (!rc)
        rc = find_descriptions(c);
    if (!rc && c->d->mentions.n > 1)
        qsort(c->d->mentions.v, c->d->mentions.n, sizeof(dossier_mention), by_position);
    return rc;
}
