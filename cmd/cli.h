/*
 * cli.h — what the subcommand files of the dossier CLI share: the global
 * options, opening the database, diagnostics, and the subcommand table.
 * The CLI sees the library only through dossier.h.
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#include <stddef.h>
#include <stdio.h>

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

/* ---- query commands (cmd/output.c) ---- */

/* An option of a query command and the canned-query parameter it sets. */
typedef struct {
    const char *option;   /* "--speaker" */
    const char *param;    /* "speaker" */
} cli_param_option;

/* The parsed arguments of a query command. */
typedef struct {
    dossier_output how;
    dossier_param params[24];
    size_t nparams;
    char positional[1024];  /* the positional words joined by spaces, or "" */
    int has_positional;
} cli_query_args;

/*
 * Parses a query command's arguments: --format, the options of `opts`
 * (NULL-terminated; "--opt VALUE" or "--opt=VALUE"), and positional words
 * (joined by spaces) when `positional` is non-zero.  Prints `usage` for
 * --help.  Returns 0 to go on, -1 when help was shown, or CLI_USAGE.
 */
int cli_query_parse(cli_query_args *a, int argc, char **argv, const cli_param_option *opts, int positional,
                    void (*usage)(FILE *out));

/* Adds a parameter (value not copied) unless the list is full. */
void cli_query_param(cli_query_args *a, const char *name, const char *value);

/* The value of parameter `name`, or NULL. */
const char *cli_query_value(const cli_query_args *a, const char *name);

/*
 * Prints a page of rows on stdout and, when rows follow it, the line
 * "… N more (--limit L --offset O for the next page)": after a table on
 * stdout, else on stderr so that JSON, CSV and TSV stay data.
 */
void cli_print_page(const char *out, const dossier_page *page, const dossier_output *how);

/*
 * Runs canned query `name` and prints its rows on stdout (a page, see
 * cli_print_page).  Prints the
 * error and returns the library's code on failure; *rows (may be NULL)
 * gets the number of rows.
 */
int cli_query_print(dossier_db *db, const char *name, const dossier_param *params, size_t nparams,
                    const dossier_output *how, size_t *rows);

/* Non-zero when `v` is a whole number of rows: digits only, not absurdly large. */
int cli_is_count(const char *v);

/* One part of a several-part answer (show, article). */
typedef struct {
    const char *key;      /* the JSON key and CSV heading: "roles" */
    const char *title;    /* the table heading: "Roles over time" */
    const char *query;    /* the canned query */
    dossier_param params[4];
    size_t nparams;
} cli_section;

/*
 * Prints several canned queries as one answer: one JSON object keyed by
 * section, headed tables, or CSV/TSV blocks each after a "# key" line.
 * Returns CLI_OK or CLI_ERROR (after printing the error).
 */
int cli_print_sections(dossier_db *db, const cli_section *s, size_t n, const dossier_output *how);

/*
 * Prints "no entity or text matches 'NAME'" (`what` says what was looked
 * for) with a "did you mean" suggestion when a known name is near.
 */
void cli_no_match(dossier_db *db, const char *what, const char *name);

/*
 * cli_open() for commands that only read: a database file that does not
 * exist is an error ("run 'dossier ingest' first"), not a new empty file;
 * with `empty_ok` an in-memory database stands in for it instead (for
 * listing and describing queries).  Prints the reason and returns NULL on failure.
 */
dossier_db *cli_open_existing(const cli_globals *g, int empty_ok);

/* Non-zero when s is a date of the form YYYY, YYYY-MM or YYYY-MM-DD. */
int cli_is_date(const char *s);

/*
 * Checks the --since and --until values of a query command: prints
 * "CMD: 'X' is not a date ..." and returns CLI_USAGE for the first bad
 * one, 0 when both are absent or dates.
 */
int cli_check_dates(const cli_query_args *a, const char *cmd);

/* ---- correction commands (cmd/correct.c) ---- */

/* An option of a correction command besides --note and --help. */
typedef struct {
    const char *name;     /* "--mention" */
    int takes_value;      /* 1: "--mention ID"; 0: a flag */
} cli_correction_option;

/* The parsed arguments of a correction command. */
typedef struct {
    const char *cmd;      /* the command's name, for messages */
    const char *pos[8];   /* the positional words */
    int npos;
    const char *note;     /* --note TEXT, or NULL */
    const char *opt[8];   /* the value of each option given (a flag: ""), NULL when absent */
} cli_correction_args;

/*
 * Parses a correction command's arguments: positional words, --note TEXT,
 * the options of `opts` (terminated by a NULL name; may be NULL), and --
 * before words that begin with '-'.  Prints `usage` for --help.  Returns 0
 * to go on, -1 when help was shown, or CLI_USAGE after printing the error.
 */
int cli_correction_parse(cli_correction_args *a, int argc, char **argv, const cli_correction_option *opts,
                         void (*usage)(FILE *out));

/* Prints "CMD: what (see 'dossier CMD --help')" and returns CLI_USAGE. */
int cli_correction_usage(const cli_correction_args *a, const char *what);

/* Reads an id ("12" or "#12"); returns 0, or -1 when it is not one. */
int cli_correction_id(long long *out, const char *s);

/*
 * cli_open() for commands that write into an existing database (with
 * `opts`, which may be NULL): a database file that does not exist is an
 * error.  Prints the reason and returns NULL on failure.
 */
dossier_db *cli_open_writable(const cli_globals *g, dossier_options *opts);

/*
 * Reports a correction: `line` (freed here) on stdout when `rc` is
 * DOSSIER_OK, else the error on stderr; closes `db`.  Returns the exit
 * status: CLI_OK, CLI_USAGE for DOSSIER_EUSAGE, else CLI_ERROR.
 */
int cli_correction_done(dossier_db *db, const cli_correction_args *a, int rc, char *line);

/* The subcommands (cmd/<name>.c each). */
int cli_ingest(int argc, char **argv, const cli_globals *g);
int cli_export(int argc, char **argv, const cli_globals *g);
int cli_who_said(int argc, char **argv, const cli_globals *g);
int cli_show(int argc, char **argv, const cli_globals *g);
int cli_entities(int argc, char **argv, const cli_globals *g);
int cli_articles(int argc, char **argv, const cli_globals *g);
int cli_article(int argc, char **argv, const cli_globals *g);
int cli_timeline(int argc, char **argv, const cli_globals *g);
int cli_search(int argc, char **argv, const cli_globals *g);
int cli_stats(int argc, char **argv, const cli_globals *g);
int cli_resolve(int argc, char **argv, const cli_globals *g);
int cli_migrate(int argc, char **argv, const cli_globals *g);
int cli_query(int argc, char **argv, const cli_globals *g);
int cli_merge(int argc, char **argv, const cli_globals *g);
int cli_split(int argc, char **argv, const cli_globals *g);
int cli_rename(int argc, char **argv, const cli_globals *g);
int cli_kind(int argc, char **argv, const cli_globals *g);
int cli_alias(int argc, char **argv, const cli_globals *g);
int cli_speaker(int argc, char **argv, const cli_globals *g);
int cli_forget(int argc, char **argv, const cli_globals *g);
int cli_corrections(int argc, char **argv, const cli_globals *g);
int cli_reindex(int argc, char **argv, const cli_globals *g);

#endif /* DOSSIER_CLI_H */
