/*
 * check_corrections.c — corrections by hand (lib/store/corrections.c):
 * each one does what it says, fails without changing anything, and lasts
 * through a full resolution, the ingest of more articles and the
 * re-extraction of its article.  The articles are invented.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/corrections.h"
#include "store/db.h"
#include "testutil.h"

static const char pact[] =
    "---\ntitle: Freedonia signs lunar pact\noutlet: Daily Planet\npublished: 2023-05-02\nlanguage: en\n---\n"
    "Freedonia signs lunar pact\n\n"
    "Rufus Firefly, the president of Freedonia, said on Tuesday that the country would join the lunar "
    "programme. \"We are ready to fly,\" Firefly told reporters in the capital.\n\n"
    "The minister of space, Groucho Marx, said the agreement would be signed next month.\n";

static const char talks[] =
    "---\ntitle: Freedonia and Sylvania talk space\noutlet: Morning Star\npublished: 2023-05-04\nlanguage: en\n---\n"
    "Freedonia and Sylvania talk space\n\n"
    "Rufus Firefly spoke to reporters on Monday.\n\n"
    "R. Firefly, who leads Freedonia, said that the talks with Sylvania had gone well. \"The Moon belongs to "
    "everyone,\" Mr Firefly said.\n\n"
    "Ambassador Trentino of Sylvania said his government was open to cooperation.\n";

/* A later article naming the corrected entities again. */
static const char later[] =
    "---\ntitle: Lunar pact signed\noutlet: Evening Post\npublished: 2023-06-10\nlanguage: en\n---\n"
    "Lunar pact signed\n\n"
    "Groucho Marx said on Monday that the pact had been signed. "
    "Rufus Firefly, the president of Freedonia, said the country was proud.\n\n"
    "Ambassador Trentino of Sylvania welcomed the news.\n";

/* The integer a query returns (its first column of its first row; -1 when none). */
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

/* A database holding the two first articles. */
static dossier_db *two_articles(void)
{
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(ingest(db, "pact.txt", pact), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(ingest(db, "talks.txt", talks), DOSSIER_INGEST_NEW);
    return db;
}

/* Runs a correction, which must succeed, and checks its one-line description. */
#define CORRECT(db, call, says)                                                              \
    do {                                                                                     \
        char *line_ = NULL;                                                                  \
        ck_assert_dossier_ok(db, call);                                                      \
        ck_assert_msg(line_ && strstr(line_, says), "'%s' lacks '%s'", line_ ? line_ : "(null)", says); \
        dossier_free(line_);                                                                 \
    } while (0)

#define PERSONS_CALLED(name) "SELECT count(*) FROM entities WHERE kind = 'person' AND name = '" name "'"

START_TEST(test_merge_lasts)
{
    dossier_db *db = two_articles();
    long long marx_mentions = count(db, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                                        " WHERE e.name = 'Groucho Marx'");
    ck_assert_int_gt(marx_mentions, 0);
    CORRECT(db, dossier_correct_merge(&line_, db, "groucho marx", "Firefly", "one man"),
            "Groucho Marx (person) merged into Rufus Firefly (person)");
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity"
                               " WHERE e.name = 'Rufus Firefly' AND a.folded = 'groucho marx'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker"
                               " WHERE e.name = 'Rufus Firefly' AND s.text LIKE '%agreement%'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM corrections WHERE what = 'merge' AND note = 'one man'"), 1);
    /* a full resolution, then a later article naming him again */
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 0);
    ck_assert_int_eq(ingest(db, "later.txt", later), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 0);
    ck_assert_int_eq(count(db, "SELECT count(DISTINCT m.entity) FROM mentions m JOIN articles a ON a.id = m.article"
                               " WHERE a.source = 'later.txt' AND substr(a.body, m.start + 1, m.end - m.start)"
                               " IN ('Groucho Marx', 'Rufus Firefly')"), 1);
    dossier_close(db);
}
END_TEST

