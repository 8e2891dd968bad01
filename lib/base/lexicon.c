/*
 * lexicon.c — loads language lists and the gazetteer from YAML and answers
 * "which phrase of this list starts at these words?".
 *
 * Every list is an array of phrases sorted by first folded word, with a
 * hash table from each first word to its run of phrases, so a match is
 * one hash probe plus a comparison of the few phrases that share the
 * first word.  Lists are found by "lang\x1fkey" in a hash index.  Each
 * phrase is also added to the "*" language, which answers lang == NULL.
 * The gazetteer's names and adjectives are two more such lists whose
 * phrases point back to their entry.  libyaml is used here and in
 * source.c only; its 0-based marks are reported 1-based.
 *
 * Loading ends with freeze(), which sorts and indexes every list that
 * changed; after it the lexicon is never written, so any number of
 * threads may look words up in it at once.
 */
#include "base/lexicon.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "dossier.h"
#include "base/embed.h"
#include "base/token.h"
#include "base/util.h"

/* A function kept out of line, so that its callers' common paths stay short (see match_list). */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A phrase and, for gazetteer names, the entry it names. */
typedef struct {
    dossier_phrase pub;           /* first member: a pub pointer is a phrase pointer */
    const dossier_gaz_entry *entry;
} phrase;

/*
 * The run of a list's sorted phrases that share one first word.  The word
 * itself is kept beside its hash: a probe compares it without going
 * through the phrase (three loads that wait on each other, each likely a
 * cache miss in a large list).
 */
typedef struct {
    uint64_t hash;                /* word_hash() of the first word; 0: an empty slot */
    const char *word;             /* the first word (items[lo]->words[0]) */
    unsigned lo, hi;              /* items[lo, hi) */
} first_run;

typedef struct dossier_lexlist {
    struct dossier_lexlist_head head; /* first: starts (bit dossier_lexicon_prefix_bit(w) set for each
                                         first word w) and frozen (sorted, and `firsts` indexes them) */
    char *id;                     /* "lang\x1fkey" */
    size_t id_len;
    uint64_t hash;                /* list_hash() of the id */
    VEC(const dossier_phrase *) items;
    first_run *firsts;            /* open addressing by first-word hash, nfirsts slots */
    size_t nfirsts;
    uint64_t *seen;               /* bit (hash >> 40) & seen_mask set for each first word's hash: most
                                     words that pass `starts` stop here, before a probe of `firsts`
                                     (a cache miss in a large list) */
    size_t seen_mask;
} list;

typedef struct {
    dossier_gaz_entry pub;
    VEC(const dossier_phrase *) names;
    VEC(const dossier_phrase *) adjectives;
} gaz_entry;

struct dossier_lexicon {
    dossier_arena arena;          /* every string */
    VEC(phrase *) phrases;        /* owned */
    VEC(list *) lists;            /* in creation order */
    VEC(const char *) keys;       /* each distinct list key once, in the order of its first list
                                     (pointing into that list's id): dossier_lexicon_keys */
    struct slot {
        uint64_t hash;            /* the list's hash, beside it so a probe reads one line */
        list *l;
    } *index;                     /* open addressing by list_hash(), index_size slots */
    size_t index_size;
    VEC(gaz_entry *) entries;     /* owned */
    VEC(const char *) languages;
    uint64_t generation;          /* unique to this lexicon and its contents (memo) */
    list *gaz_names, *gaz_adjectives; /* the gazetteer's two lists (or NULL), found at each freeze */
    dbuf fold;                    /* loading's scratch: a word being folded */
    VEC(const char *) words;      /* and a phrase's words */
    /* loading's last lists: add_phrase's (lang, key) and ("*", key) for the next phrase of the same key */
    char last_lang[16], last_key[200];
    list *last_a, *last_b;
};

/*
 * Extractors ask for the same few lists with the same (mostly literal) key
 * strings for every token — the twelve months at every word — and hashing
 * the id each time costs a quarter of analysis.  Each thread remembers its
 * recent look-ups in a table of its own, so the lexicon itself is never
 * written after loading.  A slot is chosen by the two pointers and trusted
 * only for the same lexicon generation and when the texts still match, so
 * a reused key buffer or a freed lexicon is never mistaken.
 */
#define MEMO_SLOTS 256
struct memo {
    uint64_t generation;          /* the lexicon's; 0: an empty slot */
    const char *lang_ptr, *key_ptr;
    char lang[8], key[48];
    void *l;                      /* the list, or NULL: the list does not exist */
};
static _Thread_local struct memo memo[MEMO_SLOTS];
static atomic_uint_fast64_t generations; /* the last generation handed out */

#define GAZ_LANG "\x01gaz"

static const char *const kind_names[] = {"person", "organization", "program", "place"};

/* See lexicon.h. */
const char *dossier_kind_name(int kind)
{
    return kind >= 0 && kind < 4 ? kind_names[kind] : "unknown";
}

