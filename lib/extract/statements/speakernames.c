/*
 * speakernames.c — names of speakers that the entities stage left without
 * a mention: a bare surname (also inflected: "Ашбахера") that ends a
 * known person's name or a "Firstname Surname" written earlier, a run of
 * capitalised words before a cue ("Pedro Duque", "Ministerio de Ciencia e
 * Innovación"), an organisation word with an acronym ("l'Agence spatiale
 * brésilienne (AEB)"), and the country of "the Monaco government".
 * Found names are added with dossier_doc_entity() and a mention.
 */
#include "extract/statements/speakernames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/inflect.h"
#include "base/strmap.h"

/*
 * What this file looks up again and again, indexed on first use so that a
 * look-up costs its few candidates instead of a scan of the article: the
 * words written in lower case somewhere (proper_noun), where each word
 * stands (full_name_before), and the people and organisations by the
 * last (or first) word of their names (dossier_speakernames_known).
 * Candidates are then checked as a scan would check them, in the same
 * order, so no answer changes.
 */
struct speakernames_index {
    int have_words;
    /* the tokens by their folded word: a table of each word's first token + 1 (0: empty), and
     * per token the next of the same word (-1: none), so a word's tokens ascend; and per slot,
     * whether the word is written in lower case somewhere */
    int *word_first;
    int *word_next;
    unsigned char *word_lower;
    size_t word_mask;
    dossier_strmap by_word;     /* "l"/"f" + a name's last/first word, or a prefix of it -> entities */
    size_t nent;                /* entities filed so far */
    size_t *naliases;           /* per filed entity: aliases filed */
    size_t cap;
    int failed;
};

/* See speakernames.h. */
void dossier_speakernames_free(stm_ctx *c)
{
    struct speakernames_index *ix = c->names;
    if (!ix)
        return;
    free(ix->word_first);
    free(ix->word_next);
    free(ix->word_lower);
    dossier_strmap_free(&ix->by_word);
    free(ix->naliases);
    free(ix);
    c->names = NULL;
}

/* The context's index, made on first use; NULL when out of memory. */
static struct speakernames_index *index_of(const stm_ctx *c)
{
    stm_ctx *mc = (stm_ctx *)c;   /* the index is a cache: filling it changes no answer */
    if (!mc->names)
        mc->names = calloc(1, sizeof *mc->names);
    return mc->names && !mc->names->failed ? mc->names : NULL;
}

/* The hash token u's fold is filed under (the one segment worked out for look-ups). */
static uint64_t fold_hash(const dossier_doc *d, size_t u)
{
    return u < d->fold_hashes.n ? d->fold_hashes.v[u] : dossier_lexicon_word_hash(d->folds.v[u]);
}

/* The slot of the word table that holds token u's word, or the empty one where it would go. */
static size_t word_slot(const struct speakernames_index *ix, const dossier_doc *d, size_t u)
{
    uint64_t h = fold_hash(d, u);
    size_t k = (size_t)(h ^ (h >> 29)) & ix->word_mask;
    for (; ix->word_first[k]; k = (k + 1) & ix->word_mask) {
        size_t f = (size_t)ix->word_first[k] - 1;
        if (fold_hash(d, f) == h && strcmp(d->folds.v[f], d->folds.v[u]) == 0)
            break;
    }
    return k;
}

/* Files where each word stands and which words are written in lower case; non-zero when out of memory. */
static int index_words(const stm_ctx *c, struct speakernames_index *ix)
{
    const dossier_doc *d = c->d;
    if (ix->have_words)
        return 0;
    size_t n = d->tokens.n, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    int *last = calloc(cap, sizeof *last);   /* per slot: the word's last token so far */
    ix->word_first = calloc(cap, sizeof *ix->word_first);
    ix->word_next = malloc((n ? n : 1) * sizeof *ix->word_next);
    ix->word_lower = calloc(cap, 1);
    ix->word_mask = cap - 1;
    if (!last || !ix->word_first || !ix->word_next || !ix->word_lower) {
        free(last);
        return ix->failed = 1;
    }
    for (size_t u = 0; u < n; u++) {
        size_t k = word_slot(ix, d, u);
        ix->word_next[u] = -1;
        if (!ix->word_first[k])
            ix->word_first[k] = (int)u + 1;
        else
            ix->word_next[last[k]] = (int)u;
        last[k] = (int)u;
        if ((d->tokens.v[u].flags & DOSSIER_TOK_WORD) && !(d->tokens.v[u].flags & DOSSIER_TOK_UPPER))
            ix->word_lower[k] = 1;
    }
    free(last);
    ix->have_words = 1;
    return 0;
}

/* The keys of one name word: tag + the word, and perhaps tag + prefixes of it. */
typedef struct {
    char key[3][160];
    size_t len[3];
    size_t n;
} word_keys;

/*
 * The keys a name word w is filed or looked up under: tag + w itself, and
 * with `prefixes`, tag + each prefix of w that drops one or two final
 * letters and keeps four or more.  Two words that are
 * dossier_speakernames_same_stem() share such a key.  No keys for a word
 * too long to be a name's.
 */
static void keys_of(word_keys *k, char tag, const char *w, int prefixes)
{
    size_t len = strlen(w), pos = 0, letters = 0, at[160];
    k->n = 0;
    if (len + 1 >= sizeof k->key[0])
        return;
    size_t ends[3], n = 0;
    ends[n++] = len;
    if (prefixes) {
        while (pos < len) {
            at[letters++] = pos;
            dossier_utf8_next(w, len, &pos);
        }
        for (size_t drop = 1; drop <= 2 && letters >= drop + 4; drop++)
            ends[n++] = at[letters - drop];
    }
    for (size_t i = 0; i < n; i++) {
        k->key[i][0] = tag;
        memcpy(k->key[i] + 1, w, ends[i]);
        k->len[i] = ends[i] + 1;
    }
    k->n = n;
}

