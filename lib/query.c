/*
 * query.c — canned queries.  Placeholder until the query module is written:
 * no query is known.
 */
#include "query.h"

#include "db.h"

/* See query.h. */
void dossier_queries_free(struct dossier_queries *q)
{
    (void)q;
}

/* See dossier.h. */
int dossier_queries_add_file(dossier_db *db, const char *path)
{
    return dossier_db_fail(db, DOSSIER_ENOTFOUND, "%s: canned queries are not available yet", path);
}

/* See dossier.h. */
int dossier_query_list(char **out, dossier_db *db, const dossier_output *how)
{
    (void)how;
    *out = NULL;
    return dossier_db_fail(db, DOSSIER_ENOTFOUND, "canned queries are not available yet");
}

/* See dossier.h. */
int dossier_query_run(char **out, size_t *out_rows, dossier_db *db, const char *name,
                      const dossier_param *params, size_t nparams, const dossier_output *how)
{
    (void)params, (void)nparams, (void)how, (void)out_rows;
    *out = NULL;
    return dossier_db_fail(db, DOSSIER_ENOTFOUND, "no canned query named '%s'", name);
}
