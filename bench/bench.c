/*
 * bench.c — latency of every canned query on a built database.
 *
 * Usage: bench DB [RUNS]   (RUNS at most 1000)
 *
 * Picks its parameters from the database (the most mentioned person,
 * organisation and programme, an article in the middle, a word of the
 * articles, a misspelt name), runs each query RUNS times (default 31)
 * through dossier_query_run() with table output 100 columns wide, and
 * prints the median and 95th percentile of the wall time and the median
 * CPU time (which a busy machine disturbs less) in milliseconds.  The time is the
 * query and its formatting, on an open handle; opening the database and
 * loading the language data are timed apart ("open").
 */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier.h"

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds of CPU used by this process (robust to a busy machine). */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu[1000]; /* CPU time of each run, beside the wall time */

/* Orders doubles, for qsort. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One text value from the database, copied into buf ("" when none). */
static void pick(char *buf, size_t len, sqlite3 *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* One timed query: its label, the canned query and its parameters. */
typedef struct {
    const char *label, *query;
    dossier_param p[3];
    size_t np;
} bench_case;

/* Prints median and p95 of `runs` wall timings, the median CPU time, and the row count. */
static void report(const char *label, double *t, int runs, size_t rows)
{
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
    double p95 = t[(int)(0.95 * (runs - 1) + 0.5)];
    printf("%-44s %8.2f %8.2f %8.2f %7zu\n", label, t[runs / 2], p95, cpu[runs / 2], rows);
}

/* Opens the database, times each query RUNS times, prints the table. */
int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench DB [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 31;
    if (runs < 1 || runs > 1000)
        runs = 31;
    sqlite3 *s = NULL;
    char person[256], org[256], program[256], article[32], word[64], typo[256], articles[32];
    if (sqlite3_open_v2(argv[1], &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench: cannot open %s\n", argv[1]);
        return 1;
    }
    const char *top = "SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.kind = '%s'"
                      " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1";
    char sql[512];
    snprintf(sql, sizeof sql, top, "person");
    pick(person, sizeof person, s, sql);
    snprintf(sql, sizeof sql, top, "organization");
    pick(org, sizeof org, s, sql);
    snprintf(sql, sizeof sql, top, "program");
    pick(program, sizeof program, s, sql);
    pick(article, sizeof article, s, "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)");
    pick(articles, sizeof articles, s, "SELECT count(*) FROM articles");
    pick(word, sizeof word, s, "SELECT 'launch schedule'");
    snprintf(typo, sizeof typo, "%s", person);
    size_t tl = strlen(typo);
    if (tl > 3)
        memmove(typo + tl - 2, typo + tl - 1, 2); /* drop the second-last letter */
    sqlite3_close(s);

    printf("database: %s (%s articles), %d runs per query\n", argv[1], articles, runs);
    printf("parameters: person '%s', organisation '%s', programme '%s', article %s, text '%s', typo '%s'\n\n",
           person, org, program, article, word, typo);
    printf("%-44s %8s %8s %8s %7s\n", "query", "median", "p95", "cpu", "rows");
    printf("%-44s %8s %8s %8s %7s\n", "", "ms", "ms", "ms", "");

    double *t = calloc((size_t)runs, sizeof *t);
    dossier_db *db = NULL;
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms(), c0 = cpu_ms();
        if (dossier_open(&db, argv[1], NULL) != DOSSIER_OK) {
            fprintf(stderr, "bench: %s\n", dossier_errmsg(db));
            return 1;
        }
        t[i] = now_ms() - t0;
            cpu[i] = cpu_ms() - c0;
        if (i + 1 < runs)
            dossier_close(db);
    }
    report("open (schema check, language data)", t, runs, 0);

    const bench_case cases[] = {
        {"who-said PROGRAM (an entity)", "who-said", {{"topic", program}}, 1},
        {"who-said ORG", "who-said", {{"topic", org}}, 1},
        {"who-said TEXT (FTS fallback)", "who-said", {{"topic", "strategic nature"}}, 1},
        {"who-said PROGRAM --lang fr --since 2020", "who-said", {{"topic", program}, {"lang", "fr"}, {"since", "2020"}}, 3},
        {"said-by PERSON", "said-by", {{"name", person}}, 1},
        {"entity PERSON", "entity", {{"name", person}}, 1},
        {"roles PERSON", "roles", {{"name", person}}, 1},
        {"roles ORG", "roles", {{"name", org}}, 1},
        {"mentioned-in PERSON", "mentioned-in", {{"name", person}}, 1},
        {"timeline (first 100)", "timeline", {{"limit", "100"}}, 1},
        {"timeline --about PROGRAM", "timeline", {{"about", program}, {"limit", "0"}}, 2},
        {"entities (first 100)", "entities", {{"limit", "100"}}, 1},
        {"entities --kind person --limit 0", "entities", {{"kind", "person"}, {"limit", "0"}}, 2},
        {"articles (first 100)", "articles", {{"limit", "100"}}, 1},
        {"articles --limit 0 (all)", "articles", {{"limit", "0"}}, 1},
        {"article ID", "article", {{"id", article}}, 1},
        {"article-statements ID", "article-statements", {{"id", article}}, 1},
        {"search TEXT (first 20)", "search", {{"text", word}}, 1},
        {"stats", "stats", {{NULL, NULL}}, 0},
        {"speakers", "speakers", {{NULL, NULL}}, 0},
        {"reported-widely", "reported-widely", {{NULL, NULL}}, 0},
    };
    dossier_output how = {DOSSIER_FORMAT_TABLE, 0, 100};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t rows = 0;
        for (int i = 0; i < runs; i++) {
            char *out = NULL;
            double t0 = now_ms(), c0 = cpu_ms();
            int rc = dossier_query_run(&out, &rows, db, cases[c].query, cases[c].p, cases[c].np, &how);
            t[i] = now_ms() - t0;
            cpu[i] = cpu_ms() - c0;
            dossier_free(out);
            if (rc != DOSSIER_OK) {
                fprintf(stderr, "bench: %s: %s\n", cases[c].label, dossier_errmsg(db));
                return 1;
            }
        }
        report(cases[c].label, t, runs, rows);
    }
    /* Formats: one query in each. */
    static const char *const fmt_names[] = {"table", "json", "csv", "tsv"};
    for (int f = 0; f < 4; f++) {
        dossier_output h = {(dossier_format)f, 0, 100};
        dossier_param p = {"topic", program};
        size_t rows = 0;
        for (int i = 0; i < runs; i++) {
            char *out = NULL;
            double t0 = now_ms(), c0 = cpu_ms();
            dossier_query_run(&out, &rows, db, "who-said", &p, 1, &h);
            t[i] = now_ms() - t0;
            cpu[i] = cpu_ms() - c0;
            dossier_free(out);
        }
        char label[64];
        snprintf(label, sizeof label, "who-said PROGRAM --format %s", fmt_names[f]);
        report(label, t, runs, rows);
    }
    /* The page of one article, and a name lookup that misses (with its suggestion). */
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < runs; i++) {
            char *out = NULL;
            double t0 = now_ms(), c0 = cpu_ms();
            if (k == 0)
                dossier_article_text(&out, db, atoll(article), &how);
            else
                dossier_entity_lookup(&out, db, typo);
            t[i] = now_ms() - t0;
            cpu[i] = cpu_ms() - c0;
            dossier_free(out);
        }
        report(k == 0 ? "article page (marked text)" : "unknown name + suggestion", t, runs, 0);
    }
    dossier_close(db);
    free(t);
    return 0;
}
