/*
 * features.c — what the name tagger looks at, for training and tagging alike.
 *
 * The features follow Ratinov & Roth (2009) and the Stanford tagger: the
 * word as written and folded, prefixes and suffixes, its shape ("Xxxx",
 * "XX", "dd-dd"), its capitals and place in the sentence, the same for
 * two words either side, the classes the word table gives it (a
 * dictionary's lower-case words and its capitalised ones, first names,
 * cities, regions, known entities, organisation and title words) and the
 * phrases of the table it is part of, and document evidence: whether the
 * word appears elsewhere in lower case, or capitalised inside a sentence.
 *
 * Headlines and whole sentences in capitals say nothing through their
 * capitals, so they are read with case restored: a word the document
 * writes elsewhere in normal case takes that case, a lower-case dictionary
 * word becomes lower case, short unknown words stay acronyms, the rest
 * become capitalised.  Each feature is a 32-bit hash of its name and value.
 */
#include "extract/tagger/tagger.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dossier.h"

/* Reads a little-endian 32-bit value. */
static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The classes of the word table's entry with hash h (dossier_tagger_hash of the folded word), or 0. */
static unsigned class_of_hash(const dossier_tagger_words *w, uint32_t h)
{
    size_t lo = w->bucket ? w->bucket[h >> 16] : 0, hi = w->bucket ? w->bucket[(h >> 16) + 1] : w->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t m = rd32(w->rec + mid * 8);
        if (m < h)
            lo = mid + 1;
        else if (m > h)
            hi = mid;
        else
            return (unsigned)w->rec[mid * 8 + 4] | (unsigned)w->rec[mid * 8 + 5] << 8;
    }
    return 0;
}

/* See tagger.h. */
unsigned dossier_tagger_word_class(const dossier_tagger_words *w, const char *fold, size_t len)
{
    return class_of_hash(w, dossier_tagger_hash(DOSSIER_TAGGER_HASH0, fold, len));
}

/* How a token is capitalised (after case restoration). */
enum capclass {
    CC_OTHER = 0, /* punctuation, symbols */
    CC_LOWER,     /* starts with a lower-case letter */
    CC_INIT,      /* capital then lower case: "Paris" */
    CC_ALLCAPS,   /* two letters or more, all capitals: "NATO" */
    CC_LETTER,    /* one capital letter: "A", "J" */
    CC_DIGIT,     /* starts with a digit */
    CC_MIXED      /* lower case then capitals: "iPhone", "eBay" */
};

/* What the feature pass knows of one token. */
typedef struct {
    const char *view;   /* the token with case restored (points into text or the scratch) */
    size_t vlen;
    const char *fold;
    size_t flen;
    size_t ncp;         /* code points of fold */
    int ascii;          /* fold is ASCII: ncp is flen, and a code point a byte */
    size_t slot;        /* its word's slot in the docmap */
    uint32_t fh;        /* dossier_tagger_hash of fold: its key in the word table and the docmap */
    int cc;             /* enum capclass */
    int first;          /* the sentence's first word */
    unsigned wc;        /* word-table classes */
    long same;          /* an earlier token that is the same word (same_word), or -1 */
    uint32_t shape_h[2];/* the hashes of sh-1=shape and sh+1=shape */
    const uint32_t *wh; /* its word's hashes in its neighbours' features (word_hashes) */
    size_t shlen;
    char shape[16];
} tokinfo;

/*
 * The capital class of an ASCII token (len > 0) from the class table, as
 * cap_class gives it; -1 when the token has a byte past ASCII.
 */
static int ascii_cap_class(const char *s, size_t len)
{
    unsigned upper = 0, lower = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x80)
            return -1;
        unsigned k = dossier_ascii_class[b];
        upper += (k & DOSSIER_ASCII_UPPER) != 0;
        lower += (k & DOSSIER_ASCII_LOWER) != 0;
    }
    unsigned k0 = dossier_ascii_class[(unsigned char)s[0]], letters = upper + lower;
    if (k0 & DOSSIER_ASCII_DIGIT)
        return CC_DIGIT;
    if (!letters)
        return CC_OTHER;
    if (k0 & DOSSIER_ASCII_LOWER)
        return upper ? CC_MIXED : CC_LOWER;
    if (!(k0 & DOSSIER_ASCII_UPPER))
        return CC_OTHER;
    if (!lower)
        return letters >= 2 ? CC_ALLCAPS : CC_LETTER;
    return CC_INIT;
}

