/*
 * util.c — growable arrays and strings, a string arena, UTF-8 helpers and
 * text folding.  utf8proc is used here and in source.c only.
 */
#include "base/util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dossier.h"

/* See util.h.  Doubles the capacity until `need` elements fit. */
int dossier_util_grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return DOSSIER_OK;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*v, ncap * size);
    if (!p)
        return DOSSIER_ENOMEM;
    *v = p;
    *cap = ncap;
    return DOSSIER_OK;
}

/* See util.h. */
int dossier_buf_add(dbuf *b, const char *s, size_t len)
{
    if (dossier_util_grow((void **)&b->s, &b->cap, b->len + len + 1, 1))
        return DOSSIER_ENOMEM;
    if (len)
        memcpy(b->s + b->len, s, len);
    b->len += len;
    b->s[b->len] = '\0';
    return DOSSIER_OK;
}

/* See util.h. */
int dossier_buf_puts(dbuf *b, const char *s)
{
    return dossier_buf_add(b, s, strlen(s));
}

/* See util.h. */
int dossier_buf_printf(dbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return DOSSIER_ERROR;
    if (dossier_util_grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1))
        return DOSSIER_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return DOSSIER_OK;
}

/* See util.h.  An empty buffer yields an empty string, not NULL. */
char *dossier_buf_take(dbuf *b)
{
    if (!b->s && dossier_buf_add(b, "", 0))
        return NULL;
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* See util.h. */
void dossier_buf_free(dbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    char data[];
};

#define ARENA_BLOCK 16384

/* See util.h.  Large strings get a block of their own. */
char *dossier_arena_strndup(dossier_arena *a, const char *s, size_t len)
{
    struct arena_block *b = a->head;
    if (!b || b->size - b->used < len + 1) {
        size_t size = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
        b = malloc(sizeof(*b) + size);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
    }
    char *p = b->data + b->used;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

/* See util.h. */
void dossier_arena_free(dossier_arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* See util.h. */
char *dossier_strndup(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

/* See util.h. */
char *dossier_strdup(const char *s)
{
    return s ? dossier_strndup(s, strlen(s)) : NULL;
}

/* See util.h: dossier_utf8_next past ASCII (and at the end of s). */
int32_t dossier_utf8_next_wide(const char *s, size_t len, size_t *pos)
{
    if (*pos < len && (unsigned char)s[*pos] < 0x80)
        return (unsigned char)s[(*pos)++];
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *pos,
                                          (utf8proc_ssize_t)(len - *pos), &c);
    if (n <= 0) {
        (*pos)++;
        return -1;
    }
    *pos += (size_t)n;
    return c;
}

/* See util.h. */
size_t dossier_utf8_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* See util.h: the classes of the ASCII characters. */
enum {
    A_UPPER = DOSSIER_ASCII_UPPER, A_LOWER = DOSSIER_ASCII_LOWER,
    A_DIGIT = DOSSIER_ASCII_DIGIT, A_SPACE = DOSSIER_ASCII_SPACE
};
const unsigned char dossier_ascii_class[128] = {
    ['\t'] = A_SPACE, ['\n'] = A_SPACE, ['\v'] = A_SPACE, ['\f'] = A_SPACE, ['\r'] = A_SPACE,
    [' '] = A_SPACE,
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
    ['A'] = A_UPPER, ['B'] = A_UPPER, ['C'] = A_UPPER, ['D'] = A_UPPER, ['E'] = A_UPPER,
    ['F'] = A_UPPER, ['G'] = A_UPPER, ['H'] = A_UPPER, ['I'] = A_UPPER, ['J'] = A_UPPER,
    ['K'] = A_UPPER, ['L'] = A_UPPER, ['M'] = A_UPPER, ['N'] = A_UPPER, ['O'] = A_UPPER,
    ['P'] = A_UPPER, ['Q'] = A_UPPER, ['R'] = A_UPPER, ['S'] = A_UPPER, ['T'] = A_UPPER,
    ['U'] = A_UPPER, ['V'] = A_UPPER, ['W'] = A_UPPER, ['X'] = A_UPPER, ['Y'] = A_UPPER,
    ['Z'] = A_UPPER,
    ['a'] = A_LOWER, ['b'] = A_LOWER, ['c'] = A_LOWER, ['d'] = A_LOWER, ['e'] = A_LOWER,
    ['f'] = A_LOWER, ['g'] = A_LOWER, ['h'] = A_LOWER, ['i'] = A_LOWER, ['j'] = A_LOWER,
    ['k'] = A_LOWER, ['l'] = A_LOWER, ['m'] = A_LOWER, ['n'] = A_LOWER, ['o'] = A_LOWER,
    ['p'] = A_LOWER, ['q'] = A_LOWER, ['r'] = A_LOWER, ['s'] = A_LOWER, ['t'] = A_LOWER,
    ['u'] = A_LOWER, ['v'] = A_LOWER, ['w'] = A_LOWER, ['x'] = A_LOWER, ['y'] = A_LOWER,
    ['z'] = A_LOWER,
};

/* See util.h: dossier_uc_is_letter past ASCII (0 for a negative c). */
int dossier_uc_is_letter_wide(int32_t c)
{
    if (c < 0)
        return 0;
    if (c < 0x80)
        return (dossier_ascii_class[c] & (A_UPPER | A_LOWER)) != 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* See util.h: dossier_uc_is_upper past ASCII. */
int dossier_uc_is_upper_wide(int32_t c)
{
    if (c < 0)
        return 0;
    if (c < 0x80)
        return (dossier_ascii_class[c] & A_UPPER) != 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

/* See util.h: dossier_uc_is_lower past ASCII. */
int dossier_uc_is_lower_wide(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (dossier_ascii_class[c] & A_LOWER) != 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* See util.h: dossier_uc_is_digit past ASCII. */
int dossier_uc_is_digit_wide(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (dossier_ascii_class[c] & A_DIGIT) != 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

/* See util.h: dossier_uc_is_space past ASCII. */
int dossier_uc_is_space_wide(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && (dossier_ascii_class[c] & A_SPACE) != 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

/* See util.h.  No ASCII character is a mark. */
int dossier_uc_is_mark(int32_t c)
{
    if (c < 0x80)
        return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

/* See util.h.  „ ‚ « ‹ open; » › ” ’ close; “ ‘ " ' do either (“ opens in
 * English and closes in German). */
int dossier_uc_quote_kind(int32_t c)
{
    switch (c) {
    case 0x201E: case 0x201A: case 0x00AB: case 0x2039:
        return 1;
    case 0x00BB: case 0x203A: case 0x201D: case 0x2019:
        return 2;
    case 0x201C: case 0x2018: case 0x201F: case '"': case '\'':
        return 3;
    default:
        return 0;
    }
}

/* Maps typographic apostrophes and dashes to ASCII, for folding. */
static int32_t plain_char(int32_t c)
{
    switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        return '-';
    default:
        return c;
    }
}

/* What the general path of dossier_fold() makes of a punctuation character (typo_char). */
enum { TYPO_OTHER, TYPO_SPACE, TYPO_GONE, TYPO_DASH, TYPO_QUOTE, TYPO_SAME };

/*
 * The kind of the character at s[i] (a byte past ASCII) when it is one of
 * the punctuation characters of the general punctuation block (U+2000 to
 * U+203F) or a no-break space, as the general path folds it: utf8proc
 * leaves them as they are (no decomposition, case or mark) but for the
 * ignorable ones it drops (TYPO_GONE), dossier_uc_is_space takes the
 * spaces, plain_char makes the dashes and single quotes ASCII, and the
 * rest stay (TYPO_SAME: "“", "…").  TYPO_OTHER for any other character.
 */
static int typo_char(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i], d = i + 1 < len ? (unsigned char)s[i + 1] : 0;
    if (c == 0xC2)
        return d == 0xA0 ? TYPO_SPACE : TYPO_OTHER;
    if (c != 0xE2 || d != 0x80 || i + 2 >= len)
        return TYPO_OTHER;
    unsigned char e = (unsigned char)s[i + 2];
    if (e < 0x80 || e > 0xBF)
        return TYPO_OTHER;
    if (e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF)
        return TYPO_SPACE;
    if (e <= 0x8F || (e >= 0xAA && e <= 0xAE))
        return TYPO_GONE;
    if (e <= 0x94)
        return TYPO_DASH;
    if (e == 0x98 || e == 0x99)
        return TYPO_QUOTE;
    return TYPO_SAME;
}

static int fold_unicode(dbuf *b, const char *s, size_t len);

/*
 * What the general path makes of each letter of Latin-1, the Latin
 * extensions, Greek and Cyrillic (U+00C0 to U+024F, U+0370 to U+052F: two
 * bytes each) standing alone, when that is one or two bytes with no space
 * (len 0: a character left to the general path).  Folding such a letter
 * depends on no other: case and decomposition are the letter's own, its
 * marks are stripped, and no letter of these blocks composes with another
 * (what follows a letter and may compose with it, a combining mark, sends
 * the word to the general path).  Made once per process by asking the
 * general path about each (pthread_once).
 */
#define TWO_FIRST 0xC0
#define TWO_LAST 0x52F
static struct {
    unsigned char len;
    char s[2];
} two_fold[TWO_LAST - TWO_FIRST + 1];
static pthread_once_t two_fold_once = PTHREAD_ONCE_INIT;

/* Fills two_fold (pthread_once); a letter the general path cannot fold (out of memory) stays out. */
static void make_two_fold(void)
{
    dbuf b = {0};
    for (unsigned cp = TWO_FIRST; cp <= TWO_LAST; cp++) {
        if (cp >= 0x250 && cp < 0x370)
            continue; /* phonetic letters, modifiers and combining marks */
        char in[2] = {(char)(0xC0 | cp >> 6), (char)(0x80 | (cp & 0x3F))};
        if (fold_unicode(&b, in, 2) == DOSSIER_OK && b.len >= 1 && b.len <= 2 && !memchr(b.s, ' ', b.len)) {
            two_fold[cp - TWO_FIRST].len = (unsigned char)b.len;
            memcpy(two_fold[cp - TWO_FIRST].s, b.s, b.len);
        }
    }
    dossier_buf_free(&b);
}

/*
 * dossier_fold() for pure ASCII text, which most words are: lower-cased,
 * spaces collapsed, without utf8proc's decomposition, into out (len + 1
 * bytes); returns the folded length, or (size_t)-1 at a NUL or a byte past
 * ASCII, which the general path folds, but for the typographic quotes,
 * dashes and spaces of typo_char ("don’t", "“", "—") and the letters of
 * two_fold ("é", "ß", "Ж"), taken as it takes them.  Same result as the
 * general path on such input.
 */
/*
 * What fold_ascii makes of an ASCII byte: a capital lower-cased, a
 * backquote an apostrophe, any other byte itself; 0 for a space (the
 * bytes dossier_ascii_class calls spaces) and for NUL.
 */
static const unsigned char fold_byte[128] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    0x00, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
    0x27, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
};

static size_t fold_ascii(char *out, const char *s, size_t len)
{
    size_t o = 0;
    int space = 0, letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && fold_byte[c]) {
            if (space && o > 0)
                out[o++] = ' ';
            space = 0;
            out[o++] = (char)fold_byte[c];
            continue;
        }
        if (c < 0x80 && c) { /* a space (fold_byte 0) */
            space = 1;
            continue;
        }
        /* NUL or a byte past ASCII */
        unsigned char d = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (c >= 0xC3 && c <= 0xD4 && (d & 0xC0) == 0x80) {
            if (!letters) {
                pthread_once(&two_fold_once, make_two_fold);
                letters = 1;
            }
            unsigned cp = (unsigned)(c & 0x1F) << 6 | (d & 0x3F);
            if (cp < TWO_FIRST || cp > TWO_LAST || !two_fold[cp - TWO_FIRST].len)
                return (size_t)-1;
            if (space && o > 0)
                out[o++] = ' ';
            space = 0;
            memcpy(out + o, two_fold[cp - TWO_FIRST].s, two_fold[cp - TWO_FIRST].len);
            o += two_fold[cp - TWO_FIRST].len;
            i++;
            continue;
        }
        int k = c ? typo_char(s, i, len) : TYPO_OTHER;
        if (k == TYPO_OTHER)
            return (size_t)-1;
        size_t n = c == 0xC2 ? 2 : 3;
        if (k == TYPO_SPACE)
            space = 1;
        if (k == TYPO_SPACE || k == TYPO_GONE) {
            i += n - 1;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = 0;
        if (k == TYPO_SAME) {
            memcpy(out + o, s + i, n);
            o += n;
        } else {
            out[o++] = k == TYPO_DASH ? '-' : '\'';
        }
        i += n - 1;
    }
    out[o] = '\0';
    return o;
}

/*
 * The general path of dossier_fold(), into b (emptied first): decomposed,
 * case-folded and stripped by utf8proc, then spaces collapsed and
 * typographic characters made plain.  Returns 0 or DOSSIER_ENOMEM.
 */
static int fold_unicode(dbuf *b, const char *s, size_t len)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    if (n < 0) {
        /* Invalid UTF-8 cannot reach here from ingest; fold bytes as they are. */
        mapped = (utf8proc_uint8_t *)dossier_strndup(s, len);
        if (!mapped)
            return DOSSIER_ENOMEM;
        n = (utf8proc_ssize_t)len;
    }
    b->len = 0;
    if (dossier_util_grow((void **)&b->s, &b->cap, (size_t)n + 1, 1)) {
        free(mapped);
        return DOSSIER_ENOMEM;
    }
    char *out = b->s;
    size_t o = 0, pos = 0;
    int space = 0;
    while (pos < (size_t)n) {
        int32_t c = dossier_utf8_next((const char *)mapped, (size_t)n, &pos);
        if (c < 0)
            continue;
        if (dossier_uc_is_space(c)) {
            space = 1;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = 0;
        c = plain_char(c);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
        memcpy(out + o, enc, (size_t)k);
        o += (size_t)k;
    }
    out[o] = '\0';
    b->len = o;
    free(mapped);
    return DOSSIER_OK;
}

/* See util.h. */
const char *dossier_fold_into(dbuf *b, const char *s, size_t len)
{
    b->len = 0;
    if (b->cap < len + 1 && dossier_util_grow((void **)&b->s, &b->cap, len + 1, 1))
        return NULL;
    size_t n = fold_ascii(b->s, s, len);
    if (n == (size_t)-1)
        return fold_unicode(b, s, len) ? NULL : b->s;
    b->len = n;
    return b->s;
}

/* See util.h: the fast path folds into the arena's room for len + 1 bytes, of which it keeps what it used. */
const char *dossier_arena_fold(dossier_arena *a, dbuf *scratch, const char *s, size_t len, size_t *out_len)
{
    struct arena_block *b = a->head;
    if (b && b->size - b->used >= len + 1) {
        char *p = b->data + b->used;
        size_t n = fold_ascii(p, s, len);
        if (n != (size_t)-1) {
            b->used += n + 1;
            *out_len = n;
            return p;
        }
    }
    const char *f = dossier_fold_into(scratch, s, len);
    *out_len = f ? scratch->len : 0;
    return f ? dossier_arena_strndup(a, f, scratch->len) : NULL;
}

/* See util.h. */
char *dossier_fold(const char *s, size_t len)
{
    dbuf b = {0};
    if (dossier_fold_into(&b, s, len))
        return dossier_buf_take(&b);
    dossier_buf_free(&b);
    return NULL;
}

/* See util.h. */
uint64_t dossier_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* See util.h. */
char *dossier_escape_name(const char *s)
{
    size_t len = strlen(s), pos = 0;
    int clean = 1;
    while (clean && pos < len) {
        int32_t c = dossier_utf8_next(s, len, &pos);
        clean = c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0);
    }
    if (clean)
        return NULL;
    dbuf b = {0};
    for (pos = 0; pos < len;) {
        size_t at = pos;
        int32_t c = dossier_utf8_next(s, len, &pos);
        int rc = c < 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
                     ? dossier_buf_printf(&b, "\\x%02X", (unsigned char)s[at])
                     : dossier_buf_add(&b, s + at, pos - at);
        if (c >= 0x80 && c < 0xA0)   /* a C1 control: its two bytes */
            for (size_t k = at + 1; !rc && k < pos; k++)
                rc = dossier_buf_printf(&b, "\\x%02X", (unsigned char)s[k]);
        if (rc) {
            dossier_buf_free(&b);
            return NULL;
        }
    }
    return dossier_buf_take(&b);
}

/* See util.h. */
int dossier_hyphen_tail(const char *w, size_t n)
{
    size_t at = n;
    while (at > 0 && w[at - 1] != '-')
        at--;
    if (at < 2 || at + 2 > n)
        return 0;
    int32_t ch = dossier_utf8_next(w, n, &at);
    return ch >= 0 && dossier_uc_is_lower(ch);
}
