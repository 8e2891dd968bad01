/*
 * clean.h — separating boilerplate from the article body.
 */
#ifndef DOSSIER_CLEAN_H
#define DOSSIER_CLEAN_H

#include "base/doc.h"

/*
 * Splits text into lines (spans trimmed of surrounding spaces) and classes
 * each blank, body or boilerplate (enum dossier_line_class), by
 * language-neutral signals (share bars, copyright signs, bullets, link
 * blocks, teasers, the tail after the last paragraph) and the boilerplate.*
 * markers of every language (lines, line_starts, contains, headers,
 * counters, captions).  Fills d->lines; meta.c then picks TITLE and META
 * lines out of them.
 */
int dossier_clean_run(dossier_doc *d);

#endif /* DOSSIER_CLEAN_H */
