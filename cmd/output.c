/*
 * output.c — the output options every query command shares: --format and
 * the terminal facts (width, colour) that the library's formatter needs.
 */
#include <errno.h>
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
    static const char *const names[] = {"table", "json", "csv", "tsv", "jsonl"};
    const char *a = argv[*i], *v = NULL;
    if (strncmp(a, "--format=", 9) == 0)
        v = a + 9;
    else if (strcmp(a, "--format") == 0) {
        if (*i + 1 >= argc) {
            cli_error("option --format needs a value: table, json, jsonl, csv or tsv");
            return -1;
        }
        v = argv[++*i];
    } else {
        return 0;
    }
    for (int k = 0; k < 5; k++)
        if (strcmp(v, names[k]) == 0) {
            how->format = (dossier_format)k;
            return 1;
        }
    cli_error("unknown format '%s': use table, json, jsonl, csv or tsv", v);
    return -1;
}

/* ---- query commands ---- */

/* See cli.h. */
void cli_query_param(cli_query_args *a, const char *name, const char *value)
{
    if (a->nparams < sizeof a->params / sizeof a->params[0]) {
        a->params[a->nparams].name = name;
        a->params[a->nparams].value = value;
        a->nparams++;
    }
}

/* See cli.h. */
const char *cli_query_value(const cli_query_args *a, const char *name)
{
    const char *v = NULL;
    for (size_t i = 0; i < a->nparams; i++)
        if (strcmp(a->params[i].name, name) == 0)
            v = a->params[i].value;
    return v;
}

/* Appends a positional word to a->positional; returns -1 when too long. */
static int add_word(cli_query_args *a, const char *w)
{
    size_t have = strlen(a->positional), n = strlen(w);
    if (have + n + 2 > sizeof a->positional)
        return -1;
    if (have)
        a->positional[have++] = ' ';
    memcpy(a->positional + have, w, n + 1);
    a->has_positional = 1;
    return 0;
}

/* See cli.h. */
int cli_query_parse(cli_query_args *a, int argc, char **argv, const cli_param_option *opts, int positional,
                    void (*usage)(FILE *out))
{
    memset(a, 0, sizeof *a);
    cli_output_defaults(&a->how);
    int only_words = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!only_words && cli_is_help(arg)) {
            usage(stdout);
            return -1;
        }
        if (!only_words && strcmp(arg, "--") == 0) {
            only_words = 1;
            continue;
        }
        if (!only_words && arg[0] == '-' && arg[1] == '-') {
            int r = cli_output_option(&a->how, argc, argv, &i);
            if (r < 0)
                return CLI_USAGE;
            if (r > 0)
                continue;
            const cli_param_option *o = opts;
            size_t n = 0;
            for (; o && o->option; o++) {
                n = strlen(o->option);
                if (strncmp(arg, o->option, n) == 0 && (arg[n] == '\0' || arg[n] == '='))
                    break;
            }
            if (!o || !o->option) {
                cli_error("%s: unknown option '%s' (see '%s --help')", argv[0], arg, argv[0]);
                return CLI_USAGE;
            }
            if (arg[n] == '=') {
                cli_query_param(a, o->param, arg + n + 1);
            } else if (i + 1 < argc) {
                cli_query_param(a, o->param, argv[++i]);
            } else {
                cli_error("%s: option %s needs a value", argv[0], o->option);
                return CLI_USAGE;
            }
            continue;
        }
        if (!positional) {
            cli_error("%s: unexpected argument '%s' (see '%s --help')", argv[0], arg, argv[0]);
            return CLI_USAGE;
        }
        if (add_word(a, arg)) {
            cli_error("%s: argument too long", argv[0]);
            return CLI_USAGE;
        }
    }
    return 0;
}

/* See cli.h. */
int cli_is_count(const char *v)
{
    char *end = NULL;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    return v[0] >= '0' && v[0] <= '9' && *end == '\0' && errno == 0 && x <= (1LL << 40);
}

/* See cli.h. */
void cli_print_page(const char *out, const dossier_page *page, const dossier_output *how)
{
    fputs(out, stdout);
    if (page->more == 0)
        return;
    /* Tables are for people: the line goes with them.  Data stays data. */
    FILE *f = how->format == DOSSIER_FORMAT_TABLE ? stdout : stderr;
    fprintf(f, "%s%zu%s more (--limit %lld --offset %lld for the next page)\n",
            f == stderr ? "dossier: " : "\u2026 ", page->more, page->capped ? "+" : "", page->limit,
            page->offset + (long long)page->rows);
}

