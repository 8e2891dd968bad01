/*
 * export.c — `dossier export`: the whole knowledge base as the one JSON
 * document of shared/eval/README.md, or any table or view as JSON Lines,
 * CSV or TSV for other tools, or every one of them into a directory.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Prints the help of `dossier export`. */
static void usage(FILE *out)
{
    fprintf(out, "usage: dossier export [--format json]\n"
                 "       dossier export --table NAME [--format jsonl|csv|tsv]\n"
                 "       dossier export --dir DIR [--format jsonl|csv|tsv]\n"
                 "       dossier export --list\n"
                 "\n"
                 "Without --table or --dir: one JSON object with the articles, entities (with aliases\n"
                 "and the articles that mention them), roles, statements (speaker, kind, text,\n"
                 "topics, cluster) and events (kind, date, participants) of the database.\n"
                 "\n"
                 "Options:\n"
                 "  --table NAME      every row of one table or view (see --list), as JSON Lines\n"
                 "                    (default), CSV or TSV, for pandas, DuckDB or a spreadsheet\n"
                 "  --dir DIR         every table and view into DIR, one file each (NAME.jsonl, .csv, .tsv)\n"
                 "  --list            the tables and views that can be exported\n"
                 "  --format FORMAT   json (the whole document), or jsonl, csv, tsv (with --table, --dir)\n"
                 "\n"
                 "Binary values (the original bytes of articles) are written in base64.\n"
                 "Exit status: 0 ok, 1 error (also when the output cannot be written), 2 usage.\n");
}

/* Writes to the FILE of userdata; non-zero on a write error. */
static int write_file(const char *data, size_t len, void *userdata)
{
    return fwrite(data, 1, len, (FILE *)userdata) != len;
}

/* The file name extension of a table format. */
static const char *extension(dossier_format f)
{
    return f == DOSSIER_FORMAT_CSV ? "csv" : f == DOSSIER_FORMAT_TSV ? "tsv" : "jsonl";
}

/* Writes every exportable table and view into `dir`, one file each. */
static int export_dir(dossier_db *db, const char *dir, dossier_format f)
{
    char *list = NULL;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_error("export: %s: %s", dir, strerror(errno));
        return CLI_ERROR;
    }
    if (dossier_export_tables(&list, db) != DOSSIER_OK) {
        cli_error("%s", dossier_errmsg(db));
        return CLI_ERROR;
    }
    int rc = CLI_OK;
    for (char *name = strtok(list, "\n"); name && rc == CLI_OK; name = strtok(NULL, "\n")) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.%s", dir, name, extension(f));
        FILE *out = fopen(path, "wb");
        if (!out) {
            cli_error("export: %s: %s", path, strerror(errno));
            rc = CLI_ERROR;
            break;
        }
        if (dossier_export_table(db, name, f, write_file, out) != DOSSIER_OK) {
            cli_error("%s: %s", path, dossier_errmsg(db));
            rc = CLI_ERROR;
        }
        if (fclose(out) != 0 && rc == CLI_OK) {
            cli_error("export: %s: %s", path, strerror(errno));
            rc = CLI_ERROR;
        }
    }
    dossier_free(list);
    return rc;
}

/* Prints the whole-database JSON document. */
static int export_document(dossier_db *db)
{
    char *json = NULL;
    int rc = dossier_export_json(&json, db);
    if (rc == DOSSIER_OK) {
        fputs(json, stdout);
        fputc('\n', stdout);
    } else {
        cli_error("%s", dossier_errmsg(db));
    }
    dossier_free(json);
    return rc == DOSSIER_OK ? CLI_OK : CLI_ERROR;
}

/* Runs the export the options ask for on an open database. */
static int run(dossier_db *db, const char *table, const char *dir, int list, dossier_format f)
{
    if (list) {
        char *names = NULL;
        if (dossier_export_tables(&names, db) != DOSSIER_OK) {
            cli_error("%s", dossier_errmsg(db));
            return CLI_ERROR;
        }
        fputs(names, stdout);
        dossier_free(names);
        return CLI_OK;
    }
    if (dir)
        return export_dir(db, dir, f);
    if (!table)
        return export_document(db);
    int rc = dossier_export_table(db, table, f, write_file, stdout);
    if (rc != DOSSIER_OK)
        cli_error("%s", dossier_errmsg(db));
    return rc == DOSSIER_OK ? CLI_OK : rc == DOSSIER_ENOTFOUND ? CLI_USAGE : CLI_ERROR;
}

/* Runs `dossier export`. */
int cli_export(int argc, char **argv, const cli_globals *g)
{
    dossier_output how;
    const char *table = NULL, *dir = NULL;
    int list = 0, format_given = 0;
    cli_output_defaults(&how);
    how.format = DOSSIER_FORMAT_JSON;
    for (int i = 1; i < argc; i++) {
        int r;
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return CLI_OK;
        } else if ((r = cli_output_option(&how, argc, argv, &i)) != 0) {
            if (r < 0)
                return CLI_USAGE;
            format_given = 1;
        } else if (strcmp(argv[i], "--list") == 0) {
            list = 1;
        } else if ((strcmp(argv[i], "--table") == 0 || strcmp(argv[i], "--dir") == 0) && i + 1 < argc) {
            *(argv[i][2] == 't' ? &table : &dir) = argv[i + 1];
            i++;
        } else {
            cli_error("export: unexpected argument '%s' (see 'dossier export --help')", argv[i]);
            return CLI_USAGE;
        }
    }
    if ((table || dir) && !format_given)
        how.format = DOSSIER_FORMAT_JSONL;
    int tables = how.format == DOSSIER_FORMAT_JSONL || how.format == DOSSIER_FORMAT_CSV ||
                 how.format == DOSSIER_FORMAT_TSV;
    if ((table || dir) ? !tables : how.format != DOSSIER_FORMAT_JSON) {
        cli_error("export: %s", table || dir ? "tables export as jsonl, csv or tsv"
                                             : "the whole document is JSON; use --table or --dir for jsonl, csv or tsv");
        return CLI_USAGE;
    }
    if (table && dir) {
        cli_error("export: --table and --dir go one at a time");
        return CLI_USAGE;
    }
    dossier_db *db = cli_open_existing(g, 0);
    if (!db)
        return CLI_ERROR;
    int rc = run(db, table, dir, list, how.format);
    dossier_close(db);
    if (rc == CLI_OK && (fflush(stdout) != 0 || ferror(stdout))) {
        cli_error("export: standard output: %s", strerror(errno));
        rc = CLI_ERROR;
    }
    return rc;
}