/* The capital class of a token as written; ASCII tokens without decoding (ascii_cap_class). */
static int cap_class(const char *s, size_t len)
{
    int ascii = len ? ascii_cap_class(s, len) : -1;
    if (ascii >= 0)
        return ascii;
    size_t pos = 0;
    int letters = 0, upper = 0, lower = 0;
    int32_t c0 = dossier_utf8_next(s, len, &pos);
    if (c0 < 0)
        return CC_OTHER;
    if (dossier_uc_is_digit(c0))
        return CC_DIGIT;
    pos = 0;
    while (pos < len) {
        unsigned char b = (unsigned char)s[pos];
        if (b < 0x80) {
            unsigned k = dossier_ascii_class[b];
            pos++;
            letters += (k & (DOSSIER_ASCII_UPPER | DOSSIER_ASCII_LOWER)) != 0;
            upper += (k & DOSSIER_ASCII_UPPER) != 0;
            lower += (k & DOSSIER_ASCII_LOWER) != 0;
            continue;
        }
        int32_t c = dossier_utf8_next(s, len, &pos);
        if (dossier_uc_is_letter(c)) {
            letters++;
            if (dossier_uc_is_upper(c))
                upper++;
            else if (dossier_uc_is_lower(c))
                lower++;
        }
    }
    if (!letters)
        return CC_OTHER;
    if (dossier_uc_is_lower(c0))
        return upper ? CC_MIXED : CC_LOWER;
    if (!dossier_uc_is_upper(c0))
        return CC_OTHER;
    if (!lower)
        return letters >= 2 ? CC_ALLCAPS : CC_LETTER;
    return CC_INIT;
}

/* The short shape of a token: X for capitals, x lower case, d digits, runs collapsed; returns its length. */
static size_t make_shape(char *out, size_t cap, const char *s, size_t len)
{
    size_t o = 0, pos = 0;
    while (pos < len && o + 1 < cap) {
        unsigned char b = (unsigned char)s[pos];
        char k;
        if (b < 0x80) {
            unsigned a = dossier_ascii_class[b];
            pos++;
            k = a & DOSSIER_ASCII_UPPER ? 'X' : a & DOSSIER_ASCII_LOWER ? 'x' : a & DOSSIER_ASCII_DIGIT ? 'd'
                : b > 32 && b < 127 ? (char)b : 'o';
        } else {
            int32_t c = dossier_utf8_next(s, len, &pos);
            k = dossier_uc_is_upper(c) ? 'X' : dossier_uc_is_lower(c) || dossier_uc_is_letter(c) ? 'x'
                : dossier_uc_is_digit(c) ? 'd' : c > 32 && c < 127 ? (char)c : 'o';
        }
        if (o && out[o - 1] == k)
            continue;
        out[o++] = k;
    }
    out[o] = '\0';
    return o;
}

/* Byte length of the first n code points of s (or all of s); `ascii` when s is ASCII. */
static size_t cp_prefix(const char *s, size_t len, int ascii, int n)
{
    if (ascii)
        return (size_t)n < len ? (size_t)n : len;
    size_t pos = 0;
    while (n-- > 0 && pos < len)
        dossier_utf8_next(s, len, &pos);
    return pos;
}

/* Byte offset where the last n code points of s start (0 when s is shorter); `ascii` as for cp_prefix. */
static size_t cp_suffix(const char *s, size_t len, int ascii, int n)
{
    if (ascii)
        return (size_t)n < len ? len - (size_t)n : 0;
    size_t pos = len;
    while (n-- > 0 && pos > 0)
        pos = dossier_utf8_prev(s, pos);
    return pos;
}

/* Number of code points in s. */
static size_t cp_count(const char *s, size_t len)
{
    size_t pos = 0, n = 0;
    while (pos < len) {
        dossier_utf8_next(s, len, &pos);
        n++;
    }
    return n;
}

/* Document evidence about a folded word. */
enum { SEEN_LOWER = 1, SEEN_CAPMID = 2 };

/* The hashes a word's fold takes in its neighbours' features, worked out once per word (see word_hashes). */
enum { WH_L_M2, WH_L_M1, WH_L_P1, WH_L_P2, WH_PAIR_BEFORE, WH_PAIR_AFTER, WH_COUNT };

typedef struct {
    uint32_t *key;      /* folded-word hash + 1 (0: empty) */
    unsigned char *flags;
    int *form;          /* a token that writes the word in normal case, or -1 */
    unsigned *wc;       /* the word table's classes of the word, looked up once per document */
    uint32_t *wh;       /* WH_COUNT hashes per slot (see word_hashes), when whset is */
    unsigned char *whset;
    size_t mask;
} docmap;

/* The slot of hash h in the map (found or empty). */
static size_t docmap_slot(const docmap *m, uint32_t h)
{
    size_t i = (h * 2654435761u) & m->mask;
    while (m->key[i] && m->key[i] != h + 1)
        i = (i + 1) & m->mask;
    return i;
}

