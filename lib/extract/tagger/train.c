/*
 * train.c — the tagger's trainer: an averaged perceptron.
 *
 * Reads corpora in the training format (a token and its BIO tag a line,
 * blank lines between sentences, "-DOCSTART-" between documents; see
 * tools/tagger/prepare.py), builds the word table from lists of words and
 * phrases, then makes `epochs` passes over the documents in an order
 * shuffled by a fixed seed: each document is tagged with the current
 * weights (decode.c, the tagger's own decoder) and every wrong token moves
 * the weights toward its right tag.  The model keeps the average of the
 * weights over all steps, quantised to 16 bits, small ones dropped.
 * Nothing depends on time or addresses, so the same input gives the same
 * model, byte for byte.
 */
#include "extract/tagger/tagger.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/token.h"
#include "base/util.h"
#include "dossier.h"

/* The corpus in memory. */
typedef struct {
    VEC(dossier_tagger_token) tokens;
    VEC(unsigned char) tags;
    VEC(size_t) sentences;          /* token index where each sentence starts */
    struct cdoc {
        size_t first_sentence, nsentences;
        int copies;
    } *docs;
    size_t ndocs, capdocs;
} corpus;

/* Frees a corpus. */
static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->tokens.n; i++) {
        free((char *)c->tokens.v[i].text);
        free((char *)c->tokens.v[i].fold);
    }
    VEC_FREE(&c->tokens);
    VEC_FREE(&c->tags);
    VEC_FREE(&c->sentences);
    free(c->docs);
}

/* The tag named s, or -1. */
static int tag_parse(const char *s)
{
    static const char *const names[DOSSIER_TAG_COUNT] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
    for (int t = 0; t < DOSSIER_TAG_COUNT; t++)
        if (!strcmp(s, names[t]))
            return t;
    return -1;
}

/* Opens a new document in the corpus. */
static int doc_open(corpus *c, int copies)
{
    if (c->ndocs && c->docs[c->ndocs - 1].nsentences == 0) {
        c->docs[c->ndocs - 1].copies = copies;
        return DOSSIER_OK;
    }
    if (c->ndocs == c->capdocs) {
        size_t cap = c->capdocs ? c->capdocs * 2 : 256;
        struct cdoc *d = realloc(c->docs, cap * sizeof *d);
        if (!d)
            return DOSSIER_ENOMEM;
        c->docs = d;
        c->capdocs = cap;
    }
    c->docs[c->ndocs++] = (struct cdoc){c->sentences.n, 0, copies};
    return DOSSIER_OK;
}

/* Reads one training file ("PATH" or "PATH:N") into the corpus. */
static int read_file(corpus *c, const char *spec, char *err, size_t errlen)
{
    int rc = DOSSIER_OK, copies = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s", spec);
    char *colon = strrchr(path, ':');
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        copies = atoi(colon + 1);
        *colon = '\0';
    }
    FILE *fp = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int in_sentence = 0;
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return DOSSIER_EIO;
    }
    if ((rc = doc_open(c, copies)))
        goto done;
    ssize_t got;
    while ((got = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (!strncmp(line, "-DOCSTART-", 10)) {
            in_sentence = 0;
            if ((rc = doc_open(c, copies)))
                goto done;
            continue;
        }
        if (!got) {
            in_sentence = 0;
            continue;
        }
        char *sep = strrchr(line, '\t');
        if (!sep)
            sep = strrchr(line, ' ');
        int tag = sep ? tag_parse(sep + 1) : -1;
        if (tag < 0 || sep == line) {
            snprintf(err, errlen, "%s:%zu: expected a token, a tab and a tag (O, B-PER, I-LOC, ...)", path, lineno);
            rc = DOSSIER_EINPUT;
            goto done;
        }
        if (!in_sentence) {
            if ((rc = VEC_PUSH(&c->sentences, c->tokens.n)))
                goto done;
            c->docs[c->ndocs - 1].nsentences++;
            in_sentence = 1;
        }
        dossier_tagger_token t = {dossier_strndup(line, (size_t)(sep - line)), (size_t)(sep - line),
                                  dossier_fold(line, (size_t)(sep - line))};
        if (!t.text || !t.fold || VEC_PUSH(&c->tokens, t) || VEC_PUSH(&c->tags, (unsigned char)tag)) {
            free((char *)t.text);
            free((char *)t.fold);
            rc = DOSSIER_ENOMEM;
            goto done;
        }
    }
    if (c->ndocs && !c->docs[c->ndocs - 1].nsentences)
        c->ndocs--;
done:
    free(line);
    fclose(fp);
    if (rc == DOSSIER_ENOMEM)
        snprintf(err, errlen, "out of memory");
    return rc;
}

