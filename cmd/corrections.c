/*
 * corrections.c — `dossier corrections`: the corrections made by hand,
 * in the order resolution applies them; the canned query "corrections"
 * over the view correction_list.
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier corrections`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier corrections [--format FORMAT]\n"
            "\n"
            "Lists the corrections made with merge, split, rename, kind, alias, speaker and\n"
            "forget: when, what each says, and its note.  Resolution ('dossier resolve',\n"
            "and every ingest for the new articles) applies them again in this order.\n");
}

/* Runs `dossier corrections`. */
int cli_corrections(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, NULL, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    rc = cli_query_print(db, "corrections", NULL, 0, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
