/*
 * source.c — reading an article: the first stage of the pipeline.
 *
 * Refuses what is not text (empty input, input over the size limit, NUL
 * bytes, invalid UTF-8, a run of more than MAX_MARKS combining marks,
 * which no script needs and which normalisation sorts in quadratic time),
 * each with the byte offset of the problem; caps front matter at
 * MAX_FRONT_MATTER bytes and MAX_NESTING levels of brackets (libyaml
 * takes quadratic time over deep nesting); parses
 * optional YAML front matter (a first line "---", a closing "---" line)
 * with libyaml; and normalises the text that follows: NFC with utf8proc,
 * no byte-order mark, LF line ends, Unicode spaces made plain spaces and
 * invisible format characters (soft hyphen, zero-width space) removed.
 * The original bytes are kept untouched in d->raw.
 *
 * This file is the boundary for libyaml (1/0 returns, 0-based marks) and
 * utf8proc (negative sizes, results freed with free()).
 */
#include "read/source.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <yaml.h>

#include "dossier.h"
#include "base/util.h"

#define MAX_MARKS 32                 /* combining marks in a row (Unicode's stream-safe text allows 30) */
#define MAX_FRONT_MATTER (64 * 1024) /* bytes of YAML between the fences */
#define MAX_NESTING 64               /* open [ and { in front matter */

/*
 * Length of the valid UTF-8 sequence at s[0..n), or 0 when it is invalid
 * (overlong forms, surrogates and code points above U+10FFFF included).
 */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t k;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < k || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return k;
}

/*
 * Runs of ASCII, eight bytes at a time: most of a text is ASCII, which the
 * byte loops below would read one byte at a time.  Each tells how many
 * bytes from s on (n at most, a multiple of eight but for none) are of its
 * kind; the caller's byte loop reads on from there.
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Non-zero when some byte of w is below b (b <= 128). */
static int has_below(uint64_t w, unsigned b)
{
    return ((w - ONES * b) & ~w & HIGHS) != 0;
}

/* Non-zero when some byte of w is above b (b < 128). */
static int has_above(uint64_t w, unsigned b)
{
    return (((w + ONES * (127 - b)) | w) & HIGHS) != 0;
}

/* Bytes 0x01 to 0x7F: neither NUL nor part of a multi-byte character. */
static size_t ascii_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if ((w & HIGHS) || has_below(w, 1))
            break;
    }
    return i;
}

/* Bytes below 0x80. */
static size_t seven_bit_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & HIGHS)
            break;
    }
    return i;
}

/* Printable ASCII, 0x20 to 0x7E. */
static size_t printable_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (has_below(w, 0x20) || has_above(w, 0x7E))
            break;
    }
    return i;
}

/*
 * Refuses input that is not UTF-8 text; records the reason on the doc and
 * returns DOSSIER_EINPUT, or returns DOSSIER_OK.
 */
static int check_bytes(dossier_doc *d, const unsigned char *s, size_t len, size_t max_bytes)
{
    if (len == 0)
        return dossier_doc_fail(d, DOSSIER_EINPUT, "empty file");
    if (max_bytes > 0 && len > max_bytes)
        return dossier_doc_fail(d, DOSSIER_EINPUT, "file is %zu bytes, over the limit of %zu", len,
                                max_bytes);
    size_t marks = 0, run_start = 0;
    for (size_t i = 0; i < len;) {
        size_t run = ascii_run(s + i, len - i);
        if (run) { /* single-byte characters: no NUL, no mark */
            marks = 0;
            i += run;
            continue;
        }
        if (s[i] == 0)
            return dossier_doc_fail(d, DOSSIER_EINPUT, "NUL byte at byte %zu", i);
        size_t k = utf8_seq(s + i, len - i);
        if (k > 1) {
            size_t pos = i;
            if (dossier_uc_is_mark(dossier_utf8_next((const char *)s, len, &pos))) {
                run_start = marks++ ? run_start : i;
                if (marks > MAX_MARKS)
                    return dossier_doc_fail(d, DOSSIER_EINPUT,
                                            "more than %d combining marks in a row at byte %zu", MAX_MARKS, run_start);
            } else {
                marks = 0;
            }
        } else {
            marks = 0;
        }
        if (k == 0) {
            if (i == 0 && len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
                return dossier_doc_fail(d, DOSSIER_EINPUT,
                                        "invalid UTF-8 at byte 0 (the file looks like UTF-16)");
            return dossier_doc_fail(d, DOSSIER_EINPUT, "invalid UTF-8 at byte %zu", i);
        }
        i += k;
    }
    return DOSSIER_OK;
}

/* What a code point becomes in the text: ' ' for spaces, '\n' for line
 * separators, 0 to drop it, or itself. */
static int32_t plain(int32_t c)
{
    switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case '\t': case '\v': case '\f':
        return ' ';
    case 0x2028: case 0x2029: case 0x0085:
        return '\n';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return 0;
    default:
        return (c >= 0x2000 && c <= 0x200A) ? ' ' : c;
    }
}

