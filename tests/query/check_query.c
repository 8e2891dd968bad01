/*
 * check_query.c — canned queries (lib/query.c, query_sql.c,
 * query_article.c, schema/queries.yaml, schema/002_views.sql) on rows
 * inserted by hand: who said what about an entity named in any language,
 * clusters shown once, roles at the time, filters, profiles, the timeline,
 * suggestions for near misses, user query files and their errors; an
 * entity's rows read in date order from the three parts of their index
 * (the newest rows, the middle ones and the old ones,
 * schema/022_recent_dates.sql and 024_middle_parts.sql) give the same
 * answers wherever the rows are.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/db.h"
#include "store/recent.h"
#include "testutil.h"
#include "base/util.h"

/* Runs SQL on the handle or fails the test. */
static void exec(dossier_db *db, const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &err);
    ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "");
    sqlite3_free(err);
}

/* Adds an alias, folded as the resolver folds it. */
static void alias(dossier_db *db, int entity, const char *name)
{
    char *f = dossier_fold(name, strlen(name));
    char *sql = sqlite3_mprintf("INSERT INTO aliases(entity, name, folded) VALUES (%d, %Q, %Q)", entity, name, f);
    exec(db, sql);
    sqlite3_free(sql);
    free(f);
}

/* Adds a statement whose words are found in its article's body. */
static void statement(dossier_db *db, int id, int article, const char *kind, int speaker, const char *text,
                      int cluster)
{
    char *sql = sqlite3_mprintf(
        "INSERT INTO statements(id, article, kind, text, cue, speaker, start, end, cluster)"
        " SELECT %d, %d, %Q, %Q, 'said', %d, instr(body, %Q) - 1, instr(body, %Q) - 1 + length(%Q), nullif(%d, 0)"
        " FROM articles WHERE id = %d",
        id, article, kind, text, speaker, text, text, text, cluster, article);
    exec(db, sql);
    sqlite3_free(sql);
}

/*
 * A small knowledge base: three articles (English, French, English) about
 * a station, four speakers, roles, one cluster across languages, events.
 */
