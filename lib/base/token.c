/*
 * token.c — the one tokenizer: splits text into words and punctuation.
 *
 * Used both on article bodies (segment.c) and on lexicon phrases
 * (lexicon.c), so that a phrase matches text exactly when their folded
 * tokens are equal.  Rules are in token.h.
 */
#include "base/token.h"

#include "base/util.h"

/*
 * ASCII tests for the fast paths below, answering as util.c's Unicode
 * tests do for ASCII (no ASCII character is a mark): most text is ASCII,
 * and a call per character into util.c was a fifth of tokenizing.
 */
static int ascii_upper(unsigned char b)
{
    return b >= 'A' && b <= 'Z';
}

static int ascii_lower(unsigned char b)
{
    return b >= 'a' && b <= 'z';
}

static int ascii_digit(unsigned char b)
{
    return b >= '0' && b <= '9';
}

static int ascii_space(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

/* A character that can be part of a word. */
static int is_wordch(int32_t c)
{
    return dossier_uc_is_letter(c) || dossier_uc_is_digit(c) || dossier_uc_is_mark(c);
}

static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static int is_hyphen(int32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* The code point at `pos` without advancing; -1 at the end. */
static int32_t peek(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return -1;
    return dossier_utf8_next(s, len, &pos);
}

/* Flags of a word token s[start..end). */
static unsigned word_flags(const char *s, size_t start, size_t end)
{
    unsigned flags = 0;
    size_t pos = start;
    int letters = 0, lower = 0, first = 1;
    while (pos < end) {
        unsigned char b = (unsigned char)s[pos];
        if (b < 0x80) {
            pos++;
            if (first && ascii_digit(b))
                flags |= DOSSIER_TOK_NUM;
            if (ascii_upper(b) || ascii_lower(b)) {
                if (!(flags & DOSSIER_TOK_WORD) && ascii_upper(b))
                    flags |= DOSSIER_TOK_UPPER;
                flags |= DOSSIER_TOK_WORD;
                letters++;
                if (ascii_lower(b))
                    lower++;
            }
            first = 0;
            continue;
        }
        int32_t c = dossier_utf8_next(s, end, &pos);
        if (first && dossier_uc_is_digit(c))
            flags |= DOSSIER_TOK_NUM;
        if (dossier_uc_is_letter(c)) {
            if (!(flags & DOSSIER_TOK_WORD) && dossier_uc_is_upper(c))
                flags |= DOSSIER_TOK_UPPER;
            flags |= DOSSIER_TOK_WORD;
            letters++;
            if (dossier_uc_is_lower(c))
                lower++;
        }
        first = 0;
    }
    if (letters >= 2 && lower == 0)
        flags |= DOSSIER_TOK_ALLCAPS;
    return flags;
}

/* Flags of a one-character punctuation token. */
static unsigned punct_flags(int32_t c)
{
    unsigned flags = DOSSIER_TOK_PUNCT;
    int q = dossier_uc_quote_kind(c);
    if (q) {
        flags |= DOSSIER_TOK_QUOTE;
        if (q & 1)
            flags |= DOSSIER_TOK_QOPEN;
        if (q & 2)
            flags |= DOSSIER_TOK_QCLOSE;
    }
    if (c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015)
        flags |= DOSSIER_TOK_DASH;
    if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        flags |= DOSSIER_TOK_SENTEND;
    return flags;
}

/*
 * Where a word that starts at `start` ends.  Inner hyphens, periods between
 * word characters and apostrophes are kept, except that an elided article
 * ("l'", "qu'") ends after its apostrophe and a possessive "'s" is split off.
 */
static size_t word_end(const char *s, size_t len, size_t start)
{
    size_t pos = start, run = 0;
    while (pos < len) {
        unsigned char b = (unsigned char)s[pos];
        if (ascii_upper(b) || ascii_lower(b) || ascii_digit(b)) {
            pos++;
            run++;
            continue;
        }
        size_t at = pos;
        int32_t c = dossier_utf8_next(s, len, &pos);
        if (is_wordch(c)) {
            run++;
            continue;
        }
        int32_t next = peek(s, len, pos);
        if ((is_hyphen(c) || c == '.') && is_wordch(next)) {
            run = 0;
            continue;
        }
        int elided = run == 1 || (run == 2 && (s[at - 2] == 'q' || s[at - 2] == 'Q'));
        if (is_apostrophe(c) && elided && (next == -1 || dossier_uc_is_space(next)))
            return pos; /* "l'" ending a lexicon phrase, or before a stray space */
        if (is_apostrophe(c) && dossier_uc_is_letter(next)) {
            size_t after = pos;
            dossier_utf8_next(s, len, &after);
            int32_t next2 = peek(s, len, after);
            if ((next == 's' || next == 'S') && !is_wordch(next2))
                return at; /* possessive: "'s" is its own token */
            if (elided)
                return pos; /* elision: "l'", "d'", "qu'" */
            run = 0;
            continue;
        }
        return at;
    }
    return pos;
}

/*
 * The common token, a run of ASCII letters and digits that the end of the
 * text or an ASCII character that cannot go on a word (none of - . ')
 * ends, read in one pass: its end into *end and its flags (as word_end
 * and word_flags give them), or 0 when the run goes on otherwise and the
 * general path must read it.
 */
static unsigned ascii_word(const char *s, size_t len, size_t start, size_t *end)
{
    enum { LETTER = DOSSIER_ASCII_UPPER | DOSSIER_ASCII_LOWER, ALNUM = LETTER | DOSSIER_ASCII_DIGIT };
    size_t pos = start;
    unsigned first_letter = 0, letters = 0, lower = 0;
    for (; pos < len; pos++) {
        unsigned char b = (unsigned char)s[pos];
        if (b >= 0x80)
            return 0;
        unsigned k = dossier_ascii_class[b];
        if (!(k & ALNUM)) {
            if (b == '-' || b == '.' || b == '\'')
                return 0;
            break;
        }
        if (k & LETTER) {
            if (!first_letter)
                first_letter = k;
            letters++;
            lower += (k & DOSSIER_ASCII_LOWER) != 0;
        }
    }
    unsigned flags = 0;
    if (dossier_ascii_class[(unsigned char)s[start]] & DOSSIER_ASCII_DIGIT)
        flags |= DOSSIER_TOK_NUM;
    if (letters)
        flags |= DOSSIER_TOK_WORD;
    if (first_letter & DOSSIER_ASCII_UPPER)
        flags |= DOSSIER_TOK_UPPER;
    if (letters >= 2 && lower == 0)
        flags |= DOSSIER_TOK_ALLCAPS;
    *end = pos;
    return flags; /* not 0: the run starts with a digit or a letter */
}

/* See token.h. */
unsigned dossier_token_next(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
    size_t p = *pos;
    int32_t c = -1;
    size_t at = p;
    while (p < len) {
        at = p;
        if ((unsigned char)s[p] < 0x80) {
            c = (unsigned char)s[p++];
            if (!ascii_space((unsigned char)c))
                break;
            c = -1;
            continue;
        }
        c = dossier_utf8_next(s, len, &p);
        /* a combining mark that follows no letter (after a space, in garbled text) marks
           nothing: skipped like the space, it would be a token without flags, read as the end */
        if (!dossier_uc_is_space(c) && !dossier_uc_is_mark(c))
            break;
        c = -1;
    }
    if (c == -1 && p >= len) {
        *pos = len;
        return 0;
    }
    *start = at;
    if ((uint32_t)c < 0x80 && (dossier_ascii_class[c] & (DOSSIER_ASCII_UPPER | DOSSIER_ASCII_LOWER | DOSSIER_ASCII_DIGIT))) {
        unsigned flags = ascii_word(s, len, at, end);
        if (flags) {
            *pos = *end;
            return flags;
        }
    }
    if (is_wordch(c)) {
        *end = word_end(s, len, at);
        *pos = *end;
        return word_flags(s, *start, *end);
    }
    if (is_apostrophe(c) && (peek(s, len, p) == 's' || peek(s, len, p) == 'S') && at > 0) {
        size_t after = p + 1;
        if (!is_wordch(peek(s, len, after))) {
            *end = after;
            *pos = after;
            return DOSSIER_TOK_WORD;
        }
    }
    *end = p;
    *pos = p;
    return punct_flags(c);
}
