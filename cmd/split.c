/*
 * split.c — `dossier split NAME ALIAS` and `dossier split --mention ID
 * [NAME]`: a name, or one mention, belongs to another entity.  A
 * correction (cmd/correct.c, dossier_correct_split and _split_mention).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier split`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier split [--note TEXT] NAME ALIAS\n"
            "       dossier split [--note TEXT] --mention ID [NEW-NAME]\n"
            "\n"
            "Corrects a merge the resolver made.  The first form takes the name ALIAS from\n"
            "entity NAME: the mentions written so (and what was said through them) go to\n"
            "an entity called ALIAS — a new one of the same kind, or the one of that name.\n"
            "The second moves one mention (its id, as 'dossier query mentions --name NAME'\n"
            "lists them) to the entity NEW-NAME (an existing one, or a new one; by default\n"
            "the mention's own words).  In an article where the old entity is no longer\n"
            "mentioned, its statements, roles, topics and events there go too.  NAME is any\n"
            "of the entity's names or #ID.\n"
            "\n"
            "The correction is recorded (see 'dossier corrections') and applied again\n"
            "after every resolution and to every article ingested later.\n"
            "\n"
            "  --mention ID   the mention to move\n"
            "  --note TEXT    why, kept with the correction\n");
}

/* Runs `dossier split`. */
int cli_split(int argc, char **argv, const cli_globals *g)
{
    static const cli_correction_option opts[] = {{"--mention", 1}, {NULL, 0}};
    cli_correction_args a;
    long long mention = 0;
    int rc = cli_correction_parse(&a, argc, argv, opts, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.opt[0] && cli_correction_id(&mention, a.opt[0]))
        return cli_correction_usage(&a, "--mention needs a mention id");
    if (a.opt[0] ? a.npos > 1 : a.npos != 2)
        return cli_correction_usage(&a, a.opt[0] ? "give at most the new entity's name after --mention ID"
                                                 : "give the entity and the name to split off: NAME ALIAS");
    dossier_db *db = cli_open_writable(g, NULL);
    if (!db)
        return CLI_ERROR;
    char *line = NULL;
    rc = a.opt[0] ? dossier_correct_split_mention(&line, db, mention, a.npos ? a.pos[0] : NULL, a.note)
                  : dossier_correct_split(&line, db, a.pos[0], a.pos[1], a.note);
    return cli_correction_done(db, &a, rc, line);
}
