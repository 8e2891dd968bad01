/*
 * forget.c — `dossier forget ARTICLE`: remove an article and never
 * ingest it again.  A correction (cmd/correct.c, dossier_correct_forget).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier forget`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier forget [--note TEXT] ARTICLE\n"
            "\n"
            "Removes article ARTICLE (its id, as 'dossier articles' lists it) and everything\n"
            "extracted from it; entities only it mentioned go too.  Its bytes, and any new\n"
            "version of the file it came from, are not ingested again: 'dossier ingest'\n"
            "reports them as forgotten.\n"
            "\n"
            "  --note TEXT   why, kept with the correction\n");
}

/* Runs `dossier forget`. */
int cli_forget(int argc, char **argv, const cli_globals *g)
{
    cli_correction_args a;
    long long article = 0;
    int rc = cli_correction_parse(&a, argc, argv, NULL, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.npos != 1 || cli_correction_id(&article, a.pos[0]))
        return cli_correction_usage(&a, "give one article id");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = dossier_correct_forget(&line, db, article, a.note);
    return cli_correction_done(db, &a, rc, line);
}
