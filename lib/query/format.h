/*
 * format.h — the one output formatter: rows of cells in, a string out, as
 * an aligned table (display width measured with utf8proc, long text
 * wrapped to the terminal width, colour on request), a JSON array of
 * objects, CSV (RFC 4180) or TSV.  It knows nothing of SQLite: query.c
 * fills a dossier_rows from a statement, tests fill one by hand.
 *
 * Inside a cell, the bytes DOSSIER_MARK_ON and DOSSIER_MARK_OFF bracket
 * highlighted text (FTS5 snippet matches, statements in an article): a
 * coloured table shows it in colour, every other output as "[" and "]".
 */
#ifndef DOSSIER_FORMAT_H
#define DOSSIER_FORMAT_H

#include <stddef.h>

#include "dossier.h"
#include "base/util.h"

#define DOSSIER_MARK_ON '\x02'
#define DOSSIER_MARK_OFF '\x03'

/* What a cell holds; decides JSON quoting and table alignment. */
typedef enum {
    DOSSIER_CELL_NULL = 0,
    DOSSIER_CELL_INT = 1,
    DOSSIER_CELL_REAL = 2,
    DOSSIER_CELL_TEXT = 3
} dossier_cell_type;

typedef struct {
    const char *text;   /* NUL-terminated, in the rows' arena; NULL for DOSSIER_CELL_NULL */
    size_t len;
    dossier_cell_type type;
} dossier_cell;

/*
 * A result: column names and rows of cells, all strings in one arena.
 * A column whose name begins with '_' is data for programs (ids, byte
 * spans): tables leave it out, JSON, CSV and TSV show it without the '_'.
 * Tables also leave out a column with nothing in it.
 */
typedef struct {
    size_t ncols;
    const char **names;
    VEC(dossier_cell) cells;   /* row-major: row r, column c is cells.v[r * ncols + c] */
    dossier_arena arena;
    int object;                /* one record: JSON prints one object, a table one line a field */
} dossier_rows;

/*
 * Starts an empty result with `ncols` columns named `names` (copied).
 * Returns DOSSIER_OK or DOSSIER_ENOMEM; free with dossier_rows_free() either way.
 */
int dossier_rows_init(dossier_rows *r, size_t ncols, const char *const *names);

/* Appends one cell (text copied; NULL text makes a NULL cell).  Fill rows left to right. */
int dossier_rows_add(dossier_rows *r, const char *text, size_t len, dossier_cell_type type);

/* The number of complete rows. */
size_t dossier_rows_count(const dossier_rows *r);

/* Frees what the result holds (not `r` itself).  Accepts a zeroed struct. */
void dossier_rows_free(dossier_rows *r);

/*
 * Formats the rows as `how` says.  The caller frees *out with free().
 * Returns DOSSIER_OK or DOSSIER_ENOMEM.
 */
int dossier_format_rows(char **out, const dossier_rows *r, const dossier_output *how);

/*
 * The display width of s[0..len): East Asian wide characters count two
 * columns, combining marks and highlight marks none, invalid bytes one.
 */
size_t dossier_format_width(const char *s, size_t len);

/*
 * Appends `text` to `b` wrapped at word boundaries to `width` columns
 * (0: no wrapping), every line after the first preceded by `indent`
 * spaces; highlight marks are rendered as for a table with `color`.
 */
int dossier_format_wrap(dbuf *b, const char *text, size_t len, int width, int indent, int color);

/* Appends `s` as a JSON string literal (quotes included). */
int dossier_format_json_string(dbuf *b, const char *s, size_t len);

/* Appends one CSV field, quoted when RFC 4180 requires it. */
int dossier_format_csv_field(dbuf *b, const char *s, size_t len);

/* The name a column is shown under outside tables: without a leading '_'. */
const char *dossier_format_column_name(const char *name);

#endif /* DOSSIER_FORMAT_H */
