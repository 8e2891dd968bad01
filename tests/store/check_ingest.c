/*
 * check_ingest.c — ingest, store, resolve and export through the public
 * API (lib/ingest.c, lib/store.c, lib/resolve.c, lib/export.c): new and
 * unchanged articles, refusals that leave no rows, entities joined across
 * articles, statement clusters and stories, and the export document.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/db.h"
#include "testutil.h"

/* One integer from the handle's database. */
static long long count(dossier_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static const char story_en[] =
    "---\ntitle: Agency plans lunar base\npublished: 2024-05-02\nlanguage: en\n---\n"
    "The head of the Freedonian Space Agency, Rufus Firefly, said on Monday that the agency "
    "would build a lunar base with its partners by the end of the decade.\n\n"
    "\"We will build the base together with our partners in the coming years,\" Firefly told reporters.\n";

static const char story_fr[] =
    "---\ntitle: L'agence prévoit une base lunaire\npublished: 2024-05-02\nlanguage: fr\n---\n"
    "Le chef de l'Agence spatiale de Freedonie, Rufus Firefly, a déclaré lundi que l'agence "
    "construirait une base lunaire avec ses partenaires.\n\n"
    "« Nous construirons la base ensemble avec nos partenaires dans les années à venir », a déclaré Firefly.\n";

START_TEST(test_new_then_unchanged)
{
    dossier_db *db = dossier_test_db();
    dossier_ingest_status st;
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "en.txt", story_en, strlen(story_en), &st));
    ck_assert_int_eq(st, DOSSIER_INGEST_NEW);
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "again.txt", story_en, strlen(story_en), &st));
    ck_assert_int_eq(st, DOSSIER_INGEST_UNCHANGED);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 1);
    ck_assert_int_eq(count(db, "SELECT length(original) FROM articles"), (long long)strlen(story_en));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE published = '2024-05-02' AND title IS NOT NULL"), 1);
    ck_assert_int_gt(count(db, "SELECT count(*) FROM sentences"), 1);
    /* Sentence spans lie inside the body. */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article"
                               " WHERE s.end > length(CAST(a.body AS BLOB)) OR s.start >= s.end"), 0);
    dossier_close(db);
}
END_TEST

START_TEST(test_refusals_leave_nothing)
{
    dossier_db *db = dossier_test_db();
    dossier_ingest_status st;
    const char bad[] = "Some text \xC3\x28 more";
    ck_assert_int_eq(dossier_ingest_buffer(db, "bad.txt", bad, sizeof bad - 1, &st), DOSSIER_EINPUT);
    ck_assert_int_eq(st, DOSSIER_INGEST_FAILED);
    ck_assert_msg(strstr(dossier_errmsg(db), "bad.txt") && strstr(dossier_errmsg(db), "10"),
                  "message: %s", dossier_errmsg(db));
    ck_assert_int_eq(dossier_ingest_buffer(db, "empty.txt", "", 0, &st), DOSSIER_EINPUT);
    ck_assert_int_eq(dossier_ingest_buffer(db, "nul.txt", "a\0b", 3, &st), DOSSIER_EINPUT);
    const char fm[] = "---\ntitle: [oops\n---\nBody.\n";
    ck_assert_int_eq(dossier_ingest_buffer(db, "fm.md", fm, sizeof fm - 1, &st), DOSSIER_EYAML);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "fm.md"));
    ck_assert_int_eq(dossier_ingest_file(db, "/nonexistent/file.txt", &st), DOSSIER_EIO);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM sentences"), 0);
    dossier_close(db);
}
END_TEST

START_TEST(test_size_limit)
{
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.max_article_bytes = 16;
    ck_assert_dossier_ok(db, dossier_open(&db, ":memory:", &o));
    ck_assert_int_eq(dossier_ingest_buffer(db, "long.txt", story_en, strlen(story_en), NULL), DOSSIER_EINPUT);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "limit"));
    dossier_close(db);
}
END_TEST

/* Remembers what the callback was told. */
static int reports[3];
static void on_report(const dossier_report *r, void *userdata)
{
    (void)userdata;
    if (r->kind == DOSSIER_REPORT_ARTICLE)
        reports[r->status]++;
}