/* A (hash, classes) pair of the word table being built. */
typedef struct {
    uint32_t h;
    unsigned bits;
} wordrec;

typedef VEC(wordrec) wordvec;

/* Orders word records by hash. */
static int cmp_wordrec(const void *a, const void *b)
{
    const wordrec *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h;
}

/* Adds a phrase (as written) with classes `bits` and its prefixes to the table. */
static int add_phrase(wordvec *v, const char *s, size_t len, unsigned bits)
{
    char buf[512];
    size_t pos = 0, st, en, out = 0;
    int words = 0;
    while (dossier_token_next(s, len, &pos, &st, &en)) {
        char *f = dossier_fold(s + st, en - st);
        if (!f)
            return DOSSIER_ENOMEM;
        size_t fl = strlen(f);
        if (out + fl + 2 >= sizeof buf) {
            free(f);
            return DOSSIER_OK;
        }
        if (words) {
            wordrec r = {dossier_tagger_hash(DOSSIER_TAGGER_HASH0, buf, out), DOSSIER_WC_PREFIX};
            if (VEC_PUSH(v, r)) {
                free(f);
                return DOSSIER_ENOMEM;
            }
            buf[out++] = ' ';
        }
        memcpy(buf + out, f, fl);
        out += fl;
        free(f);
        words++;
    }
    if (!words)
        return DOSSIER_OK;
    wordrec r = {dossier_tagger_hash(DOSSIER_TAGGER_HASH0, buf, out), bits};
    return VEC_PUSH(v, r);
}