/* Files entity e under the keys; returns non-zero when out of memory. */
static int file_keys(struct speakernames_index *ix, const word_keys *k, int e)
{
    for (size_t i = 0; i < k->n; i++)
        if (dossier_strmap_add(&ix->by_word, k->key[i], k->len[i], e))
            return ix->failed = 1;
    return 0;
}

/* Files one name of entity e: its last word (with prefixes for a person), and a person's first word. */
static int file_name(struct speakernames_index *ix, const char *name, int e, int person, int first)
{
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return ix->failed = 1;
    char *sp = strrchr(f, ' ');
    int rc = 0;
    word_keys k;
    if (sp) {
        keys_of(&k, 'l', sp + 1, person);
        rc = file_keys(ix, &k, e);
        *strchr(f, ' ') = '\0';
        keys_of(&k, 'f', f, 0);
        if (!rc && first)
            rc = file_keys(ix, &k, e);
    }
    free(f);
    return rc;
}

/* Files the people and organisations, and aliases, added since the last call. */
static int index_entities(const stm_ctx *c, struct speakernames_index *ix)
{
    const dossier_doc *d = c->d;
    if (d->entities.n > ix->cap) {
        size_t cap = d->entities.n * 2;
        size_t *na = realloc(ix->naliases, cap * sizeof *na);
        if (!na)
            return ix->failed = 1;
        memset(na + ix->cap, 0, (cap - ix->cap) * sizeof *na);
        ix->naliases = na;
        ix->cap = cap;
    }
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *en = &d->entities.v[e];
        int person = en->kind == DOSSIER_KIND_PERSON;
        if (!person && en->kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        if (e >= ix->nent && file_name(ix, en->name, (int)e, person, person))
            return 1;
        for (; ix->naliases[e] < en->aliases.n; ix->naliases[e]++)
            if (file_name(ix, en->aliases.v[ix->naliases[e]], (int)e, person, 0))
                return 1;
    }
    ix->nent = d->entities.n;
    return 0;
}

/* Orders ints, for qsort. */
static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

typedef VEC(int) int_list;

/* Adds to l the entities filed under the keys; returns non-zero when out of memory. */
static int gather_keys(struct speakernames_index *ix, const word_keys *k, int_list *l)
{
    for (size_t i = 0; i < k->n; i++) {
        size_t n = 0;
        const int *v = dossier_strmap_get(&ix->by_word, k->key[i], k->len[i], &n);
        for (size_t j = 0; j < n; j++)
            if (VEC_PUSH(l, v[j]))
                return ix->failed = 1;
    }
    return 0;
}

/*
 * Non-zero when folded words a and b are one name, inflected: equal, or
 * sharing all but at most two final letters of each over four or more
 * letters ("Ашбахер" / "Ашбахера", "Petrov" / "Petrova").
 */
int dossier_speakernames_same_stem(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    size_t la = strlen(a), lb = strlen(b), pa = 0, pb = 0;
    int common = 0, na = 0, nb = 0;
    while (pa < la && pb < lb) {
        size_t qa = pa, qb = pb;
        if (dossier_utf8_next(a, la, &qa) != dossier_utf8_next(b, lb, &qb))
            break;
        pa = qa;
        pb = qb;
        common++;
    }
    while (pa < la) {
        dossier_utf8_next(a, la, &pa);
        na++;
    }
    while (pb < lb) {
        dossier_utf8_next(b, lb, &pb);
        nb++;
    }
    return common >= 4 && na <= 2 && nb <= 2 && (na || nb);
}

/* Non-zero when the folded `w` is the last word of `name` (also inflected, with `inflected`; or its first, when `first`). */
static int last_word_is(const char *name, const char *w, int first, int inflected)
{
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return 0;
    char *sp = strrchr(f, ' ');
    int same = sp && (inflected ? dossier_speakernames_same_stem(sp + 1, w) : strcmp(sp + 1, w) == 0);
    if (!same && first && sp) {
        *strchr(f, ' ') = '\0';
        same = strcmp(f, w) == 0;
    }
    free(f);
    return same;
}

/* Forward: a word of grammar ("As", "In": "As Calloway has fallen" names Calloway). */
static int function_word(stm_ctx *c, int t);

/*
 * A surname the entities stage left alone: the first "Firstname Surname"
 * earlier in the text whose second word is this one becomes a person with
 * a mention there.  Returns the entity or -1.
 */
static int full_name_before(stm_ctx *c, int t)
{
    dossier_doc *d = c->d;
    struct speakernames_index *ix = index_of(c);
    int u = -1;
    if (ix && !index_words(c, ix))
        u = ix->word_first[word_slot(ix, d, (size_t)t)] - 1;
    for (; u >= 0 && u < t; u = ix->word_next[u]) {   /* the earlier tokens of the same word, in order */
        if (u < 1)
            continue;
        unsigned f = dossier_speakers_flags(c, u - 1);
        if (!(f & DOSSIER_TOK_UPPER) || (f & DOSSIER_TOK_ALLCAPS) || c->tok_mention[u - 1] >= 0 ||
            dossier_speakers_sent_first(c, u) == u || function_word(c, u - 1) ||
            dossier_speakers_match(c, "statement.articles", u - 1) ||
            dossier_speakers_match(c, "statement.person_roles", u - 1) ||
            dossier_speakers_match(c, "statement.org_descriptions", u - 1) ||
            dossier_speakers_match(c, "entity.titles", u - 1))
            continue;
        size_t s = d->tokens.v[u - 1].span.start, e = d->tokens.v[u].span.end;
        int ent = dossier_doc_entity(d, d->body + s, e - s, DOSSIER_KIND_PERSON, NULL);
        if (ent < 0)
            return -1;
        int m = dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, u - 1, 2);
        if (m >= 0) {
            c->tok_mention[u - 1] = m;
            c->tok_mention[u] = m;
        }
        return ent;
    }
    return -1;
}

