/*
 * lexicon.h — language knowledge and known entities, loaded from YAML.
 *
 * The built-in data is schema/lang/<code>.yaml (one file per language) and
 * schema/gazetteer.yaml, compiled into the library; users add their own
 * files with --lexicon and --gazetteer.  Code holds mechanisms, the YAML
 * holds words.
 *
 * A language file is a mapping.  Nested mappings are flattened with dots, so
 *
 *     statement:
 *       speech_verbs: [said, says, told]
 *     months:
 *       1: [January, Jan]
 *
 * gives the lists "statement.speech_verbs" and "months.1".  Every list holds
 * phrases; a phrase is split into words with the same tokenizer as article
 * text (token.h) and each word is folded (dossier_fold), so matching a
 * phrase against an article is a comparison of folded tokens.  A user
 * lexicon file names its language with a top-level `language: xx` key and
 * its lists are added to the built-in ones.
 *
 * Key namespaces (one owner each): `abbreviations`, `months.N`,
 * `weekdays.N`, `boilerplate.*`, `meta.*` (source, clean, meta, segment);
 * `entity.*` (entities, roles); `statement.*` (statements, topics);
 * `date.*`, `event.<kind>` (dates, events).
 *
 * The gazetteer is a list of {name, kind, names: [...], adjectives: [...]}:
 * kind is person, organization, program or place; names are every name in
 * every language and script; adjectives are the demonym forms of a place
 * ("Chinese", "chinois", "chinesisch") which name no entity by themselves.
 *
 * Loading (dossier_lexicon_new, _add_file, _add_gazetteer) writes; every
 * look-up only reads, so after loading one lexicon serves any number of
 * threads at once.
 */
#ifndef DOSSIER_LEXICON_H
#define DOSSIER_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct dossier_lexicon dossier_lexicon;

/* A phrase of a list: as written in the YAML, and as folded words. */
typedef struct {
    const char *text;
    const char *const *words;
    size_t nwords;
} dossier_phrase;

enum dossier_entity_kind {
    DOSSIER_KIND_PERSON = 0,
    DOSSIER_KIND_ORGANIZATION = 1,
    DOSSIER_KIND_PROGRAM = 2,
    DOSSIER_KIND_PLACE = 3
};

/* "person", "organization", "program", "place"; and back (-1 if unknown). */
const char *dossier_kind_name(int kind);
int dossier_kind_parse(const char *name);

/* A known entity of the gazetteer. */
typedef struct {
    const char *name;                 /* canonical name */
    int kind;                         /* enum dossier_entity_kind */
    const dossier_phrase *const *names;     /* every name, the canonical one first */
    size_t nnames;
    const dossier_phrase *const *adjectives; /* demonyms of a place */
    size_t nadjectives;
} dossier_gaz_entry;

/*
 * Loads the built-in language files and gazetteer.  On failure returns a
 * negative code and writes a one-line reason into err.  The caller frees
 * *out with dossier_lexicon_free().
 */
int dossier_lexicon_new(dossier_lexicon **out, char *err, size_t errlen);

/* Adds a user's language file (with `language: xx`). */
int dossier_lexicon_add_file(dossier_lexicon *lx, const char *path, char *err, size_t errlen);

/* Adds a user's gazetteer file (same format as schema/gazetteer.yaml). */
int dossier_lexicon_add_gazetteer(dossier_lexicon *lx, const char *path, char *err, size_t errlen);

/* Frees the lexicon.  Accepts NULL. */
void dossier_lexicon_free(dossier_lexicon *lx);

/*
 * The phrases of list `key` for language `lang`, or of every language when
 * `lang` is NULL.  Sets *out to an array owned by the lexicon and returns
 * its length (0 when the list does not exist).
 */
size_t dossier_lexicon_list(const dossier_lexicon *lx, const char *lang, const char *key,
                            const dossier_phrase *const **out);

/*
 * A list found once for many look-ups (a month name at every token): NULL
 * when the lexicon has no list (lang, key), `lang` NULL for every
 * language.  Valid as long as the lexicon; matching through it is what
 * dossier_lexicon_match does, without finding the list again.
 */
typedef struct dossier_lexlist dossier_lexlist;
const dossier_lexlist *dossier_lexicon_find(const dossier_lexicon *lx, const char *lang, const char *key);
/*
 * A stage's table of the lists it asks for, remembered by the address of
 * their key: for stages that test some fifty lists at every token, where
 * finding a list by its name (the thread's memo compares the key's text)
 * costs more than matching it.  Only for keys that are string constants
 * and one language; zero the slots before first use.
 */
#define DOSSIER_LEXMEMO_SLOTS 512
typedef struct {
    const char *key;              /* NULL: an empty slot */
    const dossier_lexlist *list;  /* what dossier_lexicon_find answered for it (may be NULL) */
} dossier_lexmemo;
/* dossier_lexicon_find_memo past its memo: finds the list and remembers it in `slot`. */
const dossier_lexlist *dossier_lexicon_find_slot(const dossier_lexicon *lx, const char *lang, const char *key,
                                                 dossier_lexmemo *slot);
