/*
 * token.h — the one tokenizer of the library.
 *
 * Article text and lexicon phrases are both split by dossier_token_next(),
 * so a phrase matches an article exactly when their folded tokens are equal.
 * A token is a word (letters, digits and marks, with inner hyphens, inner
 * periods as in "U.S" or "22.04.2022", and inner apostrophes as in
 * "aujourd'hui"), an elided article ("l'", "d'", "qu'"), a possessive "'s",
 * or one punctuation character.
 */
#ifndef DOSSIER_TOKEN_H
#define DOSSIER_TOKEN_H

#include <stddef.h>

enum dossier_token_flags {
    DOSSIER_TOK_WORD = 1 << 0,    /* holds a letter */
    DOSSIER_TOK_NUM = 1 << 1,     /* starts with a digit */
    DOSSIER_TOK_PUNCT = 1 << 2,   /* one punctuation or symbol character */
    DOSSIER_TOK_UPPER = 1 << 3,   /* first letter upper or title case */
    DOSSIER_TOK_ALLCAPS = 1 << 4, /* two or more letters, none lower case */
    DOSSIER_TOK_QUOTE = 1 << 5,   /* a quotation mark */
    DOSSIER_TOK_QOPEN = 1 << 6,   /* a quotation mark that can open */
    DOSSIER_TOK_QCLOSE = 1 << 7,  /* a quotation mark that can close */
    DOSSIER_TOK_DASH = 1 << 8,    /* a dash: - – — */
    DOSSIER_TOK_SENTEND = 1 << 9  /* . ! ? … */
};

/*
 * Finds the next token in s[*pos..len): sets *start and *end (bytes) and
 * returns its flags, or returns 0 at the end of the text.  Advances *pos.
 * A combining mark that does not follow a word character is skipped, as
 * white space is: every token has flags, so 0 means only the end.
 */
unsigned dossier_token_next(const char *s, size_t len, size_t *pos, size_t *start, size_t *end);

#endif /* DOSSIER_TOKEN_H */
