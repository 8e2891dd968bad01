/*
 * cli.h — what the subcommand files of the dossier CLI share: the global
 * options, opening the database, diagnostics, and the subcommand table.
 * The CLI sees the library only through dossier.h.
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#include <stddef.h>

#include "dossier.h"

/* Exit codes. */
#define CLI_OK 0
#define CLI_ERROR 1
#define CLI_USAGE 2

/* Options given before the subcommand. */
typedef struct {
    const char *db_path;          /* --db, $DOSSIER_DB, or ./dossier.db */
    const char *lexicons[16];     /* --lexicon FILE..., NULL-terminated */
    const char *gazetteers[16];   /* --gazetteer FILE..., NULL-terminated */
    const char *queries[16];      /* --queries FILE..., NULL-terminated */
} cli_globals;

/* A subcommand: its name, its entry point, and a one-line summary. */
typedef struct {
    const char *name;
    int (*run)(int argc, char **argv, const cli_globals *g);
    const char *summary;
} cli_command;

/* Prints "dossier: " and the formatted message and a newline on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/*
 * Opens the database of the global options with `opts` (may be NULL) plus
 * the global lexicons, gazetteers and query files.  On failure prints the
 * reason and returns NULL.
 */
dossier_db *cli_open(const cli_globals *g, dossier_options *opts);

/* Non-zero when argv[i] is -h or --help. */
int cli_is_help(const char *arg);

/*
 * Parses "--format table|json|csv|tsv" style output options shared by query
 * commands: fills *how from argv[*i] (and argv[*i + 1]), advancing *i.
 * Returns 1 when the option was one of them, 0 when not, -1 on a bad value
 * (after printing the error).
 */
int cli_output_option(dossier_output *how, int argc, char **argv, int *i);

/* Sets the defaults of *how: table on a TTY-aware width, colour per NO_COLOR. */
void cli_output_defaults(dossier_output *how);

/* The subcommands (cmd/<name>.c each). */
int cli_ingest(int argc, char **argv, const cli_globals *g);
int cli_export(int argc, char **argv, const cli_globals *g);

#endif /* DOSSIER_CLI_H */