/* See lexicon.h. */
int dossier_kind_parse(const char *name)
{
    for (int i = 0; i < 4; i++)
        if (name && strcmp(name, kind_names[i]) == 0)
            return i;
    return -1;
}

/* Compares phrases by first word, then by more words first (longest match wins). */
static int phrase_cmp(const void *a, const void *b)
{
    const dossier_phrase *x = *(const dossier_phrase *const *)a;
    const dossier_phrase *y = *(const dossier_phrase *const *)b;
    int c = strcmp(x->words[0], y->words[0]);
    if (c)
        return c;
    return x->nwords < y->nwords ? 1 : x->nwords > y->nwords ? -1 : 0;
}

/*
 * Mixes n bytes of s into h, eight at a time: look-ups hash a list name
 * and a word for every token, so this is on the hottest path of analysis.
 * The value depends on the machine's byte order; it never leaves memory.
 */
static uint64_t mix_bytes(uint64_t h, const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    w = 0; /* the tail byte by byte in a register (a memcpy through memory stalls the load) */
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h = (h ^ w ^ (uint64_t)n << 56) * k;
    return h ^ (h >> 32);
}

/* The hash of a list id "lang\x1fkey" (lengths nl, nk), computed without building it. */
static uint64_t list_hash(const char *lang, size_t nl, const char *key, size_t nk)
{
    return mix_bytes(mix_bytes(0x1f, lang, nl), key, nk);
}

/* Non-zero when a list's id is "lang\x1fkey". */
static int list_is(const list *l, const char *lang, size_t nl, const char *key, size_t nk)
{
    return l->id_len == nl + 1 + nk && memcmp(l->id, lang, nl) == 0 && l->id[nl] == '\x1f' &&
           memcmp(l->id + nl + 1, key, nk) == 0;
}

/* Rebuilds the open-addressing index of the lists (four times as many slots as lists). */
static int index_lists(dossier_lexicon *lx)
{
    size_t size = 16;
    while (size < 4 * lx->lists.n)
        size *= 2;
    struct slot *slots = calloc(size, sizeof *slots);
    if (!slots)
        return DOSSIER_ENOMEM;
    for (size_t i = 0; i < lx->lists.n; i++) {
        list *l = lx->lists.v[i];
        size_t at = (size_t)l->hash & (size - 1);
        while (slots[at].l)
            at = (at + 1) & (size - 1);
        slots[at].hash = l->hash;
        slots[at].l = l;
    }
    free(lx->index);
    lx->index = slots;
    lx->index_size = size;
    return DOSSIER_OK;
}

/* The list with this id through the index, or NULL. */
static list *lookup_list(const dossier_lexicon *lx, const char *lang, const char *key)
{
    if (!lx->index_size)
        return NULL;
    size_t nl = strlen(lang), nk = strlen(key);
    uint64_t h = list_hash(lang, nl, key, nk);
    size_t at = (size_t)h & (lx->index_size - 1);
    list *l;
    while ((l = lx->index[at].l) && !(lx->index[at].hash == h && list_is(l, lang, nl, key, nk)))
        at = (at + 1) & (lx->index_size - 1);
    return l;
}

static list *remember_list(const dossier_lexicon *lx, const char *lang, const char *key, struct memo *slot);

/*
 * The list with this id, or NULL: from this thread's memo, else from the
 * index.  The lexicon is only read, so threads may share it.
 */
static list *find_list(const dossier_lexicon *lx, const char *lang, const char *key)
{
    if (!lang)
        lang = "*";
    uintptr_t mix = ((uintptr_t)lang >> 3) * 31u + ((uintptr_t)key >> 3);
    struct memo *slot = &memo[(mix ^ (mix >> 8)) & (MEMO_SLOTS - 1)];
    if (slot->generation == lx->generation && slot->lang_ptr == lang && slot->key_ptr == key &&
        strcmp(slot->lang, lang) == 0 && strcmp(slot->key, key) == 0)
        return slot->l;
    return remember_list(lx, lang, key, slot);
}

/* find_list past its memo: the list from the index, remembered in `slot`. */
static NOINLINE list *remember_list(const dossier_lexicon *lx, const char *lang, const char *key,
                                    struct memo *slot)
{
    list *l = lookup_list(lx, lang, key);
    if (strlen(lang) < sizeof slot->lang && strlen(key) < sizeof slot->key) {
        slot->generation = lx->generation;
        slot->lang_ptr = lang;
        slot->key_ptr = key;
        strcpy(slot->lang, lang);
        strcpy(slot->key, key);
        slot->l = l;
    }
    return l;
}

/* The hash of a first word in the runs table; never 0, which marks an empty slot. */
static uint64_t word_hash(const char *w)
{
    uint64_t h = mix_bytes(0, w, strlen(w));
    return h ? h : 1;
}

