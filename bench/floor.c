/*
 * floor.c — the floor of ingest: what storing articles costs with nothing
 * extracted from them.  For each article file it reads the bytes, hashes
 * them (SHA-256, as dossier does), checks the hash against the database
 * and stores the article row with the same pragmas (and SQLite's memory
 * statistics off, as the dossier CLI has them) and the same FTS5
 * index over title and body as dossier's schema; the body is the text
 * after the front matter, uncleaned.  bench/ingest.sh runs it beside
 * `dossier ingest` on the same articles and prints the ratio.
 *
 * Usage: floor [--batch N] DB PATH...   (files, or directories of .txt/.md files)
 *   --batch N   articles per transaction (default 1: one transaction each,
 *               as dossier stored them before batching)
 * Prints what it did and the CPU time; asserts nothing.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "base/sha256.h"

/* The articles table and its full-text index as schema/001_init.sql has them. */
static const char schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
    "PRAGMA cache_size = -16384; PRAGMA mmap_size = 0;"
    "CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
    " hash TEXT NOT NULL UNIQUE, original BLOB NOT NULL, body TEXT NOT NULL, title TEXT, outlet TEXT,"
    " language TEXT NOT NULL, published TEXT, url TEXT,"
    " ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), story INTEGER);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, content='articles',"
    " content_rowid='id');"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;";

typedef struct {
    char **v;
    size_t n, cap;
} paths;

/* Adds a copy of a path; exits when out of memory (a benchmark, not the library). */
static void add_path(paths *p, const char *path)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        p->v = realloc(p->v, p->cap * sizeof *p->v);
    }
    if (!p->v || !(p->v[p->n++] = strdup(path))) {
        fputs("floor: out of memory\n", stderr);
        exit(1);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the .txt and .md files of a directory (not recursively), or the path itself. */
static void collect(paths *out, const char *path)
{
    struct stat st;
    DIR *d = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? opendir(path) : NULL;
    if (!d) {
        add_path(out, path);
        return;
    }
    size_t first = out->n;
    struct dirent *e;
    char full[4096];
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || !((n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0) ||
                                     (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)))
            continue;
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        add_path(out, full);
    }
    closedir(d);
    qsort(out->v + first, out->n - first, sizeof(char *), by_name);
}

/* Reads a whole file into *out (the caller frees it); returns its length, or -1. */
static long read_file(char **out, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 65536, len = 0, n;
    char *b = malloc(cap);
    while (b && (n = fread(b + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *out = b;
    return b ? (long)len : -1;
}

/* Where the text starts after YAML front matter ("---" ... "---"), or 0. */
static size_t body_start(const char *s, size_t len)
{
    if (len < 4 || strncmp(s, "---\n", 4) != 0)
        return 0;
    for (size_t i = 4; i + 4 <= len; i++)
        if (s[i - 1] == '\n' && strncmp(s + i, "---", 3) == 0 && (s[i + 3] == '\n' || i + 3 == len))
            return i + 3 < len ? i + 4 : len;
    return 0;
}

/* Runs SQL, exiting with SQLite's message on failure. */
static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "floor: %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
        exit(1);
    }
}

/* Prepares a statement, exiting on failure. */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
    return st;
}

int main(int argc, char **argv)
{
    int i = 1;
    long batch = 1;
    if (argc > 2 && strcmp(argv[1], "--batch") == 0) {
        batch = strtol(argv[2], NULL, 10);
        i = 3;
    }
    if (argc - i < 2 || batch < 1) {
        fputs("usage: floor [--batch N] DB PATH...\n", stderr);
        return 2;
    }
    /* the process-wide setting dossier's CLI makes (dossier_process_setup): no memory statistics */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3 *db = NULL;
    if (sqlite3_open(argv[i], &db) != SQLITE_OK) {
        fprintf(stderr, "floor: %s: %s\n", argv[i], sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_busy_timeout(db, 60000);
    exec(db, schema);
    paths todo = {0};
    for (i++; i < argc; i++)
        collect(&todo, argv[i]);
    sqlite3_stmt *find = prepare(db, "SELECT id FROM articles WHERE hash = ?1");
    sqlite3_stmt *put = prepare(db, "INSERT INTO articles(source, hash, original, body, title, language)"
                                    " VALUES (?1, ?2, ?3, ?4, NULL, 'en')");
    size_t stored = 0, unchanged = 0, failed = 0, bytes = 0;
    long in_txn = 0;
    for (size_t k = 0; k < todo.n; k++) {
        char *s = NULL, hash[65];
        long len = read_file(&s, todo.v[k]);
        if (len < 0) {
            failed++;
            free(s);
            continue;
        }
        bytes += (size_t)len;
        dossier_sha256_hex(hash, s, (size_t)len);
        if (!in_txn)
            exec(db, "BEGIN IMMEDIATE");
        exec(db, "SAVEPOINT article");
        sqlite3_bind_text(find, 1, hash, -1, SQLITE_STATIC);
        int seen = sqlite3_step(find) == SQLITE_ROW;
        sqlite3_reset(find);
        if (seen) {
            unchanged++;
        } else {
            size_t at = body_start(s, (size_t)len);
            sqlite3_bind_text(put, 1, todo.v[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(put, 2, hash, -1, SQLITE_STATIC);
            sqlite3_bind_blob(put, 3, s, (int)len, SQLITE_STATIC);
            sqlite3_bind_text(put, 4, s + at, (int)((size_t)len - at), SQLITE_STATIC);
            if (sqlite3_step(put) == SQLITE_DONE)
                stored++;
            else
                failed++;
            sqlite3_reset(put);
        }
        exec(db, "RELEASE article");
        if (++in_txn >= batch) {
            exec(db, "COMMIT");
            in_txn = 0;
        }
        free(s);
    }
    if (in_txn)
        exec(db, "COMMIT");
    sqlite3_finalize(find);
    sqlite3_finalize(put);
    sqlite3_close(db);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    printf("floor: %zu stored, %zu unchanged, %zu failed (%.1f MB) in %.2f s CPU, batch %ld\n", stored,
           unchanged, failed, bytes / 1e6, cpu, batch);
    for (size_t k = 0; k < todo.n; k++)
        free(todo.v[k]);
    free(todo.v);
    return failed ? 1 : 0;
}
