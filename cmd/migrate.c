/*
 * migrate.c — `dossier migrate`: brings an existing database's schema up to
 * this version's.  Commands that only read never migrate (they refuse an
 * older schema and say to run this); ingest and the other writing
 * commands migrate as they open.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier migrate`. */
static void usage(FILE *out)
{
    fprintf(out, "usage: dossier migrate\n"
                 "\n"
                 "Brings the database's schema up to this version of dossier, each step in its\n"
                 "own transaction, and prints the schema version.  Query commands read an older\n"
                 "database only after this (they never write); ingest migrates by itself.  A\n"
                 "database of a newer dossier, or another application's, is left untouched.\n");
}

/* Runs `dossier migrate`. */
int cli_migrate(int argc, char **argv, const cli_globals *g)
{
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return CLI_OK;
        }
        cli_error("migrate: unexpected argument '%s'", argv[i]);
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    printf("schema version %d\n", dossier_schema_version());
    dossier_close(db);
    return CLI_OK;
}