/*
 * Sorts a list's phrases (first word, then longest first) and indexes the
 * runs of phrases that share a first word.  Returns DOSSIER_OK or
 * DOSSIER_ENOMEM.
 */
static int freeze_list(list *l)
{
    qsort(l->items.v, l->items.n, sizeof(void *), phrase_cmp);
    memset(l->head.starts, 0, sizeof l->head.starts);
    size_t runs = 0;
    for (size_t i = 0; i < l->items.n; i++)
        if (i == 0 || strcmp(l->items.v[i]->words[0], l->items.v[i - 1]->words[0]) != 0)
            runs++;
    size_t size = 8;
    while (size < 2 * runs)
        size *= 2;
    size_t bits = 512;
    while (bits < 8 * runs && bits < (1u << 16))
        bits *= 2;
    first_run *t = calloc(size, sizeof *t);
    uint64_t *seen = calloc(bits / 64, sizeof *seen);
    if (!t || !seen) {
        free(t);
        free(seen);
        return DOSSIER_ENOMEM;
    }
    for (size_t i = 0; i < l->items.n;) {
        size_t j = i + 1;
        while (j < l->items.n && strcmp(l->items.v[j]->words[0], l->items.v[i]->words[0]) == 0)
            j++;
        uint64_t h = word_hash(l->items.v[i]->words[0]);
        size_t b = (size_t)(h >> 40) & (bits - 1);
        seen[b / 64] |= 1ull << (b % 64);
        unsigned bit = dossier_lexicon_prefix_bit(l->items.v[i]->words[0]);
        l->head.starts[bit / 64] |= 1ull << (bit % 64);
        size_t at = (size_t)h & (size - 1);
        while (t[at].hash)
            at = (at + 1) & (size - 1);
        t[at].hash = h;
        t[at].word = l->items.v[i]->words[0];
        t[at].lo = (unsigned)i;
        t[at].hi = (unsigned)j;
        i = j;
    }
    free(l->firsts);
    free(l->seen);
    l->firsts = t;
    l->nfirsts = size;
    l->seen = seen;
    l->seen_mask = bits - 1;
    l->head.seen = seen;
    l->head.seen_mask = bits - 1;
    l->head.frozen = 1;
    return DOSSIER_OK;
}

/* Freezes every list that changed since the last freeze (see the top of this file). */
static int freeze(dossier_lexicon *lx)
{
    /* A new generation: what threads remember of the old contents is void. */
    lx->generation = atomic_fetch_add(&generations, 1) + 1;
    for (size_t i = 0; i < lx->lists.n; i++)
        if (!lx->lists.v[i]->head.frozen && freeze_list(lx->lists.v[i]))
            return DOSSIER_ENOMEM;
    lx->gaz_names = lookup_list(lx, GAZ_LANG, "names");
    lx->gaz_adjectives = lookup_list(lx, GAZ_LANG, "adjectives");
    return DOSSIER_OK;
}

/* The list with this id, created when missing; NULL when out of memory. */
static list *get_list(dossier_lexicon *lx, const char *lang, const char *key)
{
    list *l = lookup_list(lx, lang, key);
    if (l)
        return l;
    l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    size_t n = strlen(lang) + strlen(key) + 2;
    l->id = malloc(n);
    if (!l->id || VEC_PUSH(&lx->lists, l)) {
        free(l->id);
        free(l);
        return NULL;
    }
    snprintf(l->id, n, "%s\x1f%s", lang, key);
    l->id_len = n - 1;
    l->hash = list_hash(lang, strlen(lang), key, strlen(key));
    if (2 * lx->lists.n > lx->index_size)
        return index_lists(lx) ? NULL : l;
    size_t at = (size_t)l->hash & (lx->index_size - 1);
    while (lx->index[at].l)
        at = (at + 1) & (lx->index_size - 1);
    lx->index[at].hash = l->hash;
    lx->index[at].l = l;
    return l;
}

/* Splits `text` into folded tokens; NULL when out of memory or empty. */
static phrase *make_phrase(dossier_lexicon *lx, const char *text, size_t len)
{
    const char **words = NULL;
    phrase *p = NULL;
    size_t pos = 0, start, end;
    lx->words.n = 0;
    while (dossier_token_next(text, len, &pos, &start, &end)) {
        size_t wl;
        const char *w = dossier_arena_fold(&lx->arena, &lx->fold, text + start, end - start, &wl);
        if (!w || VEC_PUSH(&lx->words, w))
            return NULL;
    }
    if (!lx->words.n)
        return NULL;
    p = calloc(1, sizeof *p);
    words = malloc(lx->words.n * sizeof *words);
    if (!p || !words || VEC_PUSH(&lx->phrases, p)) {
        free(p);
        free(words);
        return NULL;
    }
    memcpy(words, lx->words.v, lx->words.n * sizeof *words);
    p->pub.text = dossier_arena_strndup(&lx->arena, text, len);
    p->pub.words = words;
    p->pub.nwords = lx->words.n;
    return p;
}

