/*
 * pipeline.h — every stage after source, in order (pipeline.c).
 */
#ifndef DOSSIER_PIPELINE_H
#define DOSSIER_PIPELINE_H

#include "base/doc.h"

/*
 * Runs clean, meta, segment and every extractor on a doc read by source.
 * Returns DOSSIER_OK or the first stage's negative code, with the doc's
 * error message set; the doc keeps what the stages added either way and
 * is freed by its owner with dossier_doc_free().
 */
int dossier_pipeline_run(dossier_doc *d);

#endif /* DOSSIER_PIPELINE_H */
