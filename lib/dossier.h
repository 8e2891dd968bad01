/*
 * dossier.h — the public interface of libdossier.
 *
 * libdossier turns news articles into an SQLite knowledge base of
 * organisations, people, programmes, places, roles, events and statements
 * ("who said what about what, when, and who reported it").  This header is
 * the whole contract: the CLI in cmd/ uses nothing else.
 *
 * Conventions: every function returns DOSSIER_OK (0) or a negative
 * DOSSIER_E... code; out-parameters come first and are named `out`; the
 * message of the last failure on a handle is dossier_errmsg(db).  Memory the
 * library hands out is freed with dossier_free().  The library never prints
 * and never aborts: progress and per-article warnings go to a callback.
 * A handle is used from one thread at a time (different handles may be
 * used at once from different threads); dossier_ingest_files() runs its
 * own analysing threads inside, without sharing the handle with them.
 *
 * Example:
 *
 *     dossier_db *db;
 *     if (dossier_open(&db, "news.db", NULL) != DOSSIER_OK) {
 *         fprintf(stderr, "%s\n", dossier_errmsg(db));
 *         dossier_close(db);
 *         return 1;
 *     }
 *     dossier_ingest_file(db, "article.txt", NULL);
 *     char *json;
 *     if (dossier_export_json(&json, db) == DOSSIER_OK) {
 *         puts(json);
 *         dossier_free(json);
 *     }
 *     dossier_close(db);
 */
#ifndef DOSSIER_H
#define DOSSIER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOSSIER_VERSION "0.1.0"

/* Return codes.  0 is success; failures are negative. */
#define DOSSIER_OK 0
#define DOSSIER_ERROR -1    /* generic failure */
#define DOSSIER_ENOMEM -2   /* out of memory */
#define DOSSIER_EIO -3      /* a file could not be read or written */
#define DOSSIER_EINPUT -4   /* the article is not acceptable text */
#define DOSSIER_EYAML -5    /* front matter or a data file is not valid YAML */
#define DOSSIER_EDB -6      /* SQLite failed */
#define DOSSIER_ENOTFOUND -7 /* no such entity, article, query */
#define DOSSIER_EUSAGE -8   /* a bad argument */

/* Outcome of ingesting one article, reported through the callback. */
typedef enum {
    DOSSIER_INGEST_NEW = 0,       /* stored as a new article */
    DOSSIER_INGEST_UNCHANGED = 1, /* identical bytes were already stored */
    DOSSIER_INGEST_FAILED = 2,    /* refused; nothing of it was stored */
    DOSSIER_INGEST_REPLACED = 3,  /* a new version of a stored source: it replaced the old one, same id */
    DOSSIER_INGEST_FORGOTTEN = 4, /* forgotten by a correction (dossier_correct_forget): not stored */
    DOSSIER_INGEST_REINDEXED = 5  /* re-extracted from its stored bytes (dossier_reindex_article) */
} dossier_ingest_status;

/* What a callback is told about. */
typedef enum {
    DOSSIER_REPORT_ARTICLE = 0, /* an article was handled: see status, id */
    DOSSIER_REPORT_WARNING = 1  /* something was odd but not fatal */
} dossier_report_kind;

typedef struct dossier_report {
    dossier_report_kind kind;
    const char *source;            /* the path or "-" the article came from */
    dossier_ingest_status status;  /* for DOSSIER_REPORT_ARTICLE */
    long long article_id;          /* the stored article, or 0 */
    const char *message;           /* one line, without the source; or NULL */
} dossier_report;

typedef void (*dossier_callback)(const dossier_report *report, void *userdata);

typedef struct dossier_db dossier_db;

/* Options for dossier_open(); zero-initialise and set what you need. */
typedef struct dossier_options {
    size_t max_article_bytes;      /* 0 means the default, 4 MiB */
    const char *const *lexicons;   /* NULL-terminated list of extra lexicon YAML files, or NULL */
    const char *const *gazetteers; /* NULL-terminated list of extra gazetteer YAML files, or NULL */
    dossier_callback callback;     /* progress and warnings, or NULL */
    void *userdata;                /* passed to the callback */
    int as_new;                    /* non-zero: other bytes from a stored source are a new article
                                      beside the old one, not its new version */
    int read_only;                 /* non-zero: never write: nothing is created, migrated or
                                      switched to WAL, and a schema older than this library's is
                                      refused ("run 'dossier migrate'"); for commands that only read */
} dossier_options;