/* Adds a phrase to (lang, key) and to ("*", key). */
static int add_phrase(dossier_lexicon *lx, const char *lang, const char *key, const char *text,
                      size_t len, const dossier_gaz_entry *entry, const dossier_phrase **out)
{
    phrase *p = make_phrase(lx, text, len);
    if (!p)
        return DOSSIER_OK; /* an empty phrase; out of memory shows up below */
    p->entry = entry;
    /* the phrases of a list come one after another: its lists are those of the phrase before */
    if (lx->last_a && strcmp(key, lx->last_key) == 0 && strcmp(lang, lx->last_lang) == 0) {
        list *a = lx->last_a, *b = lx->last_b;
        if (VEC_PUSH(&a->items, &p->pub) || (a != b && VEC_PUSH(&b->items, &p->pub)))
            return DOSSIER_ENOMEM;
        a->head.frozen = b->head.frozen = 0;
        if (out)
            *out = &p->pub;
        return DOSSIER_OK;
    }
    /* Every key has a "*" list: a key without one is new, and the list made first is its first. */
    int new_key = !lookup_list(lx, "*", key);
    list *a = get_list(lx, lang, key);
    list *b = strcmp(lang, "*") ? get_list(lx, "*", key) : a;
    if (!a || !b || VEC_PUSH(&a->items, &p->pub) || (a != b && VEC_PUSH(&b->items, &p->pub)))
        return DOSSIER_ENOMEM;
    if (new_key && VEC_PUSH(&lx->keys, (const char *)a->id + strlen(lang) + 1))
        return DOSSIER_ENOMEM;
    lx->last_a = NULL;
    if (strlen(lang) < sizeof lx->last_lang && strlen(key) < sizeof lx->last_key) {
        strcpy(lx->last_lang, lang);
        strcpy(lx->last_key, key);
        lx->last_a = a;
        lx->last_b = b;
    }
    a->head.frozen = b->head.frozen = 0;
    if (out)
        *out = &p->pub;
    return DOSSIER_OK;
}

/* ---- YAML ---- */

/* Writes the parser's problem with its 1-based line and column into err. */
static int yaml_fail(yaml_parser_t *parser, const char *name, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s:%zu:%zu: %s", name, parser->problem_mark.line + 1,
             parser->problem_mark.column + 1, parser->problem ? parser->problem : "invalid YAML");
    return DOSSIER_EYAML;
}

static const char *scalar(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Adds every scalar of a sequence (or a lone scalar) to (lang, key). */
static int add_values(dossier_lexicon *lx, yaml_document_t *doc, yaml_node_t *v, const char *lang,
                      const char *key)
{
    if (v->type == YAML_SCALAR_NODE)
        return add_phrase(lx, lang, key, scalar(v), v->data.scalar.length, NULL, NULL);
    if (v->type != YAML_SEQUENCE_NODE)
        return DOSSIER_OK;
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
        yaml_node_t *s = yaml_document_get_node(doc, *it);
        if (s && s->type == YAML_SCALAR_NODE) {
            int rc = add_phrase(lx, lang, key, scalar(s), s->data.scalar.length, NULL, NULL);
            if (rc)
                return rc;
        }
    }
    return DOSSIER_OK;
}

/* Walks a mapping, flattening nested keys with dots. */
static int add_mapping(dossier_lexicon *lx, yaml_document_t *doc, yaml_node_t *map, const char *lang,
                       const char *prefix)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!k || !v)
            continue;
        char key[200];
        snprintf(key, sizeof key, "%s%s%s", prefix, *prefix ? "." : "", k);
        int rc = v->type == YAML_MAPPING_NODE ? add_mapping(lx, doc, v, lang, key)
                                              : add_values(lx, doc, v, lang, key);
        if (rc)
            return rc;
    }
    return DOSSIER_OK;
}

/* The language code of a user lexicon: its top-level `language` key. */
static const char *doc_language(yaml_document_t *doc, yaml_node_t *root)
{
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, "language") == 0)
            return scalar(yaml_document_get_node(doc, p->value));
    }
    return NULL;
}

/* Remembers a language code, once. */
static int note_language(dossier_lexicon *lx, const char *lang)
{
    for (size_t i = 0; i < lx->languages.n; i++)
        if (strcmp(lx->languages.v[i], lang) == 0)
            return DOSSIER_OK;
    const char *copy = dossier_arena_strndup(&lx->arena, lang, strlen(lang));
    return copy && !VEC_PUSH(&lx->languages, copy) ? DOSSIER_OK : DOSSIER_ENOMEM;
}

