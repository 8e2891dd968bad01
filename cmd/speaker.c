/*
 * speaker.c — `dossier speaker STATEMENT NAME|--none`: who said a
 * statement.  A correction (cmd/correct.c, dossier_correct_speaker).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier speaker`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier speaker [--note TEXT] STATEMENT NAME\n"
            "       dossier speaker [--note TEXT] STATEMENT --none\n"
            "\n"
            "Sets who said statement STATEMENT (its id, as 'dossier article' marks it:\n"
            "[[...]]#12) to the entity NAME (any of its names, or #ID), or with --none to\n"
            "nobody known.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution, and after the article is extracted again.\n"
            "\n"
            "  --none        the speaker is not known\n"
            "  --note TEXT   why, kept with the correction\n");
}

/* Runs `dossier speaker`. */
int cli_speaker(int argc, char **argv, const cli_globals *g)
{
    static const cli_correction_option opts[] = {{"--none", 0}, {NULL, 0}};
    cli_correction_args a;
    long long statement = 0;
    int rc = cli_correction_parse(&a, argc, argv, opts, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.npos < 1 || cli_correction_id(&statement, a.pos[0]))
        return cli_correction_usage(&a, "give a statement id first");
    if (a.opt[0] ? a.npos != 1 : a.npos != 2)
        return cli_correction_usage(&a, "give the speaker's name, or --none, after the statement");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_speaker(&line, db, statement, a.opt[0] ? NULL : a.pos[1], a.note);
    return cli_correction_done(db, &a, rc, line);
}
