/*
 * reported.h — indirect speech: "X said that", "according to X", "selon
 * X", "X sagte, dass", Konjunktiv continuations.  Internal to the
 * statements stage.
 */
#ifndef DOSSIER_REPORTED_H
#define DOSSIER_REPORTED_H

#include "extract/statements/candidates.h"

/*
 * Finds reported speech around the cues of statement.verbs,
 * statement.according, statement.as_cues and statement.object_cues in
 * every sentence not inside a quotation or its attribution, and adds the
 * reported clauses as candidates.
 */
int dossier_reported_find(stm_ctx *c);

#endif /* DOSSIER_REPORTED_H */