static dossier_db *kb(void)
{
    dossier_db *db = dossier_test_db();
    exec(db,
         "INSERT INTO articles(id, source, hash, original, body, title, outlet, language, published) VALUES"
         " (1, 'a/one.txt', 'h1', 'x', 'Rogozin said Russia could build joint modules for the orbital station."
         " Wang Wenbin said foreign astronauts are invited to the station. Hao Chun noted the station is national.',"
         " 'Opening Asia', 'TASS', 'en', '2022-04-22'),"
         " (2, 'b/two.txt', 'h2', 'x', 'Rogozine a déclaré que la Russie pourrait construire des modules communs.',"
         " 'Roscosmos et la Chine', NULL, 'fr', '2022-04-23'),"
         " (3, 'c/three.txt', 'h3', 'x', 'Zhou Jianping said: We would promote foreign participation in the station."
         " Rogozin said sanctions would not stop the programme.', 'China opens its station', 'India Today', 'en',"
         " '2022-05-02');"
         "INSERT INTO entities(id, kind, name, known) VALUES (1, 'person', 'Dmitry Rogozin', 1),"
         " (2, 'organization', 'Roscosmos', 1), (3, 'program', 'Tiangong', 1), (4, 'person', 'Wang Wenbin', 0),"
         " (5, 'organization', 'Chinese Foreign Ministry', 0), (6, 'person', 'Hao Chun', 0),"
         " (7, 'person', 'Zhou Jianping', 0), (8, 'organization', 'CGTN', 1);");
    const char *const names[][2] = {
        {"1", "Dmitry Rogozin"}, {"1", "Rogozin"}, {"1", "Dmitry Rogozine"}, {"1", "Рогозин"},
        {"2", "Roscosmos"}, {"2", "Роскосмос"}, {"3", "Tiangong"}, {"3", "station orbitale chinoise"},
        {"3", "China’s space station"}, {"3", "天宫"}, {"4", "Wang Wenbin"}, {"5", "Chinese Foreign Ministry"},
        {"6", "Hao Chun"}, {"7", "Zhou Jianping"}, {"8", "CGTN"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        alias(db, atoi(names[i][0]), names[i][1]);
    statement(db, 1, 1, "indirect", 1, "Russia could build joint modules for the orbital station", 1);
    statement(db, 2, 2, "indirect", 1, "la Russie pourrait construire des modules communs", 1);
    statement(db, 3, 1, "indirect", 4, "foreign astronauts are invited to the station", 0);
    statement(db, 4, 1, "indirect", 6, "the station is national", 0);
    statement(db, 5, 3, "direct", 7, "We would promote foreign participation in the station", 0);
    statement(db, 6, 3, "indirect", 1, "sanctions would not stop the programme", 0);
    exec(db,
         "INSERT INTO statement_topics VALUES (1, 3), (2, 3), (3, 3), (5, 3);"
         /* statement 4 is about the station only through a mention inside its words */
         "INSERT INTO mentions(article, entity, how, start, end) VALUES (1, 1, 'name', 0, 7), (1, 3, 'description', 199, 210),"
         " (2, 1, 'name', 0, 8), (3, 7, 'name', 0, 13), (3, 3, 'description', 70, 77), (3, 1, 'name', 79, 86);"
         "UPDATE mentions SET start = (SELECT instr(body, 'station is') + 3 FROM articles WHERE id = 1),"
         " end = (SELECT instr(body, 'station is') + 10 FROM articles WHERE id = 1) WHERE how = 'description' AND article = 1;"
         "INSERT INTO roles(article, person, title, organization, start, end) VALUES"
         " (1, 1, 'Director General', 2, 0, 7), (2, 1, 'PDG', 2, 0, 8), (1, 4, 'spokesman', 5, 0, 5);"
         "INSERT INTO events(id, article, kind, trigger, date, start, end) VALUES"
         " (1, 1, 'interview', 'interview', '2022-04', 0, 20), (2, 3, 'launch', 'launch', '2021-04-29', 0, 20),"
         " (3, 3, 'construction', 'build', NULL, 0, 10);"
         "INSERT INTO event_participants VALUES (1, 1), (1, 8), (2, 3), (3, 3);");
    return db;
}

/* Runs a canned query in `f` format with up to three parameters (name, value pairs; NULL ends). */
static char *run(dossier_db *db, size_t *rows, dossier_format f, const char *name, const char *k1, const char *v1,
                 const char *k2, const char *v2, const char *k3, const char *v3)
{
    dossier_param p[3] = {{k1, v1}, {k2, v2}, {k3, v3}};
    size_t n = k1 ? (k2 ? (k3 ? 3 : 2) : 1) : 0;
    dossier_output how = {f, 0, 0};
    static char *out; /* static: GCC's -Wdangling-pointer takes a local whose address escapes for the result */
    out = NULL;
    ck_assert_dossier_ok(db, dossier_query_run(&out, rows, db, name, p, n, &how));
    return out;
}

START_TEST(test_who_said_entity_any_language)
{
    dossier_db *db = kb();
    const char *topics[] = {"Tiangong", "station orbitale chinoise", "STATION ORBITALE CHINOISE",
                            "China's space station", "天宫"};
    for (size_t i = 0; i < 5; i++) {
        size_t rows = 0;
        char *out = run(db, &rows, DOSSIER_FORMAT_JSON, "who-said", "topic", topics[i], NULL, NULL, NULL, NULL);
        /* Rogozin (once: his English and French reports are one cluster), Wang, Hao, Zhou */
        ck_assert_msg(rows == 4, "%s: %zu rows: %s", topics[i], rows, out);
        ck_assert_ptr_nonnull(strstr(out, "\"speaker\": \"Dmitry Rogozin\""));
        ck_assert_ptr_nonnull(strstr(out, "\"speaker\": \"Wang Wenbin\""));
        ck_assert_ptr_nonnull(strstr(out, "\"speaker\": \"Hao Chun\""));
        ck_assert_ptr_nonnull(strstr(out, "\"speaker\": \"Zhou Jianping\""));
        ck_assert_ptr_nonnull(strstr(out, "\"also_reported_in\": \"Roscosmos et la Chine (#2)\""));
        ck_assert_ptr_nonnull(strstr(out, "\"role\": \"Director General, Roscosmos\""));
        ck_assert_ptr_nonnull(strstr(out, "\"role\": \"spokesman, Chinese Foreign Ministry\""));
        ck_assert_ptr_nonnull(strstr(out, "\"reported_in\": \"TASS\""));
        ck_assert_ptr_null(strstr(out, "sanctions"));
        dossier_free(out);
    }
    dossier_close(db);
}
END_TEST

START_TEST(test_who_said_filters)
{
    dossier_db *db = kb();
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "lang", "fr", NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "la Russie pourrait"));
    ck_assert_ptr_nonnull(strstr(out, "PDG, Roscosmos")); /* the role stated in that article */
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "speaker", "dmitry rogozine", NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "kind", "direct", NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "Zhou Jianping"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "since", "2022-05", NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "until", "2022-04", NULL, NULL);
    ck_assert_uint_eq(rows, 3);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TSV, "who-said", "topic", "Tiangong", "limit", "2", NULL, NULL);
    ck_assert_uint_eq(rows, 2);
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_who_said_text_fallback)
{
    dossier_db *db = kb();
    size_t rows = 0;
    /* no entity goes by these words: the statements' text is searched (accents and case ignored) */
    char *out = run(db, &rows, DOSSIER_FORMAT_CSV, "who-said", "topic", "SANCTIONS programme", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "sanctions would not stop"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "who-said", "topic", "modules communs", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    /* FTS syntax in the text is only text */
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "who-said", "topic", "\"NEAR( sanctions* OR", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 0);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "who-said", "topic", "?!", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 0);
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_profile_queries)
{
    dossier_db *db = kb();
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_JSON, "entity", "name", "rogozin", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "\"kind\": \"person\""));
    ck_assert_ptr_nonnull(strstr(out, "Рогозин"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_JSON, "roles", "name", "Rogozin", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 2);
    ck_assert_ptr_nonnull(strstr(out, "\"title\": \"Director General\", \"organization\": \"Roscosmos\", "
                                      "\"first_seen\": \"2022-04-22\""));
    ck_assert_ptr_nonnull(strstr(out, "\"sources\": \"TASS (#1)\""));
    dossier_free(out);
    /* an organisation's roles are the people holding titles in it */
    out = run(db, &rows, DOSSIER_FORMAT_JSON, "roles", "name", "Роскосмос", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 2);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_JSON, "said-by", "name", "Rogozin", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 2); /* the cluster once, and the sanctions */
    ck_assert_ptr_nonnull(strstr(out, "\"about\": \"Tiangong\""));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_JSON, "mentioned-in", "name", "Rogozin", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 3);
    ck_assert_ptr_nonnull(strstr(out, "{\"article\": 3, \"date\": \"2022-05-02\""));  /* newest first */
    dossier_free(out);
    dossier_close(db);
}
END_TEST

