/*
 * reindex.c — `dossier reindex [--all | ARTICLE...]`: extract stored
 * articles again with this version's extractor (dossier_reindex_*).
 */
#include <stdio.h>

#include "cli.h"

/* Prints the help of `dossier reindex`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier reindex [--quiet] [--all | ARTICLE...]\n"
            "\n"
            "Extracts stored articles again, from their original bytes, with this version\n"
            "of dossier: after an upgrade, the entities, roles, statements and events of\n"
            "the old extractor are replaced by the new one's.  Articles keep their ids;\n"
            "corrections are applied again.  Without arguments, the stale articles (those\n"
            "another version extracted: 'dossier stats' counts them); with --all, every\n"
            "article; or the articles named by id.\n"
            "\n"
            "  --all     every article\n"
            "  --quiet   no line per article\n");
}

/* What the callback counts. */
typedef struct {
    int quiet;
    size_t failed;
} tally;

/* Called by the library for each article re-extracted, or that failed. */
static void on_event(const dossier_report *ev, void *userdata)
{
    tally *t = userdata;
    if (ev->kind != DOSSIER_REPORT_ARTICLE)
        return;
    if (ev->status == DOSSIER_INGEST_FAILED) {
        t->failed++;
        cli_error("%s", ev->message ? ev->message : "failed");
    } else if (!t->quiet) {
        cli_error("article %lld (%s) extracted again", ev->article_id, ev->source);
    }
}

/* Runs `dossier reindex`. */
int cli_reindex(int argc, char **argv, const cli_globals *g)
{
    static const cli_correction_option opts[] = {{"--all", 0}, {"--quiet", 0}, {NULL, 0}};
    cli_correction_args a;
    tally t = {0};
    int rc = cli_correction_parse(&a, argc, argv, opts, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (a.note)
        return cli_correction_usage(&a, "--note is for corrections");
    if (a.opt[0] && a.npos)
        return cli_correction_usage(&a, "give --all or article ids, not both");
    long long ids[8];
    for (int i = 0; i < a.npos; i++)
        if (cli_correction_id(&ids[i], a.pos[i]))
            return cli_correction_usage(&a, "articles are named by their ids");
    t.quiet = a.opt[1] != NULL;
    dossier_options o = {0};
    o.callback = on_event;
    o.userdata = &t;
    dossier_db *db = cli_open_writable(g, &o);
    if (!db)
        return CLI_ERROR;
    size_t n = 0;
    rc = DOSSIER_OK;
    for (int i = 0; i < a.npos; i++) {
        int one = dossier_reindex_article(db, ids[i]);
        if (one)
            rc = one;
        else
            n++;
    }
    if (!a.npos)
        rc = dossier_reindex_all(&n, db, a.opt[0] != NULL);
    if (rc && !t.failed) /* a failure no article was told of: the database */
        cli_error("reindex: %s", dossier_errmsg(db));
    printf("%zu article%s extracted again, %zu failed\n", n, n == 1 ? "" : "s", t.failed);
    dossier_close(db);
    return rc ? CLI_ERROR : CLI_OK;
}
