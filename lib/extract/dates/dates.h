/*
 * dates.h — temporal expressions, resolved against the publication date.
 */
#ifndef DOSSIER_DATES_H
#define DOSSIER_DATES_H

#include <stddef.h>

#include "base/doc.h"
#include "base/lexicon.h"

/* Finds absolute and relative dates and normalises them.  Fills timexes. */
int dossier_dates_run(dossier_doc *d);

/*
 * Parses the first absolute date in text[0..len) ("9 August 2023",
 * "22.04.2022", "2023-08-09", "Jun 23, 2023", "13/07/2022", "20 août 2023",
 * "18 de noviembre de 2020", "март 2021", a bare year) with the month names
 * of `lang` (NULL: every language).  Writes "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD" into out and the enum dossier_precision into *out_precision.
 * Expressions that need a reference date ("on Monday", "last year", a month
 * without a year) are skipped.  Returns DOSSIER_OK, DOSSIER_ENOTFOUND when
 * the text holds no absolute date, or DOSSIER_ENOMEM.
 */
int dossier_dates_parse(char out[11], int *out_precision, const char *text, size_t len,
                        const char *lang, const dossier_lexicon *lx);

#endif /* DOSSIER_DATES_H */
