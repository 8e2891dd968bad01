/*
 * fuzz_query.c — libFuzzer harness: any text as the parameters of canned
 * queries.  The input is split at its first two NUL bytes into a query
 * name and two parameter values; every built-in query is run with them
 * (and with the input as a topic or text) in every output format, over a
 * database of one article.  Errors are fine outcomes; a crash, a
 * sanitizer report or invalid output memory is a finding.  Built with
 * -DDOSSIER_FUZZ=ON by clang; see .ci/run.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

static dossier_db *db;

static const char article[] =
    "---\ntitle: Agency signs lunar station memorandum\noutlet: Orbit Daily\npublished: 2021-03-09\n---\n"
    "The Northern Space Directorate and the Lunar Exploration Office signed a memorandum on the Perseus "
    "station on Tuesday.\n\n\"We will build it together,\" said Anna Petrov, the head of the directorate.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libFuzzer's entry point: runs the queries with one input's parameters. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db) {
        if (dossier_open(&db, ":memory:", NULL) != DOSSIER_OK ||
            dossier_ingest_buffer(db, "a.txt", article, sizeof article - 1, NULL) != DOSSIER_OK)
            abort();
    }
    char *text = malloc(size + 3);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = text[size + 1] = text[size + 2] = '\0';
    const char *name = text, *v1 = name + strlen(name) + 1, *v2 = v1 + strlen(v1) + 1;
    static const char *const queries[] = {"who-said", "search", "entities", "articles", "timeline", "stats", "entity"};
    static const char *const keys[] = {"topic", "text", "kind", "since", "limit", "name", "about"};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        dossier_param params[3] = {{keys[q], name}, {"since", v1}, {"limit", v2}};
        for (int f = 0; f < 4; f++) {
            dossier_output how = {(dossier_format)f, 0, 80};
            char *out = NULL;
            if (dossier_query_run(&out, NULL, db, queries[q], params, 3, &how) == DOSSIER_OK && out)
                (void)strlen(out);
            dossier_free(out);
        }
    }
    char *out = NULL;
    dossier_output table = {DOSSIER_FORMAT_TABLE, 0, 0};
    dossier_query_run(&out, NULL, db, name, NULL, 0, &table);   /* any name, as `dossier query NAME` */
    dossier_free(out);
    free(text);
    return 0;
}