/* Where `needle` first occurs in `hay`, or -1. */
static long offset_of(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p ? (long)(p - hay) : -1;
}

START_TEST(test_timeline)
{
    dossier_db *db = kb();
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_CSV, "timeline", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 3);
    long launch = offset_of(out, "launch"), interview = offset_of(out, "interview"), build = offset_of(out, "construction");
    ck_assert(launch >= 0 && launch < interview && interview < build); /* date order */
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "timeline", "about", "Tiangong", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 2);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "timeline", "since", "2022", "kind", "INTERVIEW", NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "Dmitry Rogozin; CGTN"));
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_lists_and_stats)
{
    dossier_db *db = kb();
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_CSV, "entities", "kind", "person", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 4);
    ck_assert_ptr_nonnull(strstr(out, "1,person,Dmitry Rogozin,3,3,"));  /* most mentioned first */
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "articles", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 3);
    ck_assert_ptr_nonnull(strstr(out, "\r\n3,2022-05-02,India Today,en,"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "articles", "lang", "FR", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "article-statements", "id", "1", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 3);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "stats", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, "\r\n3,")); /* one record: articles first */
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_JSON, "stats", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_msg(out[0] == '{', "stats is one object: %s", out);
    ck_assert_ptr_nonnull(strstr(out, "\"articles\": 3,"));
    ck_assert_ptr_nonnull(strstr(out, "\"statements\": 6,"));
    ck_assert_ptr_nonnull(strstr(out, "\"utterances\": 5,"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "search", "text", "orbital", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    ck_assert_ptr_nonnull(strstr(out, "[orbital]"));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "reported-widely", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "speakers", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, "Dmitry Rogozin,person,2,3,3"));
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_lookup_and_suggestions)
{
    dossier_db *db = kb();
    char *near = NULL;
    ck_assert_int_eq(dossier_entity_lookup(&near, db, "DMITRY ROGOZINE"), DOSSIER_OK);
    ck_assert_ptr_null(near);
    ck_assert_int_eq(dossier_entity_lookup(&near, db, "Rogozn"), DOSSIER_ENOTFOUND);
    ck_assert_str_eq(near, "Rogozin");
    dossier_free(near);
    ck_assert_int_eq(dossier_entity_lookup(&near, db, "Wenbin"), DOSSIER_ENOTFOUND);
    ck_assert_str_eq(near, "Wang Wenbin");
    dossier_free(near);
    ck_assert_int_eq(dossier_entity_lookup(&near, db, "Roskosmos"), DOSSIER_ENOTFOUND);
    ck_assert_str_eq(near, "Roscosmos");
    dossier_free(near);
    ck_assert_int_eq(dossier_entity_lookup(&near, db, "Xylophone"), DOSSIER_ENOTFOUND);
    ck_assert_ptr_null(near);
    ck_assert_int_eq(dossier_entity_lookup(NULL, db, "nothing"), DOSSIER_ENOTFOUND);
    dossier_close(db);
}
END_TEST