/*
 * The NFC form of s[0..len) (valid UTF-8) appended to b.  No ASCII
 * character decomposes, combines with the character before it or is
 * reordered past, so NFC never reaches across the start of one: runs of
 * ASCII are copied as they are, and only each stretch from the ASCII
 * character before some non-ASCII ones (which they may compose with) to
 * the next ASCII character goes through utf8proc.  The same text as
 * utf8proc_map() over the whole, without its work on the ASCII.
 */
static int nfc_into(dbuf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i + seven_bit_run((const unsigned char *)s + i, len - i);
        while (j < len && (unsigned char)s[j] < 0x80)
            j++;
        size_t from = j > i && j < len ? j - 1 : j; /* the ASCII character before the stretch goes with it */
        if (dossier_buf_add(b, s + i, from - i))
            return DOSSIER_ENOMEM;
        if (j == len)
            break;
        size_t e = j;
        while (e < len && (unsigned char)s[e] >= 0x80)
            e++;
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + from, (utf8proc_ssize_t)(e - from), &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (n < 0)
            return n == UTF8PROC_ERROR_NOMEM ? DOSSIER_ENOMEM : DOSSIER_EINPUT;
        int rc = dossier_buf_add(b, (const char *)nfc, (size_t)n);
        free(nfc);
        if (rc)
            return DOSSIER_ENOMEM;
        i = e;
    }
    return DOSSIER_OK;
}

/*
 * Normalises s[0..len) (valid UTF-8): NFC, then line ends and odd spaces as
 * described at the top.  Sets *out (the caller frees it) and *out_len.
 */
static int normalise(char **out, size_t *out_len, const char *s, size_t len)
{
    dbuf nb = {0};
    int rc = dossier_buf_add(&nb, "", 0); /* an empty text is a string too */
    if (!rc)
        rc = nfc_into(&nb, s, len);
    if (rc) {
        dossier_buf_free(&nb);
        return rc;
    }
    const char *nfc = nb.s;
    size_t n = nb.len;
    char *t = malloc(n + 1);
    if (!t) {
        dossier_buf_free(&nb);
        return DOSSIER_ENOMEM;
    }
    size_t o = 0, pos = 0;
    while (pos < n) {
        size_t run = printable_run((const unsigned char *)nfc + pos, n - pos);
        if (run) { /* printable ASCII stays as it is */
            memcpy(t + o, nfc + pos, run);
            o += run;
            pos += run;
            continue;
        }
        unsigned char a = (unsigned char)nfc[pos];
        if (a >= 0x20 && a < 0x7F) { /* printable ASCII stays as it is */
            t[o++] = (char)a;
            pos++;
            continue;
        }
        int32_t c = dossier_utf8_next(nfc, n, &pos);
        if (c == '\r') {
            c = '\n';
            if (pos < n && nfc[pos] == '\n')
                pos++;
        }
        c = c < 0 ? 0xFFFD : plain(c);
        if (c == 0)
            continue;
        o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)t + o);
    }
    t[o] = '\0';
    dossier_buf_free(&nb);
    *out = t;
    *out_len = o;
    return DOSSIER_OK;
}

/* Length of the line at s[pos..len) without its line end; *next gets the
 * start of the following line. */
static size_t line_at(const char *s, size_t len, size_t pos, size_t *next)
{
    size_t e = pos;
    while (e < len && s[e] != '\n' && s[e] != '\r')
        e++;
    *next = e;
    if (*next < len && s[*next] == '\r')
        (*next)++;
    if (*next < len && s[*next] == '\n')
        (*next)++;
    return e - pos;
}

