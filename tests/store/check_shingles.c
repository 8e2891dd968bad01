/*
 * check_shingles.c — near-duplicate articles (lib/store/shingles.c): a
 * syndicated copy with a line cut and a line added is alike, another text
 * on the same subject is not, a short text is not judged; through ingest,
 * a copy without any statement joins its original's story, in either
 * order, but not in another language nor a month later; with many
 * rewrites the bounded candidates find what reading every band would.
 * The texts are invented.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/shingles.h"
#include "testutil.h"

static const char original[] =
    "The harbour board of Port Verrel approved a plan on Tuesday to deepen the northern channel by two metres, "
    "a project that local fishermen have opposed for more than a decade. The work is expected to begin in the "
    "spring and to last eighteen months, during which the old ferry pier will be closed to traffic. Board "
    "members argued that larger cargo ships would otherwise bypass the town for the southern ports, taking "
    "hundreds of jobs with them. Opponents warned that dredging would stir up silt and harm the oyster beds "
    "along the eastern shore, which supply most of the restaurants in the region. A public hearing on the "
    "environmental study will be held next month at the town hall, and written comments may be sent until "
    "the end of the year. The plan also includes a new breakwater and a small marina for pleasure boats.";

static const char copy[] =
    "The harbour board of Port Verrel approved a plan on Tuesday to deepen the northern channel by two metres, "
    "a project that local fishermen have opposed for more than a decade. The work is expected to begin in the "
    "spring and to last eighteen months, during which the old ferry pier will be closed to traffic. Board "
    "members argued that larger cargo ships would otherwise bypass the town for the southern ports, taking "
    "hundreds of jobs with them. A public hearing on the "
    "environmental study will be held next month at the town hall, and written comments may be sent until "
    "the end of the year. The plan also includes a new breakwater and a small marina for pleasure boats. "
    "Additional reporting by the regional desk.";

static const char other[] =
    "Fishermen in Port Verrel held a meeting on Sunday evening to discuss the harbour board's dredging plan. "
    "Several speakers described the decline of the oyster harvest since the last works in the channel, and "
    "the association's treasurer presented figures on the catch of the past twenty years. The meeting agreed "
    "to hire a lawyer and to ask the regional court to suspend the project until a second study is done. "
    "Members will also collect signatures at the market on Saturday, and a delegation will travel to the "
    "capital to meet the ministry of the sea before the hearing. Organisers said about two hundred people came.";

static const char other_copy[] =
    "Fishermen in Port Verrel held a meeting on Sunday evening to discuss the harbour board's dredging plan. "
    "Several speakers described the decline of the oyster harvest since the last works in the channel, and "
    "the association's treasurer presented figures on the catch of the past twenty years. The meeting agreed "
    "to hire a lawyer and to ask the regional court to suspend the project until a second study is done. "
    "Members will also collect signatures at the market on Saturday, and a delegation will travel to the "
    "capital to meet the ministry of the sea before the hearing. Reporting by the coastal desk.";

/* The story of the article ingested from `source`. */
static long long story(dossier_db *db, const char *source)
{
    sqlite3_stmt *st = NULL;
    long long s = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT coalesce(story, id) FROM articles WHERE source = ?1", -1,
                                        &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        s = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return s;
}

/* Ingests an invented article with front matter from memory. */
static void ingest(dossier_db *db, const char *source, const char *lang, const char *date, const char *body)
{
    char text[4096];
    dossier_ingest_status status;
    snprintf(text, sizeof text, "---\ntitle: Harbour\nlanguage: %s\npublished: %s\n---\n%s\n", lang, date, body);
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, source, text, strlen(text), &status));
    ck_assert_int_eq(status, DOSSIER_INGEST_NEW);
}

START_TEST(test_signatures)
{
    uint32_t a[DOSSIER_SHINGLES_K], b[DOSSIER_SHINGLES_K], c[DOSSIER_SHINGLES_K], d[DOSSIER_SHINGLES_K];
    ck_assert_uint_gt(dossier_shingles_signature(a, original, strlen(original)), 100);
    ck_assert_uint_gt(dossier_shingles_signature(b, copy, strlen(copy)), 100);
    ck_assert_uint_gt(dossier_shingles_signature(c, other, strlen(other)), 60);
    ck_assert_double_ge(dossier_shingles_likeness(a, b), 0.5);
    ck_assert_double_lt(dossier_shingles_likeness(a, c), 0.15);
    /* case and punctuation do not matter; the signature is the same each time */
    char upper[sizeof original];
    for (size_t i = 0; i < sizeof original; i++)
        upper[i] = original[i] >= 'a' && original[i] <= 'z' ? (char)(original[i] - 32) : original[i];
    ck_assert_uint_gt(dossier_shingles_signature(d, upper, strlen(upper)), 100);
    ck_assert_int_eq(memcmp(a, d, sizeof a), 0);
    /* too short to call anything a copy */
    ck_assert_uint_eq(dossier_shingles_signature(d, "Ships came in.", 14), 0);
}
END_TEST