START_TEST(test_article_text)
{
    dossier_db *db = kb();
    dossier_output how = {DOSSIER_FORMAT_TABLE, 0, 60};
    char *out = NULL;
    ck_assert_dossier_ok(db, dossier_article_text(&out, db, 1, &how));
    ck_assert_ptr_nonnull(strstr(out, "Hao Chun noted [[the station\nis national]]#4.")); /* wrapped at 60 */
    dossier_free(out);
    how.width = 0;
    ck_assert_dossier_ok(db, dossier_article_text(&out, db, 1, &how));
    ck_assert_ptr_nonnull(strstr(out, "#1  Opening Asia\nTASS · 2022-04-22 · en · a/one.txt\n"));
    ck_assert_msg(strstr(out, "[[the station is national]]#4"), "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "[[Russia could build"));
    dossier_free(out);
    how.color = 1;
    ck_assert_dossier_ok(db, dossier_article_text(&out, db, 1, &how));
    ck_assert_ptr_nonnull(strstr(out, "\033[1;33mthe station is national\033[0m#4"));
    dossier_free(out);
    ck_assert_int_eq(dossier_article_text(&out, db, 99, &how), DOSSIER_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "no article 99"));
    dossier_close(db);
}
END_TEST

START_TEST(test_errors)
{
    dossier_db *db = kb();
    dossier_output how = {DOSSIER_FORMAT_TABLE, 0, 0};
    char *out = NULL;
    dossier_param bad = {"colour", "red"}, limit = {"limit", "many"};
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "nonesuch", NULL, 0, &how), DOSSIER_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "no canned query named 'nonesuch'"));
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "who-said", NULL, 0, &how), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "needs --topic"));
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "stats", &bad, 1, &how), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "has no parameter --colour"));
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "articles", &limit, 1, &how), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "wants a whole number of rows, not 'many'"));
    ck_assert_ptr_null(out);
    dossier_param negative = {"offset", "-3"}, huge = {"limit", "123456789012345678901234567890"};
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "articles", &negative, 1, &how), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "articles", &huge, 1, &how), DOSSIER_EUSAGE);
    dossier_param offset = {"offset", "1"};   /* only listings (queries with a limit) page */
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "stats", &offset, 1, &how), DOSSIER_EUSAGE);
    dossier_close(db);
}
END_TEST

