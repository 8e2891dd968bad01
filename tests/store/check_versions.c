/*
 * check_versions.c — articles that change (lib/store/versions.c,
 * reindex.c, and their use in ingest.c): a new version of a source
 * replaces the old one under the same id, --as-new keeps both, reindex
 * re-extracts stale articles, and nothing of the old version is left.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/db.h"
#include "store/versions.h"
#include "testutil.h"

static const char first[] =
    "---\ntitle: Freedonia signs lunar pact\noutlet: Daily Planet\npublished: 2023-05-02\nlanguage: en\n---\n"
    "Freedonia signs lunar pact\n\n"
    "Rufus Firefly, the president of Freedonia, said on Tuesday that the country would join the lunar "
    "programme. \"We are ready to fly,\" Firefly told reporters in the capital.\n\n"
    "The minister of space, Groucho Marx, said the agreement would be signed next month.\n";

/* The same story, edited: a new headline and another minister. */
static const char edited[] =
    "---\ntitle: Freedonia signs the lunar pact\noutlet: Daily Planet\npublished: 2023-05-02\nlanguage: en\n---\n"
    "Freedonia signs the lunar pact\n\n"
    "Rufus Firefly, the president of Freedonia, said on Tuesday that the country would join the lunar "
    "programme. \"We are ready to fly,\" Firefly told reporters in the capital.\n\n"
    "The minister of space, Chico Ravelli, said the agreement would be signed next month.\n";

static const char other[] =
    "---\ntitle: Sylvania answers\noutlet: Morning Star\npublished: 2023-05-04\nlanguage: en\n---\n"
    "Sylvania answers\n\n"
    "Ambassador Trentino of Sylvania said his government was open to cooperation with Rufus Firefly.\n";

/* The integer a query returns (first column, first row; -1 when none). */
static long long count(dossier_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Ingests one article from memory and returns its status. */
static dossier_ingest_status ingest(dossier_db *db, const char *source, const char *text)
{
    dossier_ingest_status status;
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, source, text, strlen(text), &status));
    return status;
}

/* No row anywhere belongs to an article that is not there, and no entity is unused. */
static void assert_clean(dossier_db *db)
{
    ck_assert_int_eq(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements s WHERE cluster IS NOT NULL AND NOT EXISTS"
                               " (SELECT 1 FROM statements o WHERE o.id = s.cluster)"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles a WHERE story IS NOT NULL AND NOT EXISTS"
                               " (SELECT 1 FROM articles o WHERE o.id = a.story)"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE"
                               " entity = e.id) AND NOT EXISTS (SELECT 1 FROM roles WHERE e.id IN (person,"
                               " organization)) AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker = e.id)"
                               " AND NOT EXISTS (SELECT 1 FROM statement_topics WHERE entity = e.id)"
                               " AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity = e.id)"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Groucho'"),
                     count(db, "SELECT count(*) FROM articles WHERE body LIKE '%Groucho%'"));
}

START_TEST(test_new_version_replaces)
{
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(ingest(db, "news/pact.txt", first), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(ingest(db, "news/other.txt", other), DOSSIER_INGEST_NEW);
    long long id = count(db, "SELECT id FROM articles WHERE source = 'news/pact.txt'");
    ck_assert_dossier_ok(db, dossier_correct_speaker(NULL, db,
        count(db, "SELECT id FROM statements WHERE text LIKE 'We are ready%'"), "Groucho Marx", NULL));
    ck_assert_int_eq(ingest(db, "news/pact.txt", edited), DOSSIER_INGEST_REPLACED);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE source = 'news/pact.txt'"), 1);
    ck_assert_int_eq(count(db, "SELECT id FROM articles WHERE source = 'news/pact.txt'"), id);
    ck_assert_int_eq(count(db, "SELECT version FROM articles WHERE id = 1"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM article_versions WHERE article = 1 AND version = 1"
                               " AND title = 'Freedonia signs lunar pact'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE title = 'Freedonia signs the lunar pact'"), 1);
    /* the old minister is gone with the old rows, the new one is there */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Groucho Marx'"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Chico Ravelli'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Rufus Firefly'"), 1);
    /* the correction is kept (its speaker is gone, so it waits) */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM corrections"), 1);
    assert_clean(db);
    /* the edit ingested again is unchanged; the first bytes again are a third version */
    ck_assert_int_eq(ingest(db, "news/pact.txt", edited), DOSSIER_INGEST_UNCHANGED);
    ck_assert_int_eq(ingest(db, "news/pact.txt", first), DOSSIER_INGEST_REPLACED);
    ck_assert_int_eq(count(db, "SELECT version FROM articles WHERE id = 1"), 3);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM article_versions"), 2);
    /* and the waiting correction applies again: Groucho Marx is back */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker"
                               " WHERE s.text LIKE 'We are ready%' AND e.name = 'Groucho Marx'"), 1);
    assert_clean(db);
    dossier_close(db);
}
END_TEST

