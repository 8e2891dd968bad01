/*
 * timeline.c — `dossier timeline [--about X]`: events in date order; the
 * canned query "timeline".
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier timeline`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier timeline [OPTIONS]\n"
            "\n"
            "Lists events in date order: date (as precise as the text says: YYYY, YYYY-MM or\n"
            "YYYY-MM-DD; empty when it does not say, then placed at the article's date),\n"
            "kind, participants, the clause that reports it, and the reporting article.\n"
            "\n"
            "Options:\n"
            "  --about NAME      only events this entity (any of its names) took part in\n"
            "  --since DATE      only events on or after DATE (YYYY[-MM[-DD]])\n"
            "  --until DATE      only events on or before DATE\n"
            "  --kind KIND       only events of this kind (launch, visit, interview, ...)\n"
            "  --limit N         at most N rows (default 50; 0 for all)\n"
            "  --offset N        skip the first N rows (for the next page)\n"
            "  --format FORMAT   table (default), json, jsonl, csv or tsv\n"
            "\n"
            "Exit status: 0 ok, 1 when no entity goes by the --about name, 2 on bad usage.\n");
}

static const cli_param_option options[] = {
    {"--about", "about"}, {"--since", "since"}, {"--until", "until"},
    {"--kind", "kind"},   {"--limit", "limit"}, {"--offset", "offset"}, {NULL, NULL},
};

/* Runs `dossier timeline`. */
int cli_timeline(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (cli_check_dates(&a, "timeline"))
        return CLI_USAGE;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    const char *about = cli_query_value(&a, "about");
    if (about && dossier_entity_lookup(NULL, db, about) != DOSSIER_OK) {
        cli_no_match(db, "entity", about);
        dossier_close(db);
        return CLI_ERROR;
    }
    rc = cli_query_print(db, "timeline", a.params, a.nparams, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
}