/* Writes `text` to a temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dossier_queriesXXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
    close(fd);
    return path;
}

START_TEST(test_user_queries)
{
    dossier_db *db = kb();
    const char *path = temp_file(
        "queries:\n"
        "  - name: folded\n"
        "    description: shows fold() and fts_terms()\n"
        "    params: [{name: x, required: true}]\n"
        "    sql: SELECT fold(:x) AS f, fts_terms(:x) AS t\n"
        "  - name: stats\n"
        "    description: replaced\n"
        "    sql: SELECT 42 AS answer\n");
    ck_assert_dossier_ok(db, dossier_queries_add_file(db, path));
    unlink(path);
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_TSV, "folded", "x", "Station ORBITALE “chinoise”", NULL, NULL, NULL, NULL);
    ck_assert_str_eq(out, "f\tt\nstation orbitale “chinoise”\t\"Station\" \"ORBITALE\" \"chinoise\"\n");
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "stats", NULL, NULL, NULL, NULL, NULL, NULL);
    ck_assert_str_eq(out, "answer\r\n42\r\n");
    dossier_free(out);
    dossier_output how = {DOSSIER_FORMAT_CSV, 0, 0};
    ck_assert_dossier_ok(db, dossier_query_list(&out, db, &how));
    ck_assert_ptr_nonnull(strstr(out, "folded,shows fold() and fts_terms(),--x (required)"));
    ck_assert_ptr_nonnull(strstr(out, "stats,replaced,"));
    ck_assert_ptr_null(strstr(out, "what the database holds")); /* the built-in one is replaced */
    ck_assert_ptr_nonnull(strstr(out, "who-said,"));
    dossier_free(out);
    ck_assert_dossier_ok(db, dossier_query_describe(&out, db, "who-said"));
    ck_assert_ptr_nonnull(strstr(out, "usage: dossier query who-said --topic VALUE [--speaker VALUE]"));
    ck_assert_ptr_nonnull(strstr(out, "(default: 50)"));
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_user_query_errors)
{
    dossier_db *db = kb();
    const char *path = temp_file("queries:\n  - name: x\n    sql: [unclosed\n");
    ck_assert_int_eq(dossier_queries_add_file(db, path), DOSSIER_EYAML);
    ck_assert_msg(strstr(dossier_errmsg(db), path) && strstr(dossier_errmsg(db), ":4:"), "%s", dossier_errmsg(db));
    unlink(path);
    path = temp_file("queries:\n  - description: no name\n    sql: SELECT 1\n");
    ck_assert_int_eq(dossier_queries_add_file(db, path), DOSSIER_EYAML);
    ck_assert_msg(strstr(dossier_errmsg(db), ":2: a query needs a name"), "%s", dossier_errmsg(db));
    unlink(path);
    path = temp_file("just: a mapping\n");
    ck_assert_int_eq(dossier_queries_add_file(db, path), DOSSIER_EYAML);
    unlink(path);
    path = temp_file("queries:\n"
                     "  - {name: wipe, sql: DELETE FROM articles}\n"
                     "  - {name: two, sql: SELECT 1; SELECT 2}\n"
                     "  - {name: broken, sql: SELECT nonesuch FROM articles}\n");
    ck_assert_dossier_ok(db, dossier_queries_add_file(db, path));
    unlink(path);
    dossier_output how = {DOSSIER_FORMAT_TABLE, 0, 0};
    char *out = NULL;
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "wipe", NULL, 0, &how), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "queries only read"));
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "two", NULL, 0, &how), DOSSIER_EUSAGE);
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "broken", NULL, 0, &how), DOSSIER_EDB);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "no such column: nonesuch"));
    ck_assert_int_eq(dossier_queries_add_file(db, "/nonexistent/q.yaml"), DOSSIER_EIO);
    dossier_close(db);
}
END_TEST