START_TEST(test_as_new_keeps_both)
{
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.as_new = 1;
    ck_assert_int_eq(dossier_open(&db, ":memory:", &o), DOSSIER_OK);
    ck_assert_int_eq(ingest(db, "pact.txt", first), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(ingest(db, "pact.txt", edited), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE source = 'pact.txt'"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM article_versions"), 0);
    dossier_close(db);
}
END_TEST

START_TEST(test_standard_input_is_never_a_version)
{
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(ingest(db, "-", first), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(ingest(db, "-", edited), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 2);
    dossier_close(db);
}
END_TEST

START_TEST(test_reindex)
{
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(ingest(db, "pact.txt", first), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(ingest(db, "other.txt", other), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE extracted_by = '" DOSSIER_VERSION "'"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE extracted_by IS NOT dossier_version()"), 0);
    long long statements = count(db, "SELECT count(*) FROM statements");
    long long mentions = count(db, "SELECT count(*) FROM mentions");
    ck_assert_int_eq(sqlite3_exec(db->sql, "UPDATE articles SET extracted_by = '0.0.1' WHERE id = 2", NULL, NULL,
                                  NULL), SQLITE_OK);
    size_t n = 99;
    ck_assert_dossier_ok(db, dossier_reindex_all(&n, db, 0));
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE extracted_by IS NOT dossier_version()"), 0);
    ck_assert_dossier_ok(db, dossier_reindex_all(&n, db, 1));
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements"), statements);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM mentions"), mentions);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE id IN (1, 2) AND version = 1"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM article_versions"), 0);
    assert_clean(db);
    ck_assert_int_eq(dossier_reindex_article(db, 42), DOSSIER_ENOTFOUND);
    dossier_close(db);
}
END_TEST

/*
 * Removing an article whose statement names a cluster (and whose id names
 * a story) renames them after the smallest remaining member, keeping
 * every other member together.
 */
START_TEST(test_removal_keeps_clusters_and_stories_whole)
{
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(sqlite3_exec(db->sql,
        "INSERT INTO articles(id, source, hash, original, body, language, story) VALUES"
        " (1, 'a', 'h1', 'x', 'x', 'en', 1), (2, 'b', 'h2', 'x', 'x', 'en', 1),"
        " (3, 'c', 'h3', 'x', 'x', 'en', 1), (4, 'd', 'h4', 'x', 'x', 'en', 4);"
        "INSERT INTO statements(id, article, kind, text, start, end, cluster) VALUES"
        " (5, 1, 'direct', 'x', 0, 1, 5), (12, 2, 'direct', 'x', 0, 1, 5), (18, 3, 'direct', 'x', 0, 1, 5),"
        " (28, 4, 'direct', 'x', 0, 1, 5), (29, 4, 'direct', 'x', 0, 1, 29);",
        NULL, NULL, NULL), SQLITE_OK);
    ck_assert_dossier_ok(db, dossier_versions_remove(NULL, db, 1, 0));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE cluster = 12"), 3);
    ck_assert_int_eq(count(db, "SELECT cluster FROM statements WHERE id = 29"), 29);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE story = 2"), 2);
    ck_assert_int_eq(count(db, "SELECT story FROM articles WHERE id = 4"), 4);
    ck_assert_dossier_ok(db, dossier_versions_remove(NULL, db, 4, 0));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE cluster = 12"), 2);
    dossier_close(db);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("versions");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_new_version_replaces);
    tcase_add_test(tc, test_as_new_keeps_both);
    tcase_add_test(tc, test_standard_input_is_never_a_version);
    tcase_add_test(tc, test_reindex);
    tcase_add_test(tc, test_removal_keeps_clusters_and_stories_whole);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
