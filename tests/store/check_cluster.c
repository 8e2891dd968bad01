/*
 * check_cluster.c — statement clusters (lib/store/cluster.c): translations
 * in one story meet by rank, kind, numbers and cognates; copies in other
 * stories need the same words; other speakers never join; a statement joins
 * one statement of another article at most, and a repeat of the same words
 * within an article is the same utterance, as is a paraphrase with the
 * quotation right after it that gives its figures or tells its event.
 * Dated candidates come from the week around an article, with their
 * clusters as they are now, and words never worked out are worked out;
 * undated ones are the speaker's latest, read from an index.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/cluster.h"
#include "store/db.h"
#include "testutil.h"

/* Runs SQL on the handle or fails. */
static void run(dossier_db *db, const char *sql)
{
    char *err = NULL;
    ck_assert_msg(sqlite3_exec(db->sql, sql, NULL, NULL, &err) == SQLITE_OK, "%s: %s", sql, err);
}

/* Adds an article with a story and a language. */
static void article(dossier_db *db, int id, int story, const char *lang)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO articles(id, source, hash, original, body, language, story)"
             " VALUES (%d, 'a%d', 'h%d', x'00', 'body', '%s', %d)", id, id, id, lang, story);
    run(db, sql);
}

/* Adds a statement. */
static void statement(dossier_db *db, int id, int art, int speaker, int start, const char *kind, const char *text)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "INSERT INTO statements(id, article, kind, text, speaker, start, end)"
             " VALUES (%d, %d, '%s', '%s', %d, %d, %d)", id, art, kind, text, speaker, start, start + 5);
    run(db, sql);
}

/* The cluster of statement `id`. */
static long long cluster_of(dossier_db *db, int id)
{
    sqlite3_stmt *st = NULL;
    long long c = -1;
    sqlite3_prepare_v2(db->sql, "SELECT cluster FROM statements WHERE id = ?1", -1, &st, NULL);
    sqlite3_bind_int(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        c = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return c;
}

START_TEST(test_translation_and_copies)
{
    dossier_db *db = dossier_test_db();
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'person', 'A'), (2, 'person', 'B')");
    article(db, 1, 1, "en");
    statement(db, 1, 1, 1, 0, "direct", "We reached an accuracy of about ten metres, better than anyone before");
    statement(db, 2, 1, 1, 50, "indirect", "the budget for 2025 would grow by 12 percent");
    statement(db, 3, 1, 2, 90, "direct", "The mission is a success for the whole country");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    /* The French translation, same story. */
    article(db, 2, 1, "fr");
    statement(db, 4, 2, 1, 0, "direct", "Nous avons atteint une précision d''environ dix mètres, du jamais vu");
    statement(db, 5, 2, 1, 40, "indirect", "le budget pour 2025 augmenterait de 12 pour cent");
    statement(db, 6, 2, 2, 80, "direct", "Cette mission est un succès pour tout le pays");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 2));
    ck_assert_int_eq(cluster_of(db, 4), 1);
    ck_assert_int_eq(cluster_of(db, 5), 2);
    ck_assert_int_eq(cluster_of(db, 6), 3);
    /* A copy in another story: joins only on the same words. */
    article(db, 3, 3, "en");
    statement(db, 7, 3, 1, 0, "direct", "We reached an accuracy of about ten metres, better than anyone before");
    statement(db, 8, 3, 1, 90, "direct", "Something else entirely about rockets and weather");
    statement(db, 9, 3, 2, 150, "direct", "We reached an accuracy of about ten metres, better than anyone before");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 3));
    ck_assert_int_eq(cluster_of(db, 7), 1);
    ck_assert_int_eq(cluster_of(db, 8), 8);
    ck_assert_int_eq(cluster_of(db, 9), 9); /* another speaker */
    dossier_close(db);
}
END_TEST

