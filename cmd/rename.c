/*
 * rename.c — `dossier rename NAME NEW-NAME`: an entity's canonical name.
 * A correction (cmd/correct.c, dossier_correct_rename).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier rename`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier rename [--note TEXT] NAME NEW-NAME\n"
            "\n"
            "Gives an entity the canonical name NEW-NAME; its old name stays one of the\n"
            "names it goes by.  If an entity of its kind is called NEW-NAME already, the\n"
            "two become one.  NAME is any of the entity's names or #ID.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution and to every article ingested later.\n"
            "\n"
            "  --note TEXT   why, kept with the correction\n");
}

/* Runs `dossier rename`. */
int cli_rename(int argc, char **argv, const cli_globals *g)
{
    cli_correction_args a;
    int rc = cli_correction_parse(&a, argc, argv, NULL, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.npos != 2)
        return cli_correction_usage(&a, "give the entity and its new name: NAME NEW-NAME");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_rename(&line, db, a.pos[0], a.pos[1], a.note);
    return cli_correction_done(db, &a, rc, line);
}
