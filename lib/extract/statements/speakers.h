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

#endif /* DOSSIER_SPEAKERS_H */
