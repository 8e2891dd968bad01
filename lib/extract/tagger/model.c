/*
 * model.c — the tagger's model file, and the models compiled into the library.
 *
 * A model is little-endian binary, read in place (nothing is copied):
 *
 *   0   "DOSSTAGR"             magic
 *   8   u32 format version     DOSSIER_TAGGER_FORMAT
 *   12  u32 features version   DOSSIER_TAGGER_FEATURES_VERSION it was trained with
 *   16  char[4] language       "en", NUL-padded
 *   20  u32 tags               DOSSIER_TAG_COUNT
 *   24  f32 scale              a weight is its int16 times scale
 *   28  u32 words, u32 weights record counts
 *   36  u32 checksum           FNV-1a of every byte from 40 on
 *   40  words × 8 bytes        u32 hash, u16 classes, u16 zero; sorted by hash
 *       weights × 8 bytes      u32 feature hash, u8 tag, u8 zero, i16 weight;
 *                              sorted by hash then tag
 *
 * A model whose magic, versions, size, checksum or order is wrong is
 * refused with a message saying which.  Opened models are read-only, so
 * threads share them.
 */
#include "extract/tagger/tagger.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embed.h"
#include "dossier.h"

#define DOSSIER_TAGGER_FORMAT 1
#define HEADER 40

struct dossier_tagger_model {
    char lang[8];
    float scale;
    dossier_tagger_words words;
    const unsigned char *w;  /* weight records */
    size_t nw;
    uint32_t *bucket;        /* weights whose hash starts with the top BUCKET_BITS bits b: [bucket[b], bucket[b + 1]) */
    uint32_t *word_bucket;   /* the same for the word table */
    float *wf;               /* per weight record: its weight (int16 times scale), computed once at open */
    uint64_t generation;     /* unique to this opening: what a thread's memo of weights belongs to */
};

static atomic_uint_fast64_t generations; /* the last generation handed out */

#define BUCKET_BITS 16

/* Reads a little-endian 32-bit value. */
static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * Fills bucket[0 .. 2^BUCKET_BITS]: bucket[b] is the first of the n sorted
 * 8-byte records (hash first) whose hash's top bits are b or more, so that
 * a look-up reads one bucket instead of searching every record.
 */
static void fill_buckets(uint32_t *bucket, const unsigned char *rec, size_t n)
{
    for (size_t i = 0, b = 0; b <= 1u << BUCKET_BITS; b++) {
        while (i < n && rd32(rec + i * 8) >> (32 - BUCKET_BITS) < b)
            i++;
        bucket[b] = (uint32_t)i;
    }
}

/*
 * dossier_tagger_model_open, with the checksum and the order of the
 * records checked only when `check` is set: a compiled-in model is read
 * from the program's own bytes, which the tests check in full
 * (check_tagger's builtin_models), and its checks cost an ingest more
 * than tagging a short article.
 */