/*
 * Emitting features: a growable array of hashes.  Feature names are string
 * literals, so the hash of "name=" is remembered by the name's address
 * (the same address is the same text) instead of hashed for every token.
 * Room for a token's features is made before them (make_room), so that
 * emitting is a store.
 */
#define NAME_SLOTS 128
#define NUMBER_SLOTS 512
#define TOKEN_FEATURES 256   /* more than the features of one token (word and context) */
typedef struct {
    uint32_t *v;
    size_t n, cap;
    const char *name_key[NAME_SLOTS];
    uint32_t name_hash[NAME_SLOTS];
    struct {                      /* the hashes of name=number features, by name address and number */
        const char *name;
        unsigned v;
        uint32_t h;
    } number[NUMBER_SLOTS];
} fvec;

/*
 * The feature emitters are called some twenty times a token: inline, they
 * save a call each (GCC and Clang; elsewhere the compiler chooses).
 */
#if defined(__GNUC__)
#define HOT_INLINE inline __attribute__((always_inline))
#else
#define HOT_INLINE inline
#endif

/* Makes room for TOKEN_FEATURES more features; DOSSIER_OK or DOSSIER_ENOMEM. */
static int make_room(fvec *f)
{
    if (f->cap - f->n >= TOKEN_FEATURES)
        return DOSSIER_OK;
    size_t cap = f->cap ? f->cap * 2 : 1024;
    while (cap - f->n < TOKEN_FEATURES)
        cap *= 2;
    uint32_t *v = realloc(f->v, cap * sizeof *v);
    if (!v)
        return DOSSIER_ENOMEM;
    f->v = v;
    f->cap = cap;
    return DOSSIER_OK;
}

/* Appends one feature hash (make_room made room for it). */
static HOT_INLINE void emit(fvec *f, uint32_t h)
{
    f->v[f->n++] = h;
}

/* The hash of "name=" for any name. */
static uint32_t name_hash_of(const char *name)
{
    return dossier_tagger_hash(dossier_tagger_hash(DOSSIER_TAGGER_HASH0, name, strlen(name)), "=", 1);
}

/* The hash of "name=" (`name` a string literal, see fvec). */
static HOT_INLINE uint32_t name_hash(fvec *f, const char *name)
{
    size_t slot = ((uintptr_t)name >> 1) % NAME_SLOTS;
    if (f->name_key[slot] != name) {
        f->name_hash[slot] = name_hash_of(name);
        f->name_key[slot] = name;
    }
    return f->name_hash[slot];
}

/* Emits feature name=value (value len bytes); `name` is a string literal (see fvec). */
static HOT_INLINE void feat(fvec *f, const char *name, const char *value, size_t len)
{
    emit(f, dossier_tagger_hash(name_hash(f, name), value, len));
}