/* Non-zero when s[0..n) is "---" followed only by spaces. */
static int is_fence(const char *s, size_t n)
{
    if (n < 3 || memcmp(s, "---", 3) != 0)
        return 0;
    for (size_t i = 3; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/*
 * Finds front matter at s[start..len): a "---" line, YAML, a "---" line.
 * Sets *yaml and *yaml_len to the YAML between and *after to the first byte of
 * the text after the closing line.  Returns 0 when there is none.
 */
static int find_front_matter(const char *s, size_t len, size_t start, size_t *yaml, size_t *yaml_len,
                             size_t *after)
{
    size_t next;
    size_t n = line_at(s, len, start, &next);
    if (!is_fence(s + start, n))
        return 0;
    *yaml = next;
    for (size_t pos = next; pos < len;) {
        size_t nx;
        size_t k = line_at(s, len, pos, &nx);
        if (is_fence(s + pos, k) || (k == 3 && memcmp(s + pos, "...", 3) == 0)) {
            *yaml_len = pos - next;
            *after = nx;
            return 1;
        }
        pos = nx;
    }
    return 0;
}

/* Stores a front-matter value, normalised like the text, in the arena. */
static int fm_value(dossier_doc *d, const char **slot, const char *v)
{
    char *t = NULL;
    size_t n = 0;
    int rc = normalise(&t, &n, v, strlen(v));
    if (rc)
        return rc == DOSSIER_ENOMEM ? dossier_doc_fail(d, rc, "out of memory") : DOSSIER_OK;
    size_t a = 0;
    while (a < n && t[a] == ' ')
        a++;
    while (n > a && (t[n - 1] == ' ' || t[n - 1] == '\n'))
        n--;
    if (n > a) {
        *slot = dossier_doc_strndup(d, t + a, n - a);
        if (!*slot)
            rc = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    free(t);
    return rc;
}

/* The doc's slot for front-matter key `k` (a few common synonyms too:
 * "date" for published, "source" for outlet), or NULL for keys we ignore. */
static const char **fm_slot(dossier_doc *d, const char *k)
{
    if (!strcmp(k, "title") || !strcmp(k, "headline"))
        return &d->fm_title;
    if (!strcmp(k, "outlet") || !strcmp(k, "publisher") || !strcmp(k, "publication") || !strcmp(k, "source") ||
        !strcmp(k, "site") || !strcmp(k, "site_name") || !strcmp(k, "og:site_name"))
        return &d->fm_outlet;
    if (!strcmp(k, "published") || !strcmp(k, "date"))
        return &d->fm_published;
    if (!strcmp(k, "url") || !strcmp(k, "link"))
        return &d->fm_url;
    if (!strcmp(k, "language") || !strcmp(k, "lang"))
        return &d->fm_language;
    return NULL;
}

/*
 * Reads front matter that is not YAML only because a value holds ": "
 * ("title: Budget: what changes"), as people write it by hand: every
 * non-blank line must be "key: value" at the left margin.  Returns
 * DOSSIER_OK when it could, DOSSIER_EYAML when a line is not of that shape.
 */
static int plain_front_matter(dossier_doc *d, const char *y, size_t n)
{
    size_t at = 0;
    while (at < n) {
        const char *line = y + at, *nl = memchr(line, '\n', n - at);
        size_t len = nl ? (size_t)(nl - line) : n - at;
        at += len + 1;
        if (len == 0 || line[0] == '#' || strspn(line, " \t") == len)
            continue;
        size_t k = 0;
        while (k < len && (isalnum((unsigned char)line[k]) || line[k] == '_' || line[k] == '-'))
            k++;
        if (k == 0 || k + 1 >= len || line[k] != ':' || line[k + 1] != ' ')
            return DOSSIER_EYAML;
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)k, line);
        const char **slot = fm_slot(d, key);
        size_t v = k + 2, e = len;
        while (v < e && line[v] == ' ')
            v++;
        if (e - v >= 2 && (line[v] == '"' || line[v] == '\'') && line[e - 1] == line[v])
            v++, e--;
        char *value = dossier_strndup(line + v, e - v);
        int rc = !value ? DOSSIER_ENOMEM : slot ? fm_value(d, slot, value) : DOSSIER_OK;
        free(value);
        if (rc)
            return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    return DOSSIER_OK;
}

/*
 * Parses the front matter YAML (which starts on file line `first_line`,
 * 1-based) and fills fm_*.  A YAML error gives DOSSIER_EYAML with the line
 * and column in the file.
 */
static int parse_front_matter(dossier_doc *d, const char *y, size_t n, size_t first_line)
{
    yaml_parser_t p;
    yaml_document_t doc;
    int have_doc = 0, rc = DOSSIER_OK;
    if (n > MAX_FRONT_MATTER)
        return dossier_doc_fail(d, DOSSIER_EYAML, "front matter is %zu bytes, over the limit of %d", n,
                                MAX_FRONT_MATTER);
    /* open brackets, quoted or not: a cheap bound on the nesting libyaml would walk */
    int depth = 0;
    size_t line = first_line;
    for (size_t i = 0; i < n; i++) {
        char c = y[i];
        if (c == '\n')
            line++;
        if (c == '[' || c == '{') {
            if (++depth > MAX_NESTING)
                return dossier_doc_fail(d, DOSSIER_EYAML, "front matter line %zu: nested deeper than %d levels",
                                        line, MAX_NESTING);
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    if (!yaml_parser_initialize(&p))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)y, n);
    if (!yaml_parser_load(&p, &doc)) {
        if (p.problem && strstr(p.problem, "mapping values are not allowed") &&
            plain_front_matter(d, y, n) == DOSSIER_OK) {
            snprintf(d->warning, sizeof d->warning,
                     "front matter line %zu column %zu: not valid YAML (a value holds \": \"); read as plain key: value lines",
                     first_line + p.problem_mark.line, p.problem_mark.column + 1);
            goto done;
        }
        if (p.context)
            rc = dossier_doc_fail(d, DOSSIER_EYAML, "front matter line %zu column %zu: %s (%s at line %zu column %zu)",
                                  first_line + p.problem_mark.line, p.problem_mark.column + 1,
                                  p.problem ? p.problem : "invalid YAML", p.context,
                                  first_line + p.context_mark.line, p.context_mark.column + 1);
        else
            rc = dossier_doc_fail(d, DOSSIER_EYAML, "front matter line %zu column %zu: %s",
                                  first_line + p.problem_mark.line, p.problem_mark.column + 1,
                                  p.problem ? p.problem : "invalid YAML");
        goto done;
    }
    have_doc = 1;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root)
        goto done; /* empty front matter */
    if (root->type != YAML_MAPPING_NODE) {
        rc = dossier_doc_fail(d, DOSSIER_EYAML, "front matter line %zu column %zu: not a mapping of keys",
                              first_line + root->start_mark.line, root->start_mark.column + 1);
        goto done;
    }
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
        if (!k || !v || k->type != YAML_SCALAR_NODE || v->type != YAML_SCALAR_NODE)
            continue;
        const char **slot = fm_slot(d, (const char *)k->data.scalar.value);
        if (slot && (rc = fm_value(d, slot, (const char *)v->data.scalar.value)) != DOSSIER_OK)
            goto done;
    }
done:
    if (have_doc)
        yaml_document_delete(&doc);
    yaml_parser_delete(&p);
    return rc;
}