START_TEST(test_callback_and_resolve)
{
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.callback = on_report;
    ck_assert_dossier_ok(db, dossier_open(&db, ":memory:", &o));
    memset(reports, 0, sizeof reports);
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "en.txt", story_en, strlen(story_en), NULL));
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "fr.txt", story_fr, strlen(story_fr), NULL));
    dossier_ingest_buffer(db, "en2.txt", story_en, strlen(story_en), NULL);
    dossier_ingest_buffer(db, "x.txt", "", 0, NULL);
    ck_assert_int_eq(reports[DOSSIER_INGEST_NEW], 2);
    ck_assert_int_eq(reports[DOSSIER_INGEST_UNCHANGED], 1);
    ck_assert_int_eq(reports[DOSSIER_INGEST_FAILED], 1);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    /* Every article has a story and every statement a cluster. */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE story IS NULL"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements WHERE cluster IS NULL"), 0);
    dossier_close(db);
}
END_TEST

START_TEST(test_export)
{
    dossier_db *db = dossier_test_db();
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "dir/en.txt", story_en, strlen(story_en), NULL));
    char *json = NULL;
    ck_assert_dossier_ok(db, dossier_export_json(&json, db));
    ck_assert_ptr_nonnull(strstr(json, "\"articles\":[{\"id\":1,\"source\":\"dir/en.txt\""));
    ck_assert_ptr_nonnull(strstr(json, "\"published\":\"2024-05-02\""));
    ck_assert_ptr_nonnull(strstr(json, "\"entities\":["));
    ck_assert_ptr_nonnull(strstr(json, "\"statements\":["));
    ck_assert_ptr_nonnull(strstr(json, "\"events\":["));
    ck_assert_ptr_nonnull(strstr(json, "\"roles\":["));
    dossier_free(json);
    dossier_close(db);
}
END_TEST

/* ---- many articles: batches, savepoints, threads ---- */

/* Writes `text` to dir/name and returns the path (static, overwritten by the next call). */
static const char *put_file(const char *dir, const char *name, const char *text)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* The statuses the callback reported, in order, as letters: n(ew), u(nchanged), f(ailed). */
static char order[64];
static void on_order(const dossier_report *r, void *userdata)
{
    (void)userdata;
    size_t n = strlen(order);
    if (r->kind == DOSSIER_REPORT_ARTICLE && n + 1 < sizeof order)
        order[n] = "nuf"[r->status];
}

static const char poisoned[] =
    "---\ntitle: Poisoned\npublished: 2024-05-03\nlanguage: en\n---\n"
    "The director of the Sylvanian Rocket Bureau, Trentino Ambassador, spoke on Tuesday.\n\n"
    "\"This poison pill will stop the merger,\" Ambassador told reporters.\n";

/*
 * Ingests the same list of files into a new database file with `jobs`
 * threads; one article fails while it is stored (a trigger refuses its
 * statement) and must leave nothing behind while the batch goes on.
 * Returns the export; the caller frees it.
 */
static char *ingest_dir(const char *dir, int jobs)
{
    char path[4096], dbpath[4200];
    const char *names[] = {"1-en.txt", "2-bad.txt", "3-poisoned.txt", "4-fr.txt", "5-en-again.txt"};
    const char *texts[] = {story_en, "broken \xC3\x28 text", poisoned, story_fr, story_en};
    const char *sources[5];
    char copies[5][4096];
    for (int i = 0; i < 5; i++) {
        snprintf(copies[i], sizeof copies[i], "%s", put_file(dir, names[i], texts[i]));
        sources[i] = copies[i];
    }
    snprintf(path, sizeof path, "%s/jobs%d.db", dir, jobs);
    snprintf(dbpath, sizeof dbpath, "%s", path);
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.callback = on_order;
    ck_assert_dossier_ok(db, dossier_open(&db, dbpath, &o));
    sqlite3_exec(db->sql, "CREATE TRIGGER poison BEFORE INSERT ON statements WHEN new.text LIKE '%poison%'"
                          " BEGIN SELECT RAISE(ABORT, 'poisoned statement'); END", NULL, NULL, NULL);
    memset(order, 0, sizeof order);
    ck_assert_dossier_ok(db, dossier_ingest_files(db, sources, 5, jobs));
    ck_assert_str_eq(order, "nffnu");
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE title = 'Poisoned'"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM sentences s LEFT JOIN articles a ON a.id = s.article"
                               " WHERE a.id IS NULL"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name LIKE '%Ambassador%'"), 0);
    char *json = NULL;
    ck_assert_dossier_ok(db, dossier_export_json(&json, db));
    dossier_close(db);
    return json;
}

