/*
 * versions.c — removing an article's rows when a newer version of its
 * source replaces it, when it is re-extracted, or when it is forgotten.
 *
 * The article row goes (its sentences, mentions, roles, statements,
 * dates and events go with it by ON DELETE CASCADE); what other articles
 * named after it — a statement cluster is named by its smallest statement
 * id, a story by its smallest article id — is renamed after the smallest
 * remaining member.  Entities that only the removed rows referred to are
 * deleted once the new rows are stored (dossier_versions_prune), so that
 * an entity the new version still names keeps its id and its corrections.
 */
#include "store/versions.h"

#include <string.h>

#include "base/util.h"

/* Runs one statement with `article` bound as ?1; returns DOSSIER_OK or DOSSIER_EDB. */
static int run_on(dossier_db *db, const char *sql, long long article)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, sql);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "removing an article");
    sqlite3_finalize(st);
    return rc;
}

/* See versions.h. */
long long dossier_versions_find(dossier_db *db, const char *source, const char *path)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (!source || strcmp(source, "-") == 0)
        return 0;
    if (dossier_db_cached(&st, db, "SELECT max(id) FROM (SELECT id FROM articles WHERE source = ?1"
                                   " UNION ALL SELECT id FROM articles WHERE path = ?2)"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    if (path)
        sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else
        id = dossier_db_sqlfail(db, "database");
    sqlite3_reset(st);
    return id;
}

/* Records the stored version of the article in article_versions; sets *out to its number. */
static int keep_version(int *out, dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db,
        "INSERT INTO article_versions(article, version, hash, bytes, title, extracted_by, ingested_at)"
        " SELECT id, version, hash, length(original), title, extracted_by, ingested_at"
        " FROM articles WHERE id = ?1 RETURNING version");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    else
        rc = step == SQLITE_DONE ? dossier_db_fail(db, DOSSIER_ENOTFOUND, "no article %lld", article)
                                 : dossier_db_sqlfail(db, "article versions");
    sqlite3_finalize(st);
    return rc;
}

/* See versions.h. */
int dossier_versions_begin(dossier_db *db)
{
    return dossier_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS dossier_touched(entity INTEGER PRIMARY KEY);"
                               " CREATE TEMP TABLE IF NOT EXISTS dossier_renamed(old INTEGER PRIMARY KEY, new INTEGER)");
}

/* See versions.h. */
int dossier_versions_remove(int *out_version, dossier_db *db, long long article, int keep_history)
{
    static const char *const steps[] = {
        /* the entities its rows refer to, to prune once the new rows are in */
        "INSERT OR IGNORE INTO temp.dossier_touched(entity)"
        " SELECT entity FROM mentions WHERE article = ?1"
        " UNION SELECT person FROM roles WHERE article = ?1"
        " UNION SELECT organization FROM roles WHERE article = ?1"
        " UNION SELECT speaker FROM statements WHERE article = ?1 AND speaker IS NOT NULL"
        " UNION SELECT t.entity FROM statement_topics t JOIN statements s ON s.id = t.statement WHERE s.article = ?1"
        " UNION SELECT p.entity FROM event_participants p JOIN events e ON e.id = p.event WHERE e.article = ?1",
        /*
         * Clusters named after one of its statements take the smallest
         * remaining id, and so does a story named after it.  The new
         * names are worked out first: a correlated UPDATE would see the
         * rows it has already renamed and break a cluster apart.
         */
        "DELETE FROM temp.dossier_renamed",
        "INSERT INTO temp.dossier_renamed(old, new) SELECT cluster, min(id) FROM statements"
        " WHERE article != ?1 AND cluster IN (SELECT id FROM statements WHERE article = ?1) GROUP BY cluster",
        "UPDATE statements SET cluster = (SELECT new FROM temp.dossier_renamed WHERE old = statements.cluster)"
        " WHERE article != ?1 AND cluster IN (SELECT old FROM temp.dossier_renamed)",
        "DELETE FROM temp.dossier_renamed",
        "INSERT INTO temp.dossier_renamed(old, new) SELECT ?1, min(id) FROM articles WHERE story = ?1 AND id != ?1"
        " HAVING count(*) > 0",
        "UPDATE articles SET story = (SELECT new FROM temp.dossier_renamed WHERE old = ?1)"
        " WHERE story = ?1 AND id != ?1",
        "DELETE FROM articles WHERE id = ?1",
    };
    int version = 0;
    int rc = dossier_versions_begin(db);
    if (!rc && keep_history)
        rc = keep_version(&version, db, article);
    for (size_t i = 0; !rc && i < sizeof steps / sizeof steps[0]; i++)
        rc = run_on(db, steps[i], article);
    if (out_version)
        *out_version = version;
    return rc;
}

/*
 * Appends to `sql` one "AND NOT EXISTS (...)" for every column that uses
 * an entity: the foreign keys to entities that do not cascade (aliases
 * cascade: they belong to the entity, they do not use it).
 */
static int add_use_tests(dbuf *sql, dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db,
        "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f"
        " WHERE m.type = 'table' AND f.\"table\" = 'entities' AND upper(f.on_delete) != 'CASCADE'");
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        if (dossier_buf_printf(sql, " AND NOT EXISTS (SELECT 1 FROM \"%s\" WHERE \"%s\" = entities.id)",
                               (const char *)sqlite3_column_text(st, 0),
                               (const char *)sqlite3_column_text(st, 1)))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    return rc;
}

/* See versions.h. */
int dossier_versions_prune(dossier_db *db)
{
    static const char head[] = "DELETE FROM entities WHERE id IN (SELECT entity FROM temp.dossier_touched)";
    dbuf sql = {0};
    sqlite3_stmt *st = NULL;
    int rc = dossier_versions_begin(db);
    if (!rc)
        rc = dossier_db_cached(&st, db, "SELECT EXISTS (SELECT 1 FROM temp.dossier_touched)");
    if (rc)
        return rc;
    int touched = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (!touched)
        return DOSSIER_OK; /* a new article: nothing removed, nothing to prune */
    if (dossier_buf_add(&sql, head, sizeof head - 1))
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc)
        rc = add_use_tests(&sql, db);
    if (!rc)
        rc = dossier_db_exec(db, sql.s);
    if (!rc)
        rc = dossier_db_exec(db, "DELETE FROM temp.dossier_touched");
    dossier_buf_free(&sql);
    return rc;
}

/* See versions.h. */
int dossier_versions_finish(dossier_db *db, long long article, int version, const char *ingested_at,
                            const char *path)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db,
        "UPDATE articles SET version = ?2, ingested_at = coalesce(?3, ingested_at), path = ?4 WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int(st, 2, version);
    if (ingested_at)
        sqlite3_bind_text(st, 3, ingested_at, -1, SQLITE_STATIC);
    if (path)
        sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "article versions");
    sqlite3_reset(st);
    return rc ? rc : dossier_versions_prune(db);
}