/* The hash of feature name=number: the number's digits, last first. */
static uint32_t number_hash(const char *name, unsigned v)
{
    char b[16];
    size_t n = 0;
    do {
        b[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < sizeof b);
    return dossier_tagger_hash(name_hash_of(name), b, n);
}

/*
 * Emits feature name=number.  The few numbers of each name (capital
 * classes, word classes) come back at every token: their hashes are
 * remembered by name address and number.
 */
static HOT_INLINE void featn(fvec *f, const char *name, unsigned v)
{
    size_t slot = (((uintptr_t)name >> 1) * 31u + v) % NUMBER_SLOTS;
    if (f->number[slot].name != name || f->number[slot].v != v) {
        f->number[slot].name = name;
        f->number[slot].v = v;
        f->number[slot].h = number_hash(name, v);
    }
    emit(f, f->number[slot].h);
}

/* Emits feature name=a:b for two numbers. */
static HOT_INLINE void featnn(fvec *f, const char *name, unsigned a, unsigned b)
{
    featn(f, name, a * 1000u + b);
}

/*
 * The hashes of the context features whose values are small numbers, by
 * number (what featn would give), worked out once per document: the
 * context features of a token are mostly these and its neighbours' words.
 */
#define NCC (CC_MIXED + 1)
typedef struct {
    uint32_t cc[5][NCC];                        /* cc-2 .. cc+2 (index d + 2) of a capital class */
    uint32_t k[5][DOSSIER_WC_NCLASSES];         /* k-1, k+1 (index d + 2) of a word class */
    uint32_t g[DOSSIER_WC_NCLASSES][2];         /* g=k:inside */
    uint32_t doc[4][2];                         /* doc=flags:first */
    uint32_t cc_next[NCC][NCC], cc_prev[NCC][NCC]; /* cc|cc+1, cc-1|cc */
    uint32_t edge[5];                           /* l-2 .. l+2 = ^$: past the sentence */
    uint32_t name_l[5], name_sh[5];             /* "l-2=" .. and "sh-1=", "sh+1=" */
    uint32_t pair_before, pair_after;           /* "l-1|l=", "l|l+1=" */
} context_hashes;

static const char *const ln[] = {"l-2", "l-1", "", "l+1", "l+2"};
static const char *const cn[] = {"cc-2", "cc-1", "", "cc+1", "cc+2"};
static const char *const hn[] = {"sh-2", "sh-1", "", "sh+1", "sh+2"};
static const char *const kn[] = {"k-2", "k-1", "", "k+1", "k+2"};

/* Fills *h. */
static void context_hashes_make(context_hashes *h)
{
    memset(h, 0, sizeof *h);
    for (int d = 0; d < 5; d++) {
        if (d == 2)
            continue;
        for (unsigned c = 0; c < NCC; c++)
            h->cc[d][c] = number_hash(cn[d], c);
        if (d == 1 || d == 3)
            for (unsigned k = 0; k < DOSSIER_WC_NCLASSES; k++)
                h->k[d][k] = number_hash(kn[d], k);
        h->name_l[d] = name_hash_of(ln[d]);
        h->name_sh[d] = name_hash_of(hn[d]);
        h->edge[d] = dossier_tagger_hash(h->name_l[d], "^$", 2);
    }
    for (unsigned k = 0; k < DOSSIER_WC_NCLASSES; k++)
        for (unsigned in = 0; in < 2; in++)
            h->g[k][in] = number_hash("g", k * 1000u + in);
    for (unsigned fl = 0; fl < 4; fl++)
        for (unsigned first = 0; first < 2; first++)
            h->doc[fl][first] = number_hash("doc", fl * 1000u + first);
    for (unsigned a = 0; a < NCC; a++)
        for (unsigned b = 0; b < NCC; b++) {
            h->cc_next[a][b] = number_hash("cc|cc+1", a * 1000u + b);
            h->cc_prev[a][b] = number_hash("cc-1|cc", a * 1000u + b);
        }
    h->pair_before = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "l-1|l=", 6);
    h->pair_after = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "l|l+1=", 6);
}

static context_hashes shared_hashes;
static pthread_once_t shared_hashes_once = PTHREAD_ONCE_INIT;

/* Fills shared_hashes (pthread_once). */
static void make_shared_hashes(void)
{
    context_hashes_make(&shared_hashes);
}

/* The context hashes, the same for every document: made once per process. */
static const context_hashes *shared_context_hashes(void)
{
    pthread_once(&shared_hashes_once, make_shared_hashes);
    return &shared_hashes;
}

/* Non-zero when sentence [a, b) is written in capitals (a headline, a shouted line). */
static int shouted(const tokinfo *ti, size_t a, size_t b)
{
    size_t words = 0, caps = 0;
    for (size_t i = a; i < b; i++) {
        if (ti[i].cc == CC_ALLCAPS || ti[i].cc == CC_INIT || ti[i].cc == CC_LOWER || ti[i].cc == CC_MIXED)
            words++;
        if (ti[i].cc == CC_ALLCAPS)
            caps++;
    }
    return words >= 3 && caps * 10 >= words * 7;
}

/* Any gazetteer-like class: a word the lists know as (part of) a name. */
#define NAMEISH (DOSSIER_WC_FIRST | DOSSIER_WC_CITY | DOSSIER_WC_REGION | DOSSIER_WC_PERSON | \
                 DOSSIER_WC_ORG | DOSSIER_WC_PLACE)

/* How many tokens ahead analyse() asks for word-table records (their buckets twice as far). */
#define WORD_AHEAD 4

