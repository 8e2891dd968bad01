/*
 * testutil.c — helpers shared by the Check suites (see testutil.h).
 */
#include "testutil.h"

#include "extract/pipeline.h"

#include <stdio.h>
#include <stdlib.h>

#include "read/source.h"
#include "base/util.h"

static dossier_lexicon *lexicon;

/* See testutil.h. */
const dossier_lexicon *dossier_test_lexicon(void)
{
    char err[512];
    if (!lexicon && dossier_lexicon_new(&lexicon, err, sizeof err) != DOSSIER_OK)
        ck_abort_msg("loading the lexicon: %s", err);
    return lexicon;
}

/* See testutil.h. */
dossier_doc *dossier_test_doc(const char *text)
{
    dossier_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    dossier_doc_init(d, dossier_test_lexicon(), "test");
    int rc = dossier_source_load(d, text, strlen(text), DOSSIER_DEFAULT_MAX_BYTES);
    ck_assert_msg(rc == DOSSIER_OK, "source: %s", d->errmsg);
    rc = dossier_pipeline_run(d);
    ck_assert_msg(rc == DOSSIER_OK, "analyse: %s", d->errmsg);
    return d;
}

/* See testutil.h. */
void dossier_test_doc_free(dossier_doc *d)
{
    if (d)
        dossier_doc_free(d);
    free(d);
}

/* See testutil.h. */
const char *dossier_test_span(const dossier_doc *d, dossier_span s)
{
    static char buf[4096];
    size_t n = s.end > s.start ? s.end - s.start : 0;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, d->body + s.start, n);
    buf[n] = '\0';
    return buf;
}

/* See testutil.h. */
int dossier_test_entity(const dossier_doc *d, const char *name)
{
    char *want = dossier_fold(name, strlen(name));
    int found = -1;
    for (size_t i = 0; found < 0 && i < d->entities.n; i++) {
        char *have = dossier_fold(d->entities.v[i].name, strlen(d->entities.v[i].name));
        if (have && want && strcmp(have, want) == 0)
            found = (int)i;
        free(have);
    }
    free(want);
    return found;
}

/* See testutil.h. */
dossier_db *dossier_test_db(void)
{
    dossier_db *db = NULL;
    int rc = dossier_open(&db, ":memory:", NULL);
    ck_assert_msg(rc == DOSSIER_OK, "dossier_open: %s", dossier_errmsg(db));
    return db;
}

/* See testutil.h. */
int dossier_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
