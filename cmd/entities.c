/*
 * entities.c — `dossier entities [--kind K]`: entities, the most mentioned
 * first; the canned query "entities".
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier entities`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier entities [--kind KIND] [--limit N] [--offset N] [--format FORMAT]\n"
            "\n"
            "Lists entities, the most mentioned first: id, kind, canonical name, number of\n"
            "articles that mention it, number of statements it made, other names.\n"
            "\n"
            "Options:\n"
            "  --kind KIND       person, organization, program or place\n"
            "  --limit N         at most N rows (default 50; 0 for all)\n"
            "  --offset N        skip the first N rows (for the next page)\n"
            "  --format FORMAT   table (default), json, jsonl, csv or tsv\n");
}

static const cli_param_option options[] = {{"--kind", "kind"}, {"--limit", "limit"}, {"--offset", "offset"}, {NULL, NULL}};

/* Runs `dossier entities`. */
int cli_entities(int argc, char **argv, const cli_globals *g)
{
    static const char *const kinds[] = {"person", "organization", "program", "place"};
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    const char *kind = cli_query_value(&a, "kind");
    if (kind) {
        int ok = 0;
        for (int k = 0; k < 4; k++)
            ok |= strcmp(kind, kinds[k]) == 0;
        if (!ok) {
            cli_error("entities: --kind is person, organization, program or place, not '%s'", kind);
            return CLI_USAGE;
        }
    }
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    rc = cli_query_print(db, "entities", a.params, a.nparams, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
}