/* Adds the names or adjectives of a gazetteer row. */
static int add_entry_names(dossier_lexicon *lx, yaml_document_t *doc, yaml_node_t *v, gaz_entry *e,
                           int adjectives)
{
    if (!v || v->type != YAML_SEQUENCE_NODE)
        return DOSSIER_OK;
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
        yaml_node_t *s = yaml_document_get_node(doc, *it);
        const char *t = scalar(s);
        const dossier_phrase *ph = NULL;
        if (!t)
            continue;
        int rc = add_phrase(lx, GAZ_LANG, adjectives ? "adjectives" : "names", t,
                            s->data.scalar.length, &e->pub, &ph);
        if (rc)
            return rc;
        if (ph && (adjectives ? VEC_PUSH(&e->adjectives, ph) : VEC_PUSH(&e->names, ph)))
            return DOSSIER_ENOMEM;
    }
    return DOSSIER_OK;
}

/* Adds one gazetteer row {name, kind, names, adjectives}. */
static int add_entry(dossier_lexicon *lx, yaml_document_t *doc, yaml_node_t *row, const char *file,
                     char *err, size_t errlen)
{
    yaml_node_t *names = NULL, *adjs = NULL;
    const char *name = NULL, *kind = NULL;
    for (yaml_node_pair_t *p = row->data.mapping.pairs.start; p < row->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!k)
            continue;
        if (!strcmp(k, "name"))
            name = scalar(v);
        else if (!strcmp(k, "kind"))
            kind = scalar(v);
        else if (!strcmp(k, "names"))
            names = v;
        else if (!strcmp(k, "adjectives"))
            adjs = v;
    }
    int k = dossier_kind_parse(kind);
    if (!name || k < 0) {
        snprintf(err, errlen, "%s:%zu: a gazetteer entry needs a name and a kind "
                 "(person, organization, program, place)", file, row->start_mark.line + 1);
        return DOSSIER_EYAML;
    }
    gaz_entry *e = calloc(1, sizeof *e);
    if (!e || VEC_PUSH(&lx->entries, e)) {
        free(e);
        return DOSSIER_ENOMEM;
    }
    e->pub.name = dossier_arena_strndup(&lx->arena, name, strlen(name));
    e->pub.kind = k;
    const dossier_phrase *canon = NULL;
    int rc = add_phrase(lx, GAZ_LANG, "names", name, strlen(name), &e->pub, &canon);
    if (!rc && canon && VEC_PUSH(&e->names, canon))
        rc = DOSSIER_ENOMEM;
    if (!rc)
        rc = add_entry_names(lx, doc, names, e, 0);
    if (!rc)
        rc = add_entry_names(lx, doc, adjs, e, 1);
    e->pub.names = e->names.v;
    e->pub.nnames = e->names.n;
    e->pub.adjectives = e->adjectives.v;
    e->pub.nadjectives = e->adjectives.n;
    return rc;
}

/*
 * Parses one YAML text and adds it: a language file when `lang` is set (or
 * named inside it), a gazetteer when `gazetteer` is non-zero.
 */
static int load_text(dossier_lexicon *lx, const char *name, const unsigned char *text, size_t len,
                     const char *lang, int gazetteer, char *err, size_t errlen)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    int rc = DOSSIER_OK, have_doc = 0;
    if (!yaml_parser_initialize(&parser))
        return DOSSIER_ENOMEM;
    yaml_parser_set_input_string(&parser, text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        rc = yaml_fail(&parser, name, err, errlen);
        goto done;
    }
    have_doc = 1;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root) {
        if (lang && !gazetteer)
            rc = note_language(lx, lang); /* a language without words yet */
        goto done;
    }
    if (gazetteer) {
        if (root->type != YAML_SEQUENCE_NODE) {
            snprintf(err, errlen, "%s: a gazetteer is a list of entries", name);
            rc = DOSSIER_EYAML;
            goto done;
        }
        for (yaml_node_item_t *it = root->data.sequence.items.start;
             !rc && it < root->data.sequence.items.top; it++) {
            yaml_node_t *row = yaml_document_get_node(&doc, *it);
            if (row && row->type == YAML_MAPPING_NODE)
                rc = add_entry(lx, &doc, row, name, err, errlen);
        }
        goto done;
    }
    if (root->type != YAML_MAPPING_NODE) {
        snprintf(err, errlen, "%s: a lexicon is a mapping of lists", name);
        rc = DOSSIER_EYAML;
        goto done;
    }
    if (!lang)
        lang = doc_language(&doc, root);
    if (!lang) {
        snprintf(err, errlen, "%s: a lexicon file needs a top-level 'language: xx' key", name);
        rc = DOSSIER_EYAML;
        goto done;
    }
    rc = note_language(lx, lang);
    if (!rc)
        rc = add_mapping(lx, &doc, root, lang, "");
done:
    if (rc == DOSSIER_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", name);
    if (have_doc)
        yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return rc;
}

