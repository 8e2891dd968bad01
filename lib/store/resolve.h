/*
 * resolve.h — across articles and languages: one entity for every name of
 * the same person or organisation, one cluster for the same utterance, one
 * story for articles that report the same news.
 */
#ifndef DOSSIER_RESOLVE_H
#define DOSSIER_RESOLVE_H

#include "store/db.h"
#include "store/cluster.h"
#include "store/shingles.h"
#include "base/doc.h"

/*
 * Finds the database entity for entity `e` of the doc (by gazetteer entry,
 * then by any of its folded names and its kind), or creates it; records
 * its names as aliases.  Sets *out to its id.
 */
int dossier_resolve_entity(long long *out, dossier_db *db, const dossier_doc *d, int e);

/*
 * The names each entity of doc `d` is to be recorded under, worked out
 * from the doc alone (a pure function of it and the lexicon), so that
 * ingest works them out with the analysis, outside the writer.  Returns
 * DOSSIER_OK or DOSSIER_ENOMEM; the caller frees *out with
 * dossier_resolve_doc_names_free() (NULL is accepted), after the doc's
 * last use of them: they point into the doc's strings.
 */
typedef struct dossier_doc_names dossier_doc_names;
int dossier_resolve_doc_names(dossier_doc_names **out, const dossier_lexicon *lex, const dossier_doc *d);
void dossier_resolve_doc_names_free(dossier_doc_names *names);

/*
 * From dossier_resolve_names_begin() to dossier_resolve_names_end(), the
 * names dossier_resolve_entity() records wait, to be written together:
 * the same rows as one upsert each, and every look-up of the entities
 * reads what it would have (the names it could meet are written first).
 * `pre`, when not NULL, holds the names of the doc's entities
 * (dossier_resolve_doc_names of the doc dossier_resolve_entity is given).
 * dossier_resolve_names_end() writes those still waiting when `write`,
 * else drops them (the transaction is to be rolled back); it returns
 * DOSSIER_OK or the failure, with the message set.
 */
int dossier_resolve_names_begin(dossier_db *db, const dossier_doc_names *pre);
int dossier_resolve_names_end(dossier_db *db, int write);

/*
 * The first name of a person's name as resolution compares it: folded,
 * person prefixes and initials left out; "" when fewer than two such words
 * remain or the name is not written in Latin letters.
 */
void dossier_resolve_first_name(char *out, size_t size, const dossier_lexicon *lex, const char *name);

/*
 * Non-zero when two first names (as dossier_resolve_first_name gives them)
 * are different names, not one name spelt two ways (at most two edits
 * apart: "dmitri", "dmitry").  Resolution itself joins only equal first
 * names; this is for consistency checks, which should not count
 * transliterations as conflicts.
 */
int dossier_resolve_first_names_differ(const char *a, const char *b);

/*
 * Places the statements of a newly stored article in clusters and the
 * article in a story, against everything already stored.  `sig` is the
 * signature of its body when worked out before (ingest), else NULL.
 */
int dossier_resolve_article(dossier_db *db, long long article, const dossier_shingles_sig *sig);

/*
 * dossier_resolve_article for an article whose statements are not stored
 * yet (dossier_store_resolved): its statements are compared from the doc
 * (dossier_cluster_links_doc; stmt_ids[i] the id statement i will take,
 * ids[e] the database id of doc entity e), the article joins its story,
 * and *out is set to the clusters its statements are to be stored in
 * (the caller frees it with dossier_cluster_plan_free).  The article's
 * row must be stored in a story of its own (story = its id).
 */
int dossier_resolve_doc(dossier_cluster_plan **out, dossier_db *db, long long article, const dossier_doc *d,
                        const long long *stmt_ids, const long long *ids, const dossier_shingles_sig *sig);

#endif /* DOSSIER_RESOLVE_H */
