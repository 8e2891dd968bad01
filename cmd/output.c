/*
 * output.c — the output options every query command shares: --format and
 * the terminal facts (width, colour) that the library's formatter needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

/* See cli.h.  Colour only on a TTY and never with NO_COLOR set. */
void cli_output_defaults(dossier_output *how)
{
    memset(how, 0, sizeof *how);
    how->format = DOSSIER_FORMAT_TABLE;
    int tty = isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    how->color = tty && !(nc && *nc);
    how->width = 0;
    if (tty) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
            how->width = ws.ws_col;
        else
            how->width = 80;
    }
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 20)
        how->width = atoi(cols);
}

/* See cli.h. */
int cli_output_option(dossier_output *how, int argc, char **argv, int *i)
{
    static const char *const names[] = {"table", "json", "csv", "tsv"};
    const char *a = argv[*i], *v = NULL;
    if (strncmp(a, "--format=", 9) == 0)
        v = a + 9;
    else if (strcmp(a, "--format") == 0) {
        if (*i + 1 >= argc) {
            cli_error("option --format needs a value: table, json, csv or tsv");
            return -1;
        }
        v = argv[++*i];
    } else {
        return 0;
    }
    for (int k = 0; k < 4; k++)
        if (strcmp(v, names[k]) == 0) {
            how->format = (dossier_format)k;
            return 1;
        }
    cli_error("unknown format '%s': use table, json, csv or tsv", v);
    return -1;
}
