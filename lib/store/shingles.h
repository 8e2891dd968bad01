/*
 * shingles.h — near-duplicate articles: syndicated copies and light
 * rewrites of one text, found by the MinHash signature of their word
 * shingles, through an index of the signature's bands.  resolve.c puts
 * near-duplicates in one story.
 */
#ifndef DOSSIER_SHINGLES_H
#define DOSSIER_SHINGLES_H

#include <stddef.h>
#include <stdint.h>

#include "base/util.h"
#include "store/db.h"

#define DOSSIER_SHINGLES_K 60      /* MinHash values of a signature */
#define DOSSIER_SHINGLES_BANDS 20  /* bands of K / BANDS values each */

/*
 * Computes the MinHash signature of a text's word 4-shingles into sig
 * (K values).  Words are runs of letters and digits, ASCII lower-cased.
 * Returns the number of shingles, or 0 when the text is too short to
 * judge (sig is then unset).  Pure: no allocation.
 */
size_t dossier_shingles_signature(uint32_t sig[DOSSIER_SHINGLES_K], const char *text, size_t len);

/*
 * An article's signature worked out before it is stored (by the analysing
 * threads of ingest.c), for dossier_shingles_near to store instead of
 * reading the body back and working it out again.
 */
typedef struct {
    int have;                          /* 0: the text is too short to judge */
    uint32_t v[DOSSIER_SHINGLES_K];
} dossier_shingles_sig;

/* Works out the signature of a text into *out (dossier_shingles_signature). */
void dossier_shingles_sign(dossier_shingles_sig *out, const char *text, size_t len);

/* The estimated Jaccard similarity of two signatures: the share of equal values. */
double dossier_shingles_likeness(const uint32_t a[DOSSIER_SHINGLES_K], const uint32_t b[DOSSIER_SHINGLES_K]);

/*
 * The earlier articles (smaller ids) whose text is a near-duplicate of
 * article `article`'s in the same language: estimated likeness at least
 * 0.5, and, when both are dated, published within a week.  Stores the
 * article's signature and bands first when it has none: `sig` when not
 * NULL (worked out from the article's body), else worked out from the
 * stored body.  Appends to *out
 * (the caller frees it with VEC_FREE); reads at most a bounded number of
 * candidates through the band indexes.  0 or a negative DOSSIER_E... code.
 */
typedef VEC(long long) dossier_ids;
int dossier_shingles_near(dossier_ids *out, dossier_db *db, long long article, const dossier_shingles_sig *sig);

/*
 * Moves the bands waiting in article_bands_recent into article_bands_middle,
 * and when `tables` is 2 those of article_bands_middle into article_bands,
 * in band order, keeping the tables' filters (shingles.c does it a table
 * at a time once enough have gathered; tests call it to have candidates
 * in several tables).  0 or a negative DOSSIER_E... code.
 */
int dossier_shingles_merge(dossier_db *db, int tables);

#endif /* DOSSIER_SHINGLES_H */