/* Non-zero when the word at t is never written in lower case in the article (a proper noun). */
static int proper_noun(const stm_ctx *c, int t)
{
    const dossier_doc *d = c->d;
    struct speakernames_index *ix = index_of(c);
    if (!ix || index_words(c, ix))
        return 1;
    return !ix->word_lower[word_slot(ix, d, (size_t)t)];
}

/*
 * The person (or organisation of several words) a bare capitalised word
 * at `t` names by its last word — "Sandhu", "Israël", "the Post" — when
 * the entities stage left it without a mention; -1 when none.
 */
int dossier_speakernames_known(stm_ctx *c, int t)
{
    const dossier_doc *d = c->d;
    if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) || dossier_speakers_match(c, "statement.org_descriptions", t) ||
        dossier_speakers_match(c, "statement.articles", t) || dossier_speakers_match(c, "statement.pronouns_person", t) ||
        dossier_speakers_match(c, "statement.pronouns_group", t) || dossier_speakers_match(c, "statement.pronouns_clause", t))
        return -1;
    const char *w = d->folds.v[t];
    if (strlen(w) < 3)
        return -1;
    /* the candidates filed under the word, checked in entity order as a scan would */
    struct speakernames_index *ix = index_of(c);
    int_list cand = {0};
    int found = -1;
    word_keys kl, kf;
    keys_of(&kl, 'l', w, 1);
    keys_of(&kf, 'f', w, 0);
    if (ix && !index_entities(c, ix) && !gather_keys(ix, &kl, &cand))
        gather_keys(ix, &kf, &cand);
    if (cand.n > 1)
        qsort(cand.v, cand.n, sizeof *cand.v, by_int);
    for (size_t i = 0; found < 0 && i < cand.n; i++) {
        const dossier_entity *en = &d->entities.v[cand.v[i]];
        int person = en->kind == DOSSIER_KIND_PERSON;
        if (i > 0 && cand.v[i] == cand.v[i - 1])
            continue;
        if (last_word_is(en->name, w, person, person))   /* "Ашбахера"; but "Israeli" is not "Times of Israel" */
            found = cand.v[i];
        for (size_t a = 0; found < 0 && a < en->aliases.n; a++)
            if (last_word_is(en->aliases.v[a], w, 0, person))
                found = cand.v[i];
    }
    VEC_FREE(&cand);
    if (found >= 0)
        return found;
    if (dossier_speakers_sent_first(c, t) == t &&
        (!(dossier_speakers_flags(c, t + 1) & DOSSIER_TOK_WORD) || !proper_noun(c, t)))
        return -1;      /* "With the ISS …": a common word opening the sentence */
    return full_name_before(c, t);
}

/* See speakernames.h. */
int dossier_speakernames_surname(stm_ctx *c, int t)
{
    if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) || strlen(c->d->folds.v[t]) < 4 || function_word(c, t) ||
        dossier_speakers_match(c, "statement.org_descriptions", t) || !proper_noun(c, t))
        return -1;
    int e = dossier_speakernames_known(c, t);
    if (e >= 0 || (dossier_speakers_sent_first(c, t) == t && !dossier_speakers_is(c, t + 1, ",")))
        return e;
    return full_name_before(c, t);
}

/* The place whose adjective stands next to a government word at `t`, or -1. */
int dossier_speakernames_government(stm_ctx *c, int t)
{
    dossier_doc *d = c->d;
    const dossier_gaz_entry *g = NULL;
    const char *const *fw = (const char *const *)d->folds.v;
    for (int u = t - 1; u <= t + 1; u += 2) {
        if (u < 0 || (size_t)u >= d->tokens.n)
            continue;
        if (dossier_gazetteer_match_adjective(d->lex, fw + u, 1, &g) == 1 ||
            (dossier_gazetteer_match(d->lex, fw + u, 1, &g) == 1 && g->kind == DOSSIER_KIND_PLACE))
            return dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
    }
    return -1;
}