/* Builds the word table (8-byte records, see tagger.h) from CLASS=FILE lists. */
static int build_words(unsigned char **out, size_t *n, const char *const *lists, char *err, size_t errlen)
{
    static const struct {
        const char *name;
        unsigned bit;
    } classes[] = {
        {"first", DOSSIER_WC_FIRST}, {"city", DOSSIER_WC_CITY}, {"region", DOSSIER_WC_REGION},
        {"person", DOSSIER_WC_PERSON}, {"org", DOSSIER_WC_ORG}, {"place", DOSSIER_WC_PLACE},
        {"orgword", DOSSIER_WC_ORGWORD}, {"title", DOSSIER_WC_TITLE}, {"demonym", DOSSIER_WC_DEMONYM},
        {"calendar", DOSSIER_WC_CALENDAR}, {"dict", 0}};
    wordvec v = {0};
    VEC(uint32_t) capital = {0};
    int rc = DOSSIER_OK;
    char *line = NULL;
    size_t lcap = 0;
    *out = NULL;
    *n = 0;
    for (size_t l = 0; lists && lists[l]; l++) {
        const char *eq = strchr(lists[l], '=');
        unsigned bit = 0;
        int found = 0;
        for (size_t k = 0; eq && k < sizeof classes / sizeof *classes; k++)
            if (strlen(classes[k].name) == (size_t)(eq - lists[l]) && !strncmp(lists[l], classes[k].name, (size_t)(eq - lists[l]))) {
                bit = classes[k].bit;
                found = 1;
            }
        if (!found) {
            snprintf(err, errlen, "%s: expected CLASS=FILE, CLASS one of first, city, region, person, org, place, "
                     "orgword, title, demonym, calendar, dict", lists[l]);
            rc = DOSSIER_EUSAGE;
            goto done;
        }
        FILE *fp = fopen(eq + 1, "r");
        if (!fp) {
            snprintf(err, errlen, "%s: %s", eq + 1, strerror(errno));
            rc = DOSSIER_EIO;
            goto done;
        }
        ssize_t got;
        while (!rc && (got = getline(&line, &lcap, fp)) >= 0) {
            while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r' || line[got - 1] == ' '))
                line[--got] = '\0';
            if (!got || line[0] == '#')
                continue;
            if (bit) {
                rc = add_phrase(&v, line, (size_t)got, bit);
                continue;
            }
            /* A dictionary: lower-case entries are common words; capitalised ones are
               names unless the word is also a lower-case entry. */
            size_t pos = 0;
            int32_t c0 = dossier_utf8_next(line, (size_t)got, &pos);
            char *f = dossier_fold(line, (size_t)got);
            if (!f) {
                rc = DOSSIER_ENOMEM;
                break;
            }
            uint32_t h = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, f, strlen(f));
            free(f);
            if (strchr(line, ' ') || strchr(line, '\''))
                continue;
            if (dossier_uc_is_upper(c0))
                rc = VEC_PUSH(&capital, h);
            else {
                wordrec r = {h, DOSSIER_WC_LOWER};
                rc = VEC_PUSH(&v, r);
            }
        }
        fclose(fp);
        if (rc) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    }
    /* Merge by hash; capitalised dictionary words that are never lower case. */
    if (v.n)
        qsort(v.v, v.n, sizeof *v.v, cmp_wordrec);
    size_t m = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (m && v.v[m - 1].h == v.v[i].h)
            v.v[m - 1].bits |= v.v[i].bits;
        else
            v.v[m++] = v.v[i];
    }
    v.n = m;
    for (size_t i = 0; i < capital.n; i++) {
        wordrec key = {capital.v[i], 0};
        wordrec *r = m ? bsearch(&key, v.v, m, sizeof *v.v, cmp_wordrec) : NULL;
        if (r && (r->bits & DOSSIER_WC_LOWER))
            continue;
        if (r)
            r->bits |= DOSSIER_WC_CAPITAL;
        else if ((rc = VEC_PUSH(&v, ((wordrec){capital.v[i], DOSSIER_WC_CAPITAL}))))
            goto done;
    }
    if (v.n)
        qsort(v.v, v.n, sizeof *v.v, cmp_wordrec);
    m = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (m && v.v[m - 1].h == v.v[i].h)
            v.v[m - 1].bits |= v.v[i].bits;
        else
            v.v[m++] = v.v[i];
    }
    *out = malloc(m * 8 + 1);
    if (!*out) {
        rc = DOSSIER_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < m; i++) {
        unsigned char *p = *out + i * 8;
        uint32_t h = v.v[i].h;
        p[0] = (unsigned char)h, p[1] = (unsigned char)(h >> 8), p[2] = (unsigned char)(h >> 16);
        p[3] = (unsigned char)(h >> 24);
        p[4] = (unsigned char)v.v[i].bits, p[5] = (unsigned char)(v.v[i].bits >> 8);
        p[6] = p[7] = 0;
    }
    *n = m;
done:
    free(line);
    VEC_FREE(&v);
    VEC_FREE(&capital);
    if (rc == DOSSIER_ENOMEM)
        snprintf(err, errlen, "out of memory");
    return rc;
}

/* The live weights: feature hash -> row of DOSSIER_TAG_COUNT weights, totals and timestamps. */
typedef struct {
    uint32_t *key;      /* hash + 1, 0 empty */
    size_t *row;
    size_t mask, used;
    int32_t *w;
    int64_t *tot;
    int64_t *ts;
    size_t nrows, caprows;
} weights;

/* The row of feature h, or (size_t)-1 when it has none. */
static size_t wrow(const weights *W, uint32_t h)
{
    size_t i = (h * 2654435761u) & W->mask;
    while (W->key[i]) {
        if (W->key[i] == h + 1)
            return W->row[i];
        i = (i + 1) & W->mask;
    }
    return (size_t)-1;
}

/* The live weights of n features added to scores, in their order (a dossier_tagger_scorer). */
static void live_score(const void *ctx, const uint32_t *feats, size_t n, float *scores)
{
    const weights *W = ctx;
    for (size_t k = 0; k < n; k++) {
        size_t r = wrow(W, feats[k]);
        if (r == (size_t)-1)
            continue;
        for (int t = 0; t < DOSSIER_TAG_COUNT; t++)
            scores[t] += (float)W->w[r * DOSSIER_TAG_COUNT + t];
    }
}

