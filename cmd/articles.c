/*
 * articles.c — `dossier articles`: the articles, newest first; the canned
 * query "articles".
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier articles`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier articles [OPTIONS]\n"
            "\n"
            "Lists the articles, the newest first: id, publication date, outlet, language,\n"
            "title, story (articles of one story share it) and the number of statements.\n"
            "Read one with 'dossier article ID'.\n"
            "\n"
            "Options:\n"
            "  --since DATE      only articles published on or after DATE (YYYY[-MM[-DD]])\n"
            "  --until DATE      only articles published on or before DATE\n"
            "  --lang CODE       only articles in this language\n"
            "  --outlet NAME     only articles from this outlet\n"
            "  --limit N         at most N rows (default 50; 0 for all)\n"
            "  --offset N        skip the first N rows (for the next page)\n"
            "  --format FORMAT   table (default), json, jsonl, csv or tsv\n");
}

static const cli_param_option options[] = {
    {"--since", "since"}, {"--until", "until"}, {"--lang", "lang"},
    {"--outlet", "outlet"}, {"--limit", "limit"}, {"--offset", "offset"}, {NULL, NULL},
};

/* Runs `dossier articles`. */
int cli_articles(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 0, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (cli_check_dates(&a, "articles"))
        return CLI_USAGE;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    rc = cli_query_print(db, "articles", a.params, a.nparams, &a.how, NULL);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
}
