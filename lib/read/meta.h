/*
 * meta.h — title, outlet, publication date, url and language.
 */
#ifndef DOSSIER_META_H
#define DOSSIER_META_H

#include "base/doc.h"

/*
 * Fills title, outlet, url, published and language from the front matter
 * and the lines; may reclassify lines as DOSSIER_LINE_TITLE or
 * DOSSIER_LINE_META, and cuts a dateline ("MOSCOU, 20 août 2023 (AFP) -")
 * off the start of the first paragraph's line.  language is never NULL
 * afterwards ("en" when unsure).
 */
int dossier_meta_run(dossier_doc *d);

#endif /* DOSSIER_META_H */
