/*
 * resolve.c — `dossier resolve`: statement clusters and stories recomputed
 * for the whole database, in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier resolve`. */
static void usage(FILE *out)
{
    fprintf(out, "usage: dossier resolve\n"
                 "\n"
                 "Recomputes what joins articles, from the stored rows, in one transaction: the\n"
                 "features each statement is compared by, statement clusters and stories, article\n"
                 "by article in the order they were ingested, so that the result is the one\n"
                 "ingesting them again would give.  Run it after upgrading dossier, whose rules\n"
                 "may have changed.  On failure nothing changes.\n");
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
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    int rc = dossier_resolve(db);
    if (rc != DOSSIER_OK)
        cli_error("%s", dossier_errmsg(db));
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
