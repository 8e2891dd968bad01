/*
 * tagger.h — the statistical name tagger: a greedy averaged perceptron
 * over BIO tags for people, organisations and places.
 *
 * Four parts share this header:
 *
 *   features.c  what the tagger looks at: the word, its folded form,
 *               prefixes and suffixes, shape, capitals, a window of two
 *               words either side, word lists (dictionary words, first
 *               names, places, known entities), document evidence, and
 *               case restored in ALL-CAPS sentences.  Training and tagging
 *               both call it, so a model never meets features it was not
 *               trained with.
 *   decode.c    tags a document left to right, each token's features
 *               plus the tags already given (the previous two, and how
 *               the same word was tagged earlier in the document).
 *   model.c     the model file (a versioned, checksummed binary read in
 *               place) and the models compiled into the library.
 *   train.c     the trainer: reads corpora in the training format, learns
 *               the weights, measures on a held-out part, writes a model.
 *
 * A model is read-only once opened: any number of threads may tag with it.
 */
#ifndef DOSSIER_TAGGER_H
#define DOSSIER_TAGGER_H

#include <stddef.h>
#include <stdint.h>

/* The tags, in model order. */
enum dossier_tag {
    DOSSIER_TAG_O = 0,
    DOSSIER_TAG_B_PER, DOSSIER_TAG_I_PER,
    DOSSIER_TAG_B_ORG, DOSSIER_TAG_I_ORG,
    DOSSIER_TAG_B_LOC, DOSSIER_TAG_I_LOC,
    DOSSIER_TAG_COUNT
};

/* The kind of a tag: 0 none, 1 person, 2 organisation, 3 place. */
#define DOSSIER_TAG_KIND(t) (((t) + 1) / 2)
/* Non-zero when tag t continues a name. */
#define DOSSIER_TAG_INSIDE(t) ((t) > 0 && (t) % 2 == 0)

/* Word classes of the model's word table (a bit each). */
enum dossier_tagger_class {
    DOSSIER_WC_LOWER = 1 << 0,    /* a lower-case word of the language's dictionary */
    DOSSIER_WC_CAPITAL = 1 << 1,  /* a dictionary word only ever written capitalised */
    DOSSIER_WC_FIRST = 1 << 2,    /* a first name */
    DOSSIER_WC_CITY = 1 << 3,     /* a city or town */
    DOSSIER_WC_REGION = 1 << 4,   /* a country, region or province */
    DOSSIER_WC_PERSON = 1 << 5,   /* a known person (the gazetteer) */
    DOSSIER_WC_ORG = 1 << 6,      /* a known organisation */
    DOSSIER_WC_PLACE = 1 << 7,    /* a known place */
    DOSSIER_WC_ORGWORD = 1 << 8,  /* a word that heads organisation names */
    DOSSIER_WC_TITLE = 1 << 9,    /* a title or occupation */
    DOSSIER_WC_DEMONYM = 1 << 10, /* a nationality adjective */
    DOSSIER_WC_CALENDAR = 1 << 11,/* a month or weekday */
    DOSSIER_WC_PREFIX = 1 << 15   /* the start of a longer phrase of the table */
};
#define DOSSIER_WC_NCLASSES 12

/* One token as the tagger sees it: as written, and folded (dossier_fold). */
typedef struct {
    const char *text;
    size_t len;
    const char *fold;
} dossier_tagger_token;

/* A document: its tokens, and where each sentence starts. */
typedef struct {
    const dossier_tagger_token *tokens;
    size_t ntokens;
    const size_t *sentences;   /* sentence s is [sentences[s], sentences[s+1]) (or to ntokens) */
    size_t nsentences;
} dossier_tagger_doc;

/*
 * A word table: records of 8 bytes (a 32-bit hash of the folded word or
 * phrase, its class bits, two spare bytes), sorted by hash, little-endian.
 * The model stores one; the trainer builds one from lists.
 */
typedef struct {
    const unsigned char *rec;
    size_t n;
    const uint32_t *bucket;   /* optional: the records whose hash has top 16 bits b are [bucket[b], bucket[b + 1]) */
} dossier_tagger_words;

