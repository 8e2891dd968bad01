/*
 * export.c — the export document of shared/eval/README.md, built by
 * SQLite's JSON functions in one query: articles, entities (with aliases
 * and the articles that mention them), roles, statements (with speaker,
 * topics and cluster), events (with date and participants).  Scalar
 * subqueries lose SQLite's JSON subtype, hence the json() around them.
 */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "base/util.h"

static const char export_sql[] =
    "SELECT json_object("
    " 'articles', json((SELECT json_group_array(json_object('id', id, 'source', source,"
    "   'title', title, 'outlet', outlet, 'language', language, 'published', published,"
    "   'url', url, 'story', story)) FROM (SELECT * FROM articles ORDER BY id))),"
    " 'entities', json((SELECT json_group_array(json_object('id', e.id, 'kind', e.kind,"
    "   'name', e.name, 'known', json(CASE e.known WHEN 1 THEN 'true' ELSE 'false' END),"
    "   'aliases', json((SELECT json_group_array(a.name) FROM aliases a"
    "     WHERE a.entity = e.id AND a.name != e.name)),"
    "   'articles', json((SELECT json_group_array(DISTINCT m.article) FROM"
    "     (SELECT article FROM mentions WHERE entity = e.id ORDER BY article) m))))"
    "   FROM (SELECT * FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity = e.id)"
    "   ORDER BY id) e)),"
    " 'roles', json((SELECT json_group_array(json_object('person', p.name, 'title', r.title,"
    "   'organization', o.name, 'article', r.article))"
    "   FROM (SELECT * FROM roles ORDER BY id) r JOIN entities p ON p.id = r.person"
    "   JOIN entities o ON o.id = r.organization)),"
    " 'statements', json((SELECT json_group_array(json_object('id', s.id, 'article', s.article,"
    "   'speaker', sp.name, 'kind', s.kind, 'text', s.text, 'cue', s.cue,"
    "   'about', json((SELECT json_group_array(name) FROM (SELECT e.name FROM statement_topics t"
    "     JOIN entities e ON e.id = t.entity WHERE t.statement = s.id ORDER BY e.name, e.id))),"
    "   'cluster', s.cluster))"
    "   FROM (SELECT * FROM statements ORDER BY id) s LEFT JOIN entities sp ON sp.id = s.speaker)),"
    " 'events', json((SELECT json_group_array(json_object('id', v.id, 'article', v.article,"
    "   'kind', v.kind, 'date', v.date, 'trigger', v.trigger,"
    "   'participants', json((SELECT json_group_array(name) FROM (SELECT e.name FROM event_participants p"
    "     JOIN entities e ON e.id = p.entity WHERE p.event = v.id ORDER BY e.name, e.id)))))"
    "   FROM (SELECT * FROM events ORDER BY id) v)))";

/* See dossier.h. */
int dossier_export_json(char **out, dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = dossier_db_prepare(&st, db, export_sql);
    if (rc)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = dossier_db_sqlfail(db, "export");
    } else {
        const char *json = (const char *)sqlite3_column_text(st, 0);
        *out = dossier_strndup(json ? json : "{}", json ? (size_t)sqlite3_column_bytes(st, 0) : 2);
        if (!*out)
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    return rc;
}