/* Reads a whole file; the caller frees *out. */
static int read_file(char **out, size_t *out_len, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    dbuf b = {0};
    char chunk[65536];
    size_t n;
    if (!f) {
        snprintf(err, errlen, "%s: cannot open", path);
        return DOSSIER_EIO;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (dossier_buf_add(&b, chunk, n)) {
            fclose(f);
            dossier_buf_free(&b);
            return DOSSIER_ENOMEM;
        }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        dossier_buf_free(&b);
        snprintf(err, errlen, "%s: read error", path);
        return DOSSIER_EIO;
    }
    *out_len = b.len;
    *out = dossier_buf_take(&b);
    return *out ? DOSSIER_OK : DOSSIER_ENOMEM;
}

/* See lexicon.h. */
int dossier_lexicon_new(dossier_lexicon **out, char *err, size_t errlen)
{
    dossier_lexicon *lx = calloc(1, sizeof *lx);
    *out = NULL;
    if (!lx) {
        snprintf(err, errlen, "out of memory");
        return DOSSIER_ENOMEM;
    }
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < dossier_embedded_nfiles; i++) {
        const dossier_embedded_file *f = &dossier_embedded_files[i];
        if (strncmp(f->path, "lang/", 5) == 0) {
            char lang[16];
            snprintf(lang, sizeof lang, "%.*s", (int)strcspn(f->path + 5, "."), f->path + 5);
            rc = load_text(lx, f->path, f->data, f->len, lang, 0, err, errlen);
        } else if (strcmp(f->path, "gazetteer.yaml") == 0) {
            rc = load_text(lx, f->path, f->data, f->len, NULL, 1, err, errlen);
        }
    }
    if (!rc && freeze(lx)) {
        snprintf(err, errlen, "out of memory");
        rc = DOSSIER_ENOMEM;
    }
    if (rc) {
        dossier_lexicon_free(lx);
        return rc;
    }
    *out = lx;
    return DOSSIER_OK;
}

/* Loads a user's file of either kind. */
static int add_user_file(dossier_lexicon *lx, const char *path, int gazetteer, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len = 0;
    int rc = read_file(&text, &len, path, err, errlen);
    if (!rc)
        rc = load_text(lx, path, (const unsigned char *)text, len, NULL, gazetteer, err, errlen);
    free(text);
    /* Frozen even after a failure: what was added before it must stay searchable. */
    if (freeze(lx) && !rc) {
        snprintf(err, errlen, "%s: out of memory", path);
        rc = DOSSIER_ENOMEM;
    }
    return rc;
}

/* See lexicon.h. */
int dossier_lexicon_add_file(dossier_lexicon *lx, const char *path, char *err, size_t errlen)
{
    return add_user_file(lx, path, 0, err, errlen);
}

/* See lexicon.h. */
int dossier_lexicon_add_gazetteer(dossier_lexicon *lx, const char *path, char *err, size_t errlen)
{
    return add_user_file(lx, path, 1, err, errlen);
}

/* See lexicon.h. */
void dossier_lexicon_free(dossier_lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->phrases.n; i++) {
        free((void *)lx->phrases.v[i]->pub.words);
        free(lx->phrases.v[i]);
    }
    for (size_t i = 0; i < lx->lists.n; i++) {
        VEC_FREE(&lx->lists.v[i]->items);
        free(lx->lists.v[i]->firsts);
        free(lx->lists.v[i]->seen);
        free(lx->lists.v[i]->id);
        free(lx->lists.v[i]);
    }
    for (size_t i = 0; i < lx->entries.n; i++) {
        VEC_FREE(&lx->entries.v[i]->names);
        VEC_FREE(&lx->entries.v[i]->adjectives);
        free(lx->entries.v[i]);
    }
    VEC_FREE(&lx->phrases);
    VEC_FREE(&lx->lists);
    VEC_FREE(&lx->keys);
    free(lx->index);
    VEC_FREE(&lx->entries);
    VEC_FREE(&lx->languages);
    dossier_buf_free(&lx->fold);
    VEC_FREE(&lx->words);
    dossier_arena_free(&lx->arena);
    free(lx);
}

/* See lexicon.h. */
size_t dossier_lexicon_list(const dossier_lexicon *lx, const char *lang, const char *key,
                            const dossier_phrase *const **out)
{
    return dossier_lexlist_phrases(find_list(lx, lang, key), out);
}

/*
 * Look-ups are made for every token with many lists, and most end at the
 * first test (no phrase of the list starts with the word's first two
 * bytes).  That test is kept apart from the probe, which is not inlined
 * (NOINLINE), so that the common path saves and restores no registers.
 */
/* Non-zero when some phrase of l (frozen) may start with `word`: its first two bytes are among theirs. */
static int may_start(const list *l, const char *word)
{
    return dossier_lexlist_may_start(&l->head, word);
}

/* See lexicon.h. */
uint64_t dossier_lexicon_word_hash(const char *w)
{
    return word_hash(w);
}

/* See lexicon.h. */
uint64_t dossier_lexicon_generation(const dossier_lexicon *lx)
{
    return lx->generation;
}

