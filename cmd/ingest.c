/*
 * ingest.c — `dossier ingest PATH...`: files, directories (recursively,
 * .txt and .md, in name order) and - for standard input.  One line on
 * stderr for each refused file or unchanged article, a progress line on
 * stderr when it is a terminal, and a summary line at the end.  The batch
 * goes on past bad files; exit status 1 when any failed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    char **v;
    size_t n, cap;
} paths;

typedef struct {
    size_t total, done, fresh, replaced, unchanged, forgotten, failed;
    int tty, quiet;
    int jobs;                     /* analysing threads; 0: one per processor */
} tally;

/* Adds a copy of a path; returns -1 when out of memory. */
static int add_path(paths *p, const char *path)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return -1;
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n] = strdup(path);
    return p->v[p->n] ? (int)(p->n++, 0) : -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Non-zero for names that look like articles: .txt and .md. */
static int is_article_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
                              (n > 3 && strcmp(name + n - 3, ".md") == 0));
}

/* The directories a walk has entered, by device and inode. */
typedef struct {
    struct { dev_t dev; ino_t ino; } *v;
    size_t n, cap;
} dirs_seen;

/* Non-zero when the directory was entered before; else remembers it (0). */
static int seen_before(dirs_seen *s, const struct stat *st)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
            return 1;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        void *v = realloc(s->v, cap * sizeof *s->v);
        if (!v)
            return 1;   /* out of memory: enter nothing more rather than loop */
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].dev = st->st_dev;
    s->v[s->n++].ino = st->st_ino;
    return 0;
}

/*
 * Collects the article files under a directory, recursively, in name
 * order.  Each directory is entered once (links to a directory already
 * walked, or to itself, are skipped), and article names that are no
 * regular file (a FIFO named x.txt) are collected so that ingest refuses
 * them by name instead of waiting on them.
 */
static int walk(paths *out, const char *dir, dirs_seen *seen)
{
    struct stat self;
    if (stat(dir, &self) == 0 && seen_before(seen, &self))
        return 0;
    DIR *d = opendir(dir);
    if (!d) {
        cli_error("%s: cannot open directory: %s", dir, strerror(errno));
        return -1;
    }
    paths names = {0};
    struct dirent *e;
    int rc = 0;
    while (!rc && (e = readdir(d)))
        if (e->d_name[0] != '.')
            rc = add_path(&names, e->d_name);
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof(char *), by_name);
    for (size_t i = 0; !rc && i < names.n; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *full = malloc(len);
        struct stat st;
        if (!full) {
            rc = -1;
            break;
        }
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
            walk(out, full, seen); /* an unreadable subdirectory is reported and skipped */
        else if (is_article_name(names.v[i]) && lstat(full, &st) == 0)
            rc = add_path(out, full);
        free(full);
    }
    for (size_t i = 0; i < names.n; i++)
        free(names.v[i]);
    free(names.v);
    return rc;
}

/*
 * Shows "ingested N/TOTAL PATH" on the terminal's last line, cut to its
 * width: a long path keeps its end, after "…", so the line never wraps.
 */
