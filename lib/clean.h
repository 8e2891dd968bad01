/*
 * clean.h — separating boilerplate from the article body.
 */
#ifndef DOSSIER_CLEAN_H
#define DOSSIER_CLEAN_H

#include "doc.h"

/*
 * Splits text into lines and classifies each (enum dossier_line_class):
 * body, blank, meta, boilerplate, by language-neutral signals and the
 * boilerplate.* markers of every language.  Fills d->lines.
 */
int dossier_clean_run(dossier_doc *d);

#endif /* DOSSIER_CLEAN_H */
