/*
 * speakers.h — the attribution of candidate statements to their speakers
 * (a name, a pronoun, a role, a press service): speakers.c.  Internal to
 * the statements stage.
 */
#ifndef DOSSIER_SPEAKERS_H
#define DOSSIER_SPEAKERS_H

#include "extract/statements/candidates.h"

/*
 * Attributes every candidate (in text order) to a speaker entity: names in
 * the subject, pronouns and relative pronouns to the speaker or person
 * before, roles to the role holder, press services and agencies to the
 * organisation, nothing to the statement before in the same sentence or a
 * continued quotation.  Returns 0 or a negative code.
 */
int dossier_speakers_resolve(stm_ctx *c);

/*
 * Where the subject [first, end) of a cue right after it starts: at the
 * clause closing it after its last comma when that clause is a name or a
 * personal pronoun ("Ryan and Y will meet next week, Spicer said": Spicer),
 * else at `first` ("X, the chief designer, said"; "X, who met Y, said").
 */
int dossier_speakers_closing_clause(const stm_ctx *c, int first, int end);

#endif /* DOSSIER_SPEAKERS_H */
