/*
 * export.c — `dossier export --format json`: the whole knowledge base as
 * the one JSON document of shared/eval/README.md.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier export`. */
static void usage(FILE *out)
{
    fprintf(out, "usage: dossier export [--format json]\n"
                 "\n"
                 "Prints one JSON object with the articles, entities (with aliases and the articles\n"
                 "that mention them), roles, statements (speaker, kind, text, topics, cluster) and\n"
                 "events (kind, date, participants) of the database.\n");
}

/* Runs `dossier export`. */
int cli_export(int argc, char **argv, const cli_globals *g)
{
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return CLI_OK;
        }
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc && strcmp(argv[i + 1], "json") == 0) {
            i++;
            continue;
        }
        if (strcmp(argv[i], "--format=json") == 0)
            continue;
        cli_error("export: unexpected argument '%s' (only --format json is supported)", argv[i]);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *json = NULL;
    int rc = dossier_export_json(&json, db);
    if (rc == DOSSIER_OK) {
        fputs(json, stdout);
        fputc('\n', stdout);
    } else {
        cli_error("%s", dossier_errmsg(db));
    }
    dossier_free(json);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}