START_TEST(test_failures_change_nothing)
{
    dossier_db *db = two_articles();
    long long entities = count(db, "SELECT count(*) FROM entities");
    char *line = NULL;
    ck_assert_int_eq(dossier_correct_merge(&line, db, "Nobody Atall", "Firefly", NULL), DOSSIER_ENOTFOUND);
    ck_assert_ptr_null(line);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "no entity goes by 'Nobody Atall'"));
    ck_assert_int_eq(dossier_correct_merge(&line, db, "Firefly", "Rufus Firefly", NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_merge(&line, db, "Firefly", "Sylvania", NULL), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "dossier kind"));
    ck_assert_int_eq(dossier_correct_kind(&line, db, "Firefly", "planet", NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_kind(&line, db, "Firefly", "person", NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_rename(&line, db, "Firefly", "", NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_alias(&line, db, "Firefly", "Nobody", 1, NULL), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_correct_alias(&line, db, "Firefly", "Rufus Firefly", 1, NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_alias(&line, db, "Firefly", "firefly", 0, NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_split(&line, db, "Firefly", "Nobody", NULL), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_correct_split(&line, db, "Firefly", "rufus firefly", NULL), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_correct_split_mention(&line, db, 9999, NULL, NULL), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_correct_speaker(&line, db, 9999, NULL, NULL), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_correct_forget(&line, db, 9999, NULL), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_correct_merge(&line, db, "#9999", "Firefly", NULL), DOSSIER_ENOTFOUND);
    ck_assert_ptr_null(line);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM corrections"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities"), entities);
    /* a name two entities go by is refused, with both listed */
    ck_assert_dossier_ok(db, dossier_correct_alias(NULL, db, "Trentino", "The Envoy", 0, NULL));
    ck_assert_dossier_ok(db, dossier_correct_alias(NULL, db, "Groucho Marx", "the envoy", 0, NULL));
    ck_assert_int_eq(dossier_correct_rename(&line, db, "The Envoy", "X", NULL), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "names 2 entities"));
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "Trentino (person)"));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM corrections"), 2);
    dossier_close(db);
}
END_TEST

START_TEST(test_kind_rename_alias_last)
{
    dossier_db *db = two_articles();
    CORRECT(db, dossier_correct_kind(&line_, db, "Freedonia", "place", NULL), "Freedonia is of kind place");
    CORRECT(db, dossier_correct_rename(&line_, db, "Trentino", "Count Trentino", NULL),
            "Trentino (person) renamed Count Trentino");
    CORRECT(db, dossier_correct_alias(&line_, db, "Rufus Firefly", "The Chief", 0, NULL), "also goes by \"The Chief\"");
    CORRECT(db, dossier_correct_alias(&line_, db, "Rufus Firefly", "Firefly", 1, NULL),
            "does not go by \"Firefly\"");
    for (int round = 0; round < 3; round++) {
        if (round == 1)
            ck_assert_dossier_ok(db, dossier_resolve(db));
        if (round == 2)
            ck_assert_int_eq(ingest(db, "later.txt", later), DOSSIER_INGEST_NEW);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Freedonia' AND kind != 'place'"), 0);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Freedonia' AND kind = 'place'"), 1);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Trentino'"), 0);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name = 'Count Trentino'"), 1);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity"
                                   " WHERE e.name = 'Rufus Firefly' AND a.folded = 'the chief'"), 1);
        ck_assert_int_eq(count(db, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity"
                                   " WHERE e.name = 'Rufus Firefly' AND a.folded = 'firefly'"), 0);
    }
    /* the later article's Freedonia and Trentino joined the corrected entities */
    ck_assert_int_eq(count(db, "SELECT count(DISTINCT m.article) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'Freedonia'"), 2);
    ck_assert_int_eq(count(db, "SELECT count(DISTINCT m.article) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'Count Trentino'"), 2);
    dossier_close(db);
}
END_TEST