START_TEST(test_pages)
{
    dossier_db *db = kb();
    dossier_output how = {DOSSIER_FORMAT_CSV, 0, 0};
    dossier_page page;
    char *out = NULL;
    dossier_param p[2] = {{"limit", "2"}, {"offset", "0"}};
    /* three articles, newest first: a page of two, one more */
    ck_assert_dossier_ok(db, dossier_query_page_run(&out, &page, db, "articles", p, 2, &how));
    ck_assert_uint_eq(page.rows, 2);
    ck_assert_uint_eq(page.more, 1);
    ck_assert_int_eq(page.capped, 0);
    ck_assert_ptr_nonnull(strstr(out, "\r\n3,"));
    dossier_free(out);
    p[1].value = "2";
    ck_assert_dossier_ok(db, dossier_query_page_run(&out, &page, db, "articles", p, 2, &how));
    ck_assert_uint_eq(page.rows, 1);
    ck_assert_uint_eq(page.more, 0);
    ck_assert_ptr_nonnull(strstr(out, "\r\n1,"));
    dossier_free(out);
    p[0].value = "0";   /* 0: everything */
    p[1].value = "0";
    ck_assert_dossier_ok(db, dossier_query_page_run(&out, &page, db, "articles", p, 2, &how));
    ck_assert_uint_eq(page.rows, 3);
    ck_assert_uint_eq(page.more, 0);
    dossier_free(out);
    /* the default page is 50 rows */
    ck_assert_dossier_ok(db, dossier_query_page_run(&out, &page, db, "entities", NULL, 0, &how));
    ck_assert_int_eq(page.limit, 50);
    dossier_free(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_ids_for_programs_and_search_syntax)
{
    dossier_db *db = kb();
    size_t rows = 0;
    char *out = run(db, &rows, DOSSIER_FORMAT_JSON, "who-said", "topic", "Tiangong", NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, "\"statement_id\": "));
    ck_assert_ptr_nonnull(strstr(out, "\"speaker_id\": 1"));
    ck_assert_ptr_nonnull(strstr(out, "\"start\": "));
    ck_assert_ptr_nonnull(strstr(out, "\"end\": "));
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_TABLE, "who-said", "topic", "Tiangong", NULL, NULL, NULL, NULL);
    ck_assert_ptr_null(strstr(out, "statement_id"));   /* tables are for people */
    dossier_free(out);
    /* FTS5 syntax: OR, phrases, prefixes; words with punctuation stay words */
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "search", "text", "sanctions OR astronauts", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 2);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "search", "text", "\"joint modules\" astro*", NULL, NULL, NULL, NULL);
    ck_assert_uint_eq(rows, 1);
    dossier_free(out);
    out = run(db, &rows, DOSSIER_FORMAT_CSV, "search", "text", "NOT-a-word OR Rogozin", NULL, NULL, NULL, NULL);
    dossier_free(out);
    dossier_output how = {DOSSIER_FORMAT_CSV, 0, 0};
    dossier_param bad = {"text", "station AND"};
    ck_assert_int_eq(dossier_query_run(&out, NULL, db, "search", &bad, 1, &how), DOSSIER_EUSAGE);
    ck_assert_ptr_nonnull(strstr(dossier_errmsg(db), "bad search syntax in 'station AND'"));
    dossier_close(db);
}
END_TEST

/* Collects written bytes into a dbuf-like growing string. */
static int collect(const char *data, size_t len, void *userdata)
{
    char **s = userdata;
    size_t have = *s ? strlen(*s) : 0;
    char *n = realloc(*s, have + len + 1);
    if (!n)
        return 1;
    memcpy(n + have, data, len);
    n[have + len] = '\0';
    *s = n;
    return 0;
}

/* Fails after the first write, as a full disk does. */
static int full(const char *data, size_t len, void *userdata)
{
    (void)data, (void)len;
    return (*(int *)userdata)++ > 0;
}

START_TEST(test_export_tables)
{
    dossier_db *db = kb();
    char *list = NULL, *out = NULL;
    ck_assert_dossier_ok(db, dossier_export_tables(&list, db));
    ck_assert_ptr_nonnull(strstr(list, "articles\n"));
    ck_assert_ptr_nonnull(strstr(list, "who_said\n"));
    ck_assert_ptr_null(strstr(list, "_fts"));
    dossier_free(list);
    ck_assert_dossier_ok(db, dossier_export_table(db, "entities", DOSSIER_FORMAT_JSONL, collect, &out));
    ck_assert_ptr_nonnull(strstr(out, "{\"id\": 1, \"kind\": \"person\", \"name\": \"Dmitry Rogozin\""));
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_eq(lines, 8);
    free(out);
    out = NULL;
    exec(db, "UPDATE articles SET original = x'78ff00' WHERE id = 1");
    ck_assert_dossier_ok(db, dossier_export_table(db, "articles", DOSSIER_FORMAT_CSV, collect, &out));
    ck_assert_ptr_nonnull(strstr(out, ",eP8A,")); /* the original bytes in base64 */
    free(out);
    out = NULL;
    int calls = 0;
    ck_assert_int_eq(dossier_export_table(db, "statements", DOSSIER_FORMAT_TSV, full, &calls), DOSSIER_EIO);
    ck_assert_int_eq(dossier_export_table(db, "sqlite_schema", DOSSIER_FORMAT_CSV, collect, &out), DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_export_table(db, "x\"; DROP TABLE articles; --", DOSSIER_FORMAT_CSV, collect, &out),
                     DOSSIER_ENOTFOUND);
    ck_assert_int_eq(dossier_export_table(db, "entities", DOSSIER_FORMAT_TABLE, collect, &out), DOSSIER_EUSAGE);
    ck_assert_ptr_null(out);
    dossier_close(db);
}
END_TEST

