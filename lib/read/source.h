/*
 * source.h — reading an article: refuse what is not text, normalise, front matter.
 */
#ifndef DOSSIER_SOURCE_H
#define DOSSIER_SOURCE_H

#include "base/doc.h"

/*
 * Takes the article's bytes (copied), refuses empty input, input over
 * max_bytes (0: no limit), NUL bytes and invalid UTF-8 (DOSSIER_EINPUT; the
 * message names the problem and its 0-based byte offset: "NUL byte at byte
 * 17"), parses YAML front matter between --- lines (DOSSIER_EYAML, "front
 * matter line L column C: problem", 1-based and counted in the file),
 * normalises the rest to NFC with odd spaces made plain spaces, LF line
 * ends and no byte-order mark, and fills raw, text, text_offset and fm_*.
 * Returns DOSSIER_OK or a negative code with the reason recorded on the doc.
 */
int dossier_source_load(dossier_doc *d, const char *bytes, size_t len, size_t max_bytes);

#endif /* DOSSIER_SOURCE_H */
