/*
 * merge.c — `dossier merge NAME INTO`: two entities are one.  A correction
 * (cmd/correct.c, dossier_correct_merge) that resolution re-applies.
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier merge`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier merge [--note TEXT] NAME INTO\n"
            "\n"
            "Corrects the resolver: NAME and INTO are one entity.  Everything said by or\n"
            "about NAME, its mentions, roles and names, go to INTO, which keeps its own\n"
            "canonical name; NAME is gone.  Both must be of one kind (see 'dossier kind').\n"
            "An entity is named by any of its names, in any language, or as #ID; a name\n"
            "several entities go by is refused with the candidates listed.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution and to every article ingested later, so it lasts.\n"
            "\n"
            "  --note TEXT   why, kept with the correction\n"
            "\n"
            "Example: dossier merge \"C. Halvardt\" \"Corwin Halvard\"\n");
}

/* Runs `dossier merge`. */
int cli_merge(int argc, char **argv, const cli_globals *g)
{
    cli_correction_args a;
    int rc = cli_correction_parse(&a, argc, argv, NULL, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.npos != 2)
        return cli_correction_usage(&a, "give two entities: NAME INTO");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_merge(&line, db, a.pos[0], a.pos[1], a.note);
    return cli_correction_done(db, &a, rc, line);
}
