/*
 * cluster.h — statement clusters: the same utterance reported by several
 * articles, in one or several languages.
 */
#ifndef DOSSIER_CLUSTER_H
#define DOSSIER_CLUSTER_H

#include "store/db.h"

/*
 * Gives every statement of a newly stored article a cluster: that of the
 * most alike earlier statement of the same speaker, or its own id.  The
 * article's story must already be set.
 */
int dossier_cluster_article(dossier_db *db, long long article);

#endif /* DOSSIER_CLUSTER_H */
