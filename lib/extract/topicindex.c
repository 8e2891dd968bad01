/*
 * topicindex.c — the indexes behind the topics stage (topicindex.h).
 *
 * Mentions are indexed by token (the first covering each token), by
 * entity, sentence and paragraph, and the programme mentions by position.
 * Each programme word asked about gets its own entry: which entities go
 * with it (decided once per entity), the programme mentions of those
 * entities by position, which tokens are the word (decided once per
 * token), and the tokens that are the word in sentences naming a
 * programme.  Lists by position are ordered by (first token, mention
 * index), so "the latest" is found by binary search and ties go to the
 * earlier mention, as in a scan.  New mentions are merged in when the
 * next question comes.
 */
#include "extract/topicindex.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/inflect.h"
#include "base/strmap.h"

typedef VEC(int) ints;

/* What is known about one programme word. */
typedef struct {
    char *word;
    signed char *fits;      /* per entity: -1 not yet decided, 0, 1: goes with the word */
    size_t nfits;
    ints list;              /* programme mentions whose entity goes with it, by position */
    signed char *tok;       /* per token: -1 not yet decided, 0, 1: is the word */
    int have_qual;
    ints qual;              /* tokens that are the word, in sentences naming a programme; ascending */
} word_entry;

struct topic_index {
    dossier_doc *d;
    const char *lang;
    int failed;
    size_t nment, nent;     /* mentions and entities indexed so far */
    int *cover;             /* per token */
    ints *by_entity, *by_sentence, *by_paragraph;
    size_t cap_entity;
    int *sent_prog;         /* per sentence: its programme mentions, pronouns aside */
    ints progs;             /* programme mentions by position */
    word_entry *words;
    size_t nwords, cap_words;
    dossier_strmap word_map, known, stems, memo[4];
    ints cand;
};

/* Marks the index failed (out of memory); returns 1 for use in conditions. */
static int oom(topic_index *ix)
{
    ix->failed = 1;
    return 1;
}

/* The sort key of mention m: its first token, then its index. */
static long long key_of(const dossier_doc *d, int m)
{
    return ((long long)d->mentions.v[m].first_token << 32) | (unsigned)m;
}