static int open_model(dossier_tagger_model **out, const unsigned char *data, size_t len, int check,
                      char *err, size_t errlen)
{
    *out = NULL;
    if (len < HEADER || memcmp(data, "DOSSTAGR", 8) != 0) {
        snprintf(err, errlen, "not a dossier tagger model");
        return DOSSIER_ERROR;
    }
    uint32_t format = rd32(data + 8), fv = rd32(data + 12);
    if (format != DOSSIER_TAGGER_FORMAT) {
        snprintf(err, errlen, "tagger model format %u, this dossier reads format %d", (unsigned)format,
                 DOSSIER_TAGGER_FORMAT);
        return DOSSIER_ERROR;
    }
    if (fv != DOSSIER_TAGGER_FEATURES_VERSION) {
        snprintf(err, errlen, "tagger model trained with features version %u, this dossier has version %d: "
                 "retrain it", (unsigned)fv, DOSSIER_TAGGER_FEATURES_VERSION);
        return DOSSIER_ERROR;
    }
    if (rd32(data + 20) != DOSSIER_TAG_COUNT) {
        snprintf(err, errlen, "tagger model has %u tags, expected %d", (unsigned)rd32(data + 20), DOSSIER_TAG_COUNT);
        return DOSSIER_ERROR;
    }
    size_t nwords = rd32(data + 28), nw = rd32(data + 32);
    if ((len - HEADER) / 8 < nwords || (len - HEADER) / 8 - nwords != nw || (len - HEADER) % 8) {
        snprintf(err, errlen, "tagger model is truncated or too long (%zu bytes)", len);
        return DOSSIER_ERROR;
    }
    if (check && dossier_tagger_hash(DOSSIER_TAGGER_HASH0, (const char *)data + HEADER, len - HEADER) != rd32(data + 36)) {
        snprintf(err, errlen, "tagger model is damaged (checksum mismatch)");
        return DOSSIER_ERROR;
    }
    const unsigned char *words = data + HEADER, *w = words + nwords * 8;
    for (size_t i = 1; check && i < nwords; i++)
        if (rd32(words + i * 8 - 8) >= rd32(words + i * 8)) {
            snprintf(err, errlen, "tagger model word table is out of order");
            return DOSSIER_ERROR;
        }
    for (size_t i = 0; check && i < nw; i++) {
        if (w[i * 8 + 4] >= DOSSIER_TAG_COUNT ||
            (i && ((uint64_t)rd32(w + i * 8 - 8) << 8 | w[i * 8 - 4]) >= ((uint64_t)rd32(w + i * 8) << 8 | w[i * 8 + 4]))) {
            snprintf(err, errlen, "tagger model weights are out of order");
            return DOSSIER_ERROR;
        }
    }
    dossier_tagger_model *m = calloc(1, sizeof *m);
    uint32_t *bucket = malloc(((1u << BUCKET_BITS) + 1) * sizeof *bucket);
    uint32_t *word_bucket = malloc(((1u << BUCKET_BITS) + 1) * sizeof *word_bucket);
    float *wf = malloc((nw ? nw : 1) * sizeof *wf);
    if (!m || !bucket || !word_bucket || !wf) {
        free(m);
        free(bucket);
        free(word_bucket);
        free(wf);
        snprintf(err, errlen, "out of memory");
        return DOSSIER_ENOMEM;
    }
    memcpy(m->lang, data + 16, 4);
    uint32_t sc = rd32(data + 24);
    memcpy(&m->scale, &sc, sizeof m->scale);
    m->words.rec = words;
    m->words.n = nwords;
    m->w = w;
    m->nw = nw;
    m->bucket = bucket;
    m->word_bucket = word_bucket;
    m->words.bucket = word_bucket;
    m->wf = wf;
    m->generation = atomic_fetch_add(&generations, 1) + 1;
    for (size_t i = 0; i < nw; i++)
        wf[i] = (float)(int16_t)(uint16_t)(w[i * 8 + 6] | w[i * 8 + 7] << 8) * m->scale;
    fill_buckets(bucket, w, nw);
    fill_buckets(word_bucket, words, nwords);
    *out = m;
    return DOSSIER_OK;
}

/* See tagger.h. */
int dossier_tagger_model_open(dossier_tagger_model **out, const unsigned char *data, size_t len,
                              char *err, size_t errlen)
{
    return open_model(out, data, len, 1, err, errlen);
}

/* See tagger.h. */
void dossier_tagger_model_close(dossier_tagger_model *m)
{
    if (m) {
        free(m->bucket);
        free(m->word_bucket);
        free(m->wf);
    }
    free(m);
}

/* See tagger.h. */
const char *dossier_tagger_model_lang(const dossier_tagger_model *m)
{
    return m->lang;
}

/* See tagger.h. */
const dossier_tagger_words *dossier_tagger_model_words(const dossier_tagger_model *m)
{
    return &m->words;
}

/* The first of the model's weight records of feature `feat` into *first; returns how many there are. */
static size_t find_records(const dossier_tagger_model *m, uint32_t feat, size_t *first)
{
    size_t lo = m->bucket[feat >> (32 - BUCKET_BITS)], hi = m->bucket[(feat >> (32 - BUCKET_BITS)) + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rd32(m->w + mid * 8) < feat)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    while (lo < m->nw && rd32(m->w + lo * 8) == feat)
        lo++;
    return lo - *first;
}