/* Fills the per-token facts: classes, capitals, restored case (the shape comes with the word hashes, below). */
static int analyse(tokinfo *ti, char **scratch, const dossier_tagger_words *words, const dossier_tagger_doc *doc,
                   docmap *dm)
{
    size_t n = doc->ntokens;
    size_t need = 0;
    for (size_t i = 0; i < n; i++) {
        const char *fold = doc->tokens[i].fold;
        uint32_t h = DOSSIER_TAGGER_HASH0;
        unsigned char high = 0;
        size_t len = 0;
        for (; fold[len]; len++) {
            high |= (unsigned char)fold[len];
            h = (h ^ (unsigned char)fold[len]) * 16777619u; /* dossier_tagger_hash, byte by byte */
        }
        ti[i].fold = fold;
        ti[i].flen = len;
        ti[i].fh = h;
        ti[i].ascii = high < 0x80;
        ti[i].ncp = ti[i].ascii ? len : cp_count(fold, len);
    }
    for (size_t i = 0; i < n; i++) {
        const dossier_tagger_token *t = &doc->tokens[i];
        /* The word table is larger than the caches: ask early for the bucket and records of words ahead. */
        if (words->bucket && i + 2 * WORD_AHEAD < n)
            dossier_tagger_prefetch(&words->bucket[ti[i + 2 * WORD_AHEAD].fh >> 16]);
        if (words->bucket && i + WORD_AHEAD < n)
            dossier_tagger_prefetch(words->rec + (size_t)words->bucket[ti[i + WORD_AHEAD].fh >> 16] * 8);
        ti[i].view = t->text;
        ti[i].vlen = t->len;
        ti[i].cc = cap_class(t->text, t->len);
        ti[i].first = 0;
        /* A word's entry is looked up once: the slot's key stays as if fresh (form -1, no flags). */
        size_t k = docmap_slot(dm, ti[i].fh);
        if (!dm->key[k]) {
            dm->key[k] = ti[i].fh + 1;
            dm->form[k] = -1;
            dm->wc[k] = class_of_hash(words, ti[i].fh);
        }
        ti[i].slot = k;
        ti[i].wc = dm->wc[k];
        need += t->len + ti[i].flen + 8;
    }
    *scratch = malloc(need + 1);
    if (!*scratch)
        return DOSSIER_ENOMEM;
    char *sp = *scratch;

    /* Sentence starts, shouted sentences, and what the normal sentences say of each word. */
    unsigned char *loud = calloc(n ? n : 1, 1);
    if (!loud)
        return DOSSIER_ENOMEM;
    for (size_t s = 0; s < doc->nsentences; s++) {
        size_t a = doc->sentences[s], b = s + 1 < doc->nsentences ? doc->sentences[s + 1] : n;
        for (size_t i = a; i < b; i++)
            if (ti[i].cc != CC_OTHER) {
                ti[i].first = 1;
                break;
            }
        int sh = shouted(ti, a, b);
        for (size_t i = a; i < b; i++) {
            loud[i] = (unsigned char)sh;
            if (sh || ti[i].cc == CC_OTHER || ti[i].cc == CC_DIGIT)
                continue;
            size_t k = ti[i].slot;
            if (ti[i].cc == CC_LOWER)
                dm->flags[k] |= SEEN_LOWER;
            else if (ti[i].cc == CC_INIT && !ti[i].first)
                dm->flags[k] |= SEEN_CAPMID;
            if (dm->form[k] < 0 && (ti[i].cc == CC_LOWER || (ti[i].cc == CC_INIT && !ti[i].first) ||
                                    ti[i].cc == CC_MIXED))
                dm->form[k] = (int)i;
        }
    }

    for (size_t i = 0; i < n; i++) {
        if (loud[i] && (ti[i].cc == CC_ALLCAPS || ti[i].cc == CC_LETTER)) {
            size_t k = ti[i].slot;
            if (dm->form[k] >= 0) {
                const dossier_tagger_token *t = &doc->tokens[dm->form[k]];
                ti[i].view = t->text;
                ti[i].vlen = t->len;
                ti[i].cc = cap_class(t->text, t->len);
            } else if ((ti[i].wc & DOSSIER_WC_LOWER) && !(ti[i].wc & (DOSSIER_WC_CAPITAL | NAMEISH))) {
                ti[i].view = ti[i].fold;
                ti[i].vlen = ti[i].flen;
                ti[i].cc = CC_LOWER;
            } else if (ti[i].ncp > 3 || (ti[i].wc & NAMEISH)) {
                /* Capitalised: the first letter as written, the rest folded. */
                size_t first = cp_prefix(doc->tokens[i].text, doc->tokens[i].len, 0, 1);
                size_t rest = cp_prefix(ti[i].fold, ti[i].flen, ti[i].ascii, 1);
                memcpy(sp, doc->tokens[i].text, first);
                memcpy(sp + first, ti[i].fold + rest, ti[i].flen - rest);
                ti[i].view = sp;
                ti[i].vlen = first + ti[i].flen - rest;
                sp += ti[i].vlen;
                ti[i].cc = CC_INIT;
            }
        }
    }
    free(loud);
    return DOSSIER_OK;
}

/*
 * Emits the features of token t that depend on nothing but the token
 * itself (as written and folded, its capitals, whether it opens its
 * sentence, its classes): the first ones of every token, so that a word
 * seen before in the same way repeats them (see same_word).
 */
