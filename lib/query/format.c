/*
 * format.c — the one output formatter (see format.h): rows of cells to an
 * aligned table, JSON, CSV or TSV.
 *
 * Tables follow the sqlite3 shell's column mode: a header, a rule of
 * dashes, two spaces between columns, numbers right-aligned.  Widths are
 * display widths (utf8proc_charwidth: CJK two columns, combining marks
 * none).  When the natural widths do not fit the terminal, the widest
 * columns are capped (never below their header or eight columns) and
 * their cells word-wrapped onto several lines.  utf8proc is used here only
 * for character widths.
 */
#include "query/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define ANSI_HEADER "\033[1m"
#define ANSI_RULE "\033[2m"
#define ANSI_MARK "\033[1;33m"
#define ANSI_RESET "\033[0m"
#define MIN_WRAP 8
#define READABLE 12   /* narrower than this, a column of text reads badly */
#define MAX_WORD 16

/* ---- rows ---- */

/* See format.h. */
int dossier_rows_init(dossier_rows *r, size_t ncols, const char *const *names)
{
    memset(r, 0, sizeof *r);
    r->names = calloc(ncols ? ncols : 1, sizeof *r->names);
    if (!r->names)
        return DOSSIER_ENOMEM;
    r->ncols = ncols;
    for (size_t c = 0; c < ncols; c++) {
        const char *n = names[c] ? names[c] : "";
        r->names[c] = dossier_arena_strndup(&r->arena, n, strlen(n));
        if (!r->names[c])
            return DOSSIER_ENOMEM;
    }
    return DOSSIER_OK;
}

/* See format.h. */
int dossier_rows_add(dossier_rows *r, const char *text, size_t len, dossier_cell_type type)
{
    dossier_cell cell = {NULL, 0, DOSSIER_CELL_NULL};
    if (text && type != DOSSIER_CELL_NULL) {
        cell.text = dossier_arena_strndup(&r->arena, text, len);
        if (!cell.text)
            return DOSSIER_ENOMEM;
        cell.len = len;
        cell.type = type;
    }
    return VEC_PUSH(&r->cells, cell) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See format.h. */
size_t dossier_rows_count(const dossier_rows *r)
{
    return r->ncols ? r->cells.n / r->ncols : 0;
}

/* See format.h. */
void dossier_rows_free(dossier_rows *r)
{
    free(r->names);
    VEC_FREE(&r->cells);
    dossier_arena_free(&r->arena);
    r->names = NULL;
    r->ncols = 0;
}

/* ---- width and wrapping ---- */

/* Display width of one code point (-1: an invalid byte, one column). */
static int char_width(int32_t c)
{
    if (c < 0)
        return 1;
    if (c == DOSSIER_MARK_ON || c == DOSSIER_MARK_OFF)
        return 0;
    return utf8proc_charwidth(c);
}

/* See format.h. */
size_t dossier_format_width(const char *s, size_t len)
{
    size_t w = 0, pos = 0;
    while (pos < len) {
        unsigned char b = (unsigned char)s[pos];
        if (b < 0x80) { /* ASCII, most text: no decoding */
            w += b >= 0x20 && b < 0x7f;
            pos++;
        } else {
            w += (size_t)char_width(dossier_utf8_next(s, len, &pos));
        }
    }
    return w;
}

/*
 * Copies `s` into `b` ready for display: tabs and other control characters
 * become spaces (newlines stay), carriage returns go, and highlight marks
 * stay (color) or become brackets.
 */
static int sanitize(dbuf *b, const char *s, size_t len, int color)
{
    for (size_t i = 0; i < len; i++) {
        size_t run = i;
        while (run < len && (unsigned char)s[run] >= 0x20)
            run++;
        if (run > i) { /* copy ordinary text in one piece */
            if (dossier_buf_add(b, s + i, run - i))
                return DOSSIER_ENOMEM;
            i = run;
            if (i == len)
                break;
        }
        char ch = s[i];
        if (ch == DOSSIER_MARK_ON || ch == DOSSIER_MARK_OFF) {
            if (!color)
                ch = ch == DOSSIER_MARK_ON ? '[' : ']';
        } else if (ch == '\r') {
            continue;
        } else if ((unsigned char)ch < 0x20 && ch != '\n') {
            ch = ' ';
        }
        if (dossier_buf_add(b, &ch, 1))
            return DOSSIER_ENOMEM;
    }
    if (!b->s && dossier_buf_add(b, "", 0))
        return DOSSIER_ENOMEM;
    return DOSSIER_OK;
}

/* Appends a word longer than the line, broken between characters. */
static int break_word(dbuf *b, const char *w, size_t len, size_t width, size_t *col)
{
    size_t pos = 0;
    while (pos < len) {
        size_t at = pos;
        int cw = char_width(dossier_utf8_next(w, len, &pos));
        if (*col > 0 && *col + (size_t)cw > width) {
            if (dossier_buf_add(b, "\n", 1))
                return DOSSIER_ENOMEM;
            *col = 0;
        }
        if (dossier_buf_add(b, w + at, pos - at))
            return DOSSIER_ENOMEM;
        *col += (size_t)cw;
    }
    return DOSSIER_OK;
}

/*
 * Word-wraps sanitized text (no indent) to `width` columns into `b`, lines
 * separated by '\n'; runs of spaces inside a line become one.  Width 0
 * copies the text.
 */
static int wrap_plain(dbuf *b, const char *s, size_t len, size_t width)
{
    if (width == 0)
        return dossier_buf_add(b, s, len);
    size_t i = 0, col = 0;
    while (i < len) {
        if (s[i] == '\n') {
            if (dossier_buf_add(b, "\n", 1))
                return DOSSIER_ENOMEM;
            col = 0;
            i++;
            continue;
        }
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '\n')
            j++;
        size_t ww = dossier_format_width(s + i, j - i);
        int rc;
        if (col > 0 && col + 1 + ww <= width) {
            rc = dossier_buf_add(b, " ", 1) || dossier_buf_add(b, s + i, j - i);
            col += 1 + ww;
        } else {
            rc = col > 0 ? dossier_buf_add(b, "\n", 1) : 0;
            col = 0;
            if (!rc && ww > width)
                rc = break_word(b, s + i, j - i, width, &col);
            else if (!rc) {
                rc = dossier_buf_add(b, s + i, j - i);
                col = ww;
            }
        }
        if (rc)
            return DOSSIER_ENOMEM;
        i = j;
    }
    return DOSSIER_OK;
}