START_TEST(test_files_jobs_alike)
{
    char dir[] = "/tmp/check_ingest_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *serial = ingest_dir(dir, 1);
    char *parallel = ingest_dir(dir, 2);
    ck_assert_str_eq(serial, parallel);
    dossier_free(serial);
    dossier_free(parallel);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(test_files_memory_db)
{
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.callback = on_order;
    ck_assert_dossier_ok(db, dossier_open(&db, ":memory:", &o));
    const char *sources[] = {"/nonexistent/a.txt", "/nonexistent/b.txt"};
    memset(order, 0, sizeof order);
    /* An in-memory database cannot be shared with threads: one job does it all. */
    ck_assert_dossier_ok(db, dossier_ingest_files(db, sources, 2, 4));
    ck_assert_str_eq(order, "ff");
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "b.txt"));
    dossier_close(db);
}
END_TEST

static const char story_other[] =
    "---\ntitle: Port opens new terminal\npublished: 2024-05-04\nlanguage: en\n---\n"
    "The mayor of Marsovia, Lydia Quillfeather, said on Friday that the port would open a second "
    "terminal next spring.\n\n"
    "\"The terminal will double what the port can handle,\" Quillfeather told reporters.\n";

/* Ingests `n` of the files (by index) into a new database dir/name, poisoned or not; returns the export. */
static char *ingest_some(const char *dir, const char *name, const char *const *sources, size_t n, int poison,
                         const char *want)
{
    char dbpath[4200];
    snprintf(dbpath, sizeof dbpath, "%s/%s", dir, name);
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.callback = on_order;
    ck_assert_dossier_ok(db, dossier_open(&db, dbpath, &o));
    if (poison)
        sqlite3_exec(db->sql, "CREATE TRIGGER poison BEFORE INSERT ON statements WHEN new.text LIKE '%poison%'"
                              " BEGIN SELECT RAISE(ABORT, 'poisoned statement'); END", NULL, NULL, NULL);
    memset(order, 0, sizeof order);
    ck_assert_dossier_ok(db, dossier_ingest_files(db, sources, n, 1));
    ck_assert_str_eq(order, want);
    /* the full-text entries deferred to the commit are all there, and only theirs */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM deferred_rows"), 0);
    ck_assert_int_eq(sqlite3_exec(db->sql, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);"
                                  "INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)",
                                  NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'terminal'"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'poison'"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'partners'"),
                     count(db, "SELECT count(*) FROM statements WHERE text LIKE '%partners%'"));
    char *json = NULL;
    ck_assert_dossier_ok(db, dossier_export_json(&json, db));
    dossier_close(db);
    return json;
}

/*
 * An article that fails after two others of its batch rolls the
 * transaction back and the two are stored again: the database ends up
 * exactly as if the failed article had not been given (same ids, same
 * rows), and the articles after it join the same batch.
 */