/* Non-zero when token t is a word of grammar that opens sentences ("The", "In", "According"). */
static int function_word(stm_ctx *c, int t)
{
    static const char *const lists[] = {
        "statement.articles", "statement.prepositions", "statement.pronouns_person", "statement.pronouns_group",
        "statement.pronouns_clause", "statement.clause_joins", "statement.as_cues", "statement.according",
        "statement.relatives", "statement.anaphora",
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (dossier_speakers_match(c, lists[i], t))
            return 1;
    return 0;
}

/* Non-zero when token t is in a name mention (not a description or pronoun). */
static int named(const stm_ctx *c, int t)
{
    int m = c->tok_mention[t];
    return m >= 0 && c->d->mentions.v[m].how != DOSSIER_MENTION_DESCRIPTION &&
           c->d->mentions.v[m].how != DOSSIER_MENTION_PRONOUN;
}

/* "l'Agence spatiale brésilienne (AEB)": an organisation word, lower-case words, an acronym; its end or -1. */
static int org_with_acronym(const stm_ctx *c, int t, int end)
{
    int u = t + 1;
    while (u < end && u < t + 6 && !(dossier_speakers_flags(c, u) & (DOSSIER_TOK_PUNCT | DOSSIER_TOK_UPPER)))
        u++;
    if (u + 2 < end + 1 && dossier_speakers_is(c, u, "(") && (dossier_speakers_flags(c, u + 1) & DOSSIER_TOK_ALLCAPS) &&
        dossier_speakers_is(c, u + 2, ")"))
        return u;
    return -1;
}

/* An initial: one capital letter, its period, and a capitalised word after them. */
static int initial(const stm_ctx *c, int t, int end)
{
    const dossier_span *sp = &c->d->tokens.v[t].span;
    return t + 2 < end && (dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) && sp->end - sp->start == 1 &&
           dossier_speakers_is(c, t + 1, ".") && (dossier_speakers_flags(c, t + 2) & DOSSIER_TOK_UPPER);
}

/* Non-zero when token t is a weekday's name, or with `months` a month's ("Jan" may be a first name). */
static int calendar_word(const stm_ctx *c, int t, int months)
{
    for (int m = 1; months && m <= 12; m++)
        if (dossier_speakers_match(c, dossier_lexicon_month_key(m), t))
            return 1;
    for (int w = 1; w <= 7; w++)
        if (dossier_speakers_match(c, dossier_lexicon_weekday_key(w), t))
            return 1;
    return 0;
}

/* Non-zero when token t is an abbreviation before its period ("Rep.", "Gov."): a title, not a name. */
static int abbreviation(const stm_ctx *c, int t)
{
    return dossier_speakers_is(c, t + 1, ".") &&
           dossier_lexicon_has(c->d->lex, c->lang, "abbreviations", c->d->folds.v[t]);
}

/*
 * Non-zero when the capitalised run [t, u) is no name: it opens with a
 * preposition ("On Thursday"), holds a weekday, or a word in
 * capitals of five letters or more, as section heads are written ("THE
 * BORROWING Back", "HAS INVESTIGATED").
 */
static int not_a_name(const stm_ctx *c, int t, int u)
{
    if (dossier_speakers_match(c, "statement.prepositions", t) || dossier_speakers_match(c, "statement.articles", t))
        return 1;
    if (u - t == 1 && abbreviation(c, t))
        return 1;
    for (int k = t; k < u; k++)
        if (calendar_word(c, k, 0) || ((dossier_speakers_flags(c, k) & DOSSIER_TOK_ALLCAPS) && strlen(c->d->folds.v[k]) >= 5))
            return 1;
    return 0;
}

/*
 * A name no stage has found, in [first, end): the first run of two or more
 * capitalised words (joined by lower-case connectors) that does not open
 * the sentence.  Adds it as an entity — an organisation when it holds an
 * organisation word, else a person when it has at most four words — with
 * a mention, and returns the mention, or -1.
 */
int dossier_speakernames_new(stm_ctx *c, int first, int end, int person_only)
{
    dossier_doc *d = c->d;
    for (int t = first; t < end; t++) {
        if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) || named(c, t) || c->used[t] == 2 ||
            (t == dossier_speakers_sent_first(c, t) && function_word(c, t)) ||
            dossier_speakers_match(c, "statement.articles", t) || dossier_speakers_match(c, "statement.quantifiers", t) ||
            dossier_speakers_match(c, "statement.group_nouns", t) ||
            dossier_speakers_match(c, "statement.person_roles", t) || dossier_speakers_match(c, "entity.titles", t))
            continue;   /* "Mehrere Experten", "Analysten": a group, not a name */
        if (dossier_speakers_match(c, "statement.org_descriptions", t) && t > first &&
            dossier_speakers_match(c, "statement.articles", t - 1) && org_with_acronym(c, t, end) < 0)
            continue;   /* "das Unternehmen am Mittwoch": a description, not a name */
        int acro = !person_only && dossier_speakers_match(c, "statement.org_descriptions", t) ? org_with_acronym(c, t, end) : -1;
        if (acro > 0) {
            size_t s = d->tokens.v[t].span.start, e = d->tokens.v[acro - 1].span.end;
            int ent = dossier_doc_entity(d, d->body + s, e - s, DOSSIER_KIND_ORGANIZATION, NULL);
            if (ent < 0)
                return -1;
            const dossier_span *a = &d->tokens.v[acro + 1].span;
            if (dossier_doc_alias(d, ent, d->body + a->start, a->end - a->start))
                return -1;
            int m = dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, acro + 3 - t);
            for (int k = t; m >= 0 && k < acro + 3; k++)
                c->tok_mention[k] = m;
            return m;
        }
        int u = t, upper = 0, org = 0, connectors = 0, plain = 0, plain_end = t;
        while (u < end && !named(c, u)) {
            unsigned f = dossier_speakers_flags(c, u);
            if (initial(c, u, end)) {   /* "P. Veeramuthuvel": the initial and its period */
                upper++;
                u += 2;
                if (!connectors) {
                    plain++;
                    plain_end = u;
                }
            } else if (f & DOSSIER_TOK_UPPER) {
                upper++;
                org |= dossier_speakers_match(c, "statement.org_descriptions", u) > 0;
                u++;
                if (!connectors) {
                    plain++;        /* the capitalised words before any connector */
                    plain_end = u;
                }
            } else if ((dossier_speakers_match(c, "statement.prepositions", u) ||
                        dossier_speakers_match(c, "statement.clause_joins", u) || strlen(d->folds.v[u]) == 1) &&
                       (dossier_speakers_flags(c, u + 1) & DOSSIER_TOK_UPPER)) {
                connectors++;
                u++;
            } else {
                break;
            }
        }
        if (!org) {         /* a person's name has no connector: "Anke X am Dienstag" */
            upper = plain;
            u = plain_end;
            connectors = 0;
        }
        if (upper < 2 || (!org && upper > 4) || (org && person_only) || not_a_name(c, t, u)) {
            t = u;
            continue;
        }
        size_t s = d->tokens.v[t].span.start, e = d->tokens.v[u - 1].span.end;
        int ent = dossier_doc_entity(d, d->body + s, e - s, org ? DOSSIER_KIND_ORGANIZATION : DOSSIER_KIND_PERSON, NULL);
        if (ent < 0)
            return -1;
        int m = dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, u - t);
        if (m < 0)
            return -1;
        for (int k = t; k < u; k++)
            c->tok_mention[k] = m;
        return m;
    }
    return -1;
}

