/*
 * query.h — canned queries (schema/queries.yaml and the user's own) and
 * their execution through the one output formatter.
 */
#ifndef DOSSIER_QUERY_H
#define DOSSIER_QUERY_H

struct dossier_queries;

/* Frees the loaded canned queries.  Accepts NULL. */
void dossier_queries_free(struct dossier_queries *q);

#endif /* DOSSIER_QUERY_H */