/* The class bits of a folded word or phrase (words separated by one space), or 0. */
unsigned dossier_tagger_word_class(const dossier_tagger_words *w, const char *fold, size_t len);

/* The 32-bit hash of the feature and word tables (FNV-1a); inline, as features hash every word many times. */
static inline uint32_t dossier_tagger_hash(uint32_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}
#define DOSSIER_TAGGER_HASH0 2166136261u

/* The version of the features below: a model records the one it was trained with. */
#define DOSSIER_TAGGER_FEATURES_VERSION 1

/*
 * The static features of every token of a document: token i's are
 * feats[start[i] .. start[i+1]), hashes of feature names.  Also what the
 * decoder needs: the hash of each token's folded form and whether it is
 * capitalised.
 */
typedef struct {
    uint32_t *feats;
    size_t *start;       /* ntokens + 1 entries */
    uint32_t *word;      /* per token: hash of the folded form */
    unsigned char *cap;  /* per token: non-zero when capitalised (case restored) */
    uint32_t *nword;     /* per token: its first nword features are those of its word alone */
    int32_t *same;       /* per token: an earlier token whose nword first features are the same, or -1 */
    /* with a word memo (dossier_tagger_features_memo), per token: what the memo answered for a
       token whose word comes first in the document (NULL: no entry), and whether the entry
       waits for the sum of the token's word features (1) or holds it, the features left out
       (nword 0) (0); both NULL without a memo */
    void **memo;
    unsigned char *fill;
    size_t ntokens;
} dossier_tagger_features;

/*
 * Computes the static features of `doc` into *out (which it fills; free
 * with dossier_tagger_features_free).  Returns DOSSIER_OK or DOSSIER_ENOMEM.
 */
int dossier_tagger_features_make(dossier_tagger_features *out, const dossier_tagger_words *words,
                                 const dossier_tagger_doc *doc);

/*
 * A memo of what a word's features add up to, asked by
 * dossier_tagger_features_memo for each token whose word comes first in
 * its document, with everything its word features depend on: the token
 * as the tagger sees it (case restored), its folded form and their
 * hashes' base (the fold's dossier_tagger_hash), its capital class and
 * whether it opens its sentence.  Returns the memo's entry for them, NULL
 * for none, and sets *fill: 0 when the entry holds their sum (the token's
 * word features are then left out), 1 when the caller is to store it.
 */
typedef void *(*dossier_tagger_word_memo)(void *ctx, const char *view, size_t vlen, const char *fold, size_t flen,
                                          uint32_t fold_hash, int cc, int first, int *fill);

/* dossier_tagger_features_make, asking `memo` (with ctx) about each word that comes first (see above). */
int dossier_tagger_features_memo(dossier_tagger_features *out, const dossier_tagger_words *words,
                                 const dossier_tagger_doc *doc, dossier_tagger_word_memo memo, void *ctx);
void dossier_tagger_features_free(dossier_tagger_features *f);

/*
 * Adds the weights of the n features feats[0 .. n) to
 * scores[DOSSIER_TAG_COUNT], feature by feature in their order.  The
 * decoder calls it through a pointer, so training (live weights) and
 * tagging (a model) share one decoder; a call scores a token's features at
 * once.
 */
typedef void (*dossier_tagger_scorer)(const void *ctx, const uint32_t *feats, size_t n, float *scores);

/*
 * Tags a document: tags[i] for each of the features' tokens (an enum
 * dossier_tag), left to right, never I- after a tag of another kind;
 * margin[i], when margin is not NULL, how much the tag given outscored O
 * (0 for O: the decoder's confidence in a name).
 * Feature hashes the decoder adds (previous tags, earlier tags of the
 * same word) go into `extra` when it is not NULL: extra[i*DOSSIER_TAGGER_NEXTRA
 * .. ] for token i, for the trainer's update.  When `base` is not NULL it
 * holds each token's scores from its static features already
 * (base[i*DOSSIER_TAG_COUNT ..], added in their order from 0, so the sums
 * are the same), and only the added features are scored.  Returns
 * DOSSIER_OK or DOSSIER_ENOMEM.
 */
