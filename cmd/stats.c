/*
 * stats.c — `dossier stats`: what the database holds; the canned query
 * "stats".
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier stats`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier stats [--format FORMAT]\n"
            "\n"
            "Counts what the database holds: articles, stories, languages, entities by kind,\n"
            "names, mentions, roles, statements, utterances (statements of one cluster count\n"
            "once), events, and the first and last publication dates.\n");
}

/* Runs `dossier stats`. */
int cli_stats(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, NULL, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    rc = cli_query_print(db, "stats", NULL, 0, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