/* See speakernames.h. */
int dossier_speakernames_head(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    if (first < 0 || first + 2 >= end || c->tok_mention[first] >= 0 || c->used[first] == 2 ||
        !(dossier_speakers_flags(c, first) & DOSSIER_TOK_UPPER) || !dossier_speakers_is(c, first + 1, ",") ||
        function_word(c, first) || dossier_speakers_match(c, "statement.person_roles", first) ||
        dossier_speakers_match(c, "statement.org_descriptions", first) || dossier_speakers_match(c, "entity.titles", first))
        return -1;
    int role = 0, org = 0, t = first + 2;
    for (; t < end && !dossier_speakers_is(c, t, ","); t++) {
        int m = c->tok_mention[t], kind = m >= 0 ? d->entities.v[d->mentions.v[m].entity].kind : -1;
        if (kind == DOSSIER_KIND_PERSON)
            return -1;
        role |= dossier_speakers_match(c, "statement.person_roles", t) > 0;
        org |= dossier_speakers_match(c, "statement.org_descriptions", t) > 0 || kind == DOSSIER_KIND_ORGANIZATION;
    }
    /* an apposition closed by a comma ("W, filiale d'X, a indiqué"), W never written in lower case */
    if ((!role && !org) || t >= end || c->tok_mention[first + 2] >= 0 || !proper_noun(c, first))
        return -1;
    const dossier_span *sp = &d->tokens.v[first].span;
    int ent = dossier_doc_entity(d, d->body + sp->start, sp->end - sp->start,
                                 role ? DOSSIER_KIND_PERSON : DOSSIER_KIND_ORGANIZATION, NULL);
    if (ent < 0)
        return -1;
    int m = dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, first, 1);
    if (m >= 0)
        c->tok_mention[first] = m;
    return m;
}

/* See speakernames.h. */
int dossier_speakernames_compound_org(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    const dossier_phrase *const *orgs = NULL;
    size_t n = dossier_lexicon_list(d->lex, c->lang, "statement.org_descriptions", &orgs);
    for (int t = first; t < end; t++) {
        if (named(c, t) || c->used[t] == 2 || !(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER))
            continue;
        for (size_t i = 0; i < n; i++) {
            if (orgs[i]->nwords != 1 || strlen(orgs[i]->words[0]) < 5 ||
                !dossier_inflect_compound_of(d->lex, c->lang, d->folds.v[t], orgs[i]->words[0]))
                continue;
            const dossier_span *sp = &d->tokens.v[t].span;
            int ent = dossier_doc_entity(d, d->body + sp->start, sp->end - sp->start, DOSSIER_KIND_ORGANIZATION, NULL);
            int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, 1);
            if (m >= 0)
                c->tok_mention[t] = m;
            return m;
        }
    }
    return -1;
}

/* See speakernames.h. */
int dossier_speakernames_before_cue(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    int t = end - 1;
    if (t <= first || t <= dossier_speakers_sent_first(c, t) || named(c, t) || c->used[t] == 2 ||
        !(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) || strlen(d->folds.v[t]) < 3 || function_word(c, t) ||
        dossier_speakers_match(c, "statement.person_roles", t) || dossier_speakers_match(c, "statement.org_descriptions", t) ||
        dossier_speakers_match(c, "entity.titles", t) || !proper_noun(c, t) ||
        (dossier_speakers_flags(c, t - 1) & DOSSIER_TOK_UPPER))
        return -1;
    int role = 0;
    for (int u = first; u < t; u++)
        role |= dossier_speakers_match(c, "statement.person_roles", u) > 0 || dossier_speakers_match(c, "entity.titles", u) > 0;
    const dossier_span *sp = &d->tokens.v[t].span;
    int ent = dossier_doc_entity(d, d->body + sp->start, sp->end - sp->start,
                                 role ? DOSSIER_KIND_PERSON : DOSSIER_KIND_ORGANIZATION, NULL);
    int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, 1);
    if (m >= 0)
        c->tok_mention[t] = m;
    return m;
}

/* See speakernames.h. */
int dossier_speakernames_same_description(const stm_ctx *c, int m)
{
    const dossier_doc *d = c->d;
    const dossier_mention *mm = &d->mentions.v[m];
    int same = 0;
    for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++) {
        if (!dossier_speakers_match(c, "statement.org_descriptions", t))
            continue;
        for (size_t i = 0; i < d->mentions.n; i++) {
            const dossier_mention *o = &d->mentions.v[i];
            if (o->first_token >= mm->first_token || o->how != DOSSIER_MENTION_DESCRIPTION)
                continue;
            for (int u = o->first_token; u < o->first_token + o->ntokens; u++) {
                if (strcmp(d->folds.v[u], d->folds.v[t]) != 0)
                    continue;
                if (o->entity != mm->entity)
                    return 0;
                same = 1;
            }
        }
    }
    return same;
}

/* See speakernames.h. */
int dossier_speakernames_org_word(const stm_ctx *c, int t)
{
    if (dossier_speakers_match(c, "statement.org_descriptions", t))
        return 1;
    if (!dossier_inflect_has_endings(c->d->lex, c->lang))
        return 0; /* a word is only itself, which the match tried */
    const dossier_phrase *const *orgs = NULL;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "statement.org_descriptions", &orgs);
    return dossier_inflect_in_list(c->d->lex, c->lang, c->d->folds.v[t], orgs, n) >= 0;
}

/* See speakernames.h. */
int dossier_speakernames_acronym(const stm_ctx *c, int m, int end)
{
    const dossier_doc *d = c->d;
    const dossier_mention *mm = &d->mentions.v[m];
    int open = mm->first_token + mm->ntokens;
    while (open < end && open < mm->first_token + mm->ntokens + 6 && !dossier_speakers_is(c, open, "(") &&
           !(dossier_speakers_flags(c, open) & DOSSIER_TOK_PUNCT))
        open++;     /* the rest of the name: "… гражданской авиации США (FAA)" */
    if (open + 2 >= end || !dossier_speakers_is(c, open, "(") || d->entities.v[mm->entity].gaz)
        return m;
    int a = c->tok_mention[open + 1];
    if (a < 0 || a == m || d->mentions.v[a].first_token != open + 1 ||
        d->entities.v[d->mentions.v[a].entity].kind != DOSSIER_KIND_ORGANIZATION ||
        !d->entities.v[d->mentions.v[a].entity].gaz ||
        !dossier_speakers_is(c, open + 1 + d->mentions.v[a].ntokens, ")"))
        return m;
    return a;
}