/*
 * A thread's look-ups of a model's weight table, remembered by feature
 * hash in a table of MEMO_SLOTS (one slot per hash, the last look-up
 * wins): documents ask for the same features again and again (the bias,
 * the capital classes, the common words, suffixes and tag pairs), and each
 * look-up is a wait for memory.  The table is the thread's own and serves
 * every document it tags with the same model (see thread_memo_of).  A slot holds the feature's weight for
 * every tag, 0 for the tags it has no record of: adding a zero leaves a
 * score as it is (no score is ever -0), so scores get the same sums as
 * from the records alone, and a hit is one add per tag.  A slot is 32
 * bytes, the seven weights then the hash, so that a hit adds all the
 * weights at once (add_slot); an empty slot holds hash 0 and no weights,
 * except slot 0, where hash 0 belongs, which holds 1 (memo_clear).  Of
 * 2^15 slots (1 MiB, within a core's second-level cache): with 2^14, one
 * look-up in six missed, many of them for a feature another had pushed
 * out of its slot.
 */
#define MEMO_BITS 15
#define MEMO_SLOTS (1u << MEMO_BITS)
_Static_assert(DOSSIER_TAG_COUNT == 7, "a memo slot and add_slot() hold seven tags and the hash");
typedef struct {
    float w[DOSSIER_TAG_COUNT];
    uint32_t feat;
} memo_slot;

/* Empties n memo slots (see memo_slot). */
static void memo_clear(memo_slot *slot, size_t n)
{
    memset(slot, 0, n * sizeof *slot);
    slot[0].feat = 1;
}

typedef struct {
    const dossier_tagger_model *m;
    memo_slot *slot;     /* MEMO_SLOTS */
} memo_scorer;

/* The memo slot of feature `feat`, filled from the model's records first when it held another feature. */
static inline const memo_slot *memo_find(const memo_scorer *ms, uint32_t feat)
{
    memo_slot *sl = &ms->slot[(feat * 2654435761u) >> (32 - MEMO_BITS)];
    if (sl->feat != feat) {
        const dossier_tagger_model *m = ms->m;
        size_t first, n = find_records(m, feat, &first); /* one record per tag at most: order checked at open */
        sl->feat = feat;
        memset(sl->w, 0, sizeof sl->w);
        for (size_t k = first; k < first + n; k++)
            sl->w[m->w[k * 8 + 4]] = m->wf[k];
    }
    return sl;
}

/*
 * Eight running scores, the seven tags' and a spare one: a vector of
 * eight floats where the compiler has vectors (GCC, Clang), each lane
 * added as the float it holds, so that the sums are those of adding tag by
 * tag.
 */
#if defined(__GNUC__)
typedef float four_floats __attribute__((vector_size(16)));
typedef uint32_t four_bits __attribute__((vector_size(16)));
typedef struct {
    four_floats lo, hi;
} score_lanes;

/* acc += the slot's weights (its eighth lane, the hash, masked to 0). */
static inline void add_slot(score_lanes *acc, const memo_slot *sl)
{
    const four_bits weights = {~0u, ~0u, ~0u, 0};
    four_floats lo;
    four_bits hi;
    memcpy(&lo, sl, sizeof lo);
    memcpy(&hi, (const char *)sl + sizeof lo, sizeof hi);
    acc->lo += lo;
    acc->hi += (four_floats)(hi & weights);
}
#else
typedef struct {
    float v[8];
} score_lanes;

/* acc += the slot's weights. */
static inline void add_slot(score_lanes *acc, const memo_slot *sl)
{
    for (int t = 0; t < DOSSIER_TAG_COUNT; t++)
        acc->v[t] += sl->w[t];
}
#endif

/* The seven scores into running lanes (the spare lane 0), and back. */
static inline score_lanes lanes_of(const float *scores)
{
    score_lanes acc;
    memset(&acc, 0, sizeof acc);
    memcpy(&acc, scores, DOSSIER_TAG_COUNT * sizeof *scores);
    return acc;
}