/* Grows the table of rows when full. */
static int wgrow(weights *W)
{
    if ((W->used + 1) * 2 > W->mask + 1) {
        size_t cap = (W->mask + 1) * 2;
        uint32_t *key = calloc(cap, sizeof *key);
        size_t *row = malloc(cap * sizeof *row);
        if (!key || !row) {
            free(key);
            free(row);
            return DOSSIER_ENOMEM;
        }
        for (size_t i = 0; i <= W->mask; i++) {
            if (!W->key[i])
                continue;
            size_t j = ((W->key[i] - 1) * 2654435761u) & (cap - 1);
            while (key[j])
                j = (j + 1) & (cap - 1);
            key[j] = W->key[i];
            row[j] = W->row[i];
        }
        free(W->key);
        free(W->row);
        W->key = key;
        W->row = row;
        W->mask = cap - 1;
    }
    if (W->nrows == W->caprows) {
        size_t cap = W->caprows ? W->caprows * 2 : 65536;
        int32_t *w = realloc(W->w, cap * DOSSIER_TAG_COUNT * sizeof *w);
        if (w)
            W->w = w;
        int64_t *tot = realloc(W->tot, cap * DOSSIER_TAG_COUNT * sizeof *tot);
        if (tot)
            W->tot = tot;
        int64_t *ts = realloc(W->ts, cap * DOSSIER_TAG_COUNT * sizeof *ts);
        if (ts)
            W->ts = ts;
        if (!w || !tot || !ts)
            return DOSSIER_ENOMEM;
        W->caprows = cap;
    }
    return DOSSIER_OK;
}

/* Moves feature h's weight for tag t by d at step `now`. */
static int wupdate(weights *W, uint32_t h, int t, int d, int64_t now)
{
    size_t i = (h * 2654435761u) & W->mask;
    while (W->key[i] && W->key[i] != h + 1)
        i = (i + 1) & W->mask;
    size_t r;
    if (W->key[i])
        r = W->row[i];
    else {
        if (wgrow(W))
            return DOSSIER_ENOMEM;
        i = (h * 2654435761u) & W->mask;
        while (W->key[i])
            i = (i + 1) & W->mask;
        r = W->nrows++;
        W->key[i] = h + 1;
        W->row[i] = r;
        W->used++;
        memset(W->w + r * DOSSIER_TAG_COUNT, 0, DOSSIER_TAG_COUNT * sizeof *W->w);
        memset(W->tot + r * DOSSIER_TAG_COUNT, 0, DOSSIER_TAG_COUNT * sizeof *W->tot);
        memset(W->ts + r * DOSSIER_TAG_COUNT, 0, DOSSIER_TAG_COUNT * sizeof *W->ts);
    }
    size_t k = r * DOSSIER_TAG_COUNT + (size_t)t;
    W->tot[k] += (now - W->ts[k]) * W->w[k];
    W->ts[k] = now;
    W->w[k] += d;
    return DOSSIER_OK;
}

/* The view of corpus document d for the feature extractor. */
static dossier_tagger_doc doc_view(const corpus *c, size_t d, size_t **starts)
{
    const struct cdoc *cd = &c->docs[d];
    size_t first = c->sentences.v[cd->first_sentence];
    size_t end = cd->first_sentence + cd->nsentences < c->sentences.n ? c->sentences.v[cd->first_sentence + cd->nsentences]
                                                                       : c->tokens.n;
    for (size_t s = 0; s < cd->nsentences; s++)
        (*starts)[s] = c->sentences.v[cd->first_sentence + s] - first;
    return (dossier_tagger_doc){c->tokens.v + first, end - first, *starts, cd->nsentences};
}

/* A small deterministic generator (xorshift64). */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* A weight record of the model being written. */
typedef struct {
    uint32_t h;
    unsigned char tag;
    int16_t q;
} wrec;

/* Orders weight records by hash, then tag. */
static int cmp_wrec(const void *a, const void *b)
{
    const wrec *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return (x->tag > y->tag) - (x->tag < y->tag);
}

/* Writes a little-endian 32-bit value. */
static void wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

