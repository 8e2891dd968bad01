/*
 * check_db.c — opening databases, schema migration, options, the error
 * convention and the process setup (lib/store/db.c).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

/* Reads one integer with SQL from the database file at `path`. */
static int sql_int(const char *path, const char *sql)
{
    sqlite3 *s = NULL;
    sqlite3_stmt *st = NULL;
    int v = -1;
    ck_assert_int_eq(sqlite3_open(path, &s), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(s);
    return v;
}

START_TEST(test_open_migrates)
{
    char path[] = "/tmp/dossier_dbXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    dossier_db *db = NULL;
    ck_assert_dossier_ok(db, dossier_open(&db, path, NULL));
    dossier_close(db);
    ck_assert_int_eq(sql_int(path, "PRAGMA user_version"), dossier_schema_version());
    ck_assert_int_ge(dossier_schema_version(), 1);
    ck_assert_int_eq(sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                   "('articles','sentences','entities','aliases','mentions','roles',"
                                   "'statements','statement_topics','events','event_participants')"), 10);
    /* Opening again applies nothing and keeps the version. */
    ck_assert_dossier_ok(db, dossier_open(&db, path, NULL));
    dossier_close(db);
    ck_assert_int_eq(sql_int(path, "PRAGMA user_version"), dossier_schema_version());
    /* A database from a newer dossier is refused. */
    sqlite3 *s = NULL;
    sqlite3_open(path, &s);
    sqlite3_exec(s, "PRAGMA user_version = 9999", NULL, NULL, NULL);
    sqlite3_close(s);
    ck_assert_int_eq(dossier_open(&db, path, NULL), DOSSIER_EDB);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "newer"));
    dossier_close(db);
    unlink(path);
    char wal[64];
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
}
END_TEST

START_TEST(test_process_setup)
{
    /* first in the process (a forked test): it may set SQLite up; once SQLite is in use it
     * refuses, and either way databases work */
    int first = dossier_process_setup();
    ck_assert(first == DOSSIER_OK || first == DOSSIER_EDB);
    dossier_db *db = NULL;
    ck_assert_dossier_ok(db, dossier_open(&db, ":memory:", NULL));
    ck_assert_int_eq(dossier_process_setup(), DOSSIER_EDB);
    ck_assert_dossier_ok(db, dossier_ingest_buffer(db, "note.txt", "Mara Velden said the pier was closed.", 37, NULL));
    char *out = NULL;
    ck_assert_dossier_ok(db, dossier_entity_lookup(&out, db, "Mara Velden"));
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_open_failures)
{
    dossier_db *db = NULL;
    ck_assert_int_eq(dossier_open(&db, "/nonexistent/dir/x.db", NULL), DOSSIER_EDB);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "/nonexistent/dir/x.db"));
    dossier_close(db);
    const char *lex[] = {"/nonexistent/lexicon.yaml", NULL};
    dossier_options o = {0};
    o.lexicons = lex;
    ck_assert_int_eq(dossier_open(&db, ":memory:", &o), DOSSIER_EIO);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "lexicon.yaml"));
    dossier_close(db);
    dossier_close(NULL);
    dossier_free(NULL);
    ck_assert_str_eq(dossier_errmsg(NULL), "out of memory");
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_open_migrates);
    tcase_add_test(tc, test_open_failures);
    tcase_add_test(tc, test_process_setup);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
