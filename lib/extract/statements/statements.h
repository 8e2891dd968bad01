/*
 * statements.h — direct quotations and reported speech, with their speakers.
 */
#ifndef DOSSIER_STATEMENTS_H
#define DOSSIER_STATEMENTS_H

#include "base/doc.h"

/*
 * Finds direct quotations (every quotation mark style, over paragraphs) and
 * indirect speech, with the cue and the speaker (a name, a pronoun, a role
 * or a press service).  Fills statements.
 */
int dossier_statements_run(dossier_doc *d);

#endif /* DOSSIER_STATEMENTS_H */
