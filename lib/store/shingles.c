/*
 * shingles.c — near-duplicate articles by MinHash over word shingles.
 *
 * A text's shingles are its runs of four consecutive words; two texts are
 * alike by the Jaccard similarity of their shingle sets, which the share of
 * equal values in their MinHash signatures estimates (K = 60 values: about
 * ±0.065).  A signature is cut into 20 bands of 3 values; the hash of each
 * band, with the language and the band number, goes into article_bands, so
 * that two articles meet as candidates when any band is equal (likely
 * above a likeness of 0.3, near certain above 0.5) and are then compared by
 * their whole signatures.  Translations share no shingles: they are left to
 * the statement links of cluster.c.
 *
 * A new article's bands go to article_bands_recent, a small table whose
 * leaves stay in the page cache, and move into article_bands_middle in
 * band order once NEWEST_ROWS have gathered (migration 020), and from
 * there into the big article_bands once MIDDLE_ROWS have (025): band
 * hashes are random, and one by one each would cost a leaf of the big
 * index, while a merge into it writes nearly all of its leaves, so merging
 * the newest bands straight into it cost in proportion to the database.
 * The middle and the big table each have a Bloom filter of their bands
 * (migration 032), so that a band in neither is not looked up in them.
 */
#include "store/shingles.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 4               /* words of a shingle */
#define MIN_SHINGLES 30       /* fewer: too short to call a copy */
#define ROWS (DOSSIER_SHINGLES_K / DOSSIER_SHINGLES_BANDS)
#define BAR 0.5               /* estimated likeness of near-duplicates */
#define DAYS 7                /* dated copies of one story are published this close */
#define CANDIDATES 100        /* at most this many candidates per article, and per band */
#define NEWEST_ROWS 32768     /* band rows (of about 1,600 articles) that wait in article_bands_recent */
#define MIDDLE_ROWS 262144    /* band rows (of about 13,000 articles) that wait in article_bands_middle */
#define MERGE_PARTS 64        /* statements that move them on (each one's journal is held in memory) */