/* See lexicon.h. */
uint64_t dossier_lexicon_word_hash_len(const char *w, size_t len)
{
    uint64_t h = mix_bytes(0, w, len);
    return h ? h : 1;
}

/* The run of l's phrases whose first word is `word`, of word_hash h (l frozen, may_start true), or NULL. */
static const first_run *probe_hashed(const list *l, const char *word, uint64_t h)
{
    size_t b = (size_t)(h >> 40) & l->seen_mask;
    if (!((l->seen[b / 64] >> (b % 64)) & 1))
        return NULL;
    size_t at = (size_t)h & (l->nfirsts - 1);
    const first_run *r;
    while ((r = &l->firsts[at])->hash &&
           !(r->hash == h && strcmp(r->word, word) == 0))
        at = (at + 1) & (l->nfirsts - 1);
    return r->hash ? r : NULL;
}

/* probe_hashed, hashing the word. */
static const first_run *probe_run(const list *l, const char *word)
{
    return probe_hashed(l, word, word_hash(word));
}

/* The run of l's phrases whose first word is `word` (l frozen), or NULL. */
static const first_run *run_of(const list *l, const char *word)
{
    return may_start(l, word) ? probe_run(l, word) : NULL;
}

/* match_run_hashed past the first test of the probe (the seen bit of h0 is set). */
static NOINLINE size_t match_run_probe(const list *l, const char *const *words, size_t n, uint64_t h0,
                                       const dossier_phrase **out)
{
    const first_run *r = probe_hashed(l, words[0], h0);
    if (!r)
        return 0;
    for (size_t i = r->lo; i < r->hi; i++) {
        const dossier_phrase *p = l->items.v[i];
        if (p->nwords > n)
            continue;
        size_t k = 1;
        while (k < p->nwords && words[k] && strcmp(p->words[k], words[k]) == 0)
            k++;
        if (k == p->nwords) { /* longest first, so the first hit is the longest */
            if (out)
                *out = p;
            return k;
        }
    }
    return 0;
}

/*
 * match_run with words[0]'s word_hash h0.  Most words that pass the list's
 * first test have no run of their own: the seen bit, tested here, ends
 * those before match_run_probe saves the registers its loop needs.
 */
static size_t match_run_hashed(const list *l, const char *const *words, size_t n, uint64_t h0,
                               const dossier_phrase **out)
{
    size_t b = (size_t)(h0 >> 40) & l->seen_mask;
    if (!((l->seen[b / 64] >> (b % 64)) & 1))
        return 0;
    return match_run_probe(l, words, n, h0, out);
}

/* match_list past its first test. */
static size_t match_run(const list *l, const char *const *words, size_t n, const dossier_phrase **out)
{
    return match_run_hashed(l, words, n, word_hash(words[0]), out);
}

/* The longest phrase of `l` matching words[0..n). */
static size_t match_list(const list *l, const char *const *words, size_t n, const dossier_phrase **out)
{
    if (!l || !n || !words[0] || !l->head.frozen || !may_start(l, words[0]))
        return 0;
    return match_run(l, words, n, out);
}

/* See lexicon.h. */
const dossier_lexlist *dossier_lexicon_find(const dossier_lexicon *lx, const char *lang, const char *key)
{
    return find_list(lx, lang, key);
}

/* See lexicon.h. */
const dossier_lexlist *dossier_lexicon_find_slot(const dossier_lexicon *lx, const char *lang, const char *key,
                                                 dossier_lexmemo *slot)
{
    slot->key = key;
    slot->list = find_list(lx, lang, key);
    return slot->list;
}

/* See lexicon.h: dossier_lexlist_match past its first test. */
size_t dossier_lexlist_match_run(const dossier_lexlist *l, const char *const *words, size_t n,
                                 const dossier_phrase **out)
{
    return match_run(l, words, n, out);
}

/* See lexicon.h. */
size_t dossier_lexlist_match_probe(const dossier_lexlist *l, const char *const *words, size_t n, uint64_t h0,
                                   const dossier_phrase **out)
{
    return match_run_probe(l, words, n, h0, out);
}

/* See lexicon.h. */
size_t dossier_lexlist_phrases(const dossier_lexlist *l, const dossier_phrase *const **out)
{
    *out = l ? l->items.v : NULL;
    return l ? l->items.n : 0;
}

/* See lexicon.h. */
size_t dossier_lexlist_starting(const dossier_lexlist *l, const char *word, const dossier_phrase *const **out)
{
    const first_run *r = l && l->head.frozen && word ? run_of(l, word) : NULL;
    *out = r ? l->items.v + r->lo : NULL;
    return r ? r->hi - r->lo : 0;
}

/* See lexicon.h. */
size_t dossier_lexicon_match(const dossier_lexicon *lx, const char *lang, const char *key,
                             const char *const *words, size_t n, const dossier_phrase **out)
{
    return match_list(find_list(lx, lang, key), words, n, out);
}

