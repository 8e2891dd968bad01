/*
 * doc.h — one article on its way through the pipeline.
 *
 * Each stage reads what the stages before it filled and adds its own part:
 *
 *   source   raw, text, fm_* (front matter)          source.c
 *   clean    lines[] with their class                 clean.c
 *   meta     title, outlet, published, language       meta.c
 *   segment  body, paragraphs[], sentences[], tokens[] segment.c
 *   extract  entities[], mentions[], roles[],         entities.c, roles.c,
 *            statements[], timexes[], events[]         statements.c, topics.c,
 *                                                      dates.c, events.c
 *   store    writes it all in one transaction         store.c
 *
 * Every span is a byte range [start, end) into `body` (the cleaned text),
 * except line spans, which point into `text`.  The doc owns every pointer
 * in it; dossier_doc_free() releases them all.  Small strings (folded
 * tokens, titles, cue words) live in the doc's arena.
 */
#ifndef DOSSIER_DOC_H
#define DOSSIER_DOC_H

#include <stddef.h>

#include "base/lexicon.h"
#include "base/util.h"

typedef struct {
    size_t start, end;
} dossier_span;

/* How clean.c classified a line of `text`. */
enum dossier_line_class {
    DOSSIER_LINE_BLANK = 0,
    DOSSIER_LINE_BODY,        /* article text: goes into body */
    DOSSIER_LINE_TITLE,       /* the headline: goes into body, as its first paragraph */
    DOSSIER_LINE_META,        /* dateline, byline, "Source: X", masthead: not body */
    DOSSIER_LINE_BOILERPLATE  /* counters, link lists, prompts, captions: not body */
};

typedef struct {
    dossier_span span;   /* into text, without the newline */
    int cls;             /* enum dossier_line_class */
    size_t body_start;   /* where the line starts in body, when it is in it */
    dossier_span read;   /* the span clean read the line's tokens from (empty: it read none) ... */
    size_t tok0, ntok;   /* ... and where they are: line_folds/line_flags/line_spans [tok0, tok0 + ntok) */
} dossier_line;

typedef struct {
    dossier_span span;
    int first_sentence, nsentences;
} dossier_paragraph;

typedef struct {
    dossier_span span;
    int paragraph;
    int first_token, ntokens;
} dossier_sentence;

typedef struct {
    dossier_span span;
    unsigned flags;      /* enum dossier_token_flags */
    int sentence;
} dossier_token;

/* An entity as this article knows it, before cross-article resolution. */
typedef struct {
    const char *name;               /* canonical name (arena) */
    int kind;                       /* enum dossier_entity_kind */
    const dossier_gaz_entry *gaz;   /* the gazetteer entry, or NULL when found from text */
    VEC(const char *) aliases;      /* other surface forms seen (arena) */
    int nmentions;                  /* mentions outside boilerplate */
    const char *fold;               /* name folded (arena), or NULL when out of memory */
    VEC(const char *) alias_folds;  /* each alias folded (arena, or NULL), parallel to aliases */
} dossier_entity;

/* How a mention refers to its entity. */
enum dossier_mention_how {
    DOSSIER_MENTION_NAME = 0,     /* the full name or a gazetteer name */
    DOSSIER_MENTION_SHORT,        /* surname only, "Mr X", an acronym */
    DOSSIER_MENTION_DESCRIPTION,  /* "the head of JAXA", "the agency" */
    DOSSIER_MENTION_PRONOUN       /* "he", "she", "they", "il", "er" */
};

typedef struct {
    dossier_span span;
    int entity;          /* index into entities */
    int how;             /* enum dossier_mention_how */
    int sentence;
    int first_token, ntokens;
} dossier_mention;

typedef struct {
    int person, organization;   /* entity indexes */
    const char *title;          /* as written, e.g. "Director General" (arena) */
    dossier_span span;
} dossier_role;

enum dossier_statement_kind {
    DOSSIER_STATEMENT_DIRECT = 0,
    DOSSIER_STATEMENT_INDIRECT = 1
};

typedef struct {
    dossier_span span;          /* the words stated, quotation marks excluded */
    int kind;                   /* enum dossier_statement_kind */
    const char *cue;            /* the cue ("said", "according to", "a déclaré") or NULL (arena) */
    int speaker_mention;        /* index into mentions, or -1 */
    int speaker;                /* entity index, or -1 when unknown */
    VEC(int) about;             /* entity indexes the statement is about */
    const char *wording;        /* what clustering compares of it, worked out beside the analysis:
                                   content words "\n" numbers "\n" (store/cluster.c; arena), or NULL */
} dossier_statement;

enum dossier_precision {
    DOSSIER_DATE_NONE = 0,
    DOSSIER_DATE_YEAR = 1,
    DOSSIER_DATE_MONTH = 2,
    DOSSIER_DATE_DAY = 3
};

/* A temporal expression, normalised against the publication date. */
typedef struct {
    dossier_span span;
    char value[11];             /* "YYYY", "YYYY-MM", "YYYY-MM-DD", or "" when unresolved */
    int precision;              /* enum dossier_precision */
    int relative;               /* non-zero when resolved against the publication date */
    int sentence;
} dossier_timex;

typedef struct {
    dossier_span span;          /* the sentence or clause that reports it */
    const char *kind;           /* one of the kinds in eval/README.md (arena) */
    const char *trigger;        /* the trigger word as written (arena) */
    int timex;                  /* index into timexes, or -1 */
    VEC(int) participants;      /* entity indexes */
} dossier_event;