static void word_features(fvec *f, const tokinfo *t)
{
    static const char *const wcname[DOSSIER_WC_NCLASSES] = {
        "k:lower", "k:cap", "k:first", "k:city", "k:region", "k:per",
        "k:org", "k:loc", "k:orgw", "k:title", "k:dem", "k:cal"};

    feat(f, "b", "", 0);
    feat(f, "w", t->view, t->vlen);
    feat(f, "l", t->fold, t->flen);
    size_t ncp = t->ncp;
    for (int k = 2; k <= 4; k++)
        if (ncp > (size_t)k) {
            static const char *const pn[] = {"", "", "p2", "p3", "p4"};
            feat(f, pn[k], t->fold, cp_prefix(t->fold, t->flen, t->ascii, k));
        }
    for (int k = 1; k <= 4; k++)
        if (ncp > (size_t)k) {
            static const char *const sn[] = {"", "s1", "s2", "s3", "s4"};
            size_t at = cp_suffix(t->fold, t->flen, t->ascii, k);
            feat(f, sn[k], t->fold + at, t->flen - at);
        }
    feat(f, "sh", t->shape, t->shlen);
    featnn(f, "cc", (unsigned)t->cc, (unsigned)t->first);
    if (ncp > 12)
        feat(f, "long", "", 0);
    unsigned wc = t->wc & ((1u << DOSSIER_WC_NCLASSES) - 1);
    for (int k = 0; wc; k++, wc >>= 1)
        if (wc & 1) {
            feat(f, wcname[k], "", 0);
            featnn(f, wcname[k], (unsigned)t->cc, (unsigned)t->first);
        }
    if (!(t->wc & (DOSSIER_WC_LOWER | DOSSIER_WC_CAPITAL)) && t->cc != CC_OTHER)
        featnn(f, "k:none", (unsigned)t->cc, (unsigned)t->first);
}

/*
 * The hashes word w's fold takes in its neighbours' features (l-2=fold ..
 * l+2=fold, and the start of the word pairs it opens, "l-1|l=fold|" and
 * "l|l+1=fold|"), worked out the first time the word comes.
 */
static const uint32_t *word_hashes(docmap *dm, const context_hashes *ch, const tokinfo *w)
{
    uint32_t *wh = dm->wh + w->slot * WH_COUNT;
    if (!dm->whset[w->slot]) {
        static const int at[4] = {0, 1, 3, 4};
        for (int d = 0; d < 4; d++)
            wh[WH_L_M2 + d] = dossier_tagger_hash(ch->name_l[at[d]], w->fold, w->flen);
        wh[WH_PAIR_BEFORE] = dossier_tagger_hash(dossier_tagger_hash(ch->pair_before, w->fold, w->flen), "|", 1);
        wh[WH_PAIR_AFTER] = dossier_tagger_hash(dossier_tagger_hash(ch->pair_after, w->fold, w->flen), "|", 1);
        dm->whset[w->slot] = 1;
    }
    return wh;
}

/* Emits the features of token i of sentence [a, b) that follow its word_features(). */
static void context_features(fvec *f, const tokinfo *ti, size_t i, size_t a, size_t b, const docmap *dm,
                             const unsigned *phrase, const context_hashes *ch)
{
    const tokinfo *t = &ti[i];

    /* Phrases of the word table: class bits of the phrase that covers the token, B or I. */
    unsigned inside = phrase[i] >> 16 ? 1u : 0u;
    unsigned ph = phrase[i] & ((1u << DOSSIER_WC_NCLASSES) - 1);
    for (int k = 0; ph; k++, ph >>= 1)
        if (ph & 1)
            emit(f, ch->g[k][inside]);

    /* The document: the same word in lower case elsewhere, or capitalised inside a sentence. */
    if (t->cc == CC_INIT || t->cc == CC_ALLCAPS || t->cc == CC_LETTER)
        emit(f, ch->doc[dm->flags[t->slot]][t->first]);

    /* The window. */
    static const int wh_of[5] = {WH_L_M2, WH_L_M1, 0, WH_L_P1, WH_L_P2};
    for (int d = -2; d <= 2; d++) {
        if (!d)
            continue;
        long j = (long)i + d;
        if (j < (long)a || j >= (long)b) {
            emit(f, ch->edge[d + 2]);
            continue;
        }
        const tokinfo *u = &ti[j];
        emit(f, u->wh[wh_of[d + 2]]);
        emit(f, ch->cc[d + 2][u->cc]);
        if (d == -1 || d == 1) {
            emit(f, u->shape_h[d > 0]);
            unsigned wc = u->wc & ((1u << DOSSIER_WC_NCLASSES) - 1);
            for (int k = 0; wc; k++, wc >>= 1)
                if (wc & 1)
                    emit(f, ch->k[d + 2][k]);
        }
    }
    /* Word pairs. */
    if (i > a)
        emit(f, dossier_tagger_hash(ti[i - 1].wh[WH_PAIR_BEFORE], t->fold, t->flen));
    if (i + 1 < b) {
        emit(f, dossier_tagger_hash(t->wh[WH_PAIR_AFTER], ti[i + 1].fold, ti[i + 1].flen));
        emit(f, ch->cc_next[t->cc][ti[i + 1].cc]);
    }
    if (i > a)
        emit(f, ch->cc_prev[ti[i - 1].cc][t->cc]);
}