/* Inline: it is asked about a million times an ingest of forty articles, and mostly answers from the memo. */
static inline const dossier_lexlist *dossier_lexicon_find_memo(const dossier_lexicon *lx, const char *lang,
                                                               const char *key, dossier_lexmemo *slots)
{
    uintptr_t a = (uintptr_t)key;
    dossier_lexmemo *slot = &slots[(uint32_t)((a ^ (a >> 7)) * 2654435761u) >> 8 & (DOSSIER_LEXMEMO_SLOTS - 1)];
    return slot->key == key ? slot->list : dossier_lexicon_find_slot(lx, lang, key, slot);
}

/*
 * The head of every list (its first member), so that the first test of a
 * match, which ends most look-ups, is made inline: `starts` has the bit
 * dossier_lexicon_prefix_bit(w) set for the first word w of each phrase;
 * `frozen` is non-zero once the list is sorted and indexed.
 */
struct dossier_lexlist_head {
    uint64_t starts[8];
    int frozen;
    /* once frozen: bit (h >> 40) & seen_mask set for the dossier_lexicon_word_hash h of each
       first word, the second test (dossier_lexlist_seen) */
    const uint64_t *seen;
    size_t seen_mask;
};

/*
 * Non-zero when a phrase of the frozen list may start with the word of
 * dossier_lexicon_word_hash h0: no phrase does when its seen bit is not set.
 * Inline, as the second test ends most look-ups the first lets through.
 */
static inline int dossier_lexlist_seen(const struct dossier_lexlist_head *h, uint64_t h0)
{
    size_t b = (size_t)(h0 >> 40) & h->seen_mask;
    return (h->seen[b / 64] >> (b % 64)) & 1;
}

/*
 * dossier_lexlist_match_run with h0 = dossier_lexicon_word_hash(words[0]), past both tests
 * (l frozen, words[0] may start a phrase, its seen bit set).
 */
size_t dossier_lexlist_match_probe(const dossier_lexlist *l, const char *const *words, size_t n, uint64_t h0,
                                   const dossier_phrase **out);

/* A bit (0-511) for the first two bytes of a folded word. */
static inline unsigned dossier_lexicon_prefix_bit(const char *w)
{
    unsigned char a = (unsigned char)w[0], b = a ? (unsigned char)w[1] : 0;
    return (a * 131u + b) & 511u;
}

/* Non-zero when a phrase of the list may start with `word`: no phrase does when its bit is not set. */
static inline int dossier_lexlist_may_start(const struct dossier_lexlist_head *h, const char *word)
{
    unsigned bit = dossier_lexicon_prefix_bit(word);
    return (h->starts[bit / 64] >> (bit % 64)) & 1;
}

/* dossier_lexlist_match past its first test (l frozen, words[0] may start a phrase). */
size_t dossier_lexlist_match_run(const dossier_lexlist *l, const char *const *words, size_t n,
                                 const dossier_phrase **out);

/*
 * The hash a list's probe makes of folded word w.  A caller that probes
 * many lists with the same word hashes it once (segment keeps it for each
 * token: dossier_doc's fold_hashes) and passes it to
 * dossier_lexlist_match_hashed.
 */
uint64_t dossier_lexicon_word_hash(const char *w);
/*
 * A number unique to this lexicon as it now is (a lexicon loaded later, or
 * this one after more files, has another): what a thread may key what it
 * worked out from the lexicon on.
 */
uint64_t dossier_lexicon_generation(const dossier_lexicon *lx);

/* dossier_lexicon_word_hash of w, whose length len is known. */
uint64_t dossier_lexicon_word_hash_len(const char *w, size_t len);

/* dossier_lexicon_match on a list found with dossier_lexicon_find (NULL matches nothing). */
static inline size_t dossier_lexlist_match(const dossier_lexlist *l, const char *const *words, size_t n,
                                           const dossier_phrase **out)
{
    const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)l;
    if (!h || !n || !words[0] || !h->frozen || !dossier_lexlist_may_start(h, words[0]))
        return 0;
    return dossier_lexlist_match_run(l, words, n, out);
}
/* dossier_lexlist_match with h0 = dossier_lexicon_word_hash(words[0]) (when words[0] is not NULL). */
static inline size_t dossier_lexlist_match_hashed(const dossier_lexlist *l, const char *const *words, size_t n,
                                                  uint64_t h0, const dossier_phrase **out)
{
    const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)l;
    if (!h || !n || !words[0] || !h->frozen || !dossier_lexlist_may_start(h, words[0]) || !dossier_lexlist_seen(h, h0))
        return 0;
    return dossier_lexlist_match_probe(l, words, n, h0, out);
}
/*
 * dossier_lexlist_match_hashed with words[0]'s prefix bit given too
 * (dossier_lexicon_prefix_bit), for callers that keep both for each word
 * they match many lists at (words[0] is not NULL).
 */