/* Non-zero when token t can name a speaker: a person's or organisation's name, a role, an organisation word, a pronoun. */
static int speaker_word(const stm_ctx *c, int t)
{
    int m = c->tok_mention[t];
    if (m >= 0 && c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PLACE)
        return 1;
    return dossier_speakers_match(c, "statement.person_roles", t) || dossier_speakernames_org_word(c, t) ||
           dossier_speakers_match(c, "statement.pronouns_person", t) ||
           dossier_speakers_match(c, "statement.pronouns_group", t);
}

/* See speakernames.h. */
int dossier_speakernames_coordinated_end(const stm_ctx *c, int first, int end)
{
    if (first < 0 || end - 1 <= first || !dossier_speakers_match(c, "statement.clause_joins", end - 1))
        return end;
    int t = first;
    while (t < end - 1 && !speaker_word(c, t))
        t++;
    if (t >= end - 1)
        return end;
    int u = t + 1;
    while (u < end - 1 && (c->tok_mention[u] >= 0 || speaker_word(c, u) ||
                           (dossier_speakers_flags(c, u) & (DOSSIER_TOK_UPPER | DOSSIER_TOK_PUNCT)) ||
                           dossier_speakers_match(c, "statement.articles", u) ||
                           dossier_speakers_match(c, "statement.prepositions", u)))
        u++;
    /* the predicate before "and" ("congratulated SpaceX") names the object, not the speaker */
    for (int v = u; v < end - 1; v++)
        if (speaker_word(c, v))
            return u;
    return end;
}

/* See speakernames.h. */
int dossier_speakernames_clause_head(stm_ctx *c, const stm_cand *k)
{
    int first = dossier_speakers_tok_from(c, k->span.start), end = dossier_speakers_tok_from(c, k->span.end);
    if (k->kind != DOSSIER_STATEMENT_INDIRECT || k->mode != STM_SUBJ_CLAUSE || k->cue_tok < end || first >= end)
        return -1;
    /* a dateline first: "TEL AVIV — Name, …" */
    int t = first;
    while (t < end && t < first + 4 && (dossier_speakers_flags(c, t) & DOSSIER_TOK_ALLCAPS))
        t++;
    if (t > first && t < end && (dossier_speakers_flags(c, t) & DOSSIER_TOK_DASH))
        first = t + 1;
    int m = c->tok_mention[first];
    if (m >= 0 && c->d->mentions.v[m].first_token == first &&
        c->d->entities.v[c->d->mentions.v[m].entity].kind == DOSSIER_KIND_ORGANIZATION)
        return m;
    return dossier_speakernames_head(c, first, end);
}

/* See speakernames.h. */
int dossier_speakernames_gazetteer_before_cue(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    int t = end - 1;
    const dossier_gaz_entry *g = NULL;
    if (t <= first || named(c, t) || c->used[t] == 2 || (dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) ||
        !dossier_speakernames_org_word(c, t - 1) ||
        dossier_gazetteer_match(d->lex, (const char *const *)d->folds.v + t, 1, &g) != 1 ||
        g->kind != DOSSIER_KIND_ORGANIZATION)
        return -1;
    int ent = dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
    int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, 1);
    if (m >= 0)
        c->tok_mention[t] = m;
    return m;
}

/* See speakernames.h. */
int dossier_speakernames_org_phrase(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    if (first < 0 || end - first < 2 || end - first > 6 || named(c, first) || c->used[first] == 2 ||
        !(dossier_speakers_flags(c, first) & DOSSIER_TOK_UPPER) || dossier_speakers_sent_first(c, first) == first ||
        !dossier_speakernames_org_word(c, first))
        return -1;
    int lower = 0;
    for (int t = first + 1; t < end; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        int m = c->tok_mention[t];
        if ((f & DOSSIER_TOK_PUNCT) || (m >= 0 && d->entities.v[d->mentions.v[m].entity].kind != DOSSIER_KIND_PLACE) ||
            function_word(c, t))
            return -1;
        lower |= !(f & DOSSIER_TOK_UPPER);
    }
    if (!lower)
        return -1;      /* a run of capitalised words is dossier_speakernames_new()'s */
    size_t s = d->tokens.v[first].span.start, e = d->tokens.v[end - 1].span.end;
    int ent = dossier_doc_entity(d, d->body + s, e - s, DOSSIER_KIND_ORGANIZATION, NULL);
    int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, first, end - first);
    for (int t = first; m >= 0 && t < end; t++)
        c->tok_mention[t] = m;
    return m;
}

/* Non-zero when token t may stand in a group's noun phrase before its head noun: "Some", "party", "Republican". */
static int group_modifier(const stm_ctx *c, int t)
{
    unsigned f = dossier_speakers_flags(c, t);
    if (!(f & (DOSSIER_TOK_WORD | DOSSIER_TOK_NUM)) || c->used[t] == 2 || dossier_speakers_match(c, "statement.prepositions", t) ||
        dossier_speakers_match(c, "statement.clause_joins", t) || dossier_speakers_match(c, "statement.relatives", t) ||
        dossier_speakers_match(c, "statement.verbs", t) || dossier_speakers_match(c, "statement.aux", t) ||
        dossier_speakers_match(c, "statement.passive_aux", t) || dossier_speakers_match(c, "statement.pronouns_clause", t))
        return 0;
    int m = c->tok_mention[t];
    /* a place or an organisation may qualify the group ("French officials", "Pentagon officials"); a person not */
    return m < 0 || c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PERSON;
}