/* Writes the model: averaged weights at step `now`, quantised and pruned. */
static int write_model(unsigned char **out, size_t *outlen, size_t *nweights, const weights *W, int64_t now,
                       const unsigned char *words, size_t nwords, const dossier_tagger_options *opt)
{
    double maxabs = 0;
    size_t n = W->nrows * DOSSIER_TAG_COUNT;
    double *avg = malloc((n ? n : 1) * sizeof *avg);
    uint32_t *hash_of_row = malloc((W->nrows ? W->nrows : 1) * sizeof *hash_of_row);
    wrec *recs = NULL;
    int rc = DOSSIER_ENOMEM;
    if (!avg || !hash_of_row)
        goto done;
    for (size_t i = 0; i <= W->mask; i++)
        if (W->key[i])
            hash_of_row[W->row[i]] = W->key[i] - 1;
    for (size_t k = 0; k < n; k++) {
        avg[k] = (double)(W->tot[k] + (now - W->ts[k]) * W->w[k]) / (double)(now ? now : 1);
        if (fabs(avg[k]) > maxabs)
            maxabs = fabs(avg[k]);
    }
    float scale = maxabs > 0 ? (float)(maxabs / 32767.0) : 1.0f;
    recs = malloc((n ? n : 1) * sizeof *recs);
    if (!recs)
        goto done;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (fabs(avg[k]) < opt->prune)
            continue;
        long q = lround(avg[k] / scale);
        if (!q)
            continue;
        recs[m++] = (wrec){hash_of_row[k / DOSSIER_TAG_COUNT], (unsigned char)(k % DOSSIER_TAG_COUNT),
                           (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q)};
    }
    if (m)
        qsort(recs, m, sizeof *recs, cmp_wrec);
    size_t len = 40 + 8 * (nwords + m);
    unsigned char *b = calloc(len, 1);
    if (!b)
        goto done;
    memcpy(b, "DOSSTAGR", 8);
    wr32(b + 8, 1);
    wr32(b + 12, DOSSIER_TAGGER_FEATURES_VERSION);
    memcpy(b + 16, opt->lang, strlen(opt->lang) < 4 ? strlen(opt->lang) : 4);
    wr32(b + 20, DOSSIER_TAG_COUNT);
    uint32_t sc;
    memcpy(&sc, &scale, sizeof sc);
    wr32(b + 24, sc);
    wr32(b + 28, (uint32_t)nwords);
    wr32(b + 32, (uint32_t)m);
    memcpy(b + 40, words, nwords * 8);
    unsigned char *p = b + 40 + nwords * 8;
    for (size_t i = 0; i < m; i++, p += 8) {
        wr32(p, recs[i].h);
        p[4] = recs[i].tag;
        p[5] = 0;
        p[6] = (unsigned char)((uint16_t)recs[i].q & 0xFF);
        p[7] = (unsigned char)((uint16_t)recs[i].q >> 8);
    }
    wr32(b + 36, dossier_tagger_hash(DOSSIER_TAGGER_HASH0, (const char *)b + 40, len - 40));
    *out = b;
    *outlen = len;
    *nweights = m;
    rc = DOSSIER_OK;
done:
    free(avg);
    free(hash_of_row);
    free(recs);
    return rc;
}

/* Span and token counts for measuring. */
typedef struct {
    size_t tok_gold, tok_pred, tok_right;
    size_t span_gold[4], span_pred[4], span_right[4];
} tally;

/* Counts the spans of tags[0..n) by kind into v[kind]; with `other`, only those equal there. */
static void count_spans(size_t *v, const unsigned char *tags, const unsigned char *other, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!tags[i] || DOSSIER_TAG_INSIDE(tags[i]))
            continue;
        size_t j = i + 1;
        while (j < n && DOSSIER_TAG_INSIDE(tags[j]))
            j++;
        int same = 1;
        if (other) {
            for (size_t k = i; k < j; k++)
                if (other[k] != tags[k])
                    same = 0;
            if (j < n && DOSSIER_TAG_INSIDE(other[j]))
                same = 0;
        }
        if (same)
            v[DOSSIER_TAG_KIND(tags[i])]++;
    }
}