START_TEST(test_split_lasts)
{
    dossier_db *db = two_articles();
    ck_assert_dossier_ok(db, dossier_correct_merge(NULL, db, "Groucho Marx", "Rufus Firefly", NULL));
    CORRECT(db, dossier_correct_split(&line_, db, "Rufus Firefly", "Groucho Marx", "not one man after all"),
            "name \"Groucho Marx\" of Rufus Firefly (person) split off");
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker"
                               " WHERE e.name = 'Groucho Marx' AND s.text LIKE '%agreement%'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity"
                               " WHERE e.name = 'Rufus Firefly' AND a.folded = 'groucho marx'"), 0);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(ingest(db, "later.txt", later), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " JOIN articles a ON a.id = m.article"
                               " WHERE e.name = 'Groucho Marx' AND a.source = 'later.txt'"), 1);
    /* one mention to an entity of its own, and back by name */
    long long m = count(db, "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article"
                            " WHERE a.source = 'talks.txt' AND m.how = 'short' AND m.entity ="
                            " (SELECT id FROM entities WHERE name = 'Rufus Firefly') ORDER BY m.start LIMIT 1");
    ck_assert_int_gt(m, 0);
    CORRECT(db, dossier_correct_split_mention(&line_, db, m, "Firefly Junior", NULL), "as Firefly Junior");
    ck_assert_int_eq(count(db, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'Firefly Junior'"), 1);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'Firefly Junior'"), 1);
    ck_assert_dossier_ok(db, dossier_reindex_article(db, count(db, "SELECT id FROM articles WHERE source = 'talks.txt'")));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'Firefly Junior'"), 1);
    ck_assert_int_eq(count(db, PERSONS_CALLED("Groucho Marx")), 1);
    dossier_close(db);
}
END_TEST

START_TEST(test_speaker_lasts)
{
    dossier_db *db = two_articles();
    long long st = count(db, "SELECT id FROM statements WHERE text LIKE '%talks with Sylvania%'");
    long long moon = count(db, "SELECT id FROM statements WHERE text LIKE '%Moon belongs%'");
    ck_assert_int_gt(st, 0);
    ck_assert_int_gt(moon, 0);
    CORRECT(db, dossier_correct_speaker(&line_, db, st, NULL, NULL), "said by nobody known");
    CORRECT(db, dossier_correct_speaker(&line_, db, moon, "Trentino", NULL), "said by Trentino");
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE text LIKE '%talks with Sylvania%' AND speaker IS NULL"),
                     1);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(ingest(db, "later.txt", later), DOSSIER_INGEST_NEW);
    /* re-extraction gives the statements new ids: found again by span and words */
    long long talks_id = count(db, "SELECT id FROM articles WHERE source = 'talks.txt'");
    ck_assert_dossier_ok(db, dossier_reindex_article(db, talks_id));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE text LIKE '%talks with Sylvania%' AND speaker IS NULL"),
                     1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker"
                               " WHERE s.text LIKE '%Moon belongs%' AND e.name = 'Trentino'"), 1);
    dossier_close(db);
}
END_TEST

START_TEST(test_forget_lasts)
{
    dossier_db *db = two_articles();
    long long trentino = count(db, PERSONS_CALLED("Trentino"));
    ck_assert_int_eq(trentino, 1);
    CORRECT(db, dossier_correct_forget(&line_, db, 2, "off topic"), "article 2 (talks.txt) forgotten");
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 1);
    ck_assert_int_eq(count(db, PERSONS_CALLED("Trentino")), 0);  /* only that article named him */
    ck_assert_int_eq(count(db, PERSONS_CALLED("Rufus Firefly")), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE article = 2"), 0);
    ck_assert_int_eq(ingest(db, "talks.txt", talks), DOSSIER_INGEST_FORGOTTEN);
    ck_assert_int_eq(ingest(db, "elsewhere/talks.txt", talks), DOSSIER_INGEST_FORGOTTEN);
    /* a new version of a forgotten file stays forgotten */
    ck_assert_int_eq(ingest(db, "talks.txt", later), DOSSIER_INGEST_FORGOTTEN);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM correction_list WHERE what = 'forget' AND note = 'off topic'"), 1);
    dossier_close(db);
}
END_TEST