#define DOSSIER_DEFAULT_MAX_BYTES (4u * 1024u * 1024u)

/*
 * Opens (creating if needed) the database at `path` (":memory:" works),
 * applies pending schema migrations, and loads the built-in language data
 * plus any files named in `opts` (which may be NULL).  Another
 * application's database ("not a dossier database: no dossier schema") and
 * a newer schema are refused before anything is written; with
 * opts->read_only nothing is ever written.  On failure *out may still be
 * set so that dossier_errmsg() can explain; close it either way.
 */
int dossier_open(dossier_db **out, const char *path, const dossier_options *opts);

/* Closes the handle and frees everything it holds.  Accepts NULL. */
void dossier_close(dossier_db *db);

/* The message of the last failure on `db` (never NULL). */
const char *dossier_errmsg(const dossier_db *db);

/* Frees memory returned by the library.  Accepts NULL. */
void dossier_free(void *p);

/* The schema version this library writes (PRAGMA user_version). */
int dossier_schema_version(void);

/*
 * Optional, for a program that owns its process (the dossier CLI calls it
 * first thing): sets SQLite's process-wide configuration for speed.  It
 * turns off SQLite's memory statistics, which take a global lock on every
 * allocation of every connection: a twentieth of an ingest's instructions.
 * Call it before anything in the process uses SQLite (sqlite3_config's
 * rule); a program that embeds dossier beside its own use of SQLite need
 * not call it.  0, or DOSSIER_EDB when SQLite was already in use: nothing
 * changed, and everything works as before.
 */
int dossier_process_setup(void);

/*
 * Ingests one article from a file.  `source` "-" reads standard input.
 * Stores the article and everything extracted from it in one transaction:
 * a failure leaves no rows behind.  *out_status (may be NULL) says whether
 * the article was new or already there.  Returns DOSSIER_EINPUT for text
 * that is refused, with the reason and byte offset in dossier_errmsg().
 */
int dossier_ingest_file(dossier_db *db, const char *source, dossier_ingest_status *out_status);

/*
 * Ingests an article held in memory.  `source` names it in messages and in
 * the articles table.  Same contract as dossier_ingest_file().
 */
int dossier_ingest_buffer(dossier_db *db, const char *source, const char *bytes, size_t len,
                          dossier_ingest_status *out_status);

/*
 * Ingests many articles: files, or "-" for standard input.  Reading and
 * analysis run outside the write lock in `jobs` threads (0: one per
 * processor; 1: the calling thread only); one writer stores them in
 * input order, so the database is the same whatever `jobs` is.  Several
 * articles go into one transaction, each all-or-nothing: a refused or
 * failed article leaves no rows and the others go on.  The callback hears
 * about every article, in input order, from the calling thread, once its
 * transaction is committed.  Returns DOSSIER_OK when every article was
 * handled, whatever its status; a negative code (message in
 * dossier_errmsg()) when the run had to stop, e.g. out of memory.
 */
int dossier_ingest_files(dossier_db *db, const char *const *sources, size_t n, int jobs);

/*
 * Recomputes what joins articles over the whole database, in one
 * transaction: entities (from the names each article's mentions write),
 * the features each statement is compared by, statement clusters and
 * stories, article by article in id (ingest) order, so that the result is
 * the one ingesting the articles again would give; then the corrections
 * made by hand are applied again.  For databases that older versions
 * resolved.  On failure nothing changes.
 */
int dossier_resolve(dossier_db *db);