static inline size_t dossier_lexlist_match_at(const dossier_lexlist *l, const char *const *words, size_t n,
                                              uint64_t h0, unsigned bit0, const dossier_phrase **out)
{
    const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)l;
    if (!h || !n || !((h->starts[bit0 / 64] >> (bit0 % 64)) & 1) || !h->frozen || !dossier_lexlist_seen(h, h0))
        return 0;
    return dossier_lexlist_match_probe(l, words, n, h0, out);
}
/* dossier_lexicon_list on a list found with dossier_lexicon_find. */
size_t dossier_lexlist_phrases(const dossier_lexlist *l, const dossier_phrase *const **out);
/*
 * The phrases of a list whose first folded word is `word`, longest first:
 * sets *out to them (owned by the lexicon) and returns their count, 0 when
 * there are none.  One hash probe, however long the list ("the phrases of
 * event.training that begin with -").
 */
size_t dossier_lexlist_starting(const dossier_lexlist *l, const char *word, const dossier_phrase *const **out);
/*
 * The longest phrase of list (lang, key) whose folded words equal
 * words[0..k); returns k, or 0 when none matches.  `lang` NULL tries every
 * language.  *out (may be NULL) receives the phrase.
 */
size_t dossier_lexicon_match(const dossier_lexicon *lx, const char *lang, const char *key,
                             const char *const *words, size_t n, const dossier_phrase **out);

/* Non-zero when the single folded word is a one-word phrase of (lang, key). */
int dossier_lexicon_has(const dossier_lexicon *lx, const char *lang, const char *key,
                        const char *folded_word);

/*
 * The list keys "months.<m>" (m 1-12) and "weekdays.<d>" (d 1-7) as
 * constants, or NULL out of range.  A key built in a buffer for each
 * look-up costs a snprintf and defeats the lexicon's memo of recent lists
 * (which knows a key by its address), every time.
 */
const char *dossier_lexicon_month_key(int m);
const char *dossier_lexicon_weekday_key(int d);

/*
 * Non-zero when every one-word name of gazetteer entry g that folds to
 * `fold` is written in three capitals or fewer ("ASI"): a short acronym,
 * which a word written in lower case ("Así") does not name.  Longer ones
 * are also written as words ("Glonass", "Nato").
 */
int dossier_gaz_acronym_only(const dossier_gaz_entry *g, const char *fold);

/*
 * The length in bytes of the longest one-word phrase of list (lang, key)
 * that ends folded word `folded_word` and leaves `keep` bytes or more of
 * it before ("Иванова" ends in "ова", "citing" in "ing"), or 0.  For
 * short lists (endings): it reads them whole.
 */
size_t dossier_lexicon_ending(const dossier_lexicon *lx, const char *lang, const char *key, const char *folded_word,
                              size_t keep);

/*
 * The distinct list keys that start with `prefix` (in any language), in the
 * order their lists were created, into out[0..max); returns how many.  The
 * strings belong to the lexicon.  Lets data name things the code does not
 * know ("event.strike" in a user's language file).
 */
size_t dossier_lexicon_keys(const dossier_lexicon *lx, const char *prefix, const char **out, size_t max);

/* Languages that have a file, in load order; returns the count. */
size_t dossier_lexicon_languages(const dossier_lexicon *lx, const char *const **out);

/*
 * The longest gazetteer name whose folded words equal words[0..k); returns
 * k and sets *out, or returns 0.
 */
size_t dossier_gazetteer_match(const dossier_lexicon *lx, const char *const *words, size_t n,
                               const dossier_gaz_entry **out);

/*
 * The gazetteer's names and its demonyms as lists (NULL when there are
 * none), for matching them as other lists (dossier_doc_match) at a
 * document's token, and the gazetteer entry of one of their phrases:
 * dossier_gazetteer_match is the match of the first, its phrase's entry.
 */
const dossier_lexlist *dossier_gazetteer_names(const dossier_lexicon *lx);
const dossier_lexlist *dossier_gazetteer_adjectives(const dossier_lexicon *lx);
const dossier_gaz_entry *dossier_gazetteer_entry(const dossier_phrase *p);

/*
 * The longest demonym (adjective) of a gazetteer place at words[0..k);
 * returns k and sets *out to the place, or returns 0.
 */
size_t dossier_gazetteer_match_adjective(const dossier_lexicon *lx, const char *const *words,
                                         size_t n, const dossier_gaz_entry **out);

/* The entry one of whose names folds to the same words as `name`, or NULL. */
const dossier_gaz_entry *dossier_gazetteer_find(const dossier_lexicon *lx, const char *name);

#endif /* DOSSIER_LEXICON_H */