/* See cli.h. */
int cli_query_print(dossier_db *db, const char *name, const dossier_param *params, size_t nparams,
                    const dossier_output *how, size_t *rows)
{
    char *out = NULL;
    dossier_page page;
    int rc = dossier_query_page_run(&out, &page, db, name, params, nparams, how);
    if (rc == DOSSIER_OK)
        cli_print_page(out, &page, how);
    else
        cli_error("%s", dossier_errmsg(db));
    if (rows)
        *rows = rc ? 0 : page.rows;
    dossier_free(out);
    return rc;
}

/* Prints the line after a section that has more rows: the command that shows the next page. */
static void print_more(const cli_section *s, const dossier_page *page)
{
    printf("\u2026 %zu%s more (dossier query %s", page->more, page->capped ? "+" : "", s->query);
    for (size_t k = 0; k < s->nparams; k++)
        if (strcmp(s->params[k].name, "limit") != 0) {
            printf(" --%s '", s->params[k].name);
            for (const char *c = s->params[k].value; *c; c++) /* quoted for a shell */
                if (*c == '\'')
                    fputs("'\\''", stdout);
                else
                    putchar(*c);
            putchar('\'');
        }
    printf(" --limit %lld --offset %lld)\n", page->limit, page->offset + (long long)page->rows);
}

/* See cli.h. */
int cli_print_sections(dossier_db *db, const cli_section *s, size_t n, const dossier_output *how)
{
    int json = how->format == DOSSIER_FORMAT_JSON, table = how->format == DOSSIER_FORMAT_TABLE;
    if (json)
        fputs("{\n", stdout);
    for (size_t i = 0; i < n; i++) {
        char *out = NULL;
        dossier_page page;
        if (dossier_query_page_run(&out, &page, db, s[i].query, s[i].params, s[i].nparams, how) != DOSSIER_OK) {
            if (json)
                fputs("}\n", stdout);
            cli_error("%s", dossier_errmsg(db));
            return CLI_ERROR;
        }
        if (json) {
            size_t len = strlen(out);
            while (len > 0 && out[len - 1] == '\n')
                out[--len] = '\0';
            printf("\"%s\": %s%s\n", s[i].key, out, i + 1 < n ? "," : "");
        } else if (table) {
            printf("%s%s%s%s\n", i ? "\n" : "", how->color ? "\033[1;4m" : "", s[i].title,
                   how->color ? "\033[0m" : "");
            fputs(page.rows ? out : "(none)\n", stdout);
            if (page.more)
                print_more(&s[i], &page);
        } else {
            printf("%s# %s\n%s", i ? "\n" : "", s[i].key, out);
        }
        dossier_free(out);
    }
    if (json)
        fputs("}\n", stdout);
    return CLI_OK;
}

/* See cli.h. */
void cli_no_match(dossier_db *db, const char *what, const char *name)
{
    char *near = NULL;
    dossier_entity_lookup(&near, db, name);
    if (near)
        cli_error("no %s matches '%s'; did you mean %s?", what, name, near);
    else
        cli_error("no %s matches '%s'", what, name);
    dossier_free(near);
}

/* See cli.h. */
dossier_db *cli_open_existing(const cli_globals *g, int empty_ok)
{
    dossier_options ro = {0};
    ro.read_only = 1;   /* a command that reads never writes: not even a migration or WAL */
    if (strcmp(g->db_path, ":memory:") == 0 || access(g->db_path, F_OK) == 0)
        return cli_open(g, &ro);
    if (!empty_ok) {
        cli_error("%s: no such database (add articles with 'dossier --db %s ingest FILE...')", g->db_path,
                  g->db_path);
        return NULL;
    }
    cli_globals mem = *g;
    mem.db_path = ":memory:";
    return cli_open(&mem, NULL);
}

/* The number of days in month m (1-12) of year y. */
static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* See cli.h.  The month and the day must exist: 2022-13 and 2022-02-30 do not. */
int cli_is_date(const char *s)
{
    static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
    for (int k = 0; k < 3; k++) {
        const char *p = shapes[k], *q = s;
        while (*p && *q && (*p == 'd' ? (*q >= '0' && *q <= '9') : *q == *p))
            p++, q++;
        if (*p || *q)
            continue;
        int y = atoi(s), m = k >= 1 ? atoi(s + 5) : 1, d = k == 2 ? atoi(s + 8) : 1;
        return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
    }
    return 0;
}

/* See cli.h. */
int cli_check_dates(const cli_query_args *a, const char *cmd)
{
    const char *dates[] = {cli_query_value(a, "since"), cli_query_value(a, "until")};
    for (int k = 0; k < 2; k++)
        if (dates[k] && !cli_is_date(dates[k])) {
            cli_error("%s: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", cmd, dates[k]);
            return CLI_USAGE;
        }
    return 0;
}
