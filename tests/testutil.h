/*
 * testutil.h — helpers shared by the Check suites: an analysed doc from a
 * string, a fresh database, and an assertion that prints dossier_errmsg().
 */
#ifndef DOSSIER_TESTUTIL_H
#define DOSSIER_TESTUTIL_H

#include <check.h>
#include <string.h>

#include "base/doc.h"
#include "dossier.h"
#include "base/lexicon.h"

/* The built-in lexicon, loaded once per process (never freed: tests end). */
const dossier_lexicon *dossier_test_lexicon(void);

/*
 * Runs source and every analysis stage on `text` and returns the doc, or
 * fails the test.  The caller frees it with dossier_test_doc_free().
 */
dossier_doc *dossier_test_doc(const char *text);
void dossier_test_doc_free(dossier_doc *d);

/* The body text of a span, as a static buffer (for assertions). */
const char *dossier_test_span(const dossier_doc *d, dossier_span s);

/* Index of the first entity whose name folds like `name`, or -1. */
int dossier_test_entity(const dossier_doc *d, const char *name);

/* A fresh in-memory database, or fails the test. */
dossier_db *dossier_test_db(void);

/* Asserts that a dossier call returned DOSSIER_OK, printing the message if not. */
#define ck_assert_dossier_ok(db, expr)                                                    \
    do {                                                                                  \
        int rc_ = (expr);                                                                 \
        ck_assert_msg(rc_ == DOSSIER_OK, "%s returned %d: %s", #expr, rc_, dossier_errmsg(db)); \
    } while (0)

/* Runs one suite and returns the process exit status. */
int dossier_test_run(Suite *s);

#endif /* DOSSIER_TESTUTIL_H */
