/*
 * main.c — the dossier CLI: global options, then a subcommand looked up in
 * a {name, fn, summary} table.  Each subcommand lives in cmd/<name>.c with
 * its own --help.  Exit codes: 0 ok, 1 error, 2 usage.
 */
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const cli_command commands[] = {
    {"ingest", cli_ingest, "add articles (files, directories, - for stdin) to the database"},
    {"export", cli_export, "print the whole knowledge base as one JSON document"},
    {"who-said", cli_who_said, "who said what about an entity (any name, any language) or words"},
    {"show", cli_show, "an entity's profile: names, roles, what it said and what was said about it"},
    {"entities", cli_entities, "list entities, the most mentioned first"},
    {"articles", cli_articles, "list articles, the newest first"},
    {"article", cli_article, "one article's text with its statements marked"},
    {"timeline", cli_timeline, "events in date order"},
    {"search", cli_search, "full-text search of the articles, with snippets"},
    {"stats", cli_stats, "what the database holds"},
    {"resolve", cli_resolve, "recompute statement clusters and stories for the whole database"},
    {"query", cli_query, "run a canned query (see 'dossier query --list')"},
    {"merge", cli_merge, "correct: two entities are one"},
    {"split", cli_split, "correct: a name or a mention belongs to another entity"},
    {"rename", cli_rename, "correct: an entity's canonical name"},
    {"kind", cli_kind, "correct: an entity's kind (person, organization, program, place)"},
    {"alias", cli_alias, "correct: add or remove a name an entity goes by"},
    {"speaker", cli_speaker, "correct: who said a statement (or nobody known)"},
    {"forget", cli_forget, "correct: remove an article and never ingest it again"},
    {"corrections", cli_corrections, "list the corrections made by hand, in the order they apply"},
    {"reindex", cli_reindex, "extract stored articles again with this version of dossier"},
    {"migrate", cli_migrate, "bring the database's schema up to this version's"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* The edit distance between a and b (insertions, deletions, substitutions), for names of up to 31 bytes. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[32];
    if (la > 31 || lb > 31)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

/* The command nearest to a mistyped name (a prefix of it, or two edits away at most), or NULL. */
static const char *nearest_command(const char *name)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < NCOMMANDS; i++) {
        size_t d = strncmp(commands[i].name, name, strlen(name)) == 0 && strlen(name) >= 2
                       ? 1 : distance(name, commands[i].name);
        if (d < best_d) {
            best_d = d;
            best = commands[i].name;
        }
    }
    return best;
}

/* The command of that name, or NULL. */
static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

/* Reports an unknown command, with the nearest one when there is one. */
static int unknown_command(const char *name)
{
    const char *near = nearest_command(name);
    if (near)
        cli_error("unknown command '%s'; did you mean '%s'? (see 'dossier --help')", name, near);
    else
        cli_error("unknown command '%s' (see 'dossier --help')", name);
    return CLI_USAGE;
}

/* See cli.h. */
void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("dossier: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* See cli.h. */
int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* See cli.h. */
dossier_db *cli_open(const cli_globals *g, dossier_options *opts)
{
    dossier_options local = {0};
    dossier_options *o = opts ? opts : &local;
    dossier_db *db = NULL;
    o->lexicons = g->lexicons[0] ? g->lexicons : NULL;
    o->gazetteers = g->gazetteers[0] ? g->gazetteers : NULL;
    if (dossier_open(&db, g->db_path, o) != DOSSIER_OK) {
        cli_error("%s", dossier_errmsg(db));
        dossier_close(db);
        return NULL;
    }
    for (size_t i = 0; g->queries[i]; i++)
        if (dossier_queries_add_file(db, g->queries[i]) != DOSSIER_OK) {
            cli_error("%s", dossier_errmsg(db));
            dossier_close(db);
            return NULL;
        }
    return db;
}

/* Prints the top-level help. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier [--db FILE] [--lexicon FILE] [--gazetteer FILE] [--queries FILE] COMMAND [ARGS]\n"
            "\n"
            "dossier turns news articles into an SQLite knowledge base of people, organisations,\n"
            "programmes, places, roles, events and statements: who said what about what, when,\n"
            "and who reported it.\n"
            "\n"
            "Global options (before the command):\n"
            "  --db FILE         the database (default: $DOSSIER_DB, else ./dossier.db)\n"
            "  --lexicon FILE    add a language file (YAML, see schema/lang/) — repeatable\n"
            "  --gazetteer FILE  add known entities (YAML, see schema/gazetteer.yaml) — repeatable\n"
            "  --queries FILE    add canned queries (YAML, see schema/queries.yaml) — repeatable\n"
            "  -h, --help        show this help\n"
            "  --version         show the version\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'dossier help COMMAND' or 'dossier COMMAND --help' for a command's options.\n"
                 "Exit status: 0 ok, 1 error, 2 usage.\n");
}

/* Adds a file to a NULL-terminated list of at most 15. */
static int push_file(const char **list, const char *opt, const char *file)
{
    size_t n = 0;
    while (list[n])
        n++;
    if (n >= 15) {
        cli_error("too many %s options (at most 15)", opt);
        return -1;
    }
    list[n] = file;
    return 0;
}

/*
 * Parses the global options; returns the index of the command, 0 when the
 * work is done (--help, --version), or minus the exit code of a usage error.
 */
static int parse_globals(cli_globals *g, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("dossier %s (schema %d)\n", DOSSIER_VERSION, dossier_schema_version());
            return 0;
        }
        const char **list = strcmp(a, "--lexicon") == 0     ? (const char **)g->lexicons
                            : strcmp(a, "--gazetteer") == 0 ? (const char **)g->gazetteers
                            : strcmp(a, "--queries") == 0   ? (const char **)g->queries
                                                            : NULL;
        if (strcmp(a, "--db") != 0 && !list) {
            cli_error("unknown option '%s' (see 'dossier --help')", a);
            return -CLI_USAGE;
        }
        if (i + 1 >= argc) {
            cli_error("option %s needs a value", a);
            return -CLI_USAGE;
        }
        if (!list)
            g->db_path = argv[++i];
        else if (push_file(list, a, argv[++i]))
            return -CLI_USAGE;
    }
    if (i >= argc) {
        usage(stderr);
        return -CLI_USAGE;
    }
    return i;
}

/* Runs the CLI. */
/*
 * The exit status once a command is done: data that could not be written
 * to standard output (a full disk, a closed pipe) is an error, whatever
 * the command returned.
 */
static int finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write the output: %s", strerror(errno));
        return status == CLI_OK ? CLI_ERROR : status;
    }
    return status;
}

int main(int argc, char **argv)
{
    dossier_process_setup(); /* before any SQLite: a failure only means slower allocation */
    cli_globals g;
    memset(&g, 0, sizeof g);
    g.db_path = getenv("DOSSIER_DB") && *getenv("DOSSIER_DB") ? getenv("DOSSIER_DB") : "dossier.db";
    int at = parse_globals(&g, argc, argv);
    if (at <= 0)
        return -at;
    if (strcmp(argv[at], "help") == 0) { /* dossier help [COMMAND] */
        if (at + 1 >= argc) {
            usage(stdout);
            return CLI_OK;
        }
        const cli_command *c = find_command(argv[at + 1]);
        if (!c)
            return unknown_command(argv[at + 1]);
        char *help[] = {argv[at + 1], "--help", NULL};
        return finish(c->run(2, help, &g));
    }
    const cli_command *c = find_command(argv[at]);
    return finish(c ? c->run(argc - at, argv + at, &g) : unknown_command(argv[at]));
}
