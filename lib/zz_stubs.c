/*
 * zz_stubs.c — TEMPORARY weak placeholders for stages still being written;
 * a real definition in its own file overrides each.  Removed before landing.
 */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "dossier.h"
#include "meta.h"
#include "segment.h"
#include "source.h"

__attribute__((weak)) int dossier_source_load(dossier_doc *d, const char *bytes, size_t len, size_t max_bytes)
{
    (void)max_bytes;
    d->raw = malloc(len + 1);
    d->text = malloc(len + 1);
    memcpy(d->raw, bytes, len);
    memcpy(d->text, bytes, len);
    d->raw_len = d->text_len = len;
    return DOSSIER_OK;
}
__attribute__((weak)) int dossier_clean_run(dossier_doc *d) { (void)d; return 0; }
__attribute__((weak)) int dossier_meta_run(dossier_doc *d) { (void)d; return 0; }
__attribute__((weak)) int dossier_segment_run(dossier_doc *d)
{
    d->body = malloc(d->text_len + 1);
    memcpy(d->body, d->text, d->text_len);
    d->body[d->text_len] = 0;
    d->body_len = d->text_len;
    return 0;
}