static inline void lanes_to(float *scores, const score_lanes *acc)
{
    memcpy(scores, acc, DOSSIER_TAG_COUNT * sizeof *scores);
}


/*
 * The model's weights of n features added to scores, in their order, for
 * the decoder (a dossier_tagger_scorer over a memo_scorer): in lanes, as
 * score_range adds them.
 */
static void memo_score(const void *ctx, const uint32_t *feats, size_t n, float *scores)
{
    score_lanes acc = lanes_of(scores);
    for (size_t k = 0; k < n; k++)
        add_slot(&acc, memo_find(ctx, feats[k]));
    lanes_to(scores, &acc);
}

/*
 * Adds the weights of features [from, to) of f to scores.  The weight
 * tables are larger than the caches, so each look-up would wait for
 * memory: the bucket of the feature PREFETCH_AHEAD * 2 ahead and the
 * records of the one PREFETCH_AHEAD ahead are asked for early, and the
 * waits overlap (but for the document's last features, which have none
 * so far ahead).  The scores are kept in lanes meanwhile.
 */
#define PREFETCH_AHEAD 8
static void score_range(const memo_scorer *ms, const dossier_tagger_features *f, size_t from, size_t to,
                        float *scores)
{
    const uint32_t *bucket = ms->m->bucket;
    const unsigned char *w = ms->m->w;
    const uint32_t *feats = f->feats;
    size_t total = f->start[f->ntokens];
    size_t ahead = total > 2 * PREFETCH_AHEAD ? total - 2 * PREFETCH_AHEAD : 0;
    score_lanes acc = lanes_of(scores);
    size_t k = from;
    for (; k < to && k < ahead; k++) {
        dossier_tagger_prefetch(&bucket[feats[k + 2 * PREFETCH_AHEAD] >> (32 - BUCKET_BITS)]);
        dossier_tagger_prefetch(w + (size_t)bucket[feats[k + PREFETCH_AHEAD] >> (32 - BUCKET_BITS)] * 8);
        add_slot(&acc, memo_find(ms, feats[k]));
    }
    for (; k < to; k++)
        add_slot(&acc, memo_find(ms, feats[k]));
    lanes_to(scores, &acc);
}

/*
 * A thread's memo of word sums: what the word features of a word add up
 * to with the model (the sum static_scores starts a token from), by
 * everything they depend on (the word as the tagger sees it, its fold,
 * capital class and place in the sentence), so that a word met in an
 * earlier document is neither given its word features nor scored on them
 * again (dossier_tagger_features_memo).  One slot per key hash, the last
 * word wins, but for a slot a document has asked for already: it stays
 * the other word's until the document's sums are in (word_memo).  Words
 * whose two forms are longer than WORD_KEY bytes are not remembered.
 */
#define WORD_BITS 13
#define WORD_SLOTS (1u << WORD_BITS)
#define WORD_KEY 48
typedef struct {
    float sum[DOSSIER_TAG_COUNT];
    uint32_t doc;               /* the document that last asked for it (thread_memo's doc) */
    unsigned char valid;        /* sum is the key's */
    unsigned char cc, first, vlen, flen;
    char key[WORD_KEY];         /* the word as seen, then its fold */
} word_slot;

/*
 * The scores of every token from its static features, for the decoder's
 * `base` (the caller frees it), or NULL when out of memory.  A token's
 * first features are its word's (f->nword); a token whose word came
 * before (f->same) starts from that token's sum of them, which is the
 * same sum of the same weights in the same order, and so does a token
 * whose word the thread's word memo holds (f->memo, f->fill 0: its word
 * features were left out); a word the memo waits for (f->fill 1) is
 * given its sum.
 */