static void progress(size_t done, size_t total, const char *source)
{
    struct winsize ws;
    size_t width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 ? ws.ws_col : 80;
    char head[64];
    int hl = snprintf(head, sizeof head, "ingested %zu/%zu ", done, total);
    size_t room = width - 1 > (size_t)hl + 4 ? width - 1 - (size_t)hl : 0, len = strlen(source), chars = 0;
    for (const char *p = source; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;   /* characters, not bytes */
    const char *tail = source;
    if (chars > room && room > 0) {
        size_t skip = chars - room + 1;   /* one for the ellipsis */
        while (*tail && skip > 0)
            if (((unsigned char)*++tail & 0xC0) != 0x80)
                skip--;
        fprintf(stderr, "%s\u2026%s", head, tail);
    } else if (room > 0) {
        fprintf(stderr, "%s%.*s", head, (int)len, source);
    }
}

/* Called by the library for each article and warning. */
static void on_event(const dossier_report *ev, void *userdata)
{
    tally *t = userdata;
    if (ev->kind == DOSSIER_REPORT_WARNING) {
        if (t->tty)
            fputs("\r\033[K", stderr);
        cli_error("%s: warning: %s", ev->source, ev->message ? ev->message : "");
        return;
    }
    t->done++;
    if (t->tty)
        fputs("\r\033[K", stderr);
    switch (ev->status) {
    case DOSSIER_INGEST_NEW:
        t->fresh++;
        break;
    case DOSSIER_INGEST_UNCHANGED:
        t->unchanged++;
        if (!t->quiet)
            cli_error("%s: unchanged (already stored as article %lld)", ev->source, ev->article_id);
        break;
    case DOSSIER_INGEST_REPLACED:
        t->replaced++;
        if (!t->quiet)
            cli_error("%s: a new version of article %lld replaced the old one", ev->source, ev->article_id);
        break;
    case DOSSIER_INGEST_FORGOTTEN:
        t->forgotten++;
        if (!t->quiet)
            cli_error("%s: forgotten by a correction (see 'dossier corrections'), not ingested", ev->source);
        break;
    case DOSSIER_INGEST_FAILED:
    case DOSSIER_INGEST_REINDEXED:
        t->failed++;
        cli_error("%s", ev->message ? ev->message : "failed");
        break;
    }
    if (t->tty && t->done < t->total)
        progress(t->done, t->total, ev->source);
}

/* Prints the help of `dossier ingest`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier ingest [--max-bytes N] [--jobs N] [--quiet] [--as-new] PATH...\n"
            "\n"
            "Adds articles to the database: files, directories (recursively, .txt and .md)\n"
            "and - for standard input.  Articles are plain text, optionally with YAML front\n"
            "matter between --- lines (title, outlet, published, url, language).\n"
            "Re-ingesting identical bytes changes nothing; other bytes from a file already\n"
            "ingested are its new version, which replaces the old one (same article id,\n"
            "corrections kept).  Articles forgotten with 'dossier forget' are not ingested.\n"
            "A refused file gets one line on stderr and the batch goes on; the exit status\n"
            "is 1 when any file failed.\n"
            "\n"
            "  --max-bytes N   refuse articles larger than N bytes (default 4194304)\n"
            "  --jobs N        analyse N articles at once (default: one per processor);\n"
            "                  the database is the same whatever N is\n"
            "  --quiet         do not report unchanged, replaced or forgotten articles\n"
            "  --as-new        keep the old version of an edited file: store the new one beside it\n");
}

/* Parses the options; returns the index of the first path, or minus an exit code. */
static int parse(dossier_options *o, tally *t, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[i], "--quiet") == 0) {
            t->quiet = 1;
        } else if (strcmp(argv[i], "--as-new") == 0) {
            o->as_new = 1;
        } else if (strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            unsigned long long v = argv[++i][0] >= '0' && argv[i][0] <= '9' ? strtoull(argv[i], &end, 10) : 0;
            if (v == 0 || *end || errno == ERANGE) {   /* "-1" is no "no limit" */
                cli_error("ingest: --max-bytes needs a positive number, not '%s'", argv[i]);
                return -CLI_USAGE;
            }
            o->max_article_bytes = (size_t)v;
        } else if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 256) {
                cli_error("ingest: --jobs needs a number from 1 to 256, not '%s'", argv[i]);
                return -CLI_USAGE;
            }
            t->jobs = (int)v;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            cli_error("ingest: unknown option '%s' (see 'dossier ingest --help')", argv[i]);
            return -CLI_USAGE;
        }
    }
    if (i >= argc) {
        cli_error("ingest: give at least one file, directory or - (see 'dossier ingest --help')");
        return -CLI_USAGE;
    }
    return i;
}

/* Expands the arguments into article paths; counts unusable ones as failed. */
static int collect(paths *todo, tally *t, int argc, char **argv, int first)
{
    dirs_seen seen = {0};
    for (int i = first; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = todo->n;
            if (walk(todo, argv[i], &seen) < 0 && todo->n == before) {
                t->failed++;
                continue;
            }
            if (todo->n == before) {
                cli_error("%s: no articles (.txt or .md files) in this directory", argv[i]);
                t->failed++;
            }
        } else if (add_path(todo, argv[i]) < 0) {
            cli_error("out of memory");
            free(seen.v);
            return -1;
        }
    }
    free(seen.v);
    return 0;
}

/* Runs `dossier ingest`. */
int cli_ingest(int argc, char **argv, const cli_globals *g)
{
    dossier_options o = {0};
    tally t = {0};
    paths todo = {0};
    int first = parse(&o, &t, argc, argv);
    if (first <= 0)
        return -first;
    int status = CLI_ERROR;
    t.tty = isatty(STDERR_FILENO);
    o.callback = on_event;
    o.userdata = &t;
    dossier_db *db = NULL;
    if (collect(&todo, &t, argc, argv, first) < 0)
        goto done;
    db = cli_open(g, &o);
    if (!db)
        goto done;
    t.total = todo.n;
    if (dossier_ingest_files(db, (const char *const *)todo.v, todo.n, t.jobs) != DOSSIER_OK) {
        if (t.tty)
            fputs("\r\033[K", stderr);
        cli_error("ingest: %s", dossier_errmsg(db));
        t.failed += t.total - t.done;
    }
    if (t.tty)
        fputs("\r\033[K", stderr);
    printf("%zu new, %zu unchanged, %zu failed", t.fresh, t.unchanged, t.failed);
    if (t.replaced)
        printf(", %zu replaced", t.replaced);
    if (t.forgotten)
        printf(", %zu forgotten", t.forgotten);
    putchar('\n');
    status = t.failed ? CLI_ERROR : CLI_OK;
done:
    dossier_close(db);
    for (size_t i = 0; i < todo.n; i++)
        free(todo.v[i]);
    free(todo.v);
    return status;
}