/*
 * Kind of the group noun at t, or -1: an organisation, for people as for
 * polls; a group is a body speaking, never one person a name or a pronoun
 * could point to.
 */
static int group_head(const stm_ctx *c, int t)
{
    if (c->used[t] == 2 || (c->tok_mention[t] >= 0 && c->d->mentions.v[c->tok_mention[t]].how == DOSSIER_MENTION_NAME))
        return -1;
    int k = dossier_speakers_match(c, "statement.group_nouns", t);
    if (k == 1)
        return DOSSIER_KIND_ORGANIZATION;
    const dossier_phrase *const *groups = NULL;   /* inflected: "по словам экспертов" */
    size_t n = k || dossier_inflect_has_endings(c->d->lex, c->lang)   /* else: a word is only itself, */
                   ? dossier_lexicon_list(c->d->lex, c->lang, "statement.group_nouns", &groups) : 0; /* tried */
    if (dossier_inflect_in_list(c->d->lex, c->lang, c->d->folds.v[t], groups, n) >= 0)
        return DOSSIER_KIND_ORGANIZATION;
    if (dossier_speakers_match(c, "statement.source_nouns", t) == 1)
        return DOSSIER_KIND_ORGANIZATION;
    return -1;
}

/*
 * A share of the people asked, the whole subject [first, end) before its
 * cue ("Twenty-four percent said", "About three in 10 say", "A majority of
 * voters said"): a number or a word of statement.share_words within eight
 * tokens, up to the first comma.  Adds it as a group named by the phrase
 * without its leading hedges ("About", "Nearly": statement.hedges)
 * and returns the entity, or -1.
 */
static int share_of_people(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    for (int t = first; t < end; t++)
        if (dossier_speakers_is(c, t, ",")) {
            end = t;
            break;
        }
    while (end > first && dossier_speakers_match(c, "statement.adverbs", end - 1))
        end--;
    if (end <= first || end - first > 8)
        return -1;
    int share = 0;
    for (int t = first; t < end; t++) {
        if (c->used[t] == 2 || dossier_speakers_match(c, "statement.verbs", t) ||
            dossier_speakers_match(c, "statement.pronouns_clause", t))
            return -1;
        share |= (dossier_speakers_flags(c, t) & DOSSIER_TOK_NUM) || dossier_speakers_match(c, "statement.share_words", t);
    }
    if (!share)
        return -1;
    while (first < end - 1 && (dossier_speakers_match(c, "statement.articles", first) ||
                               dossier_speakers_match(c, "statement.hedges", first)))
        first++;
    size_t s = d->tokens.v[first].span.start, e = d->tokens.v[end - 1].span.end;
    return dossier_doc_entity(d, d->body + s, e - s, DOSSIER_KIND_ORGANIZATION, NULL);
}

/* See speakernames.h. */
int dossier_speakernames_group(stm_ctx *c, int first, int end, int before_cue)
{
    dossier_doc *d = c->d;
    if (first < 0 || end <= first)
        return -1;
    int head = -1, kind = -1;
    if (before_cue) {
        /* the subject ends at the cue: its head is its last word, but for adverbs ("have long said") */
        for (int t = end - 1; t >= first && t >= end - 3 && head < 0; t--) {
            if ((kind = group_head(c, t)) >= 0)
                head = t;
            else if (!dossier_speakers_match(c, "statement.aux", t) && !dossier_speakers_match(c, "statement.adverbs", t))
                break;
        }
    }
    if (head < 0) {
        /* an inverted subject or a source phrase: the first noun phrase after the cue; a subject
           with a modifier after its head ("aides to the mayor said") */
        for (int t = first; t < end && t < first + 6 && head < 0; t++) {
            if ((kind = group_head(c, t)) >= 0)
                head = t;
            else if (!group_modifier(c, t))
                break;
        }
        /* "officials familiar with the matter": the head of a longer phrase is its last group noun */
        while (head >= 0 && head + 1 < end && group_head(c, head + 1) == kind)
            head++;
    }
    if (head < 0)
        return before_cue ? share_of_people(c, first, end) : -1;
    int from = head;
    /* the phrase opens at its article or quantifier at the latest ("released a parody website": not "released") */
    while (from > first && from > head - 4 && group_modifier(c, from - 1) &&
           !dossier_speakers_match(c, "statement.articles", from) && !dossier_speakers_match(c, "statement.quantifiers", from))
        from--;
    /* the name leaves out articles and quantifiers: "Some party strategists" is "party strategists" */
    while (from < head && (dossier_speakers_match(c, "statement.articles", from) ||
                           dossier_speakers_match(c, "statement.quantifiers", from) ||
                           (dossier_speakers_flags(c, from) & DOSSIER_TOK_NUM)))
        from++;
    if (from < head && strcmp(d->folds.v[from], "'s") == 0) {
        /* "one of X's advisers": the possessor is part of the group's name */
        int m = c->tok_mention[from - 1];
        const dossier_mention *pm = m >= 0 ? &d->mentions.v[m] : NULL;
        from = pm && pm->first_token >= first && pm->first_token + pm->ntokens == from ? pm->first_token : from + 1;
    }
    size_t s = d->tokens.v[from].span.start, e = d->tokens.v[head].span.end;
    char *name = dossier_strndup(d->body + s, e - s);
    if (!name)
        return -1;
    /* a common noun opening its sentence is written in lower case ("Analysts say" names "analysts") */
    if (from == dossier_speakers_sent_first(c, from) && c->tok_mention[from] < 0 &&
        !(dossier_speakers_flags(c, from) & DOSSIER_TOK_ALLCAPS) && name[0] >= 'A' && name[0] <= 'Z' &&
        (group_head(c, from) >= 0 || !proper_noun(c, from)))
        name[0] = (char)(name[0] - 'A' + 'a');
    int ent = dossier_doc_entity(d, name, e - s, kind, NULL);
    free(name);
    return ent;
}