/*
 * The tokens seen so far by the word they make (see word_features): an
 * open-addressing table of token index + 1 (0: empty), as large as the
 * docmap.
 */
typedef struct {
    uint32_t *tok;
    size_t mask;
} wordmap;

/*
 * The earlier token that is the same word as token i (the same text as
 * written and folded, capitals and place), or -1 after remembering i as
 * the first of its word.
 */
static long same_word(wordmap *wm, const tokinfo *ti, size_t i)
{
    const tokinfo *t = &ti[i];
    uint32_t h = (t->fh ^ (uint32_t)t->vlen * 0x9E3779B1u ^ (uint32_t)(t->cc * 2 + t->first) * 0x85EBCA77u) *
                 2654435761u;
    size_t k = h & wm->mask;
    for (; wm->tok[k]; k = (k + 1) & wm->mask) {
        const tokinfo *u = &ti[wm->tok[k] - 1];
        if (u->fh == t->fh && u->cc == t->cc && u->first == t->first && u->vlen == t->vlen &&
            u->flen == t->flen && memcmp(u->view, t->view, t->vlen) == 0 && memcmp(u->fold, t->fold, t->flen) == 0)
            return (long)wm->tok[k] - 1;
    }
    wm->tok[k] = (uint32_t)i + 1;
    return -1;
}

/* Appends the n feature hashes at f->v[from ..) again. */
static void repeat(fvec *f, size_t from, size_t n)
{
    for (size_t k = 0; k < n; k++)
        emit(f, f->v[from + k]);
}

/*
 * Marks the phrases of the word table in sentence [a, b): phrase[i] gets
 * the classes of the longest phrase (two words or more) starting at or
 * covering token i, with bit 16 set when i is not its first word.
 */
static void mark_phrases(unsigned *phrase, const tokinfo *ti, const dossier_tagger_words *words, size_t a,
                         size_t b, char *buf, size_t bufcap)
{
    for (size_t i = a; i < b; i++) {
        if (ti[i].cc == CC_OTHER || ti[i].cc == CC_DIGIT || !(ti[i].wc & DOSSIER_WC_PREFIX))
            continue;
        size_t len = 0, best = 0;
        unsigned bestc = 0;
        for (size_t j = i; j < b && j < i + 6; j++) {
            if (len + ti[j].flen + 1 >= bufcap)
                break;
            if (j > i)
                buf[len++] = ' ';
            memcpy(buf + len, ti[j].fold, ti[j].flen);
            len += ti[j].flen;
            unsigned c = j == i ? ti[i].wc : dossier_tagger_word_class(words, buf, len);
            if (j > i && (c & ~(unsigned)DOSSIER_WC_PREFIX)) {
                best = j + 1 - i;
                bestc = c & ~(unsigned)DOSSIER_WC_PREFIX;
            }
            if (!(c & DOSSIER_WC_PREFIX))
                break;
        }
        if (best >= 2) {
            for (size_t k = 0; k < best; k++)
                if (!(phrase[i + k] & 0xFFFF))
                    phrase[i + k] = bestc | (k ? 1u << 16 : 0);
            i += best - 1;
        }
    }
}

/* See tagger.h. */
int dossier_tagger_features_make(dossier_tagger_features *out, const dossier_tagger_words *words,
                                 const dossier_tagger_doc *doc)
{
    return dossier_tagger_features_memo(out, words, doc, NULL, NULL);
}