/* A 64-bit mix (splitmix64's finaliser): spreads every input bit. */
static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Non-zero for a byte of a word: ASCII letters and digits, and every byte of a non-ASCII character. */
static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The FNV-1a hash of the word at text[*i...], ASCII lower-cased; moves *i past it. 0 at the end. */
static uint64_t next_word(const char *text, size_t len, size_t *i)
{
    while (*i < len && !word_byte((unsigned char)text[*i]))
        (*i)++;
    if (*i >= len)
        return 0;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *i < len && word_byte((unsigned char)text[*i]); (*i)++) {
        unsigned char c = (unsigned char)text[*i];
        h = (h ^ (c < 0x80 && c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 0x100000001b3ULL;
    }
    return h | 1; /* never 0 */
}

/* The MinHash value of shingle hash s under seed: the low 32 bits of mix(s ^ seed). */
static uint32_t minhash(uint64_t s, uint64_t seed)
{
    return (uint32_t)mix(s ^ seed);
}

/* min[k] = the smaller of min[k] and the values of the n shingle hashes s[] under seeds[k], one by one. */
static void fold_in_plain(uint32_t *min, const uint64_t *seeds, const uint64_t *s, size_t n)
{
    for (size_t j = 0; j < n; j++)
        for (int k = 0; k < DOSSIER_SHINGLES_K; k++) {
            uint32_t v = minhash(s[j], seeds[k]);
            if (v < min[k])
                min[k] = v;
        }
}

/*
 * fold_in_plain four seeds at a time in AVX2 vectors, where the processor
 * has them (x86-64 with GCC or Clang): the same mix, lane by lane, and
 * the same minima, for a third of the instructions.  Four minima stay in
 * a vector while every shingle of the chunk goes by.
 */
#if defined(__GNUC__) && defined(__x86_64__) && DOSSIER_SHINGLES_K % 4 == 0
#define HAVE_FOLD_IN_AVX2 1
typedef unsigned long long u64x4 __attribute__((vector_size(32)));
typedef long long i64x4 __attribute__((vector_size(32)));

__attribute__((target("avx2"))) static void fold_in_avx2(uint32_t *min, const uint64_t *seeds, const uint64_t *s,
                                                         size_t n)
{
    const u64x4 golden = {0x9e3779b97f4a7c15ULL, 0x9e3779b97f4a7c15ULL, 0x9e3779b97f4a7c15ULL, 0x9e3779b97f4a7c15ULL};
    const u64x4 c1 = {0xbf58476d1ce4e5b9ULL, 0xbf58476d1ce4e5b9ULL, 0xbf58476d1ce4e5b9ULL, 0xbf58476d1ce4e5b9ULL};
    const u64x4 c2 = {0x94d049bb133111ebULL, 0x94d049bb133111ebULL, 0x94d049bb133111ebULL, 0x94d049bb133111ebULL};
    const u64x4 low = {0xffffffffULL, 0xffffffffULL, 0xffffffffULL, 0xffffffffULL};
    for (int k = 0; k < DOSSIER_SHINGLES_K; k += 4) {
        u64x4 seed, m = {min[k], min[k + 1], min[k + 2], min[k + 3]};
        memcpy(&seed, seeds + k, sizeof seed);
        for (size_t j = 0; j < n; j++) {
            u64x4 x = (u64x4){s[j], s[j], s[j], s[j]} ^ seed;
            x += golden;
            x = (x ^ (x >> 30)) * c1;
            x = (x ^ (x >> 27)) * c2;
            x = (x ^ (x >> 31)) & low;
            u64x4 smaller = (u64x4)((i64x4)x < (i64x4)m); /* both below 2^32: signed compares as unsigned */
            m = (x & smaller) | (m & ~smaller);
        }
        for (int l = 0; l < 4; l++)
            min[k + l] = (uint32_t)m[l];
    }
}
#endif

/* fold_in_plain, in vectors when the processor has them. */
static void fold_in(uint32_t *min, const uint64_t *seeds, const uint64_t *s, size_t n)
{
#ifdef HAVE_FOLD_IN_AVX2
    if (__builtin_cpu_supports("avx2")) {
        fold_in_avx2(min, seeds, s, n);
        return;
    }
#endif
    fold_in_plain(min, seeds, s, n);
}

/* Shingle hashes gathered before they are folded into the minima. */
#define CHUNK 128

/* See shingles.h. */
size_t dossier_shingles_signature(uint32_t sig[DOSSIER_SHINGLES_K], const char *text, size_t len)
{
    uint64_t win[WORDS] = {0}, seeds[DOSSIER_SHINGLES_K], chunk[CHUNK];
    uint32_t min[DOSSIER_SHINGLES_K];
    size_t i = 0, words = 0, shingles = 0, held = 0;
    for (int k = 0; k < DOSSIER_SHINGLES_K; k++) {
        seeds[k] = mix((uint64_t)k + 1);
        min[k] = UINT32_MAX;
    }
    for (uint64_t w; (w = next_word(text, len, &i)) != 0;) {
        win[words++ % WORDS] = w;
        if (words < WORDS)
            continue;
        uint64_t s = 0;
        for (size_t j = 0; j < WORDS; j++) /* the window in text order, oldest first */
            s = mix(s ^ win[(words + j) % WORDS]);
        chunk[held++] = s;
        if (held == CHUNK) {
            fold_in(min, seeds, chunk, held);
            held = 0;
        }
        shingles++;
    }
    fold_in(min, seeds, chunk, held);
    if (shingles < MIN_SHINGLES)
        return 0;
    memcpy(sig, min, sizeof min);
    return shingles;
}

/* See shingles.h. */
double dossier_shingles_likeness(const uint32_t a[DOSSIER_SHINGLES_K], const uint32_t b[DOSSIER_SHINGLES_K])
{
    int same = 0;
    for (int k = 0; k < DOSSIER_SHINGLES_K; k++)
        same += a[k] == b[k];
    return (double)same / DOSSIER_SHINGLES_K;
}

/* Writes a signature as little-endian bytes, and reads it back. */
static void sig_to_bytes(unsigned char *out, const uint32_t *sig)
{
    for (int k = 0; k < DOSSIER_SHINGLES_K; k++)
        for (int b = 0; b < 4; b++)
            out[4 * k + b] = (unsigned char)(sig[k] >> (8 * b));
}

/* Reads a stored signature; 0 when the blob has another size. */
static int sig_from_bytes(uint32_t *sig, const void *blob, int n)
{
    const unsigned char *p = blob;
    if (!p || n != 4 * DOSSIER_SHINGLES_K)
        return 0;
    for (int k = 0; k < DOSSIER_SHINGLES_K; k++)
        sig[k] = (uint32_t)p[4 * k] | (uint32_t)p[4 * k + 1] << 8 | (uint32_t)p[4 * k + 2] << 16 |
                 (uint32_t)p[4 * k + 3] << 24;
    return 1;
}

/* The hash of band `b` of a signature, with the language: an SQLite integer. */
static long long band_hash(const uint32_t *sig, int b, const char *lang)
{
    uint64_t h = mix((uint64_t)b + 0x51);
    for (const char *c = lang; *c; c++)
        h = mix(h ^ (unsigned char)*c);
    for (int r = 0; r < ROWS; r++)
        h = mix(h ^ sig[b * ROWS + r]);
    return (long long)(h >> 1);
}

/* ---- Bloom filters of the older band tables ----
 *
 * Most bands of a new article are in no other article, and looking one up
 * in article_bands reads a random leaf of an index of twenty rows per
 * article: onto 100k articles 18 reads per article of pages outside the
 * cache, and 8 more in article_bands_middle.  article_bands_filters holds
 * a Bloom filter of each of the two tables' bands (`part` 1 the middle
 * table, 2 the big one), set as bands move in (move_bands); a band with a
 * bit unset is in no row of the table, and is not looked up there.  Rows
 * that leave a table (an article deleted, `dossier resolve`) leave their
 * bits set: a filter may only say "maybe" more often.  A table with rows
 * and no filter (a database from before 032, or a filter row deleted) gets
 * one, from a scan of its bands, when the next article is compared; an
 * empty one is looked up (a few pages) until bands move in.  The handle keeps
 * the filters it read (db->band_filters, slot part - 1) and compares their
 * tokens with the stored ones once per article: a filter written by
 * another writer, or by a merge rolled back since, is read again.
 */
#define FILTER_PROBES 4                     /* bits a band sets */
#define FILTER_BITS_PER_ROW 8               /* at least, until the largest size: about 2.4 % false "maybe" */
#define FILTER_MIN_BITS (1ULL << 16)
#define FILTER_MAX_BITS (1ULL << 23)        /* 1 MiB: memory is short; 1.8M bands (100k articles) give 10 % false "maybe" */

/* Bit i of a band's FILTER_PROBES in a filter of mask + 1 bits (double hashing of a 64-bit mix). */
static uint64_t filter_bit(uint64_t h, int i, uint64_t mask)
{
    return ((h & 0xffffffffULL) + (uint64_t)i * ((h >> 32) | 1)) & mask;
}

/* Non-zero when band may be in the filter's table: always when there is no filter. */
static int filter_may_have(const struct dossier_band_filter *f, long long band)
{
    if (!f->bits)
        return 1;
    uint64_t h = mix((uint64_t)band);
    for (int i = 0; i < FILTER_PROBES; i++) {
        uint64_t b = filter_bit(h, i, f->mask);
        if (!(f->bits[b >> 3] & (1u << (b & 7))))
            return 0;
    }
    return 1;
}

/* Sets the bits of a band in a filter. */
static void filter_add(struct dossier_band_filter *f, long long band)
{
    uint64_t h = mix((uint64_t)band);
    for (int i = 0; i < FILTER_PROBES; i++) {
        uint64_t b = filter_bit(h, i, f->mask);
        f->bits[b >> 3] |= (unsigned char)(1u << (b & 7));
    }
    f->rows++;
}

/* Forgets a filter the handle holds: its table is looked up for every band until one is read. */
static void filter_forget(struct dossier_band_filter *f)
{
    free(f->bits);
    *f = (struct dossier_band_filter){0};
}

/* Reads the stored filter of `part` (token `token`) into the handle; without memory, or when the
 * stored bits are not a power of two of bytes, the table is left without a filter. */
static int filter_read(dossier_db *db, int part, long long token)
{
    struct dossier_band_filter *f = &db->band_filters[part - 1];
    sqlite3_stmt *st = NULL;
    filter_forget(f);
    if (dossier_db_cached(&st, db, "SELECT rows, bits FROM article_bands_filters WHERE part = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int(st, 1, part);
    int rc = sqlite3_step(st);
    size_t n = rc == SQLITE_ROW ? (size_t)sqlite3_column_bytes(st, 1) : 0;
    if (n >= 8 && (n & (n - 1)) == 0 && (f->bits = malloc(n))) {
        memcpy(f->bits, sqlite3_column_blob(st, 1), n);
        f->rows = sqlite3_column_int64(st, 0);
        f->mask = (uint64_t)n * 8 - 1;
        f->token = token;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands_filters");
}

/* Stores the handle's filter of `part` under a new token. */
static int filter_write(dossier_db *db, int part)
{
    struct dossier_band_filter *f = &db->band_filters[part - 1];
    sqlite3_stmt *st = NULL;
    long long token = 0;
    while (token == 0)
        sqlite3_randomness(sizeof token, &token);
    if (dossier_db_cached(&st, db, "INSERT OR REPLACE INTO article_bands_filters(part, token, rows, bits)"
                                   " VALUES (?1, ?2, ?3, ?4)"))
        return DOSSIER_EDB;
    sqlite3_bind_int(st, 1, part);
    sqlite3_bind_int64(st, 2, token);
    sqlite3_bind_int64(st, 3, f->rows);
    sqlite3_bind_blob64(st, 4, f->bits, (f->mask + 1) / 8, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands_filters");
    sqlite3_reset(st);
    if (!rc)
        f->token = token;
    return rc;
}

/* Drops the filter of `part`: its table is looked up for every band until its next merge. */
static int filter_drop(dossier_db *db, int part)
{
    sqlite3_stmt *st = NULL;
    filter_forget(&db->band_filters[part - 1]);
    if (dossier_db_cached(&st, db, "DELETE FROM article_bands_filters WHERE part = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int(st, 1, part);
    int rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands_filters");
    sqlite3_reset(st);
    return rc;
}

/* The bands of each band table (0 the newest, 1 the middle one, 2 the big one), and their count
 * bound: the largest rowid (rows are only appended, and a table emptied whole starts again). */
static const char *const band_scans[3] = {"SELECT band FROM article_bands_recent",
                                          "SELECT band FROM article_bands_middle", "SELECT band FROM article_bands"};
static const char *const band_counts[3] = {"SELECT max(rowid) FROM article_bands_recent",
                                           "SELECT max(rowid) FROM article_bands_middle",
                                           "SELECT max(rowid) FROM article_bands"};

/* The largest rowid of band table `table` (0 when empty) into *rows. */
static int band_rows(dossier_db *db, int table, long long *rows)
{
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, band_counts[table]))
        return DOSSIER_EDB;
    int rc = sqlite3_step(st);
    *rows = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands");
}

/* Sets the bits of every band of band table `table` in the handle's filter of `part`. */
static int filter_add_table(dossier_db *db, int part, int table)
{
    sqlite3_stmt *st = NULL;
    struct dossier_band_filter *f = &db->band_filters[part - 1];
    if (dossier_db_cached(&st, db, band_scans[table]))
        return DOSSIER_EDB;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        filter_add(f, sqlite3_column_int64(st, 0));
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands");
}

/* Makes the filter of band table `part` anew from its bands, with room for as many again, and stores it. */
static int filter_build(dossier_db *db, int part)
{
    struct dossier_band_filter *f = &db->band_filters[part - 1];
    long long rows = 0;
    int rc = band_rows(db, part, &rows);
    if (rc)
        return rc;
    uint64_t bits = FILTER_MIN_BITS;
    while (bits < FILTER_MAX_BITS && bits < (uint64_t)rows * 2 * FILTER_BITS_PER_ROW)
        bits *= 2;
    filter_forget(f);
    if (!(f->bits = calloc(bits / 8, 1)))
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    f->mask = bits - 1;
    rc = filter_add_table(db, part, part);
    return rc ? rc : filter_write(db, part);
}

/* Brings the handle's filters in line with the stored ones, by their tokens; makes the filter of
 * a table that has rows and none. */
static int filters_check(dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    long long token[2] = {0, 0};
    if (dossier_db_cached(&st, db, "SELECT part, token FROM article_bands_filters"))
        return DOSSIER_EDB;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int part = sqlite3_column_int(st, 0);
        if (part == 1 || part == 2)
            token[part - 1] = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return dossier_db_sqlfail(db, "article_bands_filters");
    rc = DOSSIER_OK;
    for (int part = 1; !rc && part <= 2; part++) {
        struct dossier_band_filter *f = &db->band_filters[part - 1];
        long long rows = 0;
        if (token[part - 1] && (f->token != token[part - 1] || !f->bits))
            rc = filter_read(db, part, token[part - 1]);
        else if (!token[part - 1] && !(rc = band_rows(db, part, &rows)) && rows > 0)
            rc = filter_build(db, part); /* a table with rows and no filter (migration 032) gets one once */
        else if (!token[part - 1])
            filter_forget(f);
    }
    return rc;
}

/*
 * Keeps the filter of the table that band table `from`'s rows move into
 * (`from` + 1) true to its rows, before the move: sets their bits when
 * the filter has room for them, else leaves *build set for a filter made
 * anew after the move.
 */
static int filter_before_move(dossier_db *db, int from, int *build)
{
    struct dossier_band_filter *f = &db->band_filters[from];
    long long moving = 0;
    int rc = filters_check(db);
    if (!rc)
        rc = band_rows(db, from, &moving);
    *build = rc || !f->bits ||
             ((uint64_t)(f->rows + moving) * FILTER_BITS_PER_ROW > f->mask + 1 && f->mask + 1 < FILTER_MAX_BITS);
    return rc || *build ? rc : filter_add_table(db, from + 1, from);
}

/* The statements that move the bands of a table to the next ([0] newest to middle, [1]
 * middle to old), a range of band hashes at a time: the INSERT, then the DELETE. */
static const char *const moves[2][2] = {
    {"INSERT INTO article_bands_middle(band, article, day)"
     " SELECT band, article, day FROM article_bands_recent INDEXED BY article_bands_recent_band"
     " WHERE band BETWEEN ?1 AND ?2 ORDER BY band, article",
     "DELETE FROM article_bands_recent WHERE band BETWEEN ?1 AND ?2"},
    {"INSERT INTO article_bands(band, article, day)"
     " SELECT band, article, day FROM article_bands_middle INDEXED BY article_bands_middle_band"
     " WHERE band BETWEEN ?1 AND ?2 ORDER BY band, article",
     "DELETE FROM article_bands_middle WHERE band BETWEEN ?1 AND ?2"},
};

/*
 * Moves every band of one table to the next (`which`: 0 the newest to the
 * middle one, 1 the middle one to article_bands).
 */
static int move_bands(dossier_db *db, int which)
{
    /* In band order, so that each leaf of the next table's band index is read and written once
     * for all the rows; and in MERGE_PARTS statements, each a range of band hashes, as SQLite
     * keeps the pages a statement changes in memory until it ends (its statement journal): one
     * statement for all would take some 50 MiB at 100k articles. */
    sqlite3_stmt *move = NULL, *drop = NULL;
    int build = 0;
    int rc = filter_before_move(db, which, &build);
    if (!rc && (dossier_db_cached(&move, db, moves[which][0]) || dossier_db_cached(&drop, db, moves[which][1])))
        rc = DOSSIER_EDB;
    for (int part = 0; !rc && part < MERGE_PARTS; part++) {
        /* band hashes are 63-bit (band_hash): part k holds [k, k + 1) * 2^63 / MERGE_PARTS; the
         * first part reaches down to the smallest integer, so that every row goes */
        long long step = LLONG_MAX / MERGE_PARTS + 1;
        long long lo = part == 0 ? LLONG_MIN : part * step, hi = part == MERGE_PARTS - 1 ? LLONG_MAX : (part + 1) * step - 1;
        sqlite3_stmt *st[2] = {move, drop};
        for (int k = 0; !rc && k < 2; k++) {
            sqlite3_bind_int64(st[k], 1, lo);
            sqlite3_bind_int64(st[k], 2, hi);
            rc = sqlite3_step(st[k]) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands");
            sqlite3_reset(st[k]);
        }
    }
    /* the filter of the table moved into, and none for the middle table emptied */
    if (!rc)
        rc = build ? filter_build(db, which + 1) : filter_write(db, which + 1);
    if (!rc && which == 1)
        rc = filter_drop(db, 1);
    return rc;
}

/* See shingles.h. */
int dossier_shingles_merge(dossier_db *db, int tables)
{
    int rc = move_bands(db, 0);
    return rc || tables < 2 ? rc : move_bands(db, 1);
}

/* Sets *full when band table `table` (0 the newest, 1 the middle one) has at least `rows` rows. */
static int table_full(dossier_db *db, int table, long long rows, int *full)
{
    long long have = 0;
    int rc = band_rows(db, table, &have);
    *full = !rc && have >= rows;
    return rc;
}

/* Moves the newest bands into article_bands_middle once NEWEST_ROWS have gathered, and then
 * the middle ones into article_bands once MIDDLE_ROWS have. */
static int merge_when_full(dossier_db *db)
{
    int full = 0;
    int rc = table_full(db, 0, NEWEST_ROWS, &full);
    if (rc || !full || (rc = move_bands(db, 0)))
        return rc;
    if ((rc = table_full(db, 1, MIDDLE_ROWS, &full)) || !full)
        return rc;
    return move_bands(db, 1);
}

/* See shingles.h. */
void dossier_shingles_sign(dossier_shingles_sig *out, const char *text, size_t len)
{
    out->have = dossier_shingles_signature(out->v, text ? text : "", text ? len : 0) > 0;
}

/* An article's signature and the bands it is found by. */
typedef struct {
    int have;                          /* 0: too short to judge: no bands */
    uint32_t sig[DOSSIER_SHINGLES_K];
    int nbands;
    long long band[DOSSIER_SHINGLES_BANDS];
    long long day;                     /* its day (julianday), or NULL_DAY when undated */
} signed_article;

#define NULL_DAY LLONG_MIN

/* Five rows of the bands' INSERT: (?b, ?1, ?2) for the five band parameters b given. */
#define BAND_ROW(b) "(?" #b ", ?1, ?2)"
#define BAND_ROWS(a, b, c, d, e) BAND_ROW(a) "," BAND_ROW(b) "," BAND_ROW(c) "," BAND_ROW(d) "," BAND_ROW(e)
#if DOSSIER_SHINGLES_BANDS != 20
#error "store_signature() binds 20 bands"
#endif

/*
 * Works out and stores the signature and bands of an article, from `given`
 * when not NULL, else from its stored body; fills *a (no bands when the
 * text is too short).
 */
static int store_signature(signed_article *a, dossier_db *db, long long article, const dossier_shingles_sig *given)
{
    sqlite3_stmt *row = NULL, *put = NULL, *band = NULL;
    a->have = 0;
    a->nbands = 0;
    a->day = NULL_DAY;
    /* with a signature given, the body is not read: the index articles_meta holds the rest */
    if (dossier_db_cached(&row, db, given ? "SELECT NULL, language, CAST(julianday(published) AS INTEGER)"
                                            " FROM articles INDEXED BY articles_meta WHERE id = ?1"
                                          : "SELECT body, language, CAST(julianday(published) AS INTEGER)"
                                            " FROM articles WHERE id = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(row, 1, article);
    if (sqlite3_step(row) != SQLITE_ROW) {
        sqlite3_reset(row);
        return DOSSIER_OK;
    }
    char lang[16];
    snprintf(lang, sizeof lang, "%s", sqlite3_column_text(row, 1) ? (const char *)sqlite3_column_text(row, 1) : "");
    int dated = sqlite3_column_type(row, 2) != SQLITE_NULL;
    a->day = dated ? sqlite3_column_int64(row, 2) : NULL_DAY;
    if (given) {
        a->have = given->have;
        memcpy(a->sig, given->v, sizeof a->sig);
    } else {
        const char *text = (const char *)sqlite3_column_text(row, 0);
        a->have = text && dossier_shingles_signature(a->sig, text, (size_t)sqlite3_column_bytes(row, 0)) > 0;
    }
    sqlite3_reset(row);
    if (!a->have)
        return DOSSIER_OK;
    unsigned char bytes[4 * DOSSIER_SHINGLES_K];
    sig_to_bytes(bytes, a->sig);
    int rc = dossier_db_cached(&put, db, "INSERT OR REPLACE INTO article_signatures(article, sig) VALUES (?1, ?2)");
    if (!rc) {
        sqlite3_bind_int64(put, 1, article);
        sqlite3_bind_blob(put, 2, bytes, (int)sizeof bytes, SQLITE_STATIC);
        rc = sqlite3_step(put) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_signatures");
        sqlite3_reset(put);
    }
    /* the bands in one statement, in band order (?1 the article, ?2 its day) */
    if (!rc)
        rc = dossier_db_cached(&band, db, "INSERT INTO article_bands_recent(band, article, day) VALUES"
                                          BAND_ROWS(3, 4, 5, 6, 7) "," BAND_ROWS(8, 9, 10, 11, 12) ","
                                          BAND_ROWS(13, 14, 15, 16, 17) "," BAND_ROWS(18, 19, 20, 21, 22));
    if (!rc) {
        sqlite3_bind_int64(band, 1, article);
        if (dated)
            sqlite3_bind_int64(band, 2, a->day);
        for (int b = 0; b < DOSSIER_SHINGLES_BANDS; b++) {
            a->band[a->nbands++] = band_hash(a->sig, b, lang);
            sqlite3_bind_int64(band, 3 + b, a->band[b]);
        }
        rc = sqlite3_step(band) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "article_bands");
        sqlite3_reset(band);
        sqlite3_clear_bindings(band);
    }
    return rc ? rc : merge_when_full(db);
}

/* Reads the bands (and day) of an article whose signature was stored before. */
static int stored_bands(signed_article *a, dossier_db *db, long long article)
{
    sqlite3_stmt *own = NULL;
    int rc = dossier_db_cached(&own, db, "SELECT band, day FROM article_bands_recent WHERE article = ?1"
                                         " UNION ALL SELECT band, day FROM article_bands_middle WHERE article = ?1"
                                         " UNION ALL SELECT band, day FROM article_bands WHERE article = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(own, 1, article);
    while (sqlite3_step(own) == SQLITE_ROW) {
        if (sqlite3_column_type(own, 1) != SQLITE_NULL)
            a->day = sqlite3_column_int64(own, 1);
        if (a->nbands < DOSSIER_SHINGLES_BANDS)
            a->band[a->nbands++] = sqlite3_column_int64(own, 0);
    }
    sqlite3_reset(own);
    return DOSSIER_OK;
}

/*
 * The article's signature and bands into *a: those stored, or, when it
 * has none, those stored now (store_signature).
 */
static int signature_of(signed_article *a, dossier_db *db, long long article, const dossier_shingles_sig *given)
{
    sqlite3_stmt *st = NULL;
    a->have = 0;
    a->nbands = 0;
    a->day = NULL_DAY;
    if (dossier_db_cached(&st, db, "SELECT sig FROM article_signatures WHERE article = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        a->have = sig_from_bytes(a->sig, sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0));
    sqlite3_reset(st);
    if (!found)
        return store_signature(a, db, article, given);
    return a->have ? stored_bands(a, db, article) : DOSSIER_OK;
}

/* An earlier article sharing a band with the one resolved, and its day (julianday, or NULL_DAY). */
typedef struct {
    long long article, day;
} candidate;
typedef VEC(candidate) candidates;

/* Orders candidates by article, the latest first. */
static int latest_first(const void *a, const void *b)
{
    long long x = ((const candidate *)a)->article, y = ((const candidate *)b)->article;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* Reads the next row of a band's candidates from st into *c; 0 when there are no more. */
static int next_candidate(candidate *c, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_ROW)
        return 0;
    c->article = sqlite3_column_int64(st, 0);
    c->day = sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL_DAY : sqlite3_column_int64(st, 1);
    return 1;
}

/* The band tables, newest first: the statement that reads a band's candidates from each. */
static const char *const band_reads[] = {
    "SELECT article, day FROM article_bands_recent INDEXED BY article_bands_recent_band"
    " WHERE band = ?1 AND article < ?2 ORDER BY article DESC LIMIT ?3",
    "SELECT article, day FROM article_bands_middle INDEXED BY article_bands_middle_band"
    " WHERE band = ?1 AND article < ?2 ORDER BY article DESC LIMIT ?3",
    "SELECT article, day FROM article_bands INDEXED BY article_bands_band"
    " WHERE band = ?1 AND article < ?2 ORDER BY article DESC LIMIT ?3",
};
#define BAND_TABLES 3

/*
 * Appends to *out the latest CANDIDATES rows of band `band` from articles
 * before `article`, from the three band tables (the newest, the middle and
 * the big one, each read latest first, merged).
 */
static int band_candidates(candidates *out, dossier_db *db, long long band, long long article)
{
    sqlite3_stmt *st[BAND_TABLES] = {NULL};
    for (int t = 0; t < BAND_TABLES; t++)
        if (dossier_db_cached(&st[t], db, band_reads[t]))
            return DOSSIER_EDB;
    candidate head[BAND_TABLES];
    int have[BAND_TABLES];
    for (int t = 0; t < BAND_TABLES; t++) {
        have[t] = 0;
        if (t > 0 && !filter_may_have(&db->band_filters[t - 1], band))
            continue; /* in none of the table's rows */
        sqlite3_bind_int64(st[t], 1, band);
        sqlite3_bind_int64(st[t], 2, article);
        sqlite3_bind_int(st[t], 3, CANDIDATES);
        have[t] = next_candidate(&head[t], st[t]);
    }
    int rc = DOSSIER_OK;
    for (int taken = 0; !rc && taken < CANDIDATES; taken++) {
        int t = -1; /* the table whose head is the latest article */
        for (int k = 0; k < BAND_TABLES; k++)
            if (have[k] && (t < 0 || head[k].article > head[t].article))
                t = k;
        if (t < 0)
            break;
        if (VEC_PUSH(out, head[t]))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        have[t] = next_candidate(&head[t], st[t]);
    }
    for (int t = 0; t < BAND_TABLES; t++)
        sqlite3_reset(st[t]);
    return rc;
}

/*
 * The candidates of article `a` into *out: the latest CANDIDATES articles
 * among the latest CANDIDATES rows of each of its bands, each once, the
 * latest first.
 */
static int article_candidates(candidates *out, dossier_db *db, const signed_article *a, long long article)
{
    int rc = DOSSIER_OK;
    for (int b = 0; !rc && b < a->nbands; b++)
        rc = band_candidates(out, db, a->band[b], article);
    if (rc || out->n == 0)
        return rc;
    qsort(out->v, out->n, sizeof out->v[0], latest_first);
    size_t kept = 1;
    for (size_t k = 1; k < out->n && kept < CANDIDATES; k++)
        if (out->v[k].article != out->v[kept - 1].article)
            out->v[kept++] = out->v[k];
    out->n = kept;
    return DOSSIER_OK;
}

/* See shingles.h. */
int dossier_shingles_near(dossier_ids *out, dossier_db *db, long long article, const dossier_shingles_sig *sig)
{
    uint32_t other[DOSSIER_SHINGLES_K];
    sqlite3_stmt *st = NULL;
    candidates cands = {0};
    signed_article me;
    int rc = signature_of(&me, db, article, sig);
    if (rc || !me.have)
        return rc;
    long long mine = me.day;
    /* candidates: earlier articles sharing a band, the latest first; then whole signatures decide.
     * Each band gives at most its latest CANDIDATES (an article past them is not among the
     * latest CANDIDATES of all bands either), so a band common to many articles costs no more
     * as the database grows; the days come with the bands (migration 018), so the candidates
     * are a few leaves of each band index, and only those within the days are read a signature for. */
    rc = filters_check(db);
    if (!rc)
        rc = article_candidates(&cands, db, &me, article);
    if (!rc)
        rc = dossier_db_cached(&st, db, "SELECT sig FROM article_signatures WHERE article = ?1");
    for (size_t k = cands.n; !rc && k-- > 0;) { /* the earliest first */
        candidate *c = &cands.v[k];
        if (mine != NULL_DAY && c->day != NULL_DAY && llabs(mine - c->day) > DAYS)
            continue;
        sqlite3_bind_int64(st, 1, c->article);
        int alike = sqlite3_step(st) == SQLITE_ROW &&
                    sig_from_bytes(other, sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0)) &&
                    dossier_shingles_likeness(me.sig, other) >= BAR;
        sqlite3_reset(st);
        if (alike && VEC_PUSH(out, c->article))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    VEC_FREE(&cands);
    return rc;
}