START_TEST(test_apply_twice_changes_nothing)
{
    dossier_db *db = two_articles();
    ck_assert_dossier_ok(db, dossier_correct_merge(NULL, db, "Groucho Marx", "Rufus Firefly", NULL));
    ck_assert_dossier_ok(db, dossier_correct_kind(NULL, db, "Sylvania", "organization", NULL));
    ck_assert_dossier_ok(db, dossier_correct_rename(NULL, db, "Rufus Firefly", "President Firefly", NULL));
    static const char *const sums =
        "SELECT (SELECT count(*) FROM entities) || '/' || (SELECT count(*) FROM aliases) || '/' ||"
        " (SELECT total(entity) FROM mentions) || '/' || (SELECT total(speaker) FROM statements)";
    sqlite3_stmt *st = NULL;
    char before[128];
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sums, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    snprintf(before, sizeof before, "%s", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    ck_assert_dossier_ok(db, dossier_corrections_apply(db, 0));
    ck_assert_dossier_ok(db, dossier_corrections_apply(db, 1));
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), before);
    sqlite3_finalize(st);
    ck_assert_int_eq(count(db, PERSONS_CALLED("President Firefly")), 1);
    dossier_close(db);
}
END_TEST

/*
 * A known entity renamed is found again under its gazetteer name in the
 * next article, as a new entity: the rename merges it back, and the
 * corrections made after the rename (under the new name) apply to it too.
 */
START_TEST(test_corrections_after_a_rename_follow_it)
{
    static const char agency[] =
        "---\ntitle: Agency plans\noutlet: Daily Planet\npublished: 2023-05-02\nlanguage: en\n---\n"
        "Agency plans\n\nRoscosmos said on Tuesday that it would launch two probes. Rufus Firefly, the president "
        "of Freedonia, said the country would watch.\n";
    static const char again[] =
        "---\ntitle: Agency launches\noutlet: Morning Star\npublished: 2023-06-02\nlanguage: en\n---\n"
        "Agency launches\n\nRoscosmos said on Friday that the first probe had been launched.\n";
    dossier_db *db = dossier_test_db();
    ck_assert_int_eq(ingest(db, "agency.txt", agency), DOSSIER_INGEST_NEW);
    ck_assert_dossier_ok(db, dossier_correct_rename(NULL, db, "Roscosmos", "State Space Corporation", NULL));
    ck_assert_dossier_ok(db, dossier_correct_alias(NULL, db, "State Space Corporation", "Roskosmos", 1, NULL));
    ck_assert_int_eq(ingest(db, "again.txt", again), DOSSIER_INGEST_NEW);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE kind = 'organization'"
                               " AND name IN ('Roscosmos', 'State Space Corporation')"), 1);
    ck_assert_int_eq(count(db, "SELECT count(DISTINCT m.article) FROM mentions m JOIN entities e ON e.id = m.entity"
                               " WHERE e.name = 'State Space Corporation'"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM aliases WHERE folded = 'roskosmos'"), 0);
    dossier_close(db);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("corrections");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_merge_lasts);
    tcase_add_test(tc, test_failures_change_nothing);
    tcase_add_test(tc, test_kind_rename_alias_last);
    tcase_add_test(tc, test_split_lasts);
    tcase_add_test(tc, test_speaker_lasts);
    tcase_add_test(tc, test_forget_lasts);
    tcase_add_test(tc, test_apply_twice_changes_nothing);
    tcase_add_test(tc, test_corrections_after_a_rename_follow_it);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
