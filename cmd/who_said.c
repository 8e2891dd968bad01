/*
 * who_said.c — `dossier who-said TOPIC`: the statements about an entity
 * named by any of its names in any language, or, when no entity goes by
 * that name, the statements whose words match it; one row per utterance,
 * with the other articles that reported it.  Runs the canned query
 * "who-said" of schema/queries.yaml.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier who-said`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier who-said [OPTIONS] TOPIC\n"
            "\n"
            "Lists who said what about TOPIC: an entity named by any of its names in any\n"
            "language (\"ISS\", \"Station spatiale internationale\"), or, when no entity goes by\n"
            "that name, the words to find in statements (full-text search).  One row per\n"
            "utterance: speaker, the speaker's role at the time, direct or indirect, the\n"
            "statement, the article's date, id and outlet, and the other articles that\n"
            "reported the same utterance.\n"
            "\n"
            "Options:\n"
            "  --speaker NAME     only statements by this entity\n"
            "  --since DATE       only articles published on or after DATE (YYYY[-MM[-DD]])\n"
            "  --until DATE       only articles published on or before DATE\n"
            "  --lang CODE        only articles in this language (en, fr, de, ...)\n"
            "  --kind KIND        direct (quotations) or indirect (reported speech)\n"
            "  --limit N          at most N rows (default 50; 0 for all)\n"
            "  --offset N         skip the first N rows (for the next page)\n"
            "  --format FORMAT    table (default), json, jsonl, csv or tsv\n"
            "\n"
            "Exit status: 0 (also when the entity is known but nothing matches the options),\n"
            "1 when no entity or text matches TOPIC, 2 on bad usage.\n");
}

static const cli_param_option options[] = {
    {"--speaker", "speaker"}, {"--since", "since"}, {"--until", "until"}, {"--lang", "lang"},
    {"--kind", "kind"},       {"--limit", "limit"}, {"--offset", "offset"}, {NULL, NULL},
};

/* Checks option values; prints the error and returns CLI_USAGE when one is bad. */
static int check(const cli_query_args *a)
{
    const char *kind = cli_query_value(a, "kind");
    if (!a->has_positional) {
        cli_error("who-said: what about? (usage: dossier who-said [OPTIONS] TOPIC)");
        return CLI_USAGE;
    }
    if (kind && strcmp(kind, "direct") != 0 && strcmp(kind, "indirect") != 0) {
        cli_error("who-said: --kind is direct or indirect, not '%s'", kind);
        return CLI_USAGE;
    }
    return cli_check_dates(a, "who-said");
}

/*
 * Explains an empty answer: an unknown speaker or topic is an error (with
 * a suggestion); a known topic with nothing matching the options is not.
 */
static int explain_empty(dossier_db *db, const cli_query_args *a)
{
    const char *speaker = cli_query_value(a, "speaker");
    if (speaker && dossier_entity_lookup(NULL, db, speaker) != DOSSIER_OK) {
        cli_no_match(db, "entity", speaker);
        return CLI_ERROR;
    }
    if (dossier_entity_lookup(NULL, db, a->positional) == DOSSIER_OK) {
        cli_error("no statements about '%s'%s", a->positional, a->nparams > 1 ? " match these options" : "");
        return CLI_OK; /* known, but nothing said about it matches: not an error */
    }
    dossier_param topic = {"topic", a->positional};
    char *out = NULL;
    size_t rows = 0;
    int rc = dossier_query_run(&out, &rows, db, "who-said", &topic, 1, &a->how);
    dossier_free(out);
    if (rc == DOSSIER_OK && rows > 0) {
        cli_error("no statements with the words '%s' match these options", a->positional);
        return CLI_OK;
    }
    cli_no_match(db, "entity or text", a->positional);
    return CLI_ERROR;
}

/* Runs `dossier who-said`. */
int cli_who_said(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 1, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if ((rc = check(&a)) != 0)
        return rc;
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    cli_query_param(&a, "topic", a.positional);
    char *out = NULL;
    dossier_page page;
    int qrc = dossier_query_page_run(&out, &page, db, "who-said", a.params, a.nparams, &a.how);
    size_t rows = qrc ? 0 : page.rows;
    if (qrc != DOSSIER_OK) {
        cli_error("%s", dossier_errmsg(db));
        rc = qrc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
    } else {
        rc = rows > 0 ? CLI_OK : explain_empty(db, &a);
        if (rc == CLI_OK)
            cli_print_page(out, &page, &a.how);
    }
    dossier_free(out);
    dossier_close(db);
    return rc;
}
