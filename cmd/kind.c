/*
 * kind.c — `dossier kind NAME KIND`: an entity's kind.  A correction
 * (cmd/correct.c, dossier_correct_kind).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier kind`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier kind [--note TEXT] NAME person|organization|program|place\n"
            "\n"
            "Sets the kind of an entity.  If an entity of that kind has its name already,\n"
            "the two become one.  NAME is any of the entity's names or #ID.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution and to every article ingested later.\n"
            "\n"
            "  --note TEXT   why, kept with the correction\n");
}

/* Runs `dossier kind`. */
int cli_kind(int argc, char **argv, const cli_globals *g)
{
    cli_correction_args a;
    int rc = cli_correction_parse(&a, argc, argv, NULL, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.npos != 2)
        return cli_correction_usage(&a, "give the entity and its kind: NAME person|organization|program|place");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_kind(&line, db, a.pos[0], a.pos[1], a.note);
    return cli_correction_done(db, &a, rc, line);
}