/* See tagger.h. */
int dossier_tagger_features_memo(dossier_tagger_features *out, const dossier_tagger_words *words,
                                 const dossier_tagger_doc *doc, dossier_tagger_word_memo memo, void *ctx)
{
    int rc = DOSSIER_ENOMEM;
    size_t n = doc->ntokens;
    tokinfo *ti = NULL;
    unsigned *phrase = NULL;
    char *scratch = NULL;
    char buf[512];
    docmap dm = {0};
    wordmap wm = {0};
    fvec f = {0};
    memset(out, 0, sizeof *out);

    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    dm.mask = cap - 1;
    dm.key = calloc(cap, sizeof *dm.key);
    dm.flags = calloc(cap, 1);
    dm.form = calloc(cap, sizeof *dm.form);
    dm.wc = calloc(cap, sizeof *dm.wc);
    dm.wh = malloc(cap * WH_COUNT * sizeof *dm.wh); /* read only where whset says it is set */
    dm.whset = calloc(cap, 1);
    wm.mask = cap - 1;
    wm.tok = calloc(cap, sizeof *wm.tok);
    ti = malloc((n ? n : 1) * sizeof *ti); /* analyse() sets every field of every token but same, shape_h, wh and (a word's first token only) shape, set below */
    phrase = calloc(n ? n : 1, sizeof *phrase);
    out->start = malloc((n + 1) * sizeof *out->start);
    out->word = malloc((n ? n : 1) * sizeof *out->word);
    out->cap = malloc(n ? n : 1);
    out->nword = malloc((n ? n : 1) * sizeof *out->nword);
    out->same = malloc((n ? n : 1) * sizeof *out->same);
    if (memo) {
        out->memo = malloc((n ? n : 1) * sizeof *out->memo);
        out->fill = malloc(n ? n : 1);
    }
    if (!dm.key || !dm.flags || !dm.form || !dm.wc || !dm.wh || !dm.whset || !wm.tok || !ti || !phrase ||
        !out->start || !out->word || !out->cap || !out->nword || !out->same || (memo && (!out->memo || !out->fill)))
        goto done;
    if ((rc = analyse(ti, &scratch, words, doc, &dm)))
        goto done;
    rc = DOSSIER_ENOMEM;
    /* Some forty features a token: room for most documents at once. */
    f.cap = n * 48 + TOKEN_FEATURES;
    if (!(f.v = malloc(f.cap * sizeof *f.v)))
        goto done;
    const context_hashes *ch = shared_context_hashes();
    /* Each token's word hashes, and its earlier twin, in token order as the features are emitted
     * (the same word has the same view, so the same shape and the same hashes of it). */
    for (size_t i = 0; i < n; i++) {
        ti[i].wh = word_hashes(&dm, ch, &ti[i]);
        ti[i].same = same_word(&wm, ti, i);
        if (ti[i].same >= 0) {
            memcpy(ti[i].shape_h, ti[ti[i].same].shape_h, sizeof ti[i].shape_h);
            continue;
        }
        ti[i].shlen = make_shape(ti[i].shape, sizeof ti[i].shape, ti[i].view, ti[i].vlen);
        ti[i].shape_h[0] = dossier_tagger_hash(ch->name_sh[1], ti[i].shape, ti[i].shlen);
        ti[i].shape_h[1] = dossier_tagger_hash(ch->name_sh[3], ti[i].shape, ti[i].shlen);
    }
    for (size_t s = 0; s < doc->nsentences; s++) {
        size_t a = doc->sentences[s], b = s + 1 < doc->nsentences ? doc->sentences[s + 1] : n;
        mark_phrases(phrase, ti, words, a, b, buf, sizeof buf);
        for (size_t i = a; i < b; i++) {
            if (make_room(&f))
                goto done;
            out->start[i] = f.n;
            long j = ti[i].same;
            if (memo) {
                int fill = 0;
                out->memo[i] = j < 0 ? memo(ctx, ti[i].view, ti[i].vlen, ti[i].fold, ti[i].flen, ti[i].fh, ti[i].cc,
                                            ti[i].first, &fill)
                                     : NULL;
                out->fill[i] = (unsigned char)fill;
            }
            if (j >= 0)
                repeat(&f, out->start[j], out->nword[j]);
            else if (!memo || !out->memo[i] || out->fill[i])
                word_features(&f, &ti[i]);
            out->same[i] = (int32_t)j;
            out->nword[i] = (uint32_t)(f.n - out->start[i]);
            context_features(&f, ti, i, a, b, &dm, phrase, ch);
            out->word[i] = ti[i].fh;
            out->cap[i] = (unsigned char)((ti[i].cc == CC_INIT || ti[i].cc == CC_ALLCAPS || ti[i].cc == CC_LETTER ||
                                           ti[i].cc == CC_MIXED) |
                                          (i == a) << 1);
        }
    }
    out->start[n] = f.n;
    out->feats = f.v;
    f.v = NULL;
    out->ntokens = n;
    rc = DOSSIER_OK;
done:
    free(f.v);
    free(dm.key);
    free(dm.flags);
    free(dm.form);
    free(dm.wc);
    free(dm.wh);
    free(dm.whset);
    free(wm.tok);
    free(ti);
    free(phrase);
    free(scratch);
    if (rc)
        dossier_tagger_features_free(out);
    return rc;
}

/* See tagger.h. */
void dossier_tagger_features_free(dossier_tagger_features *f)
{
    free(f->feats);
    free(f->start);
    free(f->word);
    free(f->cap);
    free(f->nword);
    free(f->same);
    free(f->memo);
    free(f->fill);
    memset(f, 0, sizeof *f);
}
