/*
 * source.h — reading an article: refuse what is not text, normalise, front matter.
 */
#ifndef DOSSIER_SOURCE_H
#define DOSSIER_SOURCE_H

#include "doc.h"

/*
 * Takes the article's bytes (copied), refuses empty input, input over
 * max_bytes, NUL bytes and invalid UTF-8 (the message names the problem and
 * the byte offset), parses YAML front matter between --- lines (a YAML error
 * names line:column), normalises the rest to NFC with odd spaces made plain
 * spaces, and fills raw, text, text_offset and fm_*.  Returns DOSSIER_OK or a
 * negative code with the reason recorded on the doc.
 */
int dossier_source_load(dossier_doc *d, const char *bytes, size_t len, size_t max_bytes);

#endif /* DOSSIER_SOURCE_H */
