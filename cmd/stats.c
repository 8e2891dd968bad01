/*
 * stats.c — `dossier stats`: what the database holds (the canned query
 * "stats"), or with --check what resolution may have joined wrongly (the
 * canned query "consistency").
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier stats`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier stats [--check] [--format FORMAT]\n"
            "\n"
            "Counts what the database holds: articles, stories, languages, entities by kind,\n"
            "names, mentions, roles, statements, utterances (statements of one cluster count\n"
            "once), events, and the first and last publication dates.\n"
            "\n"
            "--check counts instead what joining across articles may have got wrong (the\n"
            "canned query \"consistency\"; it reads the whole database): people whose names\n"
            "hold two first names, names shared by entities of several kinds, clusters with\n"
            "a member sharing under a third of its content words with every other, and\n"
            "stories with an article that shares no rare entity with the rest.\n");
}

/* Runs `dossier stats`. */
int cli_stats(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    const char *query = "stats";
    char *args[64];
    int n = 0;
    for (int i = 0; i < argc && n < 64; i++) {
        if (i > 0 && strcmp(argv[i], "--check") == 0)
            query = "consistency";
        else
            args[n++] = argv[i];
    }
    int rc = cli_query_parse(&a, n, args, NULL, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    rc = cli_query_print(db, query, NULL, 0, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
