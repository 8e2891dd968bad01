/*
 * show.c — `dossier show NAME`: an entity's profile, from the canned
 * queries entity, roles, said-by, who-said, timeline and mentioned-in.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier show`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier show [--limit N] [--format FORMAT] NAME\n"
            "\n"
            "Shows the profile of the entity (or entities) going by NAME in any language:\n"
            "  entity    kind, canonical name, other names, articles and statements counts\n"
            "  roles     titles held over time (for an organisation: who holds titles in it),\n"
            "            first and last dates seen, how often stated and the first sources\n"
            "  said      what it said, one row per utterance\n"
            "  about     what was said about it\n"
            "  events    the events it took part in, in date order\n"
            "  articles  the articles that mention it, newest first\n"
            "\n"
            "--limit N   at most N rows in each of said, about, events and articles\n"
            "            (default 10; 0 for all); a line after a section says how to see\n"
            "            the rest.\n"
            "--format table (default: headed tables), json (one object keyed by section),\n"
            "csv or tsv (one block per section after a '# section' line).\n"
            "\n"
            "Exit status: 0 ok, 1 when no entity goes by NAME (with a suggestion when a\n"
            "known name is near), 2 on bad usage.\n");
}

/* The options of `dossier show` beyond --format. */
static const cli_param_option options[] = {{"--limit", "limit"}, {NULL, NULL}};

/* Rows a listing section shows when --limit is not given: a profile is an overview. */
#define SHOW_ROWS "10"

/* Runs `dossier show`. */
int cli_show(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, options, 1, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (!a.has_positional) {
        cli_error("show: whom? (usage: dossier show NAME)");
        return CLI_USAGE;
    }
    const char *limit = cli_query_value(&a, "limit");
    if (!limit)
        limit = SHOW_ROWS;
    if (!cli_is_count(limit)) {
        cli_error("show: --limit wants a whole number of rows, not '%s'", limit);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    const char *name = a.positional;
    if (dossier_entity_lookup(NULL, db, name) != DOSSIER_OK) {
        cli_no_match(db, "entity", name);
        dossier_close(db);
        return CLI_ERROR;
    }
    const cli_section sections[] = {
        {"entity", "Entity", "entity", {{"name", name}}, 1},
        {"roles", "Roles over time", "roles", {{"name", name}}, 1},
        {"said", "What it said", "said-by", {{"name", name}, {"limit", limit}}, 2},
        {"about", "What was said about it", "who-said", {{"topic", name}, {"limit", limit}}, 2},
        {"events", "Events", "timeline", {{"about", name}, {"limit", limit}}, 2},
        {"articles", "Articles that mention it", "mentioned-in", {{"name", name}, {"limit", limit}}, 2},
    };
    rc = cli_print_sections(db, sections, sizeof sections / sizeof sections[0], &a.how);
    dossier_close(db);
    return rc;
}