/* Orders sort keys, for qsort. */
static int by_key(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* Merges the mentions add[0, n) (in any order) into list l, kept by position. */
static void merge_in(topic_index *ix, ints *l, const int *add, size_t n)
{
    const dossier_doc *d = ix->d;
    if (!n)
        return;
    long long *k = malloc(n * sizeof *k);
    if (!k || VEC_RESERVE(l, l->n + n)) {
        free(k);
        oom(ix);
        return;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = key_of(d, add[i]);
    qsort(k, n, sizeof *k, by_key);
    size_t i = l->n, j = n, o = l->n + n;
    while (j > 0) {
        if (i > 0 && key_of(d, l->v[i - 1]) > k[j - 1])
            l->v[--o] = l->v[--i];
        else
            l->v[--o] = (int)(k[--j] & 0xFFFFFFFF);
    }
    l->n += n;
    free(k);
}

/* The entity of the latest mention of sorted list l before token t (the first at its position), or -1. */
static int latest_before(const topic_index *ix, const ints *l, int t)
{
    const dossier_doc *d = ix->d;
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->mentions.v[l->v[mid]].first_token < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    int at = d->mentions.v[l->v[lo - 1]].first_token;
    while (lo > 1 && d->mentions.v[l->v[lo - 2]].first_token == at)
        lo--;
    return d->mentions.v[l->v[lo - 1]].entity;
}

/* Non-zero when token t is the entry's word: inflected, or a compound ending with it. */
static int token_is(topic_index *ix, word_entry *w, int t)
{
    if (w->tok[t] < 0) {
        const char *v = ix->d->folds.v[t];
        w->tok[t] = (signed char)(dossier_inflect_same(ix->d->lex, ix->lang, v, w->word) ||
                                  dossier_inflect_compound(v, w->word));
    }
    return w->tok[t];
}

/* Non-zero when entity e's name holds the word, or a mention of it stands within 3 tokens of it. */
static int goes_with(topic_index *ix, word_entry *w, int e)
{
    const dossier_doc *d = ix->d;
    char *name = dossier_fold(d->entities.v[e].name, strlen(d->entities.v[e].name));
    int hit = name && strstr(name, w->word) != NULL;
    free(name);
    const ints *ms = &ix->by_entity[e];
    for (size_t i = 0; !hit && i < ms->n; i++) {
        const dossier_mention *mm = &d->mentions.v[ms->v[i]];
        int from = mm->first_token - 3, to = mm->first_token + mm->ntokens + 3;
        for (int t = from < 0 ? 0 : from; !hit && t < to && (size_t)t < d->tokens.n; t++)
            hit = token_is(ix, w, t);
    }
    return hit;
}

/* Adds the tokens of sentence s that are the entry's word to its sorted qual list. */
static void qualify_sentence(topic_index *ix, word_entry *w, int s)
{
    const dossier_sentence *se = &ix->d->sentences.v[s];
    ints add = {0};
    for (int t = se->first_token; t < se->first_token + se->ntokens && !ix->failed; t++)
        if (token_is(ix, w, t) && VEC_PUSH(&add, t))
            oom(ix);
    if (add.n && !VEC_RESERVE(&w->qual, w->qual.n + add.n)) {
        /* tokens of one sentence are contiguous: find where they go and open a gap */
        size_t at = w->qual.n;
        while (at > 0 && w->qual.v[at - 1] > add.v[0])
            at--;
        memmove(w->qual.v + at + add.n, w->qual.v + at, (w->qual.n - at) * sizeof(int));
        memcpy(w->qual.v + at, add.v, add.n * sizeof(int));
        w->qual.n += add.n;
    } else if (add.n) {
        oom(ix);
    }
    VEC_FREE(&add);
}

/* Indexes the names of entities added since the last call. */
static void sync_entities(topic_index *ix)
{
    dossier_doc *d = ix->d;
    size_t n = d->entities.n;
    if (n <= ix->nent)
        return;
    if (n > ix->cap_entity) {
        size_t cap = n * 2;
        ints *be = realloc(ix->by_entity, cap * sizeof *be);
        if (!be) {
            oom(ix);
            return;
        }
        memset(be + ix->cap_entity, 0, (cap - ix->cap_entity) * sizeof *be);
        ix->by_entity = be;
        ix->cap_entity = cap;
    }
    for (size_t k = 0; k < ix->nwords; k++) {
        word_entry *w = &ix->words[k];
        signed char *f = realloc(w->fits, n);
        if (!f) {
            oom(ix);
            return;
        }
        memset(f + w->nfits, -1, n - w->nfits);
        w->fits = f;
        w->nfits = n;
    }
    for (size_t e = ix->nent; e < n && !ix->failed; e++) {
        const dossier_entity *en = &d->entities.v[e];
        for (size_t a = 0; a <= en->aliases.n; a++) {
            const char *name = a ? en->aliases.v[a - 1] : en->name;
            char *fn = dossier_fold(name, strlen(name));
            if (!fn) {
                oom(ix);
                return;
            }
            for (char *p = fn; *p; p++)  /* the tokenizer splits on punctuation: compare letters and spaces */
                if (*p == '-' || *p == '.')
                    *p = ' ';
            if (dossier_strmap_add(&ix->known, fn, strlen(fn), (int)e))
                oom(ix);
            free(fn);
        }
    }
    ix->nent = n;
}

/* Indexes the mentions added since the last call. */
static void sync(topic_index *ix)
{
    dossier_doc *d = ix->d;
    if (ix->failed)
        return;
    sync_entities(ix);
    size_t from = ix->nment, n = d->mentions.n;
    if (ix->failed || n == from)
        return;
    ints progs = {0};
    for (size_t m = from; m < n && !ix->failed; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++)
            if (ix->cover[t] < 0)
                ix->cover[t] = (int)m;
        int s = mm->sentence, p = d->sentences.v[s].paragraph;
        if (VEC_PUSH(&ix->by_entity[mm->entity], (int)m) || VEC_PUSH(&ix->by_sentence[s], (int)m) ||
            (p >= 0 && (size_t)p < d->paragraphs.n && VEC_PUSH(&ix->by_paragraph[p], (int)m)))
            oom(ix);
        if (d->entities.v[mm->entity].kind != DOSSIER_KIND_PROGRAM)
            continue;
        if (VEC_PUSH(&progs, (int)m))
            oom(ix);
        if (mm->how != DOSSIER_MENTION_PRONOUN && ix->sent_prog[s]++ == 0)
            for (size_t k = 0; k < ix->nwords; k++)
                if (ix->words[k].have_qual)
                    qualify_sentence(ix, &ix->words[k], s);
    }
    merge_in(ix, &ix->progs, progs.v, progs.n);
    for (size_t k = 0; k < ix->nwords && !ix->failed; k++) {
        word_entry *w = &ix->words[k];
        ints add = {0};
        for (size_t i = 0; i < progs.n && !ix->failed; i++) {
            int m = progs.v[i], e = d->mentions.v[m].entity;
            if (w->fits[e] != 1) {
                w->fits[e] = (signed char)goes_with(ix, w, e);
                /* the entity goes with the word now: its earlier mentions join the list */
                for (size_t j = 0; w->fits[e] == 1 && j < ix->by_entity[e].n; j++)
                    if ((size_t)ix->by_entity[e].v[j] < from && VEC_PUSH(&add, ix->by_entity[e].v[j]))
                        oom(ix);
            }
            if (w->fits[e] == 1 && VEC_PUSH(&add, m))
                oom(ix);
        }
        merge_in(ix, &w->list, add.v, add.n);
        VEC_FREE(&add);
    }
    VEC_FREE(&progs);
    ix->nment = n;
}

/* See topicindex.h. */
topic_index *dossier_topicindex_new(dossier_doc *d)
{
    topic_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->d = d;
    ix->lang = dossier_doc_lang(d);
    ix->cover = malloc((d->tokens.n + 1) * sizeof *ix->cover);
    ix->by_sentence = calloc(d->sentences.n + 1, sizeof *ix->by_sentence);
    ix->by_paragraph = calloc(d->paragraphs.n + 1, sizeof *ix->by_paragraph);
    ix->sent_prog = calloc(d->sentences.n + 1, sizeof *ix->sent_prog);
    if (!ix->cover || !ix->by_sentence || !ix->by_paragraph || !ix->sent_prog) {
        dossier_topicindex_free(ix);
        return NULL;
    }
    for (size_t t = 0; t < d->tokens.n; t++)
        ix->cover[t] = -1;
    sync(ix);
    return ix;
}

/* See topicindex.h. */
void dossier_topicindex_free(topic_index *ix)
{
    if (!ix)
        return;
    for (size_t e = 0; e < ix->cap_entity; e++)
        VEC_FREE(&ix->by_entity[e]);
    for (size_t s = 0; ix->by_sentence && s <= ix->d->sentences.n; s++)
        VEC_FREE(&ix->by_sentence[s]);
    for (size_t p = 0; ix->by_paragraph && p <= ix->d->paragraphs.n; p++)
        VEC_FREE(&ix->by_paragraph[p]);
    for (size_t k = 0; k < ix->nwords; k++) {
        free(ix->words[k].word);
        free(ix->words[k].fits);
        free(ix->words[k].tok);
        VEC_FREE(&ix->words[k].list);
        VEC_FREE(&ix->words[k].qual);
    }
    free(ix->words);
    free(ix->by_entity);
    free(ix->by_sentence);
    free(ix->by_paragraph);
    free(ix->sent_prog);
    free(ix->cover);
    VEC_FREE(&ix->progs);
    VEC_FREE(&ix->cand);
    dossier_strmap_free(&ix->word_map);
    dossier_strmap_free(&ix->known);
    dossier_strmap_free(&ix->stems);
    for (size_t i = 0; i < sizeof ix->memo / sizeof ix->memo[0]; i++)
        dossier_strmap_free(&ix->memo[i]);
    free(ix);
}

/* See topicindex.h. */
int dossier_topicindex_failed(const topic_index *ix)
{
    return ix->failed;
}

/* See topicindex.h. */
int dossier_topicindex_mention_at(topic_index *ix, int t)
{
    sync(ix);
    return ix->failed || t < 0 || (size_t)t >= ix->d->tokens.n ? -1 : ix->cover[t];
}

/* The entry of programme word `word`, made on first use; NULL when out of memory. */
static word_entry *word_of(topic_index *ix, const char *word)
{
    size_t n, len = strlen(word);
    const int *v = dossier_strmap_get(&ix->word_map, word, len, &n);
    if (n)
        return &ix->words[v[0]];
    if (dossier_util_grow((void **)&ix->words, &ix->cap_words, ix->nwords + 1, sizeof *ix->words) ||
        dossier_strmap_add(&ix->word_map, word, len, (int)ix->nwords)) {
        oom(ix);
        return NULL;
    }
    word_entry *w = &ix->words[ix->nwords++];
    memset(w, 0, sizeof *w);
    w->word = dossier_strndup(word, len);
    w->nfits = ix->nent;
    w->fits = malloc(ix->nent + 1);
    w->tok = malloc(ix->d->tokens.n + 1);
    if (!w->word || !w->fits || !w->tok) {
        oom(ix);
        return NULL;
    }
    memset(w->fits, -1, ix->nent);
    memset(w->tok, -1, ix->d->tokens.n);
    for (size_t i = 0; i < ix->progs.n; i++) {
        int m = ix->progs.v[i], e = ix->d->mentions.v[m].entity;
        if (w->fits[e] < 0)
            w->fits[e] = (signed char)goes_with(ix, w, e);
        if (w->fits[e] == 1 && VEC_PUSH(&w->list, m)) {
            oom(ix);
            return NULL;
        }
    }
    return w;
}

/* See topicindex.h. */
int dossier_topicindex_programme_for(topic_index *ix, int t, const char *word, int fit_only)
{
    sync(ix);
    word_entry *w = ix->failed ? NULL : word_of(ix, word);
    if (!w || ix->failed)
        return -1;
    int best = latest_before(ix, &w->list, t);
    return best >= 0 || fit_only ? best : latest_before(ix, &ix->progs, t);
}

/* See topicindex.h. */
int dossier_topicindex_antecedent(topic_index *ix, int first, const char *word)
{
    sync(ix);
    word_entry *w = ix->failed ? NULL : word_of(ix, word);
    if (!w || ix->failed)
        return -1;
    const dossier_doc *d = ix->d;
    if (!w->have_qual) {
        for (size_t t = 0; t < d->tokens.n; t++)
            if (ix->sent_prog[d->tokens.v[t].sentence] && token_is(ix, w, (int)t) && VEC_PUSH(&w->qual, (int)t))
                return oom(ix), -1;
        w->have_qual = 1;
    }
    size_t lo = 0, hi = w->qual.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->qual.v[mid] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? d->tokens.v[w->qual.v[lo - 1]].sentence : -1;
}

/* See topicindex.h. */
const int *dossier_topicindex_sentence_mentions(topic_index *ix, int s, size_t *n)
{
    sync(ix);
    *n = 0;
    if (ix->failed || s < 0 || (size_t)s >= ix->d->sentences.n)
        return NULL;
    *n = ix->by_sentence[s].n;
    return ix->by_sentence[s].v;
}

/* See topicindex.h. */
const int *dossier_topicindex_paragraph_mentions(topic_index *ix, int p, size_t *n)
{
    sync(ix);
    *n = 0;
    if (ix->failed || p < 0 || (size_t)p >= ix->d->paragraphs.n)
        return NULL;
    *n = ix->by_paragraph[p].n;
    return ix->by_paragraph[p].v;
}

/* See topicindex.h. */
int dossier_topicindex_known_name(topic_index *ix, const char *f)
{
    sync(ix);
    size_t n;
    const int *v = ix->failed ? NULL : dossier_strmap_get(&ix->known, f, strlen(f), &n);
    int best = -1;
    for (size_t i = 0; v && i < n; i++)
        if ((best < 0 || v[i] < best) && ix->d->entities.v[v[i]].kind != DOSSIER_KIND_PLACE)
            best = v[i];
    return best;
}

/*
 * Calls fn with each look-up key of folded word w: its stems, and for a
 * hyphenated word ("союза-5") the part after its last hyphen with each
 * stem of the part before.  Two words are one inflected (inflect.c) only
 * if they share a key.
 */
static void each_key(topic_index *ix, const char *w, void (*fn)(topic_index *, const char *, size_t, int), int arg)
{
    size_t st[24], n = dossier_inflect_stems(ix->d->lex, ix->lang, w, st, 24);
    char key[300];
    for (size_t i = 0; i < n && st[i] + 1 < sizeof key; i++) {
        key[0] = 's';
        memcpy(key + 1, w, st[i]);
        fn(ix, key, st[i] + 1, arg);
    }
    const char *h = strrchr(w, '-');
    size_t np = h ? (size_t)(h - w) : 0, lt = h ? strlen(h) : 0;
    char part[128];
    if (!h || !np || np >= sizeof part || memchr(w, '-', np))
        return;
    memcpy(part, w, np);
    part[np] = '\0';
    n = dossier_inflect_stems(ix->d->lex, ix->lang, part, st, 24);
    for (size_t i = 0; i < n && lt + st[i] + 2 < sizeof key; i++) {
        key[0] = 'h';
        memcpy(key + 1, h, lt);
        key[1 + lt] = '\x01';
        memcpy(key + 2 + lt, part, st[i]);
        fn(ix, key, lt + st[i] + 2, arg);
    }
}

/* each_key() callback: files name `i` under the key. */
static void file_name(topic_index *ix, const char *key, size_t len, int i)
{
    if (dossier_strmap_add(&ix->stems, key, len, i))
        oom(ix);
}

/* each_key() callback: gathers the names filed under the key. */
static void gather_names(topic_index *ix, const char *key, size_t len, int unused)
{
    size_t n;
    const int *v = dossier_strmap_get(&ix->stems, key, len, &n);
    (void)unused;
    for (size_t i = 0; i < n; i++)
        if (VEC_PUSH(&ix->cand, v[i]))
            oom(ix);
}

/* See topicindex.h. */
void dossier_topicindex_add_name(topic_index *ix, int i, const char *first_word)
{
    each_key(ix, first_word, file_name, i);
}

/* Orders ints, for qsort. */
static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

/* See topicindex.h. */
const int *dossier_topicindex_name_candidates(topic_index *ix, const char *w, size_t *n)
{
    ix->cand.n = 0;
    each_key(ix, w, gather_names, 0);
    if (ix->cand.n > 1)
        qsort(ix->cand.v, ix->cand.n, sizeof(int), by_int);
    size_t o = 0;
    for (size_t i = 0; i < ix->cand.n; i++)
        if (o == 0 || ix->cand.v[o - 1] != ix->cand.v[i])
            ix->cand.v[o++] = ix->cand.v[i];
    *n = ix->failed ? 0 : o;
    return ix->cand.v;
}

/* See topicindex.h. */
int dossier_topicindex_recall(topic_index *ix, int slot, const char *w, int *out)
{
    size_t n;
    const int *v = dossier_strmap_get(&ix->memo[slot], w, strlen(w), &n);
    if (!n)
        return 0;
    *out = v[0];
    return 1;
}

/* See topicindex.h. */
void dossier_topicindex_remember(topic_index *ix, int slot, const char *w, int value)
{
    if (dossier_strmap_add(&ix->memo[slot], w, strlen(w), value))
        oom(ix);
}