START_TEST(test_failure_mid_batch_redone)
{
    char dir[] = "/tmp/check_ingest_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    const char *names[] = {"1-en.txt", "2-fr.txt", "3-poisoned.txt", "4-other.txt"};
    const char *texts[] = {story_en, story_fr, poisoned, story_other};
    char all[4][4096];
    const char *with[4], *without[3];
    for (int i = 0; i < 4; i++)
        snprintf(all[i], sizeof all[i], "%s", put_file(dir, names[i], texts[i]));
    for (int i = 0; i < 4; i++)
        with[i] = all[i];
    without[0] = all[0], without[1] = all[1], without[2] = all[3];
    char *redone = ingest_some(dir, "with.db", with, 4, 1, "nnfn");
    char *clean = ingest_some(dir, "without.db", without, 3, 0, "nnn");
    ck_assert_str_eq(redone, clean);
    dossier_free(redone);
    dossier_free(clean);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* What the writer's connection did, in order: a(rticle inserted), c(ommit), r(ollback). */
static char events[64];
static void add_event(char e)
{
    size_t n = strlen(events);
    if (n + 1 < sizeof events)
        events[n] = e;
}
static int on_commit(void *unused)
{
    (void)unused;
    add_event('c');
    return 0;
}
static void on_rollback(void *unused)
{
    (void)unused;
    add_event('r');
}
static void on_update(void *unused, int op, const char *dbname, const char *table, sqlite3_int64 row)
{
    (void)unused;
    (void)dbname;
    (void)row;
    if (op == SQLITE_INSERT && strcmp(table, "articles") == 0)
        add_event('a');
}

/*
 * The first article of a batch is stored without a savepoint: when it
 * fails, the whole transaction rolls back and the next articles go on.  An
 * article of 64 KiB or more commits the batch before it (its statement
 * journals would pile up under a savepoint): the article before the long
 * one is committed before the long one is inserted, whatever commits the
 * batch's time limit adds.
 */
START_TEST(test_first_fails_long_alone)
{
    char dir[] = "/tmp/check_ingest_XXXXXX";
    char dbpath[4200];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    dbuf long_text = {0};
    ck_assert_int_eq(dossier_buf_add(&long_text, "---\ntitle: Long\nlanguage: en\n---\n", strlen("---\ntitle: Long\nlanguage: en\n---\n")), 0);
    for (int i = 0; long_text.len < 70000; i++) {
        char para[256];
        int n = snprintf(para, sizeof para, "The agency opened its station number %d on the coast, the head of "
                         "the Freedonian Space Agency, Rufus Firefly, said.\n\n", i);
        ck_assert_int_eq(dossier_buf_add(&long_text, para, (size_t)n), 0);
    }
    ck_assert_int_eq(dossier_buf_add(&long_text, "", 1), 0);
    const char *names[] = {"1-poisoned.txt", "2-en.txt", "3-long.txt", "4-fr.txt"};
    const char *texts[] = {poisoned, story_en, long_text.s, story_fr};
    const char *sources[4];
    char all[4][4096];
    for (int i = 0; i < 4; i++) {
        snprintf(all[i], sizeof all[i], "%s", put_file(dir, names[i], texts[i]));
        sources[i] = all[i];
    }
    snprintf(dbpath, sizeof dbpath, "%s/first.db", dir);
    dossier_db *db = NULL;
    dossier_options o = {0};
    o.callback = on_order;
    ck_assert_dossier_ok(db, dossier_open(&db, dbpath, &o));
    sqlite3_exec(db->sql, "CREATE TRIGGER poison BEFORE INSERT ON statements WHEN new.text LIKE '%poison%'"
                          " BEGIN SELECT RAISE(ABORT, 'poisoned statement'); END", NULL, NULL, NULL);
    memset(events, 0, sizeof events);
    sqlite3_commit_hook(db->sql, on_commit, NULL);
    sqlite3_rollback_hook(db->sql, on_rollback, NULL);
    sqlite3_update_hook(db->sql, on_update, NULL);
    memset(order, 0, sizeof order);
    ck_assert_dossier_ok(db, dossier_ingest_files(db, sources, 4, 1));
    sqlite3_commit_hook(db->sql, NULL, NULL);
    sqlite3_rollback_hook(db->sql, NULL, NULL);
    sqlite3_update_hook(db->sql, NULL, NULL);
    ck_assert_str_eq(order, "fnnn");
    /* poisoned: inserted, rolled back; en: inserted, committed; then the long one */
    ck_assert_msg(strncmp(events, "araca", 5) == 0, "events %s", events);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 3);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles WHERE title = 'Poisoned'"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE name LIKE '%Ambassador%'"), 0);
    dossier_close(db);
    dossier_buf_free(&long_text);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Builds the suite. */
/* Writes into buf an article (of one day, when dated) in which one speaker gives the figures of statements first .. first + n - 1. */
static void figures_article(char *buf, size_t size, int first, int n, int repeat, int dated)
{
    size_t len = (size_t)snprintf(buf, size, "---\ntitle: Harbour tally %d\n%slanguage: en\n---\n"
                                             "Mara Quellen, the harbour master, gave the tallies.\n\n", first,
                                  dated ? "published: 2024-03-05\n" : "");
    for (int i = 0; i < n && len < size; i++) {
        int g = i == 0 && repeat >= 0 ? repeat : first + i;
        len += (size_t)snprintf(buf + len, size - len, "\"Crates: %d, %d, %d, %d and %d,\" Mara Quellen said.\n\n",
                                g * 10 + 1, g * 10 + 2, g * 10 + 3, g * 10 + 4, g * 10 + 5);
    }
}

/*
 * A speaker's candidates are the latest statements of the week, the
 * article's own among them: ingest compares an article's statements
 * before they are stored (store.c), and must leave out the earlier
 * statements that its own would have pushed past the candidates, as
 * `dossier resolve` does with them stored.  The statement repeated here
 * is 197th latest of the others, past the 200 candidates less the
 * article's 5: of the same day, or, undated, of any.
 */
