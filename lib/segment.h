/*
 * segment.h — the body, its paragraphs, sentences and tokens.
 */
#ifndef DOSSIER_SEGMENT_H
#define DOSSIER_SEGMENT_H

#include "doc.h"

/*
 * Builds body from the title and body lines (paragraphs joined by a blank
 * line), then fills paragraphs, sentences (abbreviations per language,
 * quotations that end a sentence inside the closing mark, lines without
 * final punctuation), tokens and their folded forms.
 */
int dossier_segment_run(dossier_doc *d);

#endif /* DOSSIER_SEGMENT_H */
