/*
 * sha256.h — SHA-256 of a byte buffer, for the article content hash.
 */
#ifndef DOSSIER_SHA256_H
#define DOSSIER_SHA256_H

#include <stddef.h>

/* Writes the 64 hex digits and a NUL of the SHA-256 of data[0..len) into out. */
void dossier_sha256_hex(char out[65], const void *data, size_t len);

#endif /* DOSSIER_SHA256_H */
