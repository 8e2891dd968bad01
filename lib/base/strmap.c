/*
 * strmap.c — strings to lists of ints (strmap.h): FNV-1a hashes, open
 * addressing with linear probing, the table doubled at half load.  Keys
 * are copied into the map's arena, and a key's first value is kept in its
 * entry (most keys have one): no allocation a key.
 */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/util.h"

struct strmap_entry {
    uint64_t hash;
    const char *key;              /* in the map's arena */
    size_t len;
    int one;                      /* the first value, while it is the only one */
    VEC(int) values;              /* every value once there are two or more, else empty */
};

/* The slot holding key s[0, len) with hash h, or the empty slot where it would go. */
static size_t probe(const dossier_strmap *m, uint64_t h, const char *s, size_t len)
{
    size_t mask = m->nslots - 1, i = (size_t)h & mask;
    while (m->slots[i]) {
        const struct strmap_entry *e = &m->entries[m->slots[i] - 1];
        if (e->hash == h && e->len == len && memcmp(e->key, s, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

/* Doubles the table (or makes the first one) and re-inserts every entry. */
static int grow_slots(dossier_strmap *m)
{
    size_t ns = m->nslots ? m->nslots * 2 : 64;
    int *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return DOSSIER_ENOMEM;
    free(m->slots);
    m->slots = slots;
    m->nslots = ns;
    for (size_t k = 0; k < m->n; k++) {
        size_t i = (size_t)m->entries[k].hash & (ns - 1);
        while (slots[i])
            i = (i + 1) & (ns - 1);
        slots[i] = (int)k + 1;
    }
    return DOSSIER_OK;
}

/* See strmap.h. */
int dossier_strmap_add(dossier_strmap *m, const char *s, size_t len, int value)
{
    if ((m->n + 1) * 2 > m->nslots && grow_slots(m))
        return DOSSIER_ENOMEM;
    uint64_t h = dossier_hash(s, len);
    size_t i = probe(m, h, s, len);
    if (!m->slots[i]) {
        if (dossier_util_grow((void **)&m->entries, &m->cap, m->n + 1, sizeof *m->entries))
            return DOSSIER_ENOMEM;
        struct strmap_entry *e = &m->entries[m->n];
        memset(e, 0, sizeof *e);
        e->key = dossier_arena_strndup(&m->keys, s, len);
        if (!e->key)
            return DOSSIER_ENOMEM;
        e->hash = h;
        e->len = len;
        e->one = value;
        m->slots[i] = (int)++m->n;
        return DOSSIER_OK;
    }
    struct strmap_entry *e = &m->entries[m->slots[i] - 1];
    if (!e->values.n && VEC_PUSH(&e->values, e->one))
        return DOSSIER_ENOMEM;
    return VEC_PUSH(&e->values, value) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See strmap.h. */
const int *dossier_strmap_get(const dossier_strmap *m, const char *s, size_t len, size_t *n)
{
    *n = 0;
    if (!m->nslots)
        return NULL;
    size_t i = probe(m, dossier_hash(s, len), s, len);
    if (!m->slots[i])
        return NULL;
    const struct strmap_entry *e = &m->entries[m->slots[i] - 1];
    *n = e->values.n ? e->values.n : 1;
    return e->values.n ? e->values.v : &e->one;
}

/* See strmap.h. */
void dossier_strmap_free(dossier_strmap *m)
{
    for (size_t k = 0; k < m->n; k++)
        VEC_FREE(&m->entries[k].values);
    free(m->entries);
    free(m->slots);
    dossier_arena_free(&m->keys);
    memset(m, 0, sizeof *m);
}