START_TEST(test_candidates_count_own)
{
    int dated = _i;
    dossier_db *db = dossier_test_db();
    char buf[8192], name[32];
    for (int a = 0; a < 9; a++) {
        figures_article(buf, sizeof buf, a * 25, 25, -1, dated);
        snprintf(name, sizeof name, "tally%d.txt", a);
        ck_assert_dossier_ok(db, dossier_ingest_buffer(db, name, buf, strlen(buf), NULL));
    }
    ck_assert_int_ge(count(db, "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker"
                               " WHERE e.name = 'Mara Quellen'"), 225);
    figures_article(buf, sizeof buf, 1000, 5, 224 - 197, dated);
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "last.txt", buf, strlen(buf), NULL));
    static const char joined[] = "SELECT count(*) FROM statements a JOIN statements b ON b.text = a.text AND b.id < a.id"
                                 " WHERE a.article = (SELECT max(id) FROM articles) AND a.cluster = b.cluster";
    static const char clusters[] = "SELECT group_concat(id || ':' || cluster, ' ') FROM statements";
    long long ingested = count(db, joined);
    char *before = NULL;
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, clusters, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    before = dossier_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    ck_assert_dossier_ok(db, dossier_resolve(db));
    ck_assert_int_eq(count(db, joined), ingested);
    ck_assert_int_eq(ingested, 0);
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, clusters, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), before);
    sqlite3_finalize(st);
    free(before);
    dossier_close(db);
}
END_TEST

/*
 * A run of several new articles stores them with foreign keys off
 * (ingest.c, check_refs); a new version among them turns them on before
 * its old version is removed, whose rows go by cascade; the handle has
 * them on again after the run.  Fails when the removal runs without them:
 * the old version's rows stay beside the new one's, under the same id.
 */
START_TEST(test_version_amid_new_articles)
{
    char dir[] = "/tmp/check_ingest_XXXXXX", path[4200], files[3][4096];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/versions.db", dir);
    dossier_db *db = NULL;
    ck_assert_dossier_ok(db, dossier_open(&db, path, NULL));
    snprintf(files[0], sizeof files[0], "%s", put_file(dir, "a-story.txt", story_en));
    snprintf(files[1], sizeof files[1], "%s", put_file(dir, "b-bureau.txt", poisoned));
    const char *two[] = {files[0], files[1]}; /* new articles alone: back on after the run */
    ck_assert_dossier_ok(db, dossier_ingest_files(db, two, 2, 1));
    ck_assert_int_eq(count(db, "PRAGMA foreign_keys"), 1);
    char edited[sizeof story_en + 64];
    snprintf(edited, sizeof edited, "%sFirefly added that the first crew would land in two years.\n", story_en);
    snprintf(files[0], sizeof files[0], "%s", put_file(dir, "a-story.txt", edited));
    snprintf(files[1], sizeof files[1], "%s", put_file(dir, "c-french.txt", story_fr));
    snprintf(files[2], sizeof files[2], "%s", put_file(dir, "d-french-again.txt", story_fr));
    const char *three[] = {files[1], files[0], files[2]}; /* new, a new version, unchanged */
    ck_assert_dossier_ok(db, dossier_ingest_files(db, three, 3, 1));
    ck_assert_int_eq(count(db, "SELECT count(*) FROM articles"), 3);
    ck_assert_int_eq(count(db, "SELECT version FROM articles WHERE body LIKE '%first crew%'"), 2);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* the new version under the old id, with its rows and none of the old one's: as if ingested alone */
    dossier_db *alone = dossier_test_db();
    dossier_ingest_status status;
    ck_assert_dossier_ok(alone, dossier_ingest_buffer(alone, "edited.txt", edited, strlen(edited), &status));
    const char *rows = "SELECT (SELECT count(*) FROM mentions WHERE article = a.id) * 1000"
                       " + (SELECT count(*) FROM sentences WHERE article = a.id)"
                       " FROM articles a WHERE body LIKE '%first crew%'";
    ck_assert_int_gt(count(alone, rows), 1000);
    ck_assert_int_eq(count(db, rows), count(alone, rows));
    dossier_close(alone);
    ck_assert_int_eq(count(db, "PRAGMA foreign_keys"), 1);
    dossier_close(db);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_new_then_unchanged);
    tcase_add_test(tc, test_refusals_leave_nothing);
    tcase_add_test(tc, test_size_limit);
    tcase_add_test(tc, test_callback_and_resolve);
    tcase_add_test(tc, test_export);
    tcase_add_test(tc, test_files_jobs_alike);
    tcase_add_test(tc, test_files_memory_db);
    tcase_add_test(tc, test_failure_mid_batch_redone);
    tcase_add_test(tc, test_first_fails_long_alone);
    tcase_add_test(tc, test_version_amid_new_articles);
    tcase_add_loop_test(tc, test_candidates_count_own, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