/* See source.h. */
int dossier_source_load(dossier_doc *d, const char *bytes, size_t len, size_t max_bytes)
{
    int rc = check_bytes(d, (const unsigned char *)bytes, len, max_bytes);
    if (rc)
        return rc;
    d->raw = malloc(len + 1);
    if (!d->raw)
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    memcpy(d->raw, bytes, len);
    d->raw[len] = '\0';
    d->raw_len = len;

    size_t start = (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    size_t yaml = 0, yaml_len = 0, after = start;
    if (find_front_matter(bytes, len, start, &yaml, &yaml_len, &after)) {
        rc = parse_front_matter(d, bytes + yaml, yaml_len, 2); /* the YAML starts on line 2 */
        if (rc)
            return rc;
    } else
        after = start;
    d->text_offset = after;

    rc = normalise(&d->text, &d->text_len, bytes + after, len - after);
    if (rc)
        return dossier_doc_fail(d, rc, rc == DOSSIER_ENOMEM ? "out of memory" : "text cannot be normalised");
    size_t i = 0;
    while (i < d->text_len && (d->text[i] == ' ' || d->text[i] == '\n'))
        i++;
    if (i == d->text_len)
        return dossier_doc_fail(d, DOSSIER_EINPUT, after > start ? "no text after the front matter"
                                                                : "file holds only white space");
    return DOSSIER_OK;
}