/*
 * Appends one display line, turning highlight marks into colour codes and
 * carrying the highlight across line ends through *on.
 */
static int emit_line(dbuf *b, const char *s, size_t len, int *on)
{
    int rc = *on ? dossier_buf_puts(b, ANSI_MARK) : 0;
    size_t i = 0;
    while (!rc && i < len) {
        size_t j = i;
        while (j < len && s[j] != DOSSIER_MARK_ON && s[j] != DOSSIER_MARK_OFF)
            j++;
        rc = dossier_buf_add(b, s + i, j - i);
        if (!rc && j < len) {
            *on = s[j] == DOSSIER_MARK_ON;
            rc = dossier_buf_puts(b, *on ? ANSI_MARK : ANSI_RESET);
            j++;
        }
        i = j;
    }
    if (!rc && *on)
        rc = dossier_buf_puts(b, ANSI_RESET);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See format.h. */
int dossier_format_wrap(dbuf *b, const char *text, size_t len, int width, int indent, int color)
{
    dbuf clean = {0}, wrapped = {0};
    int on = 0;
    size_t w = width > indent + MIN_WRAP ? (size_t)(width - indent) : width > 0 ? MIN_WRAP : 0;
    int rc = sanitize(&clean, text, len, color);
    if (!rc)
        rc = wrap_plain(&wrapped, clean.s, clean.len, w);
    for (size_t i = 0; !rc && wrapped.s && i <= wrapped.len;) {
        const char *nl = memchr(wrapped.s + i, '\n', wrapped.len - i);
        size_t end = nl ? (size_t)(nl - wrapped.s) : wrapped.len;
        if (i > 0)
            rc = dossier_buf_printf(b, "\n%*s", end > i ? indent : 0, "");
        if (!rc)
            rc = emit_line(b, wrapped.s + i, end - i, &on);
        i = end + 1;
    }
    dossier_buf_free(&clean);
    dossier_buf_free(&wrapped);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* ---- tables ---- */

/* One cell laid out: its lines (pointers into `text`) and their widths. */
typedef struct {
    const char *text;    /* wrapped, lines separated by '\n' */
    size_t nlines;
    size_t width;        /* the width of a one-line cell, or (size_t)-1 when unknown */
} laid;

/* Width of the widest line of s. */
static size_t max_line_width(const char *s, size_t len)
{
    size_t best = 0, i = 0;
    while (i <= len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t w = dossier_format_width(s + i, end - i);
        if (w > best)
            best = w;
        i = end + 1;
    }
    return best;
}

/* The total of the widths when no column is wider than `cap` nor narrower than its minimum. */
static size_t capped_total(const size_t *nat, const size_t *min, size_t n, size_t cap)
{
    size_t total = 0;
    for (size_t c = 0; c < n; c++) {
        size_t w = nat[c] < cap ? nat[c] : cap;
        total += w > min[c] ? w : min[c];
    }
    return total;
}

/*
 * Chooses column widths that fit `avail` (0: no limit): natural widths
 * when they fit; else the widest columns are narrowed first, all to one
 * cap, found by bisection, so that the longest text wraps and short
 * columns keep their width.  Columns never go below their minimum unless
 * even the minimums are too wide, and then the widest give way down to
 * one column each: the table never exceeds the terminal.  Any room left
 * goes back to the narrowed columns.
 */
static void fit_widths(size_t *w, const size_t *nat, const size_t *min, size_t n, size_t avail)
{
    size_t total = 0, widest = 0;
    for (size_t c = 0; c < n; c++) {
        total += nat[c];
        w[c] = nat[c];
        if (nat[c] > widest)
            widest = nat[c];
    }
    if (avail == 0 || total <= avail)
        return;
    size_t lo = 0, hi = widest; /* the largest cap whose total fits */
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (capped_total(nat, min, n, mid) <= avail)
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t used = 0;
    for (size_t c = 0; c < n; c++) {
        size_t x = nat[c] < lo ? nat[c] : lo;
        w[c] = x > min[c] ? x : min[c];
        used += w[c];
    }
    while (used > avail) { /* even the minimums are too wide: the widest give way */
        size_t c = 0;
        for (size_t k = 1; k < n; k++)
            if (w[k] > w[c])
                c = k;
        if (w[c] <= 1)
            break;
        w[c]--;
        used--;
    }
    for (int grew = 1; grew && used < avail;) {
        grew = 0;
        for (size_t c = 0; used < avail && c < n; c++)
            if (w[c] < nat[c]) {
                w[c]++;
                used++;
                grew = 1;
            }
    }
}

/* Appends `n` spaces. */
static int pad(dbuf *b, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        if (dossier_buf_add(b, spaces, k))
            return DOSSIER_ENOMEM;
        n -= k;
    }
    return DOSSIER_OK;
}

/* Returns the start of line `k` of a laid-out cell and its length. */
static const char *line_at(const laid *l, size_t k, size_t *len)
{
    const char *s = l->text;
    for (size_t i = 0; i < k; i++)
        s = strchr(s, '\n') + 1;
    const char *nl = strchr(s, '\n');
    *len = nl ? (size_t)(nl - s) : strlen(s);
    return s;
}

/* Appends one table row of laid-out cells (several lines when wrapped). */
static int emit_row(dbuf *b, const laid *cells, const size_t *w, const int *right, size_t n,
                    const char *style, int color)
{
    size_t lines = 1;
    int on[64] = {0}, *onv = n <= 64 ? on : calloc(n, sizeof *onv);
    if (!onv)
        return DOSSIER_ENOMEM;
    for (size_t c = 0; c < n; c++)
        if (cells[c].nlines > lines)
            lines = cells[c].nlines;
    int rc = 0;
    for (size_t k = 0; !rc && k < lines; k++) {
        size_t pending = 0; /* spaces owed before the next text, so lines never end in blanks */
        for (size_t c = 0; !rc && c < n; c++) {
            size_t len = 0;
            const char *s = k < cells[c].nlines ? line_at(&cells[c], k, &len) : "";
            size_t sw = cells[c].width != (size_t)-1 ? cells[c].width : dossier_format_width(s, len);
            size_t fill = w[c] > sw ? w[c] - sw : 0;
            if (c > 0)
                pending += 2;
            if (len == 0) {
                pending += w[c];
                continue;
            }
            if (right[c])
                pending += fill;
            rc = pad(b, pending);
            pending = right[c] ? 0 : fill;
            if (!rc && style)
                rc = dossier_buf_puts(b, style);
            if (!rc)
                rc = color ? emit_line(b, s, len, &onv[c]) : dossier_buf_add(b, s, len);
            if (!rc && style)
                rc = dossier_buf_puts(b, ANSI_RESET);
        }
        if (!rc)
            rc = dossier_buf_add(b, "\n", 1);
    }
    if (onv != on)
        free(onv);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Lays out one cell's text for a column `width` wide. */
static int lay_out(laid *out, dossier_arena *a, const char *s, size_t len, size_t width, int color)
{
    dbuf clean = {0}, wrapped = {0};
    int rc = sanitize(&clean, s, len, color);
    if (!rc)
        rc = wrap_plain(&wrapped, clean.s, clean.len, width);
    out->nlines = 1;
    out->text = NULL;
    out->width = (size_t)-1;
    if (!rc) {
        const char *t = wrapped.s ? wrapped.s : "";
        out->text = dossier_arena_strndup(a, t, wrapped.len);
        for (size_t i = 0; i < wrapped.len; i++)
            out->nlines += t[i] == '\n';
        if (!out->text)
            rc = DOSSIER_ENOMEM;
    }
    dossier_buf_free(&clean);
    dossier_buf_free(&wrapped);
    return rc;
}

/*
 * Natural width of a cell as displayed (after sanitizing): its widest
 * line; *word gets its widest word, which wrapping had better not break,
 * and *plain whether it holds no control character (so that it can be
 * printed as it is when it fits).
 */
static size_t cell_width(const dossier_cell *cell, int color, size_t *word, int *plain)
{
    size_t best = 0, cur = 0, pos = 0, w = 0;
    *word = 0;
    *plain = 1;
    if (!cell->text)
        return 0;
    while (pos < cell->len) {
        unsigned char b = (unsigned char)cell->text[pos];
        if (b > 0x20 && b < 0x7f) { /* printable ASCII but space: one column, inside a word */
            pos++;
            if (++cur > best)
                best = cur;
            if (++w > *word)
                *word = w;
            continue;
        }
        int32_t ch = dossier_utf8_next(cell->text, cell->len, &pos);
        size_t cw = ch == DOSSIER_MARK_ON || ch == DOSSIER_MARK_OFF ? (color ? 0 : 1) : ch == '\r' ? 0 :
                    ch >= 0 && ch < 0x20 ? 1 : (size_t)char_width(ch);
        if (ch >= 0 && ch < 0x20)
            *plain = 0; /* newlines, tabs, marks: laid out the long way */
        if (ch == '\n')
            cur = 0;
        else
            cur += cw;
        w = ch == ' ' || ch == '\n' || ch == '\t' ? 0 : w + cw;
        if (cur > best)
            best = cur;
        if (w > *word)
            *word = w;
    }
    return best;
}

/*
 * Formats the rows one record after another, for a terminal too narrow
 * for their columns (as psql's expanded display): a rule line, then one
 * line a non-empty field, "name  value", the value wrapped to the width
 * and indented under itself.
 */
static int format_records(dbuf *b, const dossier_rows *r, const dossier_output *how)
{
    size_t n = r->ncols, nrows = dossier_rows_count(r), namew = 0;
    for (size_t c = 0; c < n; c++) {
        size_t w = dossier_format_width(r->names[c], strlen(r->names[c]));
        if (w > namew)
            namew = w;
    }
    int rc = 0;
    for (size_t k = 0; !rc && k < nrows; k++) {
        char rule[64];
        int len = snprintf(rule, sizeof rule, "-[ %zu ]", k + 1);
        rc = dossier_buf_puts(b, how->color ? ANSI_RULE : "");
        if (!rc)
            rc = dossier_buf_add(b, rule, (size_t)len);
        for (int i = len; !rc && i < how->width && i < 40; i++)
            rc = dossier_buf_add(b, "-", 1);
        if (!rc)
            rc = dossier_buf_puts(b, how->color ? ANSI_RESET "\n" : "\n");
        for (size_t c = 0; !rc && c < n; c++) {
            const dossier_cell *cell = &r->cells.v[k * n + c];
            if (cell->type == DOSSIER_CELL_NULL || cell->len == 0)
                continue;
            size_t nw = dossier_format_width(r->names[c], strlen(r->names[c]));
            rc = dossier_buf_puts(b, how->color ? ANSI_HEADER : "");
            if (!rc)
                rc = dossier_buf_puts(b, r->names[c]);
            if (!rc)
                rc = dossier_buf_puts(b, how->color ? ANSI_RESET : "");
            if (!rc)
                rc = pad(b, namew - nw + 2);
            if (!rc)
                rc = dossier_format_wrap(b, cell->text, cell->len, how->width, (int)namew + 2, how->color);
            if (!rc)
                rc = dossier_buf_add(b, "\n", 1);
        }
    }
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/*
 * Non-zero when the columns cannot all be read at the terminal's width:
 * each needs min(its natural width, its heading, READABLE) columns.
 */
static int too_narrow(const size_t *nat, const char *const *names, size_t n, size_t avail)
{
    if (avail == 0)
        return 0;
    size_t need = 0;
    for (size_t c = 0; c < n; c++) {
        size_t hw = dossier_format_width(names[c], strlen(names[c]));
        size_t want = hw > READABLE ? hw : READABLE;
        need += nat[c] < want ? nat[c] : want;
    }
    return need > avail;
}

/* Formats a table (see the top of this file). */
static int format_table(dbuf *b, const dossier_rows *r, const dossier_output *how)
{
    size_t n = r->ncols, nrows = dossier_rows_count(r);
    size_t *nat = calloc(n, sizeof *nat), *min = calloc(n, sizeof *min), *w = calloc(n, sizeof *w);
    size_t *cw = calloc(nrows * n + 1, sizeof *cw); /* each cell's width; (size_t)-1: not plain */
    int *right = calloc(n, sizeof *right);
    laid *cells = calloc(n, sizeof *cells);
    dossier_arena a = {0};
    int rc = nat && min && w && cw && right && cells ? DOSSIER_OK : DOSSIER_ENOMEM;
    if (rc || nrows == 0)
        goto done;
    for (size_t c = 0; c < n; c++) {
        size_t hw = max_line_width(r->names[c], strlen(r->names[c]));
        int numeric = 1, any = 0;
        size_t longest = 0, word;
        nat[c] = hw;
        for (size_t k = 0; k < nrows; k++) {
            const dossier_cell *cell = &r->cells.v[k * n + c];
            int plain;
            size_t width = cell_width(cell, how->color, &word, &plain);
            cw[k * n + c] = plain ? width : (size_t)-1;
            if (width > nat[c])
                nat[c] = width;
            if (word > longest)
                longest = word;
            if (cell->type == DOSSIER_CELL_TEXT)
                numeric = 0;
            any |= cell->type != DOSSIER_CELL_NULL;
        }
        right[c] = numeric && any;
        size_t floor_w = hw > MIN_WRAP ? hw : MIN_WRAP;
        if (longest > floor_w)
            floor_w = longest < MAX_WORD ? longest : MAX_WORD;
        min[c] = nat[c] < floor_w ? nat[c] : floor_w;
    }
    size_t seps = 2 * (n - 1), avail = how->width > 0 && (size_t)how->width > seps ? (size_t)how->width - seps : 0;
    if (how->width > 0 && (avail == 0 || too_narrow(nat, r->names, n, avail))) {
        rc = format_records(b, r, how);
        goto done;
    }
    fit_widths(w, nat, min, n, avail);
    for (size_t c = 0; !rc && c < n; c++)
        rc = lay_out(&cells[c], &a, r->names[c], strlen(r->names[c]), w[c], 0);
    if (!rc)
        rc = emit_row(b, cells, w, right, n, how->color ? ANSI_HEADER : NULL, 0);
    if (!rc && how->color)
        rc = dossier_buf_puts(b, ANSI_RULE);
    for (size_t c = 0; !rc && c < n; c++) {
        rc = c > 0 ? dossier_buf_add(b, "  ", 2) : 0;
        for (size_t k = 0; !rc && k < w[c]; k++)
            rc = dossier_buf_add(b, "-", 1);
    }
    if (!rc)
        rc = dossier_buf_puts(b, how->color ? ANSI_RESET "\n" : "\n");
    for (size_t k = 0; !rc && k < nrows; k++) {
        dossier_arena_free(&a);
        for (size_t c = 0; !rc && c < n; c++) {
            const dossier_cell *cell = &r->cells.v[k * n + c];
            size_t width = cw[k * n + c];
            if (width != (size_t)-1 && width <= w[c]) { /* fits as it is */
                cells[c].text = cell->text ? cell->text : "";
                cells[c].nlines = 1;
                cells[c].width = width;
                continue;
            }
            rc = lay_out(&cells[c], &a, cell->text ? cell->text : "", cell->len, w[c], how->color);
        }
        if (!rc)
            rc = emit_row(b, cells, w, right, n, NULL, how->color);
    }
done:
    dossier_arena_free(&a);
    free(nat);
    free(min);
    free(w);
    free(cw);
    free(right);
    free(cells);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* ---- JSON, CSV, TSV ---- */

/* The bracket a highlight mark stands for outside coloured tables, or 0. */
static char mark_char(char ch)
{
    return ch == DOSSIER_MARK_ON ? '[' : ch == DOSSIER_MARK_OFF ? ']' : 0;
}

/* See format.h.  Invalid UTF-8 becomes U+FFFD so the output stays valid JSON. */
int dossier_format_json_string(dbuf *b, const char *s, size_t len)
{
    int rc = dossier_buf_add(b, "\"", 1);
    size_t pos = 0;
    while (!rc && pos < len) {
        size_t run = pos;
        while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x80 && s[run] != '"' &&
               s[run] != '\\')
            run++;
        if (run > pos) { /* plain ASCII in one piece */
            rc = dossier_buf_add(b, s + pos, run - pos);
            pos = run;
            continue;
        }
        size_t at = pos;
        int32_t c = dossier_utf8_next(s, len, &pos);
        char m = mark_char(s[at]);
        if (m)
            rc = dossier_buf_add(b, &m, 1);
        else if (c < 0)
            rc = dossier_buf_puts(b, "\xEF\xBF\xBD");
        else if (c == '"' || c == '\\')
            rc = dossier_buf_printf(b, "\\%c", (char)c);
        else if (c == '\n')
            rc = dossier_buf_puts(b, "\\n");
        else if (c == '\t')
            rc = dossier_buf_puts(b, "\\t");
        else if (c == '\r')
            rc = dossier_buf_puts(b, "\\r");
        else if (c < 0x20)
            rc = dossier_buf_printf(b, "\\u%04x", (unsigned)c);
        else
            rc = dossier_buf_add(b, s + at, pos - at);
    }
    return rc || dossier_buf_add(b, "\"", 1) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Non-zero when a number's text is also valid JSON (not inf, nan). */
static int json_number_ok(const char *s)
{
    if (*s == '-')
        s++;
    return *s >= '0' && *s <= '9';
}

/* Appends row k of r as one JSON object. */
static int json_object(dbuf *b, const dossier_rows *r, size_t k)
{
    size_t n = r->ncols;
    int rc = dossier_buf_puts(b, "{");
    for (size_t c = 0; !rc && c < n; c++) {
        const dossier_cell *cell = &r->cells.v[k * n + c];
        const char *name = dossier_format_column_name(r->names[c]);
        rc = c ? dossier_buf_puts(b, ", ") : 0;
        if (!rc)
            rc = dossier_format_json_string(b, name, strlen(name));
        if (!rc)
            rc = dossier_buf_puts(b, ": ");
        if (rc)
            break;
        if (cell->type == DOSSIER_CELL_NULL)
            rc = dossier_buf_puts(b, "null");
        else if (cell->type == DOSSIER_CELL_TEXT)
            rc = dossier_format_json_string(b, cell->text, cell->len);
        else
            rc = dossier_buf_puts(b, json_number_ok(cell->text) ? cell->text : "null");
    }
    return rc ? rc : dossier_buf_puts(b, "}");
}

/* Formats a JSON array of objects, one object a line; one object for a record. */
static int format_json(dbuf *b, const dossier_rows *r)
{
    size_t nrows = dossier_rows_count(r);
    if (r->object) {
        int rc = nrows ? json_object(b, r, 0) : dossier_buf_puts(b, "{}");
        return rc || dossier_buf_puts(b, "\n") ? DOSSIER_ENOMEM : DOSSIER_OK;
    }
    int rc = dossier_buf_puts(b, nrows ? "[\n" : "[]\n");
    for (size_t k = 0; !rc && k < nrows; k++) {
        rc = dossier_buf_puts(b, "  ");
        if (!rc)
            rc = json_object(b, r, k);
        if (!rc)
            rc = dossier_buf_puts(b, k + 1 < nrows ? ",\n" : "\n]\n");
    }
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Formats JSON Lines: one object a line. */
static int format_jsonl(dbuf *b, const dossier_rows *r)
{
    int rc = 0;
    for (size_t k = 0, nrows = dossier_rows_count(r); !rc && k < nrows; k++) {
        rc = json_object(b, r, k);
        if (!rc)
            rc = dossier_buf_puts(b, "\n");
    }
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Length of the run at s[0..len) free of the bytes in `special` (and of highlight marks). */
static size_t plain_run(const char *s, size_t len, const char *special)
{
    size_t i = 0;
    while (i < len && s[i] != DOSSIER_MARK_ON && s[i] != DOSSIER_MARK_OFF && !(s[i] && strchr(special, s[i])))
        i++;
    return i;
}

/* See format.h. */
int dossier_format_csv_field(dbuf *b, const char *s, size_t len)
{
    int quote = plain_run(s, len, ",\"\n\r") < len;
    int rc = quote ? dossier_buf_add(b, "\"", 1) : 0;
    for (size_t i = 0; !rc && i < len;) {
        size_t run = plain_run(s + i, len - i, "\"");
        rc = dossier_buf_add(b, s + i, run);
        i += run;
        if (!rc && i < len) {
            char m = mark_char(s[i]);
            rc = s[i] == '"' ? dossier_buf_add(b, "\"\"", 2) : dossier_buf_add(b, m ? &m : &s[i], 1);
            i++;
        }
    }
    if (!rc && quote)
        rc = dossier_buf_add(b, "\"", 1);
    return rc;
}

/* Appends one TSV field: tab, newline, return and backslash escaped as \t \n \r \\. */
static int tsv_field(dbuf *b, const char *s, size_t len)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < len;) {
        size_t run = plain_run(s + i, len - i, "\t\n\r\\");
        rc = dossier_buf_add(b, s + i, run);
        i += run;
        if (rc || i >= len)
            break;
        char m = mark_char(s[i]);
        switch (s[i]) {
        case '\t': rc = dossier_buf_add(b, "\\t", 2); break;
        case '\n': rc = dossier_buf_add(b, "\\n", 2); break;
        case '\r': rc = dossier_buf_add(b, "\\r", 2); break;
        case '\\': rc = dossier_buf_add(b, "\\\\", 2); break;
        default: rc = dossier_buf_add(b, m ? &m : &s[i], 1);
        }
        i++;
    }
    return rc;
}

/* Formats CSV (CRLF line ends, RFC 4180) or TSV (LF), with a header line. */
static int format_separated(dbuf *b, const dossier_rows *r, int csv)
{
    size_t n = r->ncols, nrows = dossier_rows_count(r);
    const char *sep = csv ? "," : "\t", *eol = csv ? "\r\n" : "\n";
    int rc = 0;
    for (size_t k = 0; !rc && k <= nrows; k++) {
        for (size_t c = 0; !rc && c < n; c++) {
            const char *s = k == 0 ? dossier_format_column_name(r->names[c]) : r->cells.v[(k - 1) * n + c].text;
            size_t len = k == 0 ? strlen(s) : r->cells.v[(k - 1) * n + c].len;
            rc = c ? dossier_buf_puts(b, sep) : 0;
            if (!rc && s)
                rc = csv ? dossier_format_csv_field(b, s, len) : tsv_field(b, s, len);
        }
        if (!rc)
            rc = dossier_buf_puts(b, eol);
    }
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See format.h. */
const char *dossier_format_column_name(const char *name)
{
    return name[0] == '_' && name[1] ? name + 1 : name;
}

/* Non-zero when column c of r holds something in some row. */
static int column_used(const dossier_rows *r, size_t c)
{
    for (size_t k = 0, nrows = dossier_rows_count(r); k < nrows; k++) {
        const dossier_cell *cell = &r->cells.v[k * r->ncols + c];
        if (cell->type != DOSSIER_CELL_NULL && cell->len > 0)
            return 1;
    }
    return 0;
}

/*
 * What a table shows of r, in *v (cells point into r; free with
 * free_view): the columns meant for people that hold something, and a
 * record turned into (field, value) rows.
 */
static int table_view(dossier_rows *v, const dossier_rows *r)
{
    static const char *const pair[] = {"field", "value"};
    size_t nrows = dossier_rows_count(r);
    memset(v, 0, sizeof *v);
    v->names = calloc(r->object ? 2 : r->ncols + 1, sizeof *v->names);
    if (!v->names)
        return DOSSIER_ENOMEM;
    if (r->object) {
        v->ncols = 2;
        v->names[0] = pair[0];
        v->names[1] = pair[1];
    }
    int rc = 0;
    for (size_t c = 0; !rc && c < r->ncols; c++) {
        if (r->names[c][0] == '_' || (nrows > 0 && !column_used(r, c)))
            continue;
        if (r->object && nrows > 0) {
            dossier_cell name = {r->names[c], strlen(r->names[c]), DOSSIER_CELL_TEXT};
            rc = VEC_PUSH(&v->cells, name);
            if (!rc)
                rc = VEC_PUSH(&v->cells, r->cells.v[c]);
            continue;
        }
        if (!r->object)
            v->names[v->ncols++] = r->names[c];
    }
    for (size_t k = 0; !rc && !r->object && k < nrows; k++)
        for (size_t c = 0; !rc && c < r->ncols; c++)
            if (r->names[c][0] != '_' && column_used(r, c))
                rc = VEC_PUSH(&v->cells, r->cells.v[k * r->ncols + c]);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Frees what table_view allocated (not the cells' text, which is r's). */
static void free_view(dossier_rows *v)
{
    free(v->names);
    VEC_FREE(&v->cells);
}

/* See format.h. */
int dossier_format_rows(char **out, const dossier_rows *r, const dossier_output *how)
{
    dbuf b = {0};
    dossier_rows v;
    int rc;
    *out = NULL;
    switch (how->format) {
    case DOSSIER_FORMAT_JSON: rc = format_json(&b, r); break;
    case DOSSIER_FORMAT_JSONL: rc = format_jsonl(&b, r); break;
    case DOSSIER_FORMAT_CSV: rc = format_separated(&b, r, 1); break;
    case DOSSIER_FORMAT_TSV: rc = format_separated(&b, r, 0); break;
    default:
        rc = table_view(&v, r);
        if (!rc && v.ncols > 0)
            rc = format_table(&b, &v, how);
        free_view(&v);
        break;
    }
    if (!rc) {
        *out = dossier_buf_take(&b);
        if (!*out)
            rc = DOSSIER_ENOMEM;
    }
    dossier_buf_free(&b);
    return rc;
}