/* F1 of right over pred and gold. */
static double f1(size_t right, size_t pred, size_t gold)
{
    double p = pred ? (double)right / (double)pred : 0, r = gold ? (double)right / (double)gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/*
 * Tags the documents of corpus c with model m (every k-th one when k > 1)
 * and fills the figures of *r.
 */
static int measure(dossier_tagger_report *r, const dossier_tagger_model *m, const corpus *c, size_t k)
{
    tally t = {0};
    size_t maxsent = 1, maxtok = 1;
    for (size_t d = 0; d < c->ndocs; d++) {
        const struct cdoc *cd = &c->docs[d];
        size_t end = cd->first_sentence + cd->nsentences < c->sentences.n ? c->sentences.v[cd->first_sentence + cd->nsentences]
                                                                           : c->tokens.n;
        if (cd->nsentences > maxsent)
            maxsent = cd->nsentences;
        if (end - c->sentences.v[cd->first_sentence] > maxtok)
            maxtok = end - c->sentences.v[cd->first_sentence];
    }
    size_t *starts = malloc(maxsent * sizeof *starts);
    unsigned char *tags = malloc(maxtok);
    int rc = DOSSIER_ENOMEM;
    if (!starts || !tags)
        goto done;
    r->tokens = 0;
    clock_t t0 = clock();
    for (size_t d = 0; d < c->ndocs; d++) {
        if (k > 1 && d % k != k - 1)
            continue;
        dossier_tagger_doc view = doc_view(c, d, &starts);
        const unsigned char *gold = c->tags.v + c->sentences.v[c->docs[d].first_sentence];
        if ((rc = dossier_tagger_tag(tags, NULL, m, &view)))
            goto done;
        r->tokens += view.ntokens;
        for (size_t i = 0; i < view.ntokens; i++) {
            t.tok_gold += gold[i] != 0;
            t.tok_pred += tags[i] != 0;
            t.tok_right += gold[i] && DOSSIER_TAG_KIND(gold[i]) == DOSSIER_TAG_KIND(tags[i]);
        }
        count_spans(t.span_gold, gold, NULL, view.ntokens);
        count_spans(t.span_pred, tags, NULL, view.ntokens);
        count_spans(t.span_right, tags, gold, view.ntokens);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    r->tokens_per_s = secs > 0 ? (double)r->tokens / secs : 0;
    r->token_f1 = f1(t.tok_right, t.tok_pred, t.tok_gold);
    size_t sg = 0, sp = 0, sr = 0;
    for (int j = 1; j <= 3; j++) {
        r->kind_f1[j] = f1(t.span_right[j], t.span_pred[j], t.span_gold[j]);
        sg += t.span_gold[j], sp += t.span_pred[j], sr += t.span_right[j];
    }
    r->span_p = sp ? (double)sr / (double)sp : 0;
    r->span_r = sg ? (double)sr / (double)sg : 0;
    r->span_f1 = f1(sr, sp, sg);
    rc = DOSSIER_OK;
done:
    free(starts);
    free(tags);
    return rc;
}

/* See tagger.h. */
int dossier_tagger_evaluate(dossier_tagger_report *report, const dossier_tagger_model *m,
                            const char *const *files, char *err, size_t errlen)
{
    corpus c = {0};
    int rc = DOSSIER_OK;
    memset(report, 0, sizeof *report);
    for (size_t i = 0; !rc && files[i]; i++)
        rc = read_file(&c, files[i], err, errlen);
    if (!rc && (rc = measure(report, m, &c, 1)) == DOSSIER_ENOMEM)
        snprintf(err, errlen, "out of memory");
    corpus_free(&c);
    return rc;
}

/* See tagger.h. */
int dossier_tagger_train(unsigned char **out, size_t *outlen, dossier_tagger_report *report,
                         const char *const *files, const dossier_tagger_options *opt,
                         char *err, size_t errlen)
{
    corpus c = {0};
    weights W = {0};
    unsigned char *words = NULL, *tags = NULL, *model = NULL;
    uint32_t *extra = NULL;
    size_t nwords = 0, *starts = NULL, *order = NULL, maxsent = 1, maxtok = 1;
    dossier_tagger_features *feats = NULL;
    dossier_tagger_model *m = NULL;
    int rc = DOSSIER_OK;
    *out = NULL;
    *outlen = 0;
    memset(report, 0, sizeof *report);

    for (size_t i = 0; files[i]; i++)
        if ((rc = read_file(&c, files[i], err, errlen)))
            goto done;
    if (!c.ndocs) {
        snprintf(err, errlen, "no training data");
        rc = DOSSIER_EINPUT;
        goto done;
    }
    if ((rc = build_words(&words, &nwords, opt->lists, err, errlen)))
        goto done;
    dossier_tagger_words wt = {words, nwords, NULL};

    rc = DOSSIER_ENOMEM;
    for (size_t d = 0; d < c.ndocs; d++) {
        const struct cdoc *cd = &c.docs[d];
        size_t end = cd->first_sentence + cd->nsentences < c.sentences.n ? c.sentences.v[cd->first_sentence + cd->nsentences]
                                                                          : c.tokens.n;
        if (cd->nsentences > maxsent)
            maxsent = cd->nsentences;
        if (end - c.sentences.v[cd->first_sentence] > maxtok)
            maxtok = end - c.sentences.v[cd->first_sentence];
    }
    starts = malloc(maxsent * sizeof *starts);
    tags = malloc(maxtok);
    extra = malloc(maxtok * DOSSIER_TAGGER_NEXTRA * sizeof *extra);
    feats = calloc(c.ndocs, sizeof *feats);
    W.key = calloc(1u << 16, sizeof *W.key);
    W.row = malloc((1u << 16) * sizeof *W.row);
    W.mask = (1u << 16) - 1;
    if (!starts || !tags || !extra || !feats || !W.key || !W.row)
        goto done;
    size_t norder = 0;
    for (size_t d = 0; d < c.ndocs; d++) {
        if (opt->heldout > 0 && d % (size_t)opt->heldout == (size_t)opt->heldout - 1)
            continue;
        dossier_tagger_doc view = doc_view(&c, d, &starts);
        if ((rc = dossier_tagger_features_make(&feats[d], &wt, &view)))
            goto done;
        norder += (size_t)(c.docs[d].copies > 0 ? c.docs[d].copies : 1);
    }
    rc = DOSSIER_ENOMEM;
    order = malloc((norder ? norder : 1) * sizeof *order);
    if (!order)
        goto done;
    norder = 0;
    for (size_t d = 0; d < c.ndocs; d++) {
        if (opt->heldout > 0 && d % (size_t)opt->heldout == (size_t)opt->heldout - 1)
            continue;
        for (int k = 0; k < (c.docs[d].copies > 0 ? c.docs[d].copies : 1); k++)
            order[norder++] = d;
    }

    /* The passes. */
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    int64_t now = 0;
    for (int epoch = 0; epoch < (opt->epochs > 0 ? opt->epochs : 8); epoch++) {
        for (size_t i = norder; i > 1; i--) {
            size_t j = (size_t)(next_random(&seed) % i);
            size_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        for (size_t o = 0; o < norder; o++) {
            size_t d = order[o];
            const dossier_tagger_features *f = &feats[d];
            const unsigned char *gold = c.tags.v + c.sentences.v[c.docs[d].first_sentence];
            if ((rc = dossier_tagger_decode(tags, NULL, extra, f, NULL, live_score, &W)))
                goto done;
            for (size_t i = 0; i < f->ntokens; i++) {
                now++;
                if (tags[i] == gold[i])
                    continue;
                for (size_t k = f->start[i]; k < f->start[i + 1]; k++)
                    if (wupdate(&W, f->feats[k], gold[i], 1, now) || wupdate(&W, f->feats[k], tags[i], -1, now))
                        goto oom;
                for (int k = 0; k < DOSSIER_TAGGER_NEXTRA; k++)
                    if (wupdate(&W, extra[i * DOSSIER_TAGGER_NEXTRA + k], gold[i], 1, now) ||
                        wupdate(&W, extra[i * DOSSIER_TAGGER_NEXTRA + k], tags[i], -1, now))
                        goto oom;
            }
        }
    }
    if ((rc = write_model(&model, outlen, &report->weights, &W, now, words, nwords, opt)))
        goto done;
    report->features = W.nrows;

    /* Measure the written model on the held-out documents. */
    if ((rc = dossier_tagger_model_open(&m, model, *outlen, err, errlen)))
        goto done;
    if (opt->heldout > 0 && (rc = measure(report, m, &c, (size_t)opt->heldout)))
        goto done;
    *out = model;
    model = NULL;
    rc = DOSSIER_OK;
    goto done;
oom:
    rc = DOSSIER_ENOMEM;
done:
    if (rc == DOSSIER_ENOMEM)
        snprintf(err, errlen, "out of memory");
    dossier_tagger_model_close(m);
    free(model);
    if (rc)
        *outlen = 0;
    for (size_t d = 0; feats && d < c.ndocs; d++)
        dossier_tagger_features_free(&feats[d]);
    free(feats);
    free(order);
    free(starts);
    free(tags);
    free(extra);
    free(words);
    free(W.key);
    free(W.row);
    free(W.w);
    free(W.tot);
    free(W.ts);
    corpus_free(&c);
    return rc;
}
