/*
 * util.h — small shared mechanisms: growable arrays and strings, a string
 * arena, UTF-8 helpers and the one text-folding function every matcher uses.
 */
#ifndef DOSSIER_UTIL_H
#define DOSSIER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A growable array of T: VEC(int) v = {0}; VEC_PUSH(&v, 3). */
#define VEC(T) struct { T *v; size_t n, cap; }

/*
 * Makes room for one more element in a VEC; returns 0 or DOSSIER_ENOMEM.
 * Use through VEC_PUSH / VEC_RESERVE.
 */
int dossier_util_grow(void **v, size_t *cap, size_t need, size_t size);

#define VEC_RESERVE(vec, need) \
    dossier_util_grow((void **)&(vec)->v, &(vec)->cap, (need), sizeof(*(vec)->v))
/* Evaluates to 0 on success, DOSSIER_ENOMEM on failure (no call while there is room). */
#define VEC_PUSH(vec, x) \
    (((vec)->n < (vec)->cap || !VEC_RESERVE((vec), (vec)->n + 1)) ? ((vec)->v[(vec)->n++] = (x), 0) : -2)
#define VEC_FREE(vec) do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->cap = 0; } while (0)

/* A growable NUL-terminated byte string. */
typedef struct {
    char *s;
    size_t len, cap;
} dbuf;

