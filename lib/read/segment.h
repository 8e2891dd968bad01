/*
 * segment.h — the body, its paragraphs, sentences and tokens.
 */
#ifndef DOSSIER_SEGMENT_H
#define DOSSIER_SEGMENT_H

#include "base/doc.h"

/*
 * Builds body from the title and body lines (paragraphs joined by a blank
 * line, hard-wrapped lines joined by a space; a title that only the front
 * matter gives comes first) and sets each line's body_start, then fills
 * paragraphs, sentences (abbreviations per language, quotations that end a
 * sentence inside the closing mark, lines without final punctuation),
 * tokens and their folded forms (d->folds).  Without d->lines (no clean
 * stage) every non-blank line is body.
 */
int dossier_segment_run(dossier_doc *d);

#endif /* DOSSIER_SEGMENT_H */
