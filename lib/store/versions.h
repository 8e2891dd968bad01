/*
 * versions.h — articles that change: a new version of a source replaces
 * the stored one, an article is re-extracted (dossier reindex) or
 * forgotten, and the entities only it referred to go with its rows.
 */
#ifndef DOSSIER_VERSIONS_H
#define DOSSIER_VERSIONS_H

#include "store/db.h"

/*
 * The id of the article stored last from `source` — or from the file at
 * the absolute path `path` (may be NULL), however it was named then — 0
 * when none (or when `source` is "-", which names no file), negative on a
 * database failure.
 */
long long dossier_versions_find(dossier_db *db, const char *source, const char *path);

/*
 * Makes the temporary tables that dossier_versions_remove() and
 * dossier_versions_prune() keep their work in, unless the handle has them.
 * Making one changes the schema, so that every statement prepared on the
 * handle is prepared again at its next step: a writer makes them before it
 * prepares its statements (ingest.c), not after its first article.
 */
int dossier_versions_begin(dossier_db *db);

/*
 * Removes article `article` and every row extracted from it, inside the
 * caller's transaction.  Statements of other articles in a cluster named
 * by one of its statements, and articles in its story, are renamed to
 * the smallest remaining member.  The entities it referred to are
 * remembered for dossier_versions_prune().  With `keep_history` the
 * version removed is recorded in article_versions and *out_version (may
 * be NULL) receives its number.
 */
int dossier_versions_remove(int *out_version, dossier_db *db, long long article, int keep_history);

/*
 * Completes a stored article: sets its version number, the absolute path
 * of its file (may be NULL) and, when `ingested_at` is not NULL, when it
 * first went in (an article stored again under its old id); then prunes
 * as dossier_versions_prune() does.
 */
int dossier_versions_finish(dossier_db *db, long long article, int version, const char *ingested_at,
                            const char *path);

/*
 * Deletes the entities remembered by dossier_versions_remove() that no
 * row refers to any more.
 */
int dossier_versions_prune(dossier_db *db);

#endif /* DOSSIER_VERSIONS_H */
