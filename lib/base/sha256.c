/*
 * sha256.c — SHA-256 (FIPS 180-4), written for the articles.hash column:
 * identical bytes are one article, whatever path they come from.
 */
#include "base/sha256.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

#define BSIG0(x) (ROR(x, 2) ^ ROR(x, 13) ^ ROR(x, 22))
#define BSIG1(x) (ROR(x, 6) ^ ROR(x, 11) ^ ROR(x, 25))
#define SSIG0(x) (ROR(x, 7) ^ ROR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROR(x, 17) ^ ROR(x, 19) ^ ((x) >> 10))

/*
 * One round with the working variables named where they stand, so that
 * the eight are not moved down one place each round: eight rounds in a
 * row (ROUNDS8) bring every name back to its place.  w[i] is the round's
 * word of the message schedule.
 */
#define ROUND(a, b, c, d, e, f, g, h, i)                                        \
    do {                                                                        \
        uint32_t t1 = (h) + BSIG1(e) + ((g) ^ ((e) & ((f) ^ (g)))) + K[i] + w[(i) & 15];   \
        uint32_t t2 = BSIG0(a) + (((a) & (b)) | ((c) & ((a) | (b))));            \
        (d) += t1;                                                              \
        (h) = t1 + t2;                                                          \
    } while (0)
#define ROUNDS8(i)                            \
    do {                                      \
        ROUND(a, b, c, d, e, f, g, k, i);     \
        ROUND(k, a, b, c, d, e, f, g, i + 1); \
        ROUND(g, k, a, b, c, d, e, f, i + 2); \
        ROUND(f, g, k, a, b, c, d, e, i + 3); \
        ROUND(e, f, g, k, a, b, c, d, i + 4); \
        ROUND(d, e, f, g, k, a, b, c, i + 5); \
        ROUND(c, d, e, f, g, k, a, b, i + 6); \
        ROUND(b, c, d, e, f, g, k, a, i + 7); \
    } while (0)

/*
 * Mixes one 64-byte block into the state h.  The message schedule is
 * kept as its last sixteen words (w[i & 15]), each made just before the
 * sixteen rounds that use it.
 */
static void block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[16], a, b, c, d, e, f, g, k;
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i += 16) {
        if (i)
            for (int j = 0; j < 16; j++)
                w[j] += SSIG0(w[(j + 1) & 15]) + w[(j + 9) & 15] + SSIG1(w[(j + 14) & 15]);
        ROUNDS8(i);
        ROUNDS8(i + 8);
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

/* See sha256.h. */
void dossier_sha256_hex(char out[65], const void *data, size_t len)
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const unsigned char *p = data;
    size_t full = len / 64 * 64;
    for (size_t i = 0; i < full; i += 64)
        block(h, p + i);
    unsigned char tail[128] = {0};
    size_t rest = len - full;
    if (rest)
        memcpy(tail, p + full, rest);
    tail[rest] = 0x80;
    size_t tlen = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
    block(h, tail);
    if (tlen == 128)
        block(h, tail + 64);
    for (int i = 0; i < 8; i++)
        snprintf(out + 8 * i, 9, "%08x", h[i]);
}