START_TEST(test_repeats)
{
    dossier_db *db = dossier_test_db();
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'organization', 'Agency')");
    article(db, 1, 1, "en");
    statement(db, 1, 1, 1, 0, "direct", "The station will be completed by the end of the decade");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    article(db, 2, 2, "en");
    statement(db, 2, 2, 1, 0, "direct", "The station will be completed by the end of the decade");
    statement(db, 3, 2, 1, 80, "direct", "The station will be completed by the end of the decade, they said");
    statement(db, 4, 2, 1, 160, "direct", "The station will be completed by the end of the century");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 2));
    ck_assert_int_eq(cluster_of(db, 2), 1);
    ck_assert_int_eq(cluster_of(db, 3), 1); /* the same words again in one article */
    ck_assert_int_eq(cluster_of(db, 4), 4); /* other words: not a repeat */
    dossier_close(db);
}
END_TEST

/*
 * Many statements of one speaker in one article, all sharing a common word:
 * each exact repeat joins the statement it repeats, a statement sharing
 * only part of another's items does not, and another speaker's repeat
 * stays apart (the repeat index must find every repeat, not only near ones).
 */
START_TEST(test_many_repeats)
{
    dossier_db *db = dossier_test_db();
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'person', 'A'), (2, 'person', 'B')");
    article(db, 1, 1, "en");
    char text[256];
    int id = 1;
    for (int i = 0; i < 120; i++, id++) {
        snprintf(text, sizeof text, "The figures were %d, %d, %d and %d", 1000 + i, 2000 + i, 3000 + i, 4000 + i);
        statement(db, id, 1, 1, id * 100, "direct", text);
    }
    for (int i = 0; i < 120; i += 7, id++) { /* repeats, far from the first */
        snprintf(text, sizeof text, "The figures were %d, %d, %d and %d", 1000 + i, 2000 + i, 3000 + i, 4000 + i);
        statement(db, id, 1, 1, id * 100, "direct", text);
    }
    snprintf(text, sizeof text, "The figures were %d, %d, %d and %d", 1003, 2003, 9001, 9002);
    statement(db, id, 1, 1, id * 100, "direct", text); /* half of statement 4 */
    id++;
    snprintf(text, sizeof text, "The figures were %d, %d, %d and %d", 1005, 2005, 3005, 4005);
    statement(db, id, 1, 2, id * 100, "direct", text); /* statement 6's words, another speaker */
    id++;
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    for (int i = 0, r = 121; i < 120; i += 7, r++)
        ck_assert_int_eq(cluster_of(db, r), i + 1);
    ck_assert_int_eq(cluster_of(db, 2), 2);
    ck_assert_int_eq(cluster_of(db, id - 2), id - 2);
    ck_assert_int_eq(cluster_of(db, id - 1), id - 1);
    dossier_close(db);
}
END_TEST

/*
 * A paraphrase joins the quotation right after it when that quotation gives
 * its figures (one speaker, numbers in both, three shared items); shared
 * words without figures, a statement in between, or another speaker do not.
 */
START_TEST(test_paraphrase_figures)
{
    dossier_db *db = dossier_test_db();
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'person', 'A'), (2, 'person', 'B')");
    article(db, 1, 1, "en");
    statement(db, 1, 1, 1, 0, "indirect", "the pump of the cooling loop ran 30 seconds longer than planned");
    statement(db, 2, 1, 1, 100, "direct", "Instead of the planned 65 seconds, the pump ran for 95 seconds");
    statement(db, 3, 1, 1, 200, "indirect", "the pump of the cooling loop would be replaced by a stronger pump");
    statement(db, 4, 1, 1, 300, "direct", "We will swap the pump of the cooling loop next month for a new model from another supplier");
    statement(db, 5, 1, 1, 400, "indirect", "the second valve opened 12 seconds later than planned");
    statement(db, 6, 1, 2, 500, "direct", "The tests lasted 3 days");
    statement(db, 7, 1, 1, 600, "direct", "The valve opened at 52 seconds and not at 40 as planned");
    statement(db, 8, 1, 2, 700, "indirect", "the heater ran 20 minutes longer than planned");
    statement(db, 9, 1, 1, 800, "direct", "The heater ran for 80 minutes instead of the planned 60");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    ck_assert_int_eq(cluster_of(db, 2), 1);
    ck_assert_int_eq(cluster_of(db, 4), 4); /* the same words, no figures */
    ck_assert_int_eq(cluster_of(db, 7), 7); /* another statement in between */
    ck_assert_int_eq(cluster_of(db, 9), 9); /* another speaker */
    dossier_close(db);
}
END_TEST

