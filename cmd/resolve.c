/*
 * resolve.c — `dossier resolve`: entities, statement clusters and stories
 * recomputed for the whole database, in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier resolve`. */
static void usage(FILE *out)
{
    fprintf(out, "usage: dossier resolve\n"
                 "\n"
                 "Recomputes what joins articles, from the stored rows, in one transaction:\n"
                 "entities (from the names each article's mentions write), the features each\n"
                 "statement is compared by, statement clusters and stories, article by article in\n"
                 "the order they were ingested, so that the result is the one ingesting them again\n"
                 "would give; then applies the corrections made by hand again.  Run it after\n"
                 "upgrading dossier, whose rules may have changed.  On failure nothing changes.\n");
}

/* Runs `dossier resolve`. */
int cli_resolve(int argc, char **argv, const cli_globals *g)
{
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return CLI_OK;
        }
        cli_error("resolve: unexpected argument '%s'", argv[i]);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    int rc = dossier_resolve(db);
    if (rc != DOSSIER_OK)
        cli_error("%s", dossier_errmsg(db));
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
