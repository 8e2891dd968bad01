/*
 * search.c — `dossier search TEXT`: full-text search (FTS5) of article
 * titles and bodies, best first, with snippets; the canned query "search".
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier search`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier search [--limit N] [--offset N] [--among N] [--format FORMAT] TEXT\n"
            "\n"
            "Finds the articles whose title or text holds every word of TEXT (case and\n"
            "accents ignored), best matches first: id, date, outlet, title and a snippet\n"
            "with the matches in [brackets] (highlighted on a colour terminal).\n"
            "\n"
            "Options:\n"
            "  --limit N         at most N rows (default 50; 0 for all)\n"
            "  --offset N        skip the first N rows (for the next page)\n"
            "  --among N         rank the N most recently stored matching articles (default\n"
            "                    2000; 0 ranks every match, slower when thousands match)\n"
            "  --format FORMAT   table (default), json, jsonl, csv or tsv\n"
            "\n"
            "Exit status: 0 ok, 1 when nothing matches, 2 on bad usage.\n");
}

static const cli_param_option options[] = {
    {"--limit", "limit"}, {"--offset", "offset"}, {"--among", "among"}, {NULL, NULL}};

/* Runs `dossier search`. */
int cli_search(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 1, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (!a.has_positional) {
        cli_error("search: what for? (usage: dossier search TEXT)");
        return CLI_USAGE;
    }
    const char *among = cli_query_value(&a, "among");
    if (among && !cli_is_count(among)) {
        cli_error("search: --among wants a whole number of articles, not '%s'", among);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    cli_query_param(&a, "text", a.positional);
    char *out = NULL;
    dossier_page page;
    int qrc = dossier_query_page_run(&out, &page, db, "search", a.params, a.nparams, &a.how);
    size_t rows = qrc ? 0 : page.rows;
    if (qrc != DOSSIER_OK) {
        cli_error("%s", dossier_errmsg(db));
        rc = qrc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
    } else if (rows == 0) {
        cli_error("no article matches '%s'", a.positional);
        rc = CLI_ERROR;
    } else {
        cli_print_page(out, &page, &a.how);
    }
    dossier_free(out);
    dossier_close(db);
    return rc;
}