START_TEST(test_views_documented)
{
    dossier_db *db = kb();
    const char *views[] = {"entity_names", "statement_about", "who_said", "entity_roles", "timeline",
                           "entity_articles", "article_list"};
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
        sqlite3_stmt *st = NULL;
        ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?1",
                                            -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, views[i], -1, SQLITE_STATIC);
        ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "no view %s", views[i]);
        ck_assert_msg(strstr((const char *)sqlite3_column_text(st, 0), "--"), "view %s has no comments", views[i]);
        sqlite3_finalize(st);
    }
    /* the views answer without the library's SQL functions, as in the sqlite3 shell */
    exec(db, "SELECT * FROM who_said; SELECT * FROM entity_names; SELECT * FROM timeline;"
             " SELECT * FROM statement_about; SELECT * FROM entity_roles; SELECT * FROM entity_articles;"
             " SELECT * FROM article_list");
    dossier_close(db);
}
END_TEST

/* Reads one text value with SQL ("" for NULL); the caller frees. */
static char *sql_text(dossier_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    char *v = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        v = dossier_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v ? v : dossier_strdup("");
}

START_TEST(test_role_at_the_time)
{
    dossier_db *db = kb();
    char *v = sql_text(db, "SELECT group_concat(title || '|' || first_seen || '|' || articles, ',')"
                           " FROM role_spans WHERE person = 1");
    ck_assert_str_eq(v, "Director General|2022-04-22|1,PDG|2022-04-23|1");
    free(v);
    /* statement 6 (article 3, 2022-05-02) has no role in its article: the role stated last before it */
    v = sql_text(db, "SELECT speaker_role FROM who_said WHERE statement = 6");
    ck_assert_str_eq(v, "PDG, Roscosmos");
    free(v);
    v = sql_text(db, "SELECT speaker_role FROM who_said WHERE statement = 1");
    ck_assert_str_eq(v, "Director General, Roscosmos");
    free(v);
    /* before any role was stated, or undated: no role, not the one stated most often */
    exec(db, "INSERT INTO articles(id, source, hash, original, body, title, outlet, language, published) VALUES"
             " (4, 'd/four.txt', 'h4', 'x', 'Rogozin said the talks would go on.', 'Talks', NULL, 'en', '2021-01-05'),"
             " (5, 'e/five.txt', 'h5', 'x', 'Rogozin said the talks would end.', 'Talks end', NULL, 'en', NULL)");
    statement(db, 7, 4, "indirect", 1, "the talks would go on", 0);
    statement(db, 8, 5, "indirect", 1, "the talks would end", 0);
    v = sql_text(db, "SELECT coalesce(speaker_role, 'none') FROM who_said WHERE statement = 7");
    ck_assert_str_eq(v, "none");
    free(v);
    v = sql_text(db, "SELECT coalesce(speaker_role, 'none') FROM who_said WHERE statement = 8");
    ck_assert_str_eq(v, "none");
    free(v);
    exec(db, "DELETE FROM statements WHERE id IN (7, 8); DELETE FROM articles WHERE id IN (4, 5)");
    /* the spans follow the roles: a second statement of a title, a deleted article, a changed title */
    exec(db, "INSERT INTO roles(article, person, title, organization, start, end) VALUES (3, 1, 'director general', 2, 0, 7)");
    v = sql_text(db, "SELECT last_seen || '|' || articles FROM role_spans WHERE person = 1 AND title_folded = 'director general'");
    ck_assert_str_eq(v, "2022-05-02|2");
    free(v);
    v = sql_text(db, "SELECT speaker_role FROM who_said WHERE statement = 6");
    ck_assert_str_eq(v, "director general, Roscosmos"); /* now stated in its own article */
    free(v);
    exec(db, "DELETE FROM statements WHERE article = 2; DELETE FROM statement_topics WHERE statement = 2;"
             " DELETE FROM mentions WHERE article = 2; DELETE FROM articles WHERE id = 2");
    v = sql_text(db, "SELECT count(*) FROM role_spans WHERE person = 1 AND title = 'PDG'");
    ck_assert_str_eq(v, "0");
    free(v);
    exec(db, "UPDATE roles SET title = 'head' WHERE person = 4");
    v = sql_text(db, "SELECT group_concat(title) FROM role_spans WHERE person = 4");
    ck_assert_str_eq(v, "head");
    free(v);
    dossier_close(db);
}
END_TEST