/* ---- corrections by hand ----
 *
 * Each correction is one transaction: it is checked, recorded in the
 * `corrections` table (with `note`, which may be NULL) and applied, or on
 * failure nothing changes.  Resolution re-applies every correction after
 * it runs, and each new article gets those about its entities, so that a
 * correction lasts.  An entity is named as a person would name it — any of
 * its names, folded alike in every language — or "#ID"; a name that
 * several entities go by is DOSSIER_EUSAGE with the candidates in the
 * message, one nothing goes by DOSSIER_ENOTFOUND.  *out (may be NULL)
 * receives the correction described in one line ("correction 3: ...");
 * the caller frees it with dossier_free().
 */

/* Merges entity `name` into entity `into` (of the same kind): one entity with both's names. */
int dossier_correct_merge(char **out, dossier_db *db, const char *name, const char *into, const char *note);

/*
 * Splits the name `alias` off entity `name`: the mentions written so
 * become an entity of their own (or the one that is called so already).
 */
int dossier_correct_split(char **out, dossier_db *db, const char *name, const char *alias, const char *note);

/*
 * Moves one mention (mentions.id) to the entity called `new_name` — an
 * existing one of the same kind, or a new one; NULL names it as the
 * mention is written.
 */
int dossier_correct_split_mention(char **out, dossier_db *db, long long mention, const char *new_name,
                                  const char *note);

/* Gives entity `name` the canonical name `new_name` (the old one stays an alias). */
int dossier_correct_rename(char **out, dossier_db *db, const char *name, const char *new_name, const char *note);

/* Sets the kind of entity `name`: "person", "organization", "program" or "place". */
int dossier_correct_kind(char **out, dossier_db *db, const char *name, const char *kind, const char *note);

/* Adds `alias` to the names entity `name` goes by, or with `remove` takes it away. */
int dossier_correct_alias(char **out, dossier_db *db, const char *name, const char *alias, int remove,
                          const char *note);

/* Sets the speaker of statement `statement` (statements.id) to entity `name`, or to none when NULL. */
int dossier_correct_speaker(char **out, dossier_db *db, long long statement, const char *name, const char *note);

/*
 * Removes article `article` and everything extracted from it; its bytes,
 * and new versions from its source, are not ingested again.
 */
int dossier_correct_forget(char **out, dossier_db *db, long long article, const char *note);

/* ---- articles that change ---- */

/*
 * Extracts article `id` again from its stored bytes with this library's
 * extractor, in one transaction: its rows are replaced, it keeps its id,
 * and corrections are re-applied.  DOSSIER_ENOTFOUND when there is no such
 * article.  The callback hears DOSSIER_INGEST_REINDEXED.
 */
int dossier_reindex_article(dossier_db *db, long long id);

/*
 * Re-extracts the stale articles (extracted by another dossier version),
 * or with `all` every article, each in its own transaction; *out (may be
 * NULL) receives how many were.  An article that fails is left as it was,
 * reported to the callback, and the others go on (a database failure
 * stops them); the last failure is returned.
 */
int dossier_reindex_all(size_t *out, dossier_db *db, int all);

/*
 * Builds the export document described in shared/eval/README.md (articles,
 * entities, roles, statements, events) as one JSON object.  The caller
 * frees *out with dossier_free().
 */
int dossier_export_json(char **out, dossier_db *db);

/* ---- queries and output (canned queries live in schema/queries.yaml) ---- */

/* Output formats of the one formatter. */
typedef enum {
    DOSSIER_FORMAT_TABLE = 0,
    DOSSIER_FORMAT_JSON = 1,
    DOSSIER_FORMAT_CSV = 2,
    DOSSIER_FORMAT_TSV = 3,
    DOSSIER_FORMAT_JSONL = 4      /* one JSON object a line (JSON Lines) */
} dossier_format;

typedef struct dossier_output {
    dossier_format format;
    int color;    /* non-zero: ANSI colour in tables */
    int width;    /* terminal width for wrapping tables; 0 means no wrapping */
} dossier_output;

/*
 * Receives `len` bytes of output; returns 0 to go on, non-zero to stop
 * (the export then fails with DOSSIER_EIO).
 */
typedef int (*dossier_write_fn)(const char *data, size_t len, void *userdata);

/*
 * The tables and views an export can write, one name a line, tables
 * first (the full-text indexes' internals left out).  The caller frees
 * *out with dossier_free().
 */
