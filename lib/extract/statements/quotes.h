/*
 * quotes.h — direct quotations: marks, spans over paragraphs, attribution
 * clauses.  Internal to the statements stage.
 */
#ifndef DOSSIER_QUOTES_H
#define DOSSIER_QUOTES_H

#include "extract/statements/candidates.h"

/*
 * Finds the quotations of every paragraph not skipped, keeps those that
 * are statements (not scare quotes, names or titles), adds them as
 * candidates with their attribution, and marks their tokens in c->used.
 */
int dossier_quotes_find(stm_ctx *c);

#endif /* DOSSIER_QUOTES_H */
