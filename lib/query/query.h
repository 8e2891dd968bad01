/*
 * query.h — canned queries (schema/queries.yaml and the user's own) and
 * their execution through the one output formatter (format.h).
 *
 * query.c holds the registry (YAML loading, parameters, running);
 * query_sql.c the SQL functions canned queries may call — fold(text),
 * fts_terms(text) — the "did you mean" suggestions, and the article page.
 */
#ifndef DOSSIER_QUERY_H
#define DOSSIER_QUERY_H

#include <sqlite3.h>

#include "store/db.h"
#include "query/format.h"

struct dossier_queries;

/* Frees the loaded canned queries.  Accepts NULL. */
void dossier_queries_free(struct dossier_queries *q);

/*
 * Registers fold(), fts_terms(), first_name(), first_names_differ() and
 * overlap() on the connection, for canned queries.
 * Returns DOSSIER_OK or DOSSIER_EDB.
 */
int dossier_query_functions(dossier_db *db);

/*
 * Steps `st` to the end, collecting its columns and rows into *out
 * (initialised here; free with dossier_rows_free() either way).
 */
int dossier_query_collect(dossier_rows *out, dossier_db *db, sqlite3_stmt *st);

#endif /* DOSSIER_QUERY_H */
