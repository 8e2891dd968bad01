/*
 * article.c — `dossier article ID`: one article.  As a table: its page
 * (title, outlet, date, the cleaned text with each statement marked) and
 * the list of its statements; in the other formats the canned queries
 * "article" (with the body) and "article-statements" (with byte spans).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Prints the help of `dossier article`. */
static void usage(FILE *out)
{
    fprintf(out,
            "usage: dossier article [--format FORMAT] ID\n"
            "\n"
            "Shows article ID (see 'dossier articles'): its title, outlet, date, language and\n"
            "source, its cleaned text with each extracted statement marked as [[words]]#N\n"
            "(highlighted instead on a colour terminal; N is the statement's id), then its\n"
            "statements: speaker, kind, cue, words, topics and cluster.\n"
            "\n"
            "--format json prints {\"article\": [...], \"statements\": [...]} with the plain body\n"
            "and the statements' byte spans in it; csv and tsv print the two blocks, each\n"
            "after a '# article' or '# statements' line.\n"
            "\n"
            "Exit status: 0 ok, 1 when there is no such article, 2 on bad usage.\n");
}

/* Runs `dossier article`. */
int cli_article(int argc, char **argv, const cli_globals *g)
{
    cli_query_args a;
    int rc = cli_query_parse(&a, argc, argv, NULL, 1, usage);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    char *end = NULL;
    long long id = a.has_positional ? strtoll(a.positional, &end, 10) : 0;
    if (!a.has_positional || !end || *end || id <= 0) {
        cli_error("article: wants one article id, a positive number (see 'dossier articles')");
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    if (a.how.format == DOSSIER_FORMAT_TABLE) {
        char *page = NULL;
        if (dossier_article_text(&page, db, id, &a.how) != DOSSIER_OK) {
            cli_error("%s", dossier_errmsg(db));
            rc = CLI_ERROR;
        } else {
            fputs(page, stdout);
            const cli_section s = {"statements", "Statements", "article-statements", {{"id", a.positional}}, 1};
            fputs("\n", stdout);
            rc = cli_print_sections(db, &s, 1, &a.how);
        }
        dossier_free(page);
    } else {
        char *page = NULL;
        rc = dossier_article_text(&page, db, id, &a.how); /* only to know that it exists */
        dossier_free(page);
        if (rc != DOSSIER_OK) {
            cli_error("%s", dossier_errmsg(db));
            rc = CLI_ERROR;
        } else {
            const cli_section s[] = {
                {"article", "Article", "article", {{"id", a.positional}}, 1},
                {"statements", "Statements", "article-statements", {{"id", a.positional}}, 1},
            };
            rc = cli_print_sections(db, s, 2, &a.how);
        }
    }
    dossier_close(db);
    return rc;
}