int dossier_export_tables(char **out, dossier_db *db);

/*
 * Writes every row of table or view `name` (one of dossier_export_tables)
 * through `write`: DOSSIER_FORMAT_JSONL one JSON object a line,
 * DOSSIER_FORMAT_CSV or DOSSIER_FORMAT_TSV a header line then a line a
 * row.  Binary values (the original bytes of articles) are written in
 * base64.  Rows are streamed: memory does not grow with the table.
 * DOSSIER_ENOTFOUND for an unknown name, DOSSIER_EUSAGE for another
 * format, DOSSIER_EIO when `write` fails.
 */
int dossier_export_table(dossier_db *db, const char *name, dossier_format format, dossier_write_fn write,
                         void *userdata);

/* One parameter given to a canned query: --name value. */
typedef struct dossier_param {
    const char *name;
    const char *value;
} dossier_param;

/*
 * Adds the canned queries of a user's YAML file to those built in.
 */
int dossier_queries_add_file(dossier_db *db, const char *path);

/*
 * Lists the canned queries as rows (name, description, parameters),
 * formatted into *out.  The caller frees *out with dossier_free().
 */
int dossier_query_list(char **out, dossier_db *db, const dossier_output *how);

/*
 * Runs the canned query `name` with `params` and formats its rows into *out;
 * *out_rows (may be NULL) receives the number of rows.  The caller frees
 * *out with dossier_free().  Unknown queries and missing parameters give
 * DOSSIER_ENOTFOUND and DOSSIER_EUSAGE.
 */
int dossier_query_run(char **out, size_t *out_rows, dossier_db *db, const char *name,
                      const dossier_param *params, size_t nparams, const dossier_output *how);

/* How many rows after a page are counted at most (dossier_page.more): enough
 * to say "100+ more", few enough that a page costs about what it prints. */
#define DOSSIER_MORE_CAP 100

/* Where a page of a listing stands. */
typedef struct dossier_page {
    size_t rows;        /* rows on this page */
    size_t more;        /* rows after it, counted up to DOSSIER_MORE_CAP */
    int capped;         /* non-zero: there are more than `more` */
    long long limit;    /* the page size asked for (0: all) */
    long long offset;   /* the rows skipped before the page */
} dossier_page;

/*
 * Like dossier_query_run, for a query with a `limit` parameter read as
 * a page: `offset` (a parameter every such query accepts) skips rows, and
 * *page says how many rows came and how many follow.  The caller frees
 * *out with dossier_free().  A negative or non-numeric limit or offset,
 * and bad full-text search syntax, give DOSSIER_EUSAGE.
 */
int dossier_query_page_run(char **out, dossier_page *page, dossier_db *db, const char *name,
                           const dossier_param *params, size_t nparams, const dossier_output *how);

/*
 * Describes the canned query `name` for people: a usage line, its
 * description and its parameters with their defaults.  The caller frees
 * *out with dossier_free().  DOSSIER_ENOTFOUND for an unknown query.
 */
int dossier_query_describe(char **out, dossier_db *db, const char *name);

/*
 * Looks `name` up among every name of every entity, folded alike in every
 * language ("Gagarine" and "GAGARIN" find the same aliases).  Returns
 * DOSSIER_OK when an entity goes by it; DOSSIER_ENOTFOUND when none does,
 * with *out (may be NULL) set to the nearest known name ("Gagarin" for
 * "Gagrin", "Valentina Tereshkova" for "Tereshkova") or to NULL when
 * nothing is near.
 * The caller frees *out with dossier_free().
 */
int dossier_entity_lookup(char **out, dossier_db *db, const char *name);

/*
 * The page of article `id` for people: title, outlet, date, language and
 * source, then the cleaned text wrapped to how->width with each extracted
 * statement marked ("[[words]]#12", or in colour when how->color; 12 is
 * the statement's id).  The caller frees *out with dossier_free().
 * DOSSIER_ENOTFOUND when there is no such article.
 */
int dossier_article_text(char **out, dossier_db *db, long long id, const dossier_output *how);

#ifdef __cplusplus
}
#endif

#endif /* DOSSIER_H */
