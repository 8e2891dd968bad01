/*
 * alias.c — `dossier alias add|remove NAME ALIAS`: the names an entity
 * goes by.  A correction (cmd/correct.c, dossier_correct_alias).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier alias`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier alias add [--note TEXT] NAME ALIAS\n"
            "       dossier alias remove [--note TEXT] NAME ALIAS\n"
            "\n"
            "Adds ALIAS to the names an entity goes by, so that it is found by it and\n"
            "later articles that use it join it; or removes it, so that they do not.\n"
            "An entity's canonical name cannot be removed (see 'dossier rename').  NAME is\n"
            "any of the entity's names or #ID.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution and to every article ingested later.\n"
            "\n"
            "  --note TEXT   why, kept with the correction\n");
}

/* Runs `dossier alias`. */
int cli_alias(int argc, char **argv, const cli_globals *g)
{
    cli_correction_args a;
    int rc = cli_correction_parse(&a, argc, argv, NULL, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    int add = a.npos > 0 && strcmp(a.pos[0], "add") == 0, remove = a.npos > 0 && strcmp(a.pos[0], "remove") == 0;
    if (!add && !remove)
        return cli_correction_usage(&a, "say 'add' or 'remove' first");
    if (a.npos != 3)
        return cli_correction_usage(&a, "give the entity and the alias: NAME ALIAS");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_alias(&line, db, a.pos[1], a.pos[2], remove, a.note);
    return cli_correction_done(db, &a, rc, line);
}
