/*
 * correct.c — what the correction commands (merge, split, rename, kind,
 * alias, speaker, forget) share: their arguments (positional words,
 * --note TEXT, a few options of their own), opening the database for
 * writing, and reporting the correction made or why none was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* See cli.h. */
int cli_correction_parse(cli_correction_args *a, int argc, char **argv, const cli_correction_option *opts,
                         void (*usage)(FILE *out))
{
    memset(a, 0, sizeof *a);
    a->cmd = argv[0];
    int only_words = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (only_words || s[0] != '-' || !s[1]) {
            if (a->npos == (int)(sizeof a->pos / sizeof a->pos[0])) {
                cli_error("%s: too many arguments (see 'dossier %s --help')", a->cmd, a->cmd);
                return CLI_USAGE;
            }
            a->pos[a->npos++] = s;
            continue;
        }
        if (strcmp(s, "--") == 0) {
            only_words = 1;
            continue;
        }
        if (cli_is_help(s)) {
            usage(stdout);
            return -1;
        }
        int k = -1;
        if (strcmp(s, "--note") == 0)
            k = 0;
        for (int j = 0; k < 0 && opts && opts[j].name; j++)
            if (strcmp(s, opts[j].name) == 0)
                k = j + 1;
        if (k < 0) {
            cli_error("%s: unknown option '%s' (see 'dossier %s --help')", a->cmd, s, a->cmd);
            return CLI_USAGE;
        }
        int takes_value = k == 0 || opts[k - 1].takes_value;
        if (takes_value && i + 1 >= argc) {
            cli_error("%s: option %s needs a value", a->cmd, s);
            return CLI_USAGE;
        }
        const char *v = takes_value ? argv[++i] : "";
        if (k == 0)
            a->note = v;
        else
            a->opt[k - 1] = v;
    }
    return 0;
}

/* See cli.h. */
int cli_correction_usage(const cli_correction_args *a, const char *what)
{
    cli_error("%s: %s (see 'dossier %s --help')", a->cmd, what, a->cmd);
    return CLI_USAGE;
}

/* See cli.h. */
int cli_correction_id(long long *out, const char *s)
{
    char *end;
    if (*s == '#')
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    *out = strtoll(s, &end, 10);
    return *end || *out <= 0 ? -1 : 0;
}

/* See cli.h. */
dossier_db *cli_open_writable(const cli_globals *g, dossier_options *opts)
{
    if (strcmp(g->db_path, ":memory:") != 0 && access(g->db_path, F_OK) != 0) {
        cli_error("%s: no such database (run 'dossier ingest' first)", g->db_path);
        return NULL;
    }
    return cli_open(g, opts);
}

/* See cli.h. */
int cli_correction_done(dossier_db *db, const cli_correction_args *a, int rc, char *line)
{
    if (rc == DOSSIER_OK)
        printf("%s\n", line ? line : "done");
    else
        cli_error("%s: %s", a->cmd, dossier_errmsg(db));
    dossier_free(line);
    dossier_close(db);
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_EUSAGE ? CLI_USAGE : CLI_ERROR;
}