static float *static_scores(const memo_scorer *ms, const dossier_tagger_features *f)
{
    float *base = malloc((f->ntokens * DOSSIER_TAG_COUNT + 1) * sizeof *base);
    float *word = malloc((f->ntokens * DOSSIER_TAG_COUNT + 1) * sizeof *word);
    for (size_t i = 0; base && word && i < f->ntokens; i++) {
        float *s = base + i * DOSSIER_TAG_COUNT;
        size_t mid = f->start[i] + f->nword[i];
        word_slot *known = f->memo ? f->memo[i] : NULL;
        if (f->same[i] >= 0) {
            memcpy(s, word + (size_t)f->same[i] * DOSSIER_TAG_COUNT, DOSSIER_TAG_COUNT * sizeof *s);
        } else if (known && !f->fill[i]) {
            memcpy(s, known->sum, DOSSIER_TAG_COUNT * sizeof *s);
            memcpy(word + i * DOSSIER_TAG_COUNT, s, DOSSIER_TAG_COUNT * sizeof *s);
        } else {
            memset(s, 0, DOSSIER_TAG_COUNT * sizeof *s);
            score_range(ms, f, f->start[i], mid, s);
            memcpy(word + i * DOSSIER_TAG_COUNT, s, DOSSIER_TAG_COUNT * sizeof *s);
            if (known) {
                memcpy(known->sum, s, DOSSIER_TAG_COUNT * sizeof *s);
                known->valid = 1;
            }
        }
        score_range(ms, f, mid, f->start[i + 1], s);
    }
    if (!word) {
        free(base);
        base = NULL;
    }
    free(word);
    return base;
}

/*
 * A thread's memo: the generation of the model its slots hold weights of
 * (0: none yet), the slots, and the word sums with that model (doc: the
 * number of the document being tagged, from 1).
 */
typedef struct {
    uint64_t generation;
    memo_slot slot[MEMO_SLOTS];
    uint32_t doc;
    word_slot words[WORD_SLOTS];
} thread_memo;

/*
 * The thread memo's entry for a word (a dossier_tagger_word_memo over a
 * thread_memo): the slot that holds its sum (*fill 0), or a slot made its
 * own, its sum to come (*fill 1); NULL when its slot is another word's of
 * the same document, or the word too long.
 */
static void *word_memo(void *ctx, const char *view, size_t vlen, const char *fold, size_t flen, uint32_t fold_hash,
                       int cc, int first, int *fill)
{
    thread_memo *t = ctx;
    *fill = 0;
    if (vlen + flen > WORD_KEY)
        return NULL;
    uint32_t h = (fold_hash ^ (uint32_t)vlen * 0x9E3779B1u ^ (uint32_t)(cc * 2 + first) * 0x85EBCA77u) * 2654435761u;
    word_slot *w = &t->words[h >> (32 - WORD_BITS)];
    int same = w->vlen == vlen && w->flen == flen && w->cc == cc && w->first == first &&
               memcmp(w->key, view, vlen) == 0 && memcmp(w->key + vlen, fold, flen) == 0;
    if (same && w->valid) {
        w->doc = t->doc;
        return w;
    }
    if (w->doc == t->doc)
        return NULL;
    memcpy(w->key, view, vlen);
    memcpy(w->key + vlen, fold, flen);
    w->vlen = (unsigned char)vlen;
    w->flen = (unsigned char)flen;
    w->cc = (unsigned char)cc;
    w->first = (unsigned char)first;
    w->valid = 0;
    w->doc = t->doc;
    *fill = 1;
    return w;
}

static pthread_key_t memo_key;        /* the calling thread's thread_memo, freed when the thread ends */
static int memo_key_made;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

/* Makes memo_key (pthread_once). */
static void make_memo_key(void)
{
    memo_key_made = pthread_key_create(&memo_key, free) == 0;
}

/*
 * The calling thread's memo for model m, emptied when it last served
 * another model; NULL when there is no thread memo (out of memory), and
 * the caller uses slots of its own.  The memo is freed with its thread
 * (the main thread's with the process).
 */
static thread_memo *thread_memo_of(const dossier_tagger_model *m)
{
    pthread_once(&memo_once, make_memo_key);
    if (!memo_key_made)
        return NULL;
    thread_memo *t = pthread_getspecific(memo_key);
    if (!t) {
        if (!(t = calloc(1, sizeof *t)))
            return NULL;
        if (pthread_setspecific(memo_key, t)) {
            free(t);
            return NULL;
        }
    }
    if (t->generation != m->generation) {
        memo_clear(t->slot, MEMO_SLOTS);
        memset(t->words, 0, sizeof t->words);
        t->doc = 0;
        t->generation = m->generation;
    }
    return t;
}