typedef struct dossier_doc {
    const dossier_lexicon *lex;
    const char *source;         /* path or "-" (not owned) */
    dossier_arena arena;

    /* source */
    char *raw;                  /* the original bytes, untouched */
    size_t raw_len;
    char *text;                 /* NFC, front matter removed, NBSP and odd spaces made spaces */
    size_t text_len;
    size_t text_offset;         /* where text starts in raw (after the front matter) */
    const char *fm_title, *fm_outlet, *fm_published, *fm_url, *fm_language;

    /* clean */
    VEC(dossier_line) lines;
    VEC(const char *) line_folds; /* every token of the lines clean read, folded (arena): meta reads */
    VEC(unsigned) line_flags;     /* them again instead of tokenizing again; their token flags */
    VEC(dossier_span) line_spans; /* and spans into text */
    VEC(uint64_t) line_hashes;    /* and the dossier_lexicon_word_hash of each fold (meta's and segment's) */
    char *body;                 /* the article body: title and body lines, paragraphs split by "\n\n" */
    size_t body_len;

    /* meta (arena strings or NULL) */
    const char *title, *outlet, *url;
    const char *language;       /* ISO 639-1, never NULL after meta */
    char published[11];         /* "YYYY-MM-DD" or "" */

    /* segment */
    VEC(dossier_paragraph) paragraphs;
    VEC(dossier_sentence) sentences;
    VEC(dossier_token) tokens;
    VEC(const char *) folds;    /* folded form of each token (arena), parallel to tokens */
    VEC(uint64_t) fold_hashes;  /* dossier_lexicon_word_hash of each fold, parallel to folds */
    VEC(uint16_t) fold_bits;    /* dossier_lexicon_prefix_bit of each fold, parallel to folds */

    /* extract */
    VEC(dossier_entity) entities;
    VEC(dossier_mention) mentions;
    VEC(dossier_role) roles;
    VEC(dossier_statement) statements;
    VEC(dossier_timex) timexes;
    VEC(dossier_event) events;

    /* the failure, set once where it is found; a warning the article went in despite */
    int err;
    char errmsg[512];
    char warning[256];
} dossier_doc;

/* Initialises an empty doc that will use `lex`. */
void dossier_doc_init(dossier_doc *d, const dossier_lexicon *lex, const char *source);

/*
 * Frees what only analysis reads, once it is done: the tokens of the lines
 * and of the body, their folds, hashes and prefix bits (left empty).  The
 * doc keeps its text, body, lines, paragraphs, sentences and all it
 * extracted, which is what storing it reads; the fold strings stay in the
 * arena until dossier_doc_free().  An analysed article waiting for the
 * writer (lib/store/ingest.c) holds a quarter of the memory.
 */
void dossier_doc_shed(dossier_doc *d);

/* Frees everything the doc holds (not the doc struct itself). */
void dossier_doc_free(dossier_doc *d);

/*
 * Records a failure on the doc (first one wins) and returns `code`, so a
 * stage can write `return dossier_doc_fail(d, DOSSIER_EINPUT, "...")`.
 */
int dossier_doc_fail(dossier_doc *d, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Copies a string into the doc's arena; NULL when out of memory. */
const char *dossier_doc_strndup(dossier_doc *d, const char *s, size_t len);

/*
 * Adds an entity (or finds the one with the same kind and folded name) and
 * returns its index, or a negative code.  `gaz` may be NULL.
 */
int dossier_doc_entity(dossier_doc *d, const char *name, size_t len, int kind,
                       const dossier_gaz_entry *gaz);

/* Adds an alias to entity `e` unless it is already its name or an alias. */
int dossier_doc_alias(dossier_doc *d, int e, const char *alias, size_t len);

/* Adds a mention and returns its index, or a negative code. */
int dossier_doc_mention(dossier_doc *d, int entity, int how, int first_token, int ntokens);

/* The token index that contains byte `pos` of body, or -1. */
int dossier_doc_token_at(const dossier_doc *d, size_t pos);

/*
 * dossier_lexlist_match of list l at token i of the doc's folds (n tokens
 * at most), with the token's hash and prefix bit when segment made them:
 * the first test, which ends most of the fifty-odd look-ups a token, is
 * then a bit of the list.
 */
static inline size_t dossier_doc_match(const dossier_doc *d, const dossier_lexlist *l, size_t i, size_t n,
                                       const dossier_phrase **out)
{
    const char *const *w = (const char *const *)d->folds.v + i;
    return i < d->fold_bits.n ? dossier_lexlist_match_at(l, w, n, d->fold_hashes.v[i], d->fold_bits.v[i], out)
                              : dossier_lexlist_match(l, w, n, out);
}

/*
 * dossier_gazetteer_match at token i of the doc (n tokens at most) of the
 * gazetteer list `gaz` (dossier_gazetteer_names or _adjectives), with the
 * token's hash and prefix bit: returns the length and sets *out, or 0.
 */
static inline size_t dossier_doc_gazetteer(const dossier_doc *d, const dossier_lexlist *gaz, size_t i, size_t n,
                                           const dossier_gaz_entry **out)
{
    const dossier_phrase *p = NULL;
    size_t k = dossier_doc_match(d, gaz, i, n, &p);
    if (k && out)
        *out = dossier_gazetteer_entry(p);
    return k;
}

/* The language list to try for lexicon lookups: the article's language first. */
const char *dossier_doc_lang(const dossier_doc *d);

#endif /* DOSSIER_DOC_H */
