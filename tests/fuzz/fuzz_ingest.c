/*
 * fuzz_ingest.c — libFuzzer harness: any bytes as an article.  Each input
 * goes through dossier_ingest_buffer() into one in-memory database (the
 * source, front matter, normalisation, every extraction stage, store and
 * resolve); a refusal is a fine outcome, a crash, a sanitizer report or a
 * hang is a finding.  Built with -DDOSSIER_FUZZ=ON by clang; see .ci/run.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "dossier.h"

/* The database every input goes into (made on the first input, never closed: the fuzzer exits). */
static dossier_db *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libFuzzer's entry point: ingests one input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db && dossier_open(&db, ":memory:", NULL) != DOSSIER_OK)
        abort();
    dossier_ingest_status status;
    dossier_ingest_buffer(db, "fuzz.txt", (const char *)data, size, &status);
    return 0;
}