/* The outputs of the queries that read an entity's rows in date order, with several limits, one after the other. */
static char *date_ordered(dossier_db *db)
{
    static const char *const limits[] = {"1", "2", "3", "0"};
    dbuf all = {0};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        const char *q[][2] = {{"who-said", "topic"}, {"timeline", "about"}, {"mentioned-in", "name"}};
        const char *who[] = {"Tiangong", "Rogozin"};
        for (size_t k = 0; k < 3; k++)
            for (size_t w = 0; w < 2; w++) {
                char *out = run(db, NULL, DOSSIER_FORMAT_JSON, q[k][0], q[k][1], who[w], "limit", limits[i], NULL, NULL);
                ck_assert_int_eq(dossier_buf_printf(&all, "%s %s %s\n%s\n", q[k][0], who[w], limits[i], out), 0);
                dossier_free(out);
            }
    }
    return all.s;
}

START_TEST(test_recent_and_old_rows)
{
    dossier_db *db = kb();
    char *v = sql_text(db, "SELECT (SELECT count(*) FROM entity_article_mentions WHERE recent = 1) > 0"
                           " AND (SELECT count(*) FROM statement_entities WHERE recent = 1) > 0"
                           " AND (SELECT count(*) FROM entity_event_dates WHERE recent = 1) > 0");
    ck_assert_str_eq(v, "1"); /* new rows wait in the recent part */
    free(v);
    char *recent = date_ordered(db);
    ck_assert_ptr_nonnull(strstr(recent, "Zhou Jianping"));
    ck_assert_ptr_nonnull(strstr(recent, "China opens its station"));
    /* a third of the rows in each part, so that the first rows by date come from all three */
    exec(db, "UPDATE entity_article_mentions SET recent = article % 3; UPDATE statement_entities SET recent = statement % 3;"
             " UPDATE entity_event_dates SET recent = event % 3");
    char *mixed = date_ordered(db);
    ck_assert_str_eq(mixed, recent);
    /* all in the middle part */
    exec(db, "UPDATE entity_article_mentions SET recent = 2; UPDATE statement_entities SET recent = 2;"
             " UPDATE entity_event_dates SET recent = 2");
    char *middle = date_ordered(db);
    ck_assert_str_eq(middle, recent);
    /* newest and middle rows both go to the old part */
    exec(db, "UPDATE entity_article_mentions SET recent = 1 + article % 2; UPDATE statement_entities SET recent = 1 + statement % 2;"
             " UPDATE entity_event_dates SET recent = 1 + event % 2");
    ck_assert_dossier_ok(db, dossier_recent_merge(db));
    v = sql_text(db, "SELECT (SELECT count(*) FROM entity_article_mentions WHERE recent <> 0)"
                     " + (SELECT count(*) FROM statement_entities WHERE recent <> 0)"
                     " + (SELECT count(*) FROM entity_event_dates WHERE recent <> 0)");
    ck_assert_str_eq(v, "0"); /* all merged */
    free(v);
    char *old = date_ordered(db);
    ck_assert_str_eq(old, recent);
    free(recent);
    free(mixed);
    free(middle);
    free(old);
    dossier_close(db);
}
END_TEST

/* Builds the suite. */
static Suite *query_suite(void)
{
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("query");
    tcase_add_test(tc, test_who_said_entity_any_language);
    tcase_add_test(tc, test_who_said_filters);
    tcase_add_test(tc, test_who_said_text_fallback);
    tcase_add_test(tc, test_profile_queries);
    tcase_add_test(tc, test_timeline);
    tcase_add_test(tc, test_lists_and_stats);
    tcase_add_test(tc, test_lookup_and_suggestions);
    tcase_add_test(tc, test_article_text);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_user_queries);
    tcase_add_test(tc, test_user_query_errors);
    tcase_add_test(tc, test_pages);
    tcase_add_test(tc, test_ids_for_programs_and_search_syntax);
    tcase_add_test(tc, test_export_tables);
    tcase_add_test(tc, test_views_documented);
    tcase_add_test(tc, test_role_at_the_time);
    tcase_add_test(tc, test_recent_and_old_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(query_suite());
}
