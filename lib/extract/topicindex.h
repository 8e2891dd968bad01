/*
 * topicindex.h — the topics stage's inside: what topics.c asks again and
 * again for every statement ("which mention covers this token", "the last
 * programme before here that goes with this word", "which entity goes by
 * this name"), answered through indexes built once per article, so that
 * the stage costs O(n log n) in tokens and mentions instead of a scan of
 * every mention for every word.
 *
 * Each answer is the one a scan in index order would give (ties broken
 * the same way), so indexing changes no result.  Mentions and entities
 * added while the stage runs are picked up on the next question; existing
 * mentions, entity names and aliases are taken as fixed.  Allocation
 * failures make questions answer "none" and are reported by
 * dossier_topicindex_failed().
 */
#ifndef DOSSIER_TOPICINDEX_H
#define DOSSIER_TOPICINDEX_H

#include "base/doc.h"

typedef struct topic_index topic_index;

/* Makes an index over `d` (which it reads as the stage changes it); NULL when out of memory. */
topic_index *dossier_topicindex_new(dossier_doc *d);

/* Frees the index.  Accepts NULL. */
void dossier_topicindex_free(topic_index *ix);

/* Non-zero when an allocation failed since the index was made. */
int dossier_topicindex_failed(const topic_index *ix);

/* The first mention (in index order) covering token t, or -1. */
int dossier_topicindex_mention_at(topic_index *ix, int t);

/*
 * The programme a bare programme word (folded `word`) at token t points
 * to: of the programme mentions before t, the latest (the first of its
 * position) whose entity's name holds the word or which has the word
 * (inflected, or as a compound's head) within three tokens; else, unless
 * `fit_only`, the latest programme mention.  Its entity, or -1.
 */
int dossier_topicindex_programme_for(topic_index *ix, int t, const char *word, int fit_only);

/*
 * The sentence of the last token before `first` that is `word` (inflected,
 * or a compound's head) in a sentence naming a programme (not by a
 * pronoun); -1 when there is none.
 */
int dossier_topicindex_antecedent(topic_index *ix, int first, const char *word);

/* The mentions of sentence `s` (or of paragraph `p`), in index order; *n their count. */
const int *dossier_topicindex_sentence_mentions(topic_index *ix, int s, size_t *n);
const int *dossier_topicindex_paragraph_mentions(topic_index *ix, int p, size_t *n);

/*
 * The first entity (not a place) whose name or an alias, folded with '-'
 * and '.' read as spaces, is the text `f`; -1 when none.
 */
int dossier_topicindex_known_name(topic_index *ix, const char *f);

/*
 * Registers name `i` of the caller's list of names, whose first folded
 * word is `first_word`, for dossier_topicindex_name_candidates().
 */
void dossier_topicindex_add_name(topic_index *ix, int i, const char *first_word);

/*
 * The registered names whose first word may be the folded word `w`
 * inflected (every name for which dossier_inflect_same() can hold, and
 * perhaps more), in increasing order; *n their count.  Valid until the
 * next call.
 */
const int *dossier_topicindex_name_candidates(topic_index *ix, const char *w, size_t *n);

/*
 * A remembered answer about one folded word: `slot` names the question
 * (0, 1, ...: the caller's own numbering, below 4).  dossier_topicindex_recall
 * returns 1 and sets *out when the answer is known, else 0.
 */
int dossier_topicindex_recall(topic_index *ix, int slot, const char *w, int *out);
void dossier_topicindex_remember(topic_index *ix, int slot, const char *w, int value);

#endif /* DOSSIER_TOPICINDEX_H */
