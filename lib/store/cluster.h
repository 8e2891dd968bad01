/*
 * cluster.h — statement clusters: the same utterance reported by several
 * articles, in one or several languages; and the likeness of statements
 * that tells resolve.c which articles report the same story.
 */
#ifndef DOSSIER_CLUSTER_H
#define DOSSIER_CLUSTER_H

#include "base/doc.h"
#include "base/util.h"
#include "store/db.h"

/* How strongly two statements of one speaker say the same thing. */
enum dossier_link_level {
    DOSSIER_LINK_STORY = 1, /* alike enough to be one utterance when the articles report one story */
    DOSSIER_LINK_COPY = 2   /* the same words: one utterance wherever it is reported */
};

/* A statement of the new article that is like an earlier statement of the same speaker. */
typedef struct {
    long long mine, other;          /* statements.id */
    long long other_article;        /* the other statement's article */
    long long other_cluster;        /* its cluster (its id when it has none) */
    long long speaker;
    double score;                   /* likeness, for the best-first one-to-one choice */
    int level;                      /* enum dossier_link_level */
    int near;                       /* the articles may be one story by date: both dated at most
                                       three days apart, or one of them undated */
} dossier_link;

typedef VEC(dossier_link) dossier_links;

/*
 * Stores what is compared of each statement of `article` (statement_features)
 * and finds its links: pairs with statements of the same speaker in other
 * articles published near it (or, for undated articles, the speaker's
 * latest statements), and pairs within the article that repeat the same
 * words.  Candidates come from indexes only, so the cost does not grow with
 * the database.  Appends to *out; the caller frees it with VEC_FREE.
 */
int dossier_cluster_links(dossier_links *out, dossier_db *db, long long article);

/*
 * Works out, for every statement of the analysed doc, the content words
 * and numbers that clustering compares (dossier_statement.wording, in the
 * doc's arena), as dossier_cluster_links would from the stored rows.  A
 * pure function of the doc: the analysing threads run it, so the writer
 * does not.  Returns DOSSIER_OK or DOSSIER_ENOMEM.
 */
int dossier_cluster_wording(dossier_doc *d);

/*
 * The entities named inside doc statement i (names and short names), as
 * statement_features.names holds them: the sorted database ids ids[e],
 * space-separated.  The caller frees *out.  0 or DOSSIER_ENOMEM.
 */
int dossier_cluster_names(char **out, const dossier_doc *d, size_t i, const long long *ids);

/*
 * The rank of doc statement i among the statements of its speaker
 * (speakers[j] the database id of statement j's speaker, 0 for none), by
 * where they begin, then by id: what statement_features.rank holds.
 */
int dossier_cluster_rank(const dossier_doc *d, const long long *speakers, size_t i);

/*
 * Non-zero when every statement of the doc has its wording
 * (dossier_cluster_wording), as dossier_cluster_links_doc needs.
 */
int dossier_cluster_worded(const dossier_doc *d);

/*
 * dossier_cluster_links for an article whose statements are not stored
 * yet (ingest stores them with their clusters): the doc's statements are
 * compared as their statement_features rows will hold them, stmt_ids[i]
 * the id statement i will take and ids[e] the database id of doc entity
 * e, and the candidates are those the queries would give with them
 * stored.  The article's row must be stored, and every statement worded
 * (dossier_cluster_worded).  Appends to *out; the caller frees it.
 */
int dossier_cluster_links_doc(dossier_links *out, dossier_db *db, long long article, const dossier_doc *d,
                              const long long *stmt_ids, const long long *ids);

/*
 * The clusters that links make, before they are written: a link of level
 * COPY always joins, a link of level STORY only when the other
 * statement's article is in the story `story`; each statement joins at
 * most one statement of each other article, the most alike first.
 * Clusters joined through the new statements become one (the smallest
 * id).  dossier_cluster_plan_make sorts the links; the caller frees *out
 * with dossier_cluster_plan_free.
 */
typedef struct dossier_cluster_plan dossier_cluster_plan;
int dossier_cluster_plan_make(dossier_cluster_plan **out, dossier_db *db, long long article, long long story,
                              dossier_links *links);
/* The cluster a statement of the article ends in. */
long long dossier_cluster_plan_of(dossier_cluster_plan *p, long long statement);
/* Moves the earlier clusters that the plan joins into their final one. */
int dossier_cluster_plan_move(dossier_db *db, dossier_cluster_plan *p);
void dossier_cluster_plan_free(dossier_cluster_plan *p);

/*
 * Gives every statement of `article` a cluster from `links`: a link of
 * level COPY always joins, a link of level STORY only when the other
 * statement's article is in the story `story`; each statement joins at
 * most one statement of each other article, the most alike first.
 * Clusters joined through the new statements become one (the smallest id).
 */
int dossier_cluster_apply(dossier_db *db, long long article, long long story, dossier_links *links);

/*
 * The share of the smaller statement's items (content words, numbers and
 * names, as "words\nnumbers\nnames" of statement_features) that the other
 * statement has too; 0 when either has none.  For consistency checks.
 */
double dossier_cluster_overlap(const char *a, const char *b, int other_language);

/* Both steps, for an article whose story is set (tests, and `resolve`). */
int dossier_cluster_article(dossier_db *db, long long article);

/* The story of stored article `article` (its id when it has none, or when
 * there is no such article); negative (DOSSIER_EDB) on error. */
long long dossier_cluster_story_of(dossier_db *db, long long article);

#endif /* DOSSIER_CLUSTER_H */
