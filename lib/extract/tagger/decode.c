/*
 * decode.c — tags a document greedily, left to right.
 *
 * Each token is scored on its static features (features.c) and on four
 * that depend on the tags already given: the previous tag, the previous
 * two, the previous tag with the word, and the kind the same capitalised
 * word was last given in the document (so "Halvard" after "Corwin
 * Halvard" stays a person).  The best tag wins, except that I-X may only
 * follow B-X or I-X.  Training decodes with its live weights and tagging
 * with a model, through the same function.
 */
#include "extract/tagger/tagger.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"

/* Mixes small numbers into a feature hash. */
static uint32_t mix(uint32_t h, uint32_t v)
{
    h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h * 16777619u;
}

/* See tagger.h. */
int dossier_tagger_decode(unsigned char *tags, float *margin, uint32_t *extra, const dossier_tagger_features *f,
                          const float *base, dossier_tagger_scorer score, const void *ctx)
{
    size_t n = f->ntokens;
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    uint32_t *hkey = calloc(cap, sizeof *hkey);
    unsigned char *hkind = calloc(cap, 1);
    if (!hkey || !hkind) {
        free(hkey);
        free(hkind);
        return DOSSIER_ENOMEM;
    }
    const uint32_t base_t1 = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "t-1", 3);
    const uint32_t base_t2 = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "t-2|t-1", 7);
    const uint32_t base_tw = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "t-1|w", 5);
    const uint32_t base_hist = dossier_tagger_hash(DOSSIER_TAGGER_HASH0, "hist", 4);
    int p1 = DOSSIER_TAG_COUNT, p2 = DOSSIER_TAG_COUNT; /* COUNT stands for the sentence start */
    for (size_t i = 0; i < n; i++) {
        if (f->cap[i] & 2)
            p1 = p2 = DOSSIER_TAG_COUNT;
        float s[DOSSIER_TAG_COUNT] = {0};
        if (base)
            memcpy(s, base + i * DOSSIER_TAG_COUNT, sizeof s);
        else
            score(ctx, f->feats + f->start[i], f->start[i + 1] - f->start[i], s);
        size_t slot = (f->word[i] * 2654435761u) & (cap - 1);
        while (hkey[slot] && hkey[slot] != f->word[i] + 1)
            slot = (slot + 1) & (cap - 1);
        unsigned hist = (f->cap[i] & 1) && hkey[slot] ? hkind[slot] : 0;
        uint32_t x[DOSSIER_TAGGER_NEXTRA] = {
            mix(base_t1, (uint32_t)p1),
            mix(mix(base_t2, (uint32_t)p2), (uint32_t)p1),
            mix(mix(base_tw, (uint32_t)p1), f->word[i]),
            mix(base_hist, hist + ((f->cap[i] & 1) ? 8u : 0u)),
        };
        score(ctx, x, DOSSIER_TAGGER_NEXTRA, s);
        int best = DOSSIER_TAG_O;
        for (int t = 1; t < DOSSIER_TAG_COUNT; t++) {
            if (DOSSIER_TAG_INSIDE(t) && (p1 == DOSSIER_TAG_COUNT || DOSSIER_TAG_KIND(p1) != DOSSIER_TAG_KIND(t)))
                continue;
            if (s[t] > s[best])
                best = t;
        }
        tags[i] = (unsigned char)best;
        if (margin)
            margin[i] = s[best] - s[DOSSIER_TAG_O];
        if (extra)
            memcpy(extra + i * DOSSIER_TAGGER_NEXTRA, x, sizeof x);
        if ((f->cap[i] & 1) && best != DOSSIER_TAG_O) {
            hkey[slot] = f->word[i] + 1;
            hkind[slot] = (unsigned char)DOSSIER_TAG_KIND(best);
        }
        p2 = p1;
        p1 = best;
    }
    free(hkey);
    free(hkind);
    return DOSSIER_OK;
}