/* See tagger.h. */
int dossier_tagger_tag(unsigned char *tags, float *margin, const dossier_tagger_model *m,
                       const dossier_tagger_doc *doc)
{
    dossier_tagger_features f;
    thread_memo *t = thread_memo_of(m);
    if (t && ++t->doc == 0) { /* a word slot's doc never equals a later document's by wrapping round */
        memset(t->words, 0, sizeof t->words);
        t->doc = 1;
    }
    int rc = t ? dossier_tagger_features_memo(&f, &m->words, doc, word_memo, t)
               : dossier_tagger_features_make(&f, &m->words, doc);
    if (rc)
        return rc;
    memo_slot *own = NULL;
    memo_scorer ms = {m, t ? t->slot : NULL};
    if (!ms.slot)
        if ((ms.slot = own = malloc(MEMO_SLOTS * sizeof(memo_slot))))
            memo_clear(own, MEMO_SLOTS);
    float *base = ms.slot ? static_scores(&ms, &f) : NULL;
    rc = base ? dossier_tagger_decode(tags, margin, NULL, &f, base, memo_score, &ms) : DOSSIER_ENOMEM;
    free(base);
    free(own);
    dossier_tagger_features_free(&f);
    return rc;
}

/* The compiled-in models by language, each opened the first time it is asked for. */
#define MAX_BUILTIN 16
static struct {
    char lang[8];
    const dossier_embedded_file *file;
    int opened;              /* 1 once model or err is set */
    dossier_tagger_model *model;
    char err[160];
} builtin[MAX_BUILTIN];
static size_t nbuiltin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t builtin_lock = PTHREAD_MUTEX_INITIALIZER;

/* Lists every embedded models/<lang>.model by language, opening none (pthread_once). */
static void list_builtin(void)
{
    for (size_t i = 0; i < dossier_embedded_nmodels && nbuiltin < MAX_BUILTIN; i++) {
        const dossier_embedded_file *e = &dossier_embedded_models[i];
        size_t plen = strlen(e->path);
        if (strncmp(e->path, "models/", 7) != 0 || plen < 13 || strcmp(e->path + plen - 6, ".model") != 0 ||
            plen - 13 >= sizeof builtin[0].lang)
            continue;
        memcpy(builtin[nbuiltin].lang, e->path + 7, plen - 13);
        builtin[nbuiltin].lang[plen - 13] = '\0';
        builtin[nbuiltin].file = e;
        nbuiltin++;
    }
}

/*
 * Opens built-in model i unless it was tried before, under the lock: an
 * ingest pays for opening the one model its language needs (about 4 MB)
 * instead of all of them.  Its checksum and record order are not checked
 * again at each run (see open_model).
 */
static void open_builtin(size_t i)
{
    pthread_mutex_lock(&builtin_lock);
    if (!builtin[i].opened) {
        char msg[128];
        const dossier_embedded_file *e = builtin[i].file;
        if (open_model(&builtin[i].model, e->data, e->len, 0, msg, sizeof msg))
            snprintf(builtin[i].err, sizeof builtin[i].err, "%s: %s", e->path, msg);
        builtin[i].opened = 1;
    }
    pthread_mutex_unlock(&builtin_lock);
}

/* See tagger.h. */
int dossier_tagger_builtin(const dossier_tagger_model **out, const char *lang, char *err, size_t errlen)
{
    *out = NULL;
    pthread_once(&builtin_once, list_builtin);
    for (size_t i = 0; i < nbuiltin; i++) {
        if (strcmp(builtin[i].lang, lang) != 0)
            continue;
        open_builtin(i);
        if (!builtin[i].model) {
            snprintf(err, errlen, "%s", builtin[i].err);
            return DOSSIER_ERROR;
        }
        *out = builtin[i].model;
    }
    return DOSSIER_OK;
}