START_TEST(test_copies_join_one_story)
{
    for (int order = 0; order < 2; order++) {
        dossier_db *db = dossier_test_db();
        ingest(db, "other.txt", "en", "2024-03-05", other);
        ingest(db, order ? "copy.txt" : "original.txt", "en", "2024-03-05", order ? copy : original);
        ingest(db, order ? "original.txt" : "copy.txt", "en", "2024-03-06", order ? original : copy);
        ingest(db, "late.txt", "en", "2024-04-20", copy);
        ingest(db, "french.txt", "fr", "2024-03-05", original);
        for (int again = 0; again < 2; again++) { /* after ingest, and after `dossier resolve` */
            ck_assert_int_eq(story(db, "copy.txt"), story(db, "original.txt"));
            ck_assert_int_ne(story(db, "other.txt"), story(db, "original.txt"));
            ck_assert_int_ne(story(db, "late.txt"), story(db, "original.txt"));   /* a month and a half later */
            ck_assert_int_ne(story(db, "french.txt"), story(db, "original.txt")); /* shingles stay in one language */
            ck_assert_dossier_ok(db, dossier_resolve(db));
        }
        dossier_close(db);
    }
}
END_TEST

/* The near-duplicates of `article` as the unbounded query finds them: every earlier article sharing a
 * band, the latest 100 of them, within a week, alike by their signatures. */
static void near_reference(dossier_ids *out, dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    uint32_t a[DOSSIER_SHINGLES_K], b[DOSSIER_SHINGLES_K];
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql,
        "WITH bands AS (SELECT band, article FROM article_bands UNION ALL SELECT band, article FROM article_bands_recent"
        " UNION ALL SELECT band, article FROM article_bands_middle)"
        " SELECT c.article, s.sig, m.sig FROM (SELECT DISTINCT o.article FROM bands m"
        "   JOIN bands o ON o.band = m.band AND o.article < m.article"
        "   WHERE m.article = ?1 ORDER BY o.article DESC LIMIT 100) c"
        " JOIN article_signatures s ON s.article = c.article JOIN article_signatures m ON m.article = ?1"
        " JOIN articles x ON x.id = ?1 JOIN articles y ON y.id = c.article"
        " WHERE abs(julianday(x.published) - julianday(y.published)) <= 7 ORDER BY c.article", -1, &st, NULL),
        SQLITE_OK);
    sqlite3_bind_int64(st, 1, article);
    while (sqlite3_step(st) == SQLITE_ROW) {
        memcpy(b, sqlite3_column_blob(st, 1), sizeof b);
        memcpy(a, sqlite3_column_blob(st, 2), sizeof a);
        if (dossier_shingles_likeness(a, b) >= 0.5)
            ck_assert_int_eq(VEC_PUSH(out, sqlite3_column_int64(st, 0)), 0);
    }
    sqlite3_finalize(st);
}

/* Ingests rewrite i of the original text: its own sentence, published on one of 21 days of March. */
static void rewrite(dossier_db *db, int i)
{
    char body[2048], source[32], date[16];
    snprintf(body, sizeof body, "%.*s Harbour clerk number %d filed report %d of %d on pier %d.", 620 + i % 7 * 40,
             original, i, i * 7, i % 5, i % 13);
    snprintf(source, sizeof source, "rewrite-%03d.txt", i);
    snprintf(date, sizeof date, "2024-03-%02d", 1 + i % 21);
    ingest(db, source, "en", date, body);
}

/* Checks that the near-duplicates of articles from..to are those the unbounded query finds. */
static void check_near(dossier_db *db, long long from, long long to)
{
    for (long long article = from; article <= to; article++) {
        dossier_ids got = {0}, want = {0};
        ck_assert_dossier_ok(db, dossier_shingles_near(&got, db, article, NULL));
        near_reference(&want, db, article);
        ck_assert_uint_eq(got.n, want.n);
        for (size_t k = 0; k < got.n; k++)
            ck_assert_int_eq(got.v[k], want.v[k]);
        VEC_FREE(&got);
        VEC_FREE(&want);
    }
}