/* Adds a statement spanning [start, start + strlen(text)) that names entity `named` where `name` is. */
static void statement_naming(dossier_db *db, int id, int speaker, int start, const char *kind, const char *text,
                             int named, const char *name)
{
    char sql[1024];
    size_t at = (size_t)(strstr(text, name) - text);
    snprintf(sql, sizeof sql, "INSERT INTO statements(id, article, kind, text, speaker, start, end)"
             " VALUES (%d, 1, '%s', '%s', %d, %d, %d)", id, kind, text, speaker, start, start + (int)strlen(text));
    run(db, sql);
    snprintf(sql, sizeof sql, "INSERT INTO mentions(article, entity, how, start, end) VALUES (1, %d, 'name', %d, %d)",
             named, start + (int)at, start + (int)(at + strlen(name)));
    run(db, sql);
}

/*
 * A paraphrase joins the quotation right after it that tells the same
 * event in other words ("crashed", "a collision with the surface") and
 * shares a name; a quotation that shares only the name, or only the event,
 * stays apart.
 */
START_TEST(test_paraphrase_event)
{
    dossier_db *db = dossier_test_db();
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'organization', 'Agency'),"
            " (3, 'place', 'Moon'), (4, 'place', 'Mars')");
    article(db, 1, 1, "en");
    statement_naming(db, 1, 1, 0, "indirect", "the probe crashed on the Moon after a failed burn", 3, "Moon");
    statement_naming(db, 2, 1, 100, "direct", "The craft ceased to exist after a collision with the surface of the Moon",
                     3, "Moon");
    statement_naming(db, 3, 1, 200, "indirect", "the second probe crashed on the Moon in the night", 3, "Moon");
    statement_naming(db, 4, 1, 300, "direct", "We will study the data from the Moon with our partners", 3, "Moon");
    statement_naming(db, 5, 1, 400, "indirect", "the rover landed safely on Mars in the spring", 4, "Mars");
    statement_naming(db, 6, 1, 500, "direct", "The landing on the Moon went as planned", 3, "Moon");
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    ck_assert_int_eq(cluster_of(db, 2), 1);
    ck_assert_int_eq(cluster_of(db, 4), 4); /* the name alone */
    ck_assert_int_eq(cluster_of(db, 6), 6); /* the event alone */
    dossier_close(db);
}
END_TEST

/* Builds the suite. */
/* Adds an article with a publication date, in no story. */
static void dated_article(dossier_db *db, int id, const char *published)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO articles(id, source, hash, original, body, language, published)"
             " VALUES (%d, 'a%d', 'h%d', x'00', 'body', 'en', '%s')", id, id, id, published);
    run(db, sql);
}

/* The number of rows a query counts. */
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

/*
 * A dated statement meets the speaker's statements of the week around it,
 * read with their clusters from statement_features (kept by a trigger as
 * clusters move), and not those of another month; candidates whose words
 * were reset (as a correction does) are worked out after the query.
 */
