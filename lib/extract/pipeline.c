/*
 * pipeline.c — the one place where the pipeline is written: the stages
 * an article goes through after source, in order.  Each stage is a
 * `dossier_<stage>_run(dossier_doc *)` that reads what the stages before
 * it left in the doc and adds its own; the first failure stops the run
 * with the doc's error set.
 */
#include "extract/pipeline.h"

#include "dossier.h"
#include "read/clean.h"
#include "read/meta.h"
#include "read/segment.h"
#include "extract/entities/entities.h"
#include "extract/roles.h"
#include "extract/dates/dates.h"
#include "extract/statements/statements.h"
#include "extract/topics.h"
#include "extract/events/events.h"

/* See pipeline.h.  The order is the data flow of DESIGN.md. */
int dossier_pipeline_run(dossier_doc *d)
{
    int (*const stages[])(dossier_doc *) = {
        dossier_clean_run,    dossier_meta_run,       dossier_segment_run,
        dossier_entities_run, dossier_roles_run,      dossier_dates_run,
        dossier_statements_run, dossier_topics_run,   dossier_events_run,
    };
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        int rc = stages[i](d);
        if (rc)
            return d->err ? d->err : dossier_doc_fail(d, rc, "extraction failed (%d)", rc);
    }
    return DOSSIER_OK;
}