/* Appends `len` bytes; returns 0 or DOSSIER_ENOMEM.  The buffer stays NUL-terminated. */
int dossier_buf_add(dbuf *b, const char *s, size_t len);
/* Appends a NUL-terminated string. */
int dossier_buf_puts(dbuf *b, const char *s);
/* Appends printf-style formatted text. */
int dossier_buf_printf(dbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the string to the caller (who frees it) and resets the buffer. */
char *dossier_buf_take(dbuf *b);
/* Frees the buffer's memory. */
void dossier_buf_free(dbuf *b);

/* A bump allocator for many small strings that die together. */
typedef struct dossier_arena dossier_arena;
struct dossier_arena {
    struct arena_block *head;
};
/* Copies `len` bytes and a NUL into the arena; NULL when out of memory. */
char *dossier_arena_strndup(dossier_arena *a, const char *s, size_t len);
/* Frees every block of the arena. */
void dossier_arena_free(dossier_arena *a);

/* strndup that returns NULL on allocation failure; the caller frees. */
char *dossier_strndup(const char *s, size_t len);
char *dossier_strdup(const char *s);

/*
 * Character classes of ASCII, which most text is, so that the tests below
 * answer without a call or a utf8proc table look-up; the same answers as
 * utf8proc's categories.  Past ASCII, the *_wide functions (util.c) answer.
 */
enum { DOSSIER_ASCII_UPPER = 1, DOSSIER_ASCII_LOWER = 2, DOSSIER_ASCII_DIGIT = 4, DOSSIER_ASCII_SPACE = 8 };
extern const unsigned char dossier_ascii_class[128];
int32_t dossier_utf8_next_wide(const char *s, size_t len, size_t *pos);
int dossier_uc_is_letter_wide(int32_t c);
int dossier_uc_is_upper_wide(int32_t c);
int dossier_uc_is_lower_wide(int32_t c);
int dossier_uc_is_digit_wide(int32_t c);
int dossier_uc_is_space_wide(int32_t c);

/*
 * Decodes the code point at s[*pos] (s has `len` bytes), advances *pos, and
 * returns it, or -1 on invalid UTF-8 (then *pos advances by one byte).
 * Inline for ASCII: every scan of the text calls it for every character.
 */
static inline int32_t dossier_utf8_next(const char *s, size_t len, size_t *pos)
{
    if (*pos < len && (unsigned char)s[*pos] < 0x80)
        return (unsigned char)s[(*pos)++];
    return dossier_utf8_next_wide(s, len, pos);
}
/* The start of the code point before byte `pos`. */
size_t dossier_utf8_prev(const char *s, size_t pos);

/*
 * Non-zero when the last hyphen of word w (n bytes) stands after two bytes
 * or more and is followed by a small letter ("Leeds-based", "Kim In-so";
 * not "Aix-en-Provence").
 */
int dossier_hyphen_tail(const char *w, size_t n);

/* Unicode category tests on a code point (from utf8proc; ASCII inline). */
static inline int dossier_uc_is_letter(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return (dossier_ascii_class[c] & (DOSSIER_ASCII_UPPER | DOSSIER_ASCII_LOWER)) != 0;
    return dossier_uc_is_letter_wide(c);
}
/* An uppercase or titlecase letter. */
static inline int dossier_uc_is_upper(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return (dossier_ascii_class[c] & DOSSIER_ASCII_UPPER) != 0;
    return dossier_uc_is_upper_wide(c);
}
static inline int dossier_uc_is_lower(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return (dossier_ascii_class[c] & DOSSIER_ASCII_LOWER) != 0;
    return dossier_uc_is_lower_wide(c);
}
static inline int dossier_uc_is_digit(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return (dossier_ascii_class[c] & DOSSIER_ASCII_DIGIT) != 0;
    return dossier_uc_is_digit_wide(c);
}
/* Any Unicode space or separator. */
static inline int dossier_uc_is_space(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return (dossier_ascii_class[c] & DOSSIER_ASCII_SPACE) != 0;
    return dossier_uc_is_space_wide(c);
}
int dossier_uc_is_mark(int32_t c);
/* Quotation marks: 1 opening-only, 2 closing-only, 3 either (" ' etc), 0 not a quote. */
int dossier_uc_quote_kind(int32_t c);

/*
 * Folds text for matching: case-folded, accents stripped, typographic
 * apostrophes and dashes made ASCII, runs of space made one space, leading
 * and trailing space removed.  The caller frees the result with free().
 * Returns NULL when out of memory.  Every name and word comparison in the
 * library goes through this function, so that both sides fold alike.
 */
char *dossier_fold(const char *s, size_t len);
/*
 * dossier_fold() into a buffer the caller keeps from call to call, for hot
 * paths: b is emptied and holds the folded text.  Returns b->s (valid until
 * the next use of b), or NULL when out of memory.  The caller frees b with
 * dossier_buf_free().
 */
const char *dossier_fold_into(dbuf *b, const char *s, size_t len);
/*
 * dossier_fold() into arena a: the folded text, kept with the arena's
 * strings (written there at once by the fast path; `scratch`, the
 * caller's, kept from call to call, serves the general path).  Returns it
 * and sets *out_len to its length, or returns NULL when out of memory.
 */
const char *dossier_arena_fold(dossier_arena *a, dbuf *scratch, const char *s, size_t len, size_t *out_len);

/*
 * A name (a file name, a path) as text: NULL when it is valid UTF-8 without
 * control characters and can be shown as it is, else a copy in which each
 * byte that is no part of valid UTF-8, and each control character (a line
 * break), is written \xHH.  The caller frees the copy with free().  NULL
 * too when out of memory: the name is then shown as it is.
 */
char *dossier_escape_name(const char *s);

/* FNV-1a hash of `len` bytes. */
uint64_t dossier_hash(const char *s, size_t len);

/*
 * The number of bytes from s on (n at most) before the first that is past
 * ASCII or is `a` or `b`, read eight at a time: a multiple of eight, the
 * rest left to the caller's byte loop.  Inline: the scans that use it
 * (quotation marks, item separators) step over most of a text with it.
 */
static inline size_t dossier_ascii_run_without(const char *s, size_t n, char a, char b)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w, x, y;
        memcpy(&w, s + i, 8);
        x = w ^ (ones * (unsigned char)a);
        y = w ^ (ones * (unsigned char)b);
        /* a zero byte in x or y is an `a` or a `b` */
        if ((w & highs) || ((x - ones) & ~x & highs) || ((y - ones) & ~y & highs))
            break;
    }
    return i;
}

#endif /* DOSSIER_UTIL_H */