START_TEST(test_dated_candidates)
{
    dossier_db *db = dossier_test_db();
    const char *same = "The new observatory will open to visitors before the summer festival";
    run(db, "INSERT INTO entities(id, kind, name) VALUES (1, 'person', 'A')");
    dated_article(db, 1, "2021-04-01");
    statement(db, 1, 1, 1, 0, "direct", same);
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 1));
    dated_article(db, 2, "2021-04-03");
    statement(db, 2, 2, 1, 0, "direct", same);
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 2));
    ck_assert_int_eq(cluster_of(db, 2), 1);
    run(db, "UPDATE statement_features SET words = NULL, numbers = NULL, names = NULL");
    dated_article(db, 3, "2021-04-06");
    statement(db, 3, 3, 1, 0, "direct", same);
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 3));
    ck_assert_int_eq(cluster_of(db, 3), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statement_features WHERE words IS NULL AND statement < 3"), 0);
    dated_article(db, 4, "2021-06-20"); /* months later: not a candidate */
    statement(db, 4, 4, 1, 0, "direct", same);
    ck_assert_dossier_ok(db, dossier_cluster_article(db, 4));
    ck_assert_int_eq(cluster_of(db, 4), 4);
    run(db, "UPDATE statements SET cluster = 4 WHERE id = 1");
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statement_features f JOIN statements s ON s.id = f.statement"
                               " WHERE f.cluster IS NOT s.cluster"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statement_features"), 4);
    dossier_close(db);
}
END_TEST

/* Whether a line of the plan of `sql` holds `what` ("TEMP B-TREE": it sorts rows, reading them all before the first). */
static int plan_has(dossier_db *db, const char *sql, const char *what)
{
    char q[512];
    snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, q, -1, &st, NULL), SQLITE_OK);
    int has = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        has |= strstr((const char *)sqlite3_column_text(st, 3), what) != NULL;
    sqlite3_finalize(st);
    return has;
}

/* An undated article's candidates, its speaker's latest statements (the
 * form of cluster.c's `latest` query), are read in id order from an index
 * (023): no sort of all the speaker's statements, whose cost grows with
 * the database; a scan of every speaker's statements stays in an index. */
START_TEST(test_latest_from_index)
{
    dossier_db *db = dossier_test_db();
    const char *latest = "SELECT id FROM statements WHERE speaker = ?1 ORDER BY id DESC LIMIT ?2";
    const char *speakers = "SELECT speaker, count(DISTINCT cluster), count(DISTINCT article) FROM statements GROUP BY speaker";
    ck_assert(!plan_has(db, latest, "TEMP B-TREE"));
    run(db, "DROP INDEX statements_speaker_said"); /* the planner may scan either: each covers the scan alone */
    ck_assert(plan_has(db, speakers, "COVERING INDEX statements_speaker_latest"));
    dossier_close(db);
    db = dossier_test_db(); /* without it, statements_speaker_said gives the rows in article order: a sort */
    run(db, "DROP INDEX statements_speaker_latest");
    ck_assert(plan_has(db, latest, "TEMP B-TREE"));
    dossier_close(db);
}
END_TEST

/* An article's story is read by its id from the index articles_story_of (030),
 * not from its row, where it comes after the body's overflow pages: the
 * plan covers the read, and the answer follows the story as it changes. */
START_TEST(test_story_from_index)
{
    dossier_db *db = dossier_test_db();
    ck_assert(plan_has(db, "SELECT coalesce(story, id) FROM articles INDEXED BY articles_story_of WHERE id = ?1",
                       "COVERING INDEX articles_story_of"));
    article(db, 1, 1, "en");
    article(db, 2, 1, "en");
    run(db, "INSERT INTO articles(id, source, hash, original, body, language) VALUES (3, 'a3', 'h3', x'00', 'b', 'en')");
    ck_assert_int_eq(dossier_cluster_story_of(db, 2), 1);
    ck_assert_int_eq(dossier_cluster_story_of(db, 3), 3); /* none: its own id */
    ck_assert_int_eq(dossier_cluster_story_of(db, 9), 9); /* no such article */
    run(db, "UPDATE articles SET story = 3 WHERE story = 1");
    ck_assert_int_eq(dossier_cluster_story_of(db, 2), 3);
    dossier_close(db);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("cluster");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_translation_and_copies);
    tcase_add_test(tc, test_repeats);
    tcase_add_test(tc, test_many_repeats);
    tcase_add_test(tc, test_paraphrase_figures);
    tcase_add_test(tc, test_paraphrase_event);
    tcase_add_test(tc, test_dated_candidates);
    tcase_add_test(tc, test_latest_from_index);
    tcase_add_test(tc, test_story_from_index);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
