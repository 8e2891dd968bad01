/*
 * strmap.h — a hash map from strings to lists of ints, for the extractors'
 * indexes: "which entities go by this folded name", "which names start
 * with this stem".  Keys are copied; each key's values keep the order they
 * were added in.  A zero-initialised dossier_strmap is an empty map.
 */
#ifndef DOSSIER_STRMAP_H
#define DOSSIER_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "base/util.h"

typedef struct dossier_strmap {
    struct strmap_entry *entries;   /* in the order keys were first added */
    size_t n, cap;
    int *slots;                     /* open addressing: entry index + 1, 0 when empty */
    size_t nslots;
    dossier_arena keys;             /* the keys' copies (no malloc a key) */
} dossier_strmap;

/* Appends `value` to the list of key s[0, len); returns 0 or DOSSIER_ENOMEM. */
int dossier_strmap_add(dossier_strmap *m, const char *s, size_t len, int value);

/*
 * The values of key s[0, len) in the order they were added, with *n their
 * count; NULL (and *n 0) when the key is absent.  The pointer is valid
 * until the next dossier_strmap_add().
 */
const int *dossier_strmap_get(const dossier_strmap *m, const char *s, size_t len, size_t *n);

/* Frees everything the map holds and leaves it empty.  Accepts an empty map. */
void dossier_strmap_free(dossier_strmap *m);

#endif /* DOSSIER_STRMAP_H */