#define DOSSIER_TAGGER_NEXTRA 4
int dossier_tagger_decode(unsigned char *tags, float *margin, uint32_t *extra, const dossier_tagger_features *f,
                          const float *base, dossier_tagger_scorer score, const void *ctx);

/* A model: a view over its bytes (which it owns when opened from a copy). */
typedef struct dossier_tagger_model dossier_tagger_model;

/*
 * Opens a model from `len` bytes at `data` (not copied: they must outlive
 * the model).  Checks the header, version, size, checksum and order;
 * returns DOSSIER_OK, or DOSSIER_ERROR with a message in err.
 */
int dossier_tagger_model_open(dossier_tagger_model **out, const unsigned char *data, size_t len,
                              char *err, size_t errlen);
/* Frees a model (the bytes it was opened on are the caller's).  Accepts NULL. */
void dossier_tagger_model_close(dossier_tagger_model *m);
/* The language a model was trained for ("en"). */
const char *dossier_tagger_model_lang(const dossier_tagger_model *m);
/* The model's word table. */
const dossier_tagger_words *dossier_tagger_model_words(const dossier_tagger_model *m);

/*
 * The model compiled into the library for `lang`: sets *out to it, or to
 * NULL when there is none (the rules work alone then).  A model is opened
 * the first time its language is asked for, once per process,
 * thread-safely; its header is checked, its checksum and record order are
 * not (the tests check those of every compiled-in model).  Returns
 * DOSSIER_OK, or DOSSIER_ERROR with a message in err when the compiled-in
 * model's header is wrong.
 */
int dossier_tagger_builtin(const dossier_tagger_model **out, const char *lang, char *err, size_t errlen);

/*
 * Tags a document with a model: tags[i] for each token, and margin[i]
 * (when margin is not NULL) as dossier_tagger_decode gives it.  Returns
 * DOSSIER_OK or DOSSIER_ENOMEM.
 */
int dossier_tagger_tag(unsigned char *tags, float *margin, const dossier_tagger_model *m,
                       const dossier_tagger_doc *doc);

/* Options of the trainer. */
typedef struct {
    const char *lang;          /* recorded in the model */
    int epochs;                /* passes over the data (default 8) */
    int heldout;               /* every heldout-th document is kept for measuring (0: none) */
    double prune;              /* weights of smaller magnitude are dropped */
    const char *const *lists;  /* CLASS=FILE ... (NULL-terminated): word lists for the word table */
} dossier_tagger_options;

/* What the trainer measured on the held-out documents. */
typedef struct {
    size_t tokens;             /* held-out tokens */
    double token_f1;           /* tokens in names, kind right */
    double span_p, span_r, span_f1;
    double kind_f1[4];         /* span F1 by kind: [1] person, [2] organisation, [3] place */
    double tokens_per_s;       /* tagging speed with the final model */
    size_t features, weights;  /* in the model written */
} dossier_tagger_report;

/*
 * Trains a model from training-format files, each "PATH" or "PATH:N" (its
 * documents seen N times an epoch), and returns it in *out (*outlen bytes;
 * the caller frees it with free()).  Fills *report.  Returns DOSSIER_OK,
 * or a negative code with a message in err.  The same files and options
 * always give the same bytes.
 */
int dossier_tagger_train(unsigned char **out, size_t *outlen, dossier_tagger_report *report,
                         const char *const *files, const dossier_tagger_options *opt,
                         char *err, size_t errlen);

/*
 * Tags the documents of training-format files with model m and fills
 * *report with the figures against their tags (the held-out figures of
 * the trainer, on any corpus).  Returns DOSSIER_OK or a negative code
 * with a message in err.
 */
int dossier_tagger_evaluate(dossier_tagger_report *report, const dossier_tagger_model *m,
                            const char *const *files, char *err, size_t errlen);

/*
 * Asks the processor to start loading the cache line at p (a hint: nothing
 * when unsupported); inline, so that the hint costs no call.  For the
 * table look-ups of the features and the model.
 */
static inline void dossier_tagger_prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

#endif /* DOSSIER_TAGGER_H */