/* See lexicon.h. */
int dossier_lexicon_has(const dossier_lexicon *lx, const char *lang, const char *key,
                        const char *folded_word)
{
    const dossier_phrase *p = NULL;
    const char *words[1] = {folded_word};
    return match_list(find_list(lx, lang, key), words, 1, &p) == 1;
}

/* See lexicon.h. */
const char *dossier_lexicon_month_key(int m)
{
    static const char *const keys[] = {"months.1", "months.2", "months.3", "months.4", "months.5", "months.6",
                                       "months.7", "months.8", "months.9", "months.10", "months.11", "months.12"};
    return m >= 1 && m <= 12 ? keys[m - 1] : NULL;
}

/* See lexicon.h. */
const char *dossier_lexicon_weekday_key(int d)
{
    static const char *const keys[] = {"weekdays.1", "weekdays.2", "weekdays.3", "weekdays.4",
                                       "weekdays.5", "weekdays.6", "weekdays.7"};
    return d >= 1 && d <= 7 ? keys[d - 1] : NULL;
}

/* See lexicon.h. */
int dossier_gaz_acronym_only(const dossier_gaz_entry *g, const char *fold)
{
    int found = 0;
    for (size_t n = 0; n < g->nnames; n++) {
        const dossier_phrase *ph = g->names[n];
        if (ph->nwords != 1 || strcmp(ph->words[0], fold) != 0 || strlen(ph->text) > 3)
            continue;
        for (const char *p = ph->text; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                return 0;
        found = 1;
    }
    return found;
}

/* See lexicon.h. */
size_t dossier_lexicon_ending(const dossier_lexicon *lx, const char *lang, const char *key, const char *folded_word,
                              size_t keep)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(lx, lang, key, &t), wl = strlen(folded_word), best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t el = strlen(t[i]->words[0]);
        if (t[i]->nwords == 1 && el > best && wl >= el + keep && strcmp(folded_word + wl - el, t[i]->words[0]) == 0)
            best = el;
    }
    return best;
}

/* See lexicon.h. */
size_t dossier_lexicon_keys(const dossier_lexicon *lx, const char *prefix, const char **out, size_t max)
{
    size_t n = 0, plen = strlen(prefix);
    for (size_t i = 0; i < lx->keys.n && n < max; i++)
        if (strncmp(lx->keys.v[i], prefix, plen) == 0)
            out[n++] = lx->keys.v[i];
    return n;
}

/* See lexicon.h. */
size_t dossier_lexicon_languages(const dossier_lexicon *lx, const char *const **out)
{
    *out = lx->languages.v;
    return lx->languages.n;
}

/* Matches a gazetteer list (lx->gaz_names or lx->gaz_adjectives) and maps the phrase back to its entry. */
static size_t gaz_match(const list *l, const char *const *words, size_t n, const dossier_gaz_entry **out)
{
    const dossier_phrase *p = NULL;
    size_t k = match_list(l, words, n, &p);
    if (k && out)
        *out = ((const phrase *)p)->entry;
    return k;
}

/* See lexicon.h. */
const dossier_lexlist *dossier_gazetteer_names(const dossier_lexicon *lx)
{
    return (const dossier_lexlist *)lx->gaz_names;
}

/* See lexicon.h. */
const dossier_lexlist *dossier_gazetteer_adjectives(const dossier_lexicon *lx)
{
    return (const dossier_lexlist *)lx->gaz_adjectives;
}

/* See lexicon.h. */
const dossier_gaz_entry *dossier_gazetteer_entry(const dossier_phrase *p)
{
    return ((const phrase *)p)->entry;
}

/* See lexicon.h. */
size_t dossier_gazetteer_match(const dossier_lexicon *lx, const char *const *words, size_t n,
                               const dossier_gaz_entry **out)
{
    return gaz_match(lx->gaz_names, words, n, out);
}

/* See lexicon.h. */
size_t dossier_gazetteer_match_adjective(const dossier_lexicon *lx, const char *const *words,
                                         size_t n, const dossier_gaz_entry **out)
{
    return gaz_match(lx->gaz_adjectives, words, n, out);
}

/* See lexicon.h. */
const dossier_gaz_entry *dossier_gazetteer_find(const dossier_lexicon *lx, const char *name)
{
    const dossier_gaz_entry *e = NULL;
    VEC(const char *) words = {0};
    char *folded[64];
    size_t nf = 0, pos = 0, start, end, len = strlen(name);
    while (nf < 64 && dossier_token_next(name, len, &pos, &start, &end)) {
        folded[nf] = dossier_fold(name + start, end - start);
        if (!folded[nf] || VEC_PUSH(&words, folded[nf])) {
            free(folded[nf]);
            goto done;
        }
        nf++;
    }
    if (gaz_match(lx->gaz_names, words.v, words.n, &e) != words.n)
        e = NULL;
done:
    for (size_t i = 0; i < nf; i++)
        free(folded[i]);
    VEC_FREE(&words);
    return e;
}