/* Runs SQL that must succeed. */
static void run(dossier_db *db, const char *sql)
{
    char *err = NULL;
    ck_assert_msg(sqlite3_exec(db->sql, sql, NULL, NULL, &err) == SQLITE_OK, "%s: %s", sql, err);
}

START_TEST(test_many_candidates)
{
    /* 160 rewrites of one text, each with its own sentence, over three weeks: more articles share
     * bands than the 100 candidates read, and each band gives only its latest ones */
    dossier_db *db = dossier_test_db();
    for (int i = 0; i < 160; i++) {
        rewrite(db, i);
        if (i == 80) /* the bands of the first 81 in the big table, of the next 40 in the middle one, the others in the newest one */
            ck_assert_dossier_ok(db, dossier_shingles_merge(db, 2));
        if (i == 120) /* by hand: the middle table has no filter (its merge into the big one dropped it) */
            run(db, "INSERT INTO article_bands_middle(band, article, day) SELECT band, article, day FROM article_bands_recent;"
                    " DELETE FROM article_bands_recent");
    }
    check_near(db, 100, 160);
    dossier_close(db);
}
END_TEST

/* Whether `other` is among the near-duplicates of `article`. */
static int is_near(dossier_db *db, long long article, long long other)
{
    dossier_ids got = {0};
    ck_assert_dossier_ok(db, dossier_shingles_near(&got, db, article, NULL));
    int found = 0;
    for (size_t k = 0; k < got.n; k++)
        found |= got.v[k] == other;
    VEC_FREE(&got);
    return found;
}

/* The Bloom filters of the middle and the big band tables (032): made as
 * bands move in, they hide no candidate; a merge rolled back, or bands
 * moved by another writer that dropped the filters, are seen by the
 * handle's next article, which reads the stored filters again; a stored
 * filter of the wrong size is taken as none.  The other text's bands are
 * in no rewrite: only its copy finds it. */
START_TEST(test_band_filters)
{
    dossier_db *db = dossier_test_db();
    for (int i = 0; i < 40; i++) /* articles 1-40, into the big table */
        rewrite(db, i);
    ck_assert_dossier_ok(db, dossier_shingles_merge(db, 2));
    ingest(db, "other.txt", "en", "2024-03-05", other); /* 41 */
    for (int i = 40; i < 65; i++)                             /* 42-66: with 41 into the middle table */
        rewrite(db, i);
    ck_assert_dossier_ok(db, dossier_shingles_merge(db, 1));
    ingest(db, "other-copy.txt", "en", "2024-03-06", other_copy); /* 67, and 68-92 stay in the newest table */
    for (int i = 65; i < 90; i++)
        rewrite(db, i);
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT group_concat(part) FROM"
                                        " (SELECT part FROM article_bands_filters ORDER BY part)", -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "1,2");
    sqlite3_finalize(st);
    ck_assert(is_near(db, 67, 41));
    check_near(db, 30, 92);
    run(db, "SAVEPOINT moved"); /* another writer's move, by hand */
    run(db, "INSERT INTO article_bands(band, article, day) SELECT band, article, day FROM article_bands_middle;"
            " DELETE FROM article_bands_middle; DELETE FROM article_bands_filters");
    ck_assert(is_near(db, 67, 41));
    check_near(db, 30, 92);
    run(db, "ROLLBACK TO moved; RELEASE moved");
    ck_assert(is_near(db, 67, 41));
    run(db, "SAVEPOINT undone"); /* a merge rolled back */
    ck_assert_dossier_ok(db, dossier_shingles_merge(db, 2));
    run(db, "ROLLBACK TO undone; RELEASE undone");
    ck_assert(is_near(db, 67, 41));
    check_near(db, 30, 92);
    /* stored filters that are no filters (not a power of two of bytes): both tables looked up */
    run(db, "UPDATE article_bands_filters SET bits = x'00', token = token + 1");
    ck_assert(is_near(db, 67, 41));
    check_near(db, 30, 92);
    dossier_close(db);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("shingles");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_signatures);
    tcase_add_test(tc, test_copies_join_one_story);
    tcase_add_test(tc, test_many_candidates);
    tcase_add_test(tc, test_band_filters);
    suite_add_tcase(s, tc);
    return s;
}

/* Runs the suite. */
int main(void)
{
    return dossier_test_run(suite());
}
