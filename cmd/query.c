/*
 * query.c — `dossier query NAME [--PARAM VALUE ...]`: runs any canned
 * query (schema/queries.yaml, plus the files of --queries);
 * `dossier query --list` lists them, `dossier query NAME --help` describes one.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier query`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier query NAME [--PARAM VALUE ...] [--format FORMAT]\n"
            "       dossier query --list [--format FORMAT]\n"
            "       dossier query NAME --help\n"
            "\n"
            "Runs the canned query NAME with its parameters.  Queries are compiled in from\n"
            "schema/queries.yaml; 'dossier --queries FILE query ...' adds your own (same\n"
            "shape: a 'queries' list of name, description, params, sql; a query of the same\n"
            "name replaces the built-in one).\n"
            "\n"
            "Options:\n"
            "  --list            list the queries with their parameters\n"
            "  --format FORMAT   table (default), json, jsonl, csv or tsv\n"
            "\n"
            "Exit status: 0 ok, 1 on an unknown query or a failure, 2 on bad usage.\n");
}

/* Runs `dossier query`. */
int cli_query(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    const char *name = NULL;
    int list = 0, help = 0;
    memset(&a, 0, sizeof a);
    cli_output_defaults(&a.how);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int r = cli_output_option(&a.how, argc, argv, &i);
        if (r < 0)
            return CLI_USAGE;
        if (r > 0)
            continue;
        if (cli_is_help(arg)) {
            help = 1;
        } else if (strcmp(arg, "--list") == 0) {
            list = 1;
        } else if (strncmp(arg, "--", 2) == 0 && arg[2]) {
            const char *eq = strchr(arg, '=');
            if (eq) {
                static char names[24][64];
                size_t n = (size_t)(eq - arg - 2), k = a.nparams;
                if (n >= sizeof names[0] || k >= 24) {
                    cli_error("query: option '%s' is too long", arg);
                    return CLI_USAGE;
                }
                memcpy(names[k], arg + 2, n);
                names[k][n] = '\0';
                cli_query_param(&a, names[k], eq + 1);
            } else if (i + 1 < argc) {
                cli_query_param(&a, arg + 2, argv[++i]);
            } else {
                cli_error("query: option %s needs a value", arg);
                return CLI_USAGE;
            }
        } else if (!name) {
            name = arg;
        } else {
            cli_error("query: unexpected argument '%s' (parameters are given as --NAME VALUE)", arg);
            return CLI_USAGE;
        }
    }
    if (help && !name) {
        usage(stdout);
        return CLI_OK;
    }
    if (!list && !name) {
        usage(stderr);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_existing(g, list || help);
    if (!db)
        return CLI_ERROR;
    char *out = NULL;
    int rc = list ? dossier_query_list(&out, db, &a.how)
             : help ? dossier_query_describe(&out, db, name)
                    : dossier_query_run(&out, NULL, db, name, a.params, a.nparams, &a.how);
    if (rc == DOSSIER_OK)
        fputs(out, stdout);
    else
        cli_error("%s", dossier_errmsg(db));
    dossier_free(out);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
}