/* See speakernames.h. */
int dossier_speakernames_source(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    int t = first;
    while (t < end && dossier_speakers_match(c, "statement.articles", t))
        t++;
    if (t >= end || named(c, t) || c->used[t] == 2 || !(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) ||
        function_word(c, t) || group_head(c, t) >= 0 || dossier_speakers_match(c, "statement.quantifiers", t) ||
        dossier_speakers_match(c, "statement.person_roles", t) || dossier_speakers_match(c, "entity.titles", t) ||
        dossier_speakers_match(c, "statement.document_nouns", t) || strlen(d->folds.v[t]) < 2)
        return -1;
    /* the capitalised words, and lower-case connectors between them ("Bank of America") */
    int u = t + 1;
    while (u < end && !named(c, u)) {
        if (dossier_speakers_flags(c, u) & DOSSIER_TOK_UPPER)
            u++;
        else if (u + 1 < end && (dossier_speakers_flags(c, u + 1) & DOSSIER_TOK_UPPER) &&
                 dossier_lexicon_match(d->lex, NULL, "entity.name_connectors", (const char *const *)d->folds.v + u, 1,
                                       NULL) == 1)
            u += 2;
        else
            break;
    }
    /* the name must close the source phrase: "according to Gallup", not "according to Monday's count" */
    if (u < end && !(dossier_speakers_flags(c, u) & DOSSIER_TOK_PUNCT) && strcmp(d->folds.v[u], "'s") != 0)
        return -1;
    int person = u - t >= 2 && u - t <= 4 &&
                 dossier_lexicon_match(d->lex, NULL, "entity.first_names", (const char *const *)d->folds.v + t, 1, NULL) == 1;
    size_t s = d->tokens.v[t].span.start, e = d->tokens.v[u - 1].span.end;
    int ent = dossier_doc_entity(d, d->body + s, e - s, person ? DOSSIER_KIND_PERSON : DOSSIER_KIND_ORGANIZATION, NULL);
    int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, u - t);
    for (int k = t; m >= 0 && k < u; k++)
        c->tok_mention[k] = m;
    return m;
}

/* See speakernames.h. */
int dossier_speakernames_lone(stm_ctx *c, int first, int end)
{
    dossier_doc *d = c->d;
    while (first < end && (dossier_speakers_match(c, "statement.clause_joins", first) ||
                           (dossier_speakers_flags(c, first) & DOSSIER_TOK_PUNCT)))
        first++;
    while (end > first && dossier_speakers_match(c, "statement.adverbs", end - 1))
        end--;
    /* "W said", or "W, a professor at the university, said": one word heads the subject; not where
       every noun is capitalised (statement.nouns_capitalised) */
    const dossier_phrase *const *caps = NULL;
    if (dossier_lexicon_list(d->lex, c->lang, "statement.nouns_capitalised", &caps) > 0)
        return -1;
    int t = first;
    if (end - first != 1 && !(end - first >= 4 && dossier_speakers_is(c, first + 1, ",") && dossier_speakers_is(c, end - 1, ",")))
        return -1;
    if (named(c, t) || c->used[t] == 2 || !(dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) ||
        strlen(d->folds.v[t]) < 3 || function_word(c, t) || group_head(c, t) >= 0 ||
        dossier_speakers_match(c, "statement.quantifiers", t) || dossier_speakers_match(c, "statement.person_roles", t) ||
        dossier_speakers_match(c, "statement.org_descriptions", t) || dossier_speakers_match(c, "entity.titles", t) ||
        dossier_speakers_match(c, "statement.document_nouns", t) || dossier_speakers_match(c, "statement.lone_not_names", t) ||
        !proper_noun(c, t))
        return -1;
    if (calendar_word(c, t, 1) || abbreviation(c, t))
        return -1;
    int e = dossier_speakernames_known(c, t);
    if (e >= 0) {
        int m = dossier_doc_mention(d, e, DOSSIER_MENTION_SHORT, t, 1);
        if (m >= 0)
            c->tok_mention[t] = m;
        return m;
    }
    const dossier_span *sp = &d->tokens.v[t].span;
    int kind = (dossier_speakers_flags(c, t) & DOSSIER_TOK_ALLCAPS) ? DOSSIER_KIND_ORGANIZATION : DOSSIER_KIND_PERSON;
    int ent = dossier_doc_entity(d, d->body + sp->start, sp->end - sp->start, kind, NULL);
    int m = ent < 0 ? -1 : dossier_doc_mention(d, ent, DOSSIER_MENTION_NAME, t, 1);
    if (m >= 0)
        c->tok_mention[t] = m;
    return m;
}

/* See speakernames.h. */
int dossier_speakernames_label(const stm_ctx *c, int first, int end)
{
    if (end <= first || end - first > 4 || dossier_speakers_match(c, "statement.not_labels", first) ||
        dossier_speakers_match(c, "boilerplate.captions", first))
        return 0;
    int m = c->tok_mention[first];
    if (m >= 0 && c->d->mentions.v[m].first_token == first &&
        c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens == end) {
        int kind = c->d->entities.v[c->d->mentions.v[m].entity].kind;
        return kind == DOSSIER_KIND_PERSON || kind == DOSSIER_KIND_ORGANIZATION;
    }
    int proper = 0;
    for (int t = first; t < end; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        if (dossier_speakers_is(c, t, "."))
            continue;   /* "Sen. X:" */
        if (!(f & DOSSIER_TOK_UPPER) || c->tok_mention[t] >= 0 || group_head(c, t) >= 0 ||
            dossier_speakers_match(c, "statement.source_nouns", t) || dossier_speakers_match(c, "statement.document_nouns", t))
            return 0;
        proper |= proper_noun(c, t) && !dossier_speakers_match(c, "statement.articles", t);
    }
    return proper;
}
