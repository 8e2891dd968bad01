/*
 * check_resolve.c — joining entities across articles (lib/store/resolve.c):
 * gazetteer entities, aliases, surname-only mentions and spelling variants
 * of people, initials and generational suffixes, acronyms, and no join
 * between different people or kinds.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/db.h"
#include "store/resolve.h"
#include "testutil.h"

/* The database id for a person (or `kind`) entity of this name, from a fresh doc. */
static long long resolve_name(dossier_db *db, const char *name, int kind)
{
    dossier_doc d;
    long long id = 0;
    dossier_lexicon *lex = NULL;
    ck_assert_dossier_ok(db, dossier_db_lexicon(&lex, db));
    dossier_doc_init(&d, lex, "test");
    int e = dossier_doc_entity(&d, name, strlen(name), kind, NULL);
    ck_assert_int_ge(e, 0);
    ck_assert_dossier_ok(db, dossier_resolve_entity(&id, db, &d, e));
    dossier_doc_free(&d);
    return id;
}

/* The canonical name of entity `id` (static buffer). */
static const char *entity_name(dossier_db *db, long long id)
{
    static char buf[256];
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    sqlite3_prepare_v2(db->sql, "SELECT name FROM entities WHERE id = ?1", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

START_TEST(test_people)
{
    dossier_db *db = dossier_test_db();
    long long a = resolve_name(db, "Rufus T. Firefly", DOSSIER_KIND_PERSON);
    ck_assert_int_gt(a, 0);
    /* a surname alone in another article is not evidence: it stays an entity of its own */
    long long lone = resolve_name(db, "Firefly", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(lone, a);
    ck_assert_int_eq(resolve_name(db, "Firefly", DOSSIER_KIND_PERSON), lone);
    ck_assert_int_ne(resolve_name(db, "Rufus Firefly", DOSSIER_KIND_PERSON), lone);
    ck_assert_int_eq(resolve_name(db, "rufus t. fireflye", DOSSIER_KIND_PERSON), a);
    ck_assert_int_ne(resolve_name(db, "Groucho Marx", DOSSIER_KIND_PERSON), a);
    ck_assert_int_ne(resolve_name(db, "Rufus Shaw", DOSSIER_KIND_PERSON), a);
    /* A surname first, a full name later: two entities, in either order. */
    long long b = resolve_name(db, "Trentino", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(resolve_name(db, "Ambassador Trentino", DOSSIER_KIND_PERSON), b);
    /* The same name of another kind is another entity. */
    ck_assert_int_ne(resolve_name(db, "Firefly", DOSSIER_KIND_PROGRAM), a);
    dossier_close(db);
}
END_TEST

START_TEST(test_known)
{
    dossier_db *db = dossier_test_db();
    char err[256];
    FILE *f = fopen("/tmp/dossier_resolve_gaz.yaml", "w");
    fputs("- name: Sylvanian Space Board\n  kind: organization\n  names: [SSB, Office spatial sylvanien]\n", f);
    fclose(f);
    dossier_lexicon *lex = NULL;
    ck_assert_dossier_ok(db, dossier_db_lexicon(&lex, db));
    ck_assert_int_eq(dossier_lexicon_add_gazetteer(lex, "/tmp/dossier_resolve_gaz.yaml", err, sizeof err), 0);
    remove("/tmp/dossier_resolve_gaz.yaml");
    const dossier_gaz_entry *g = dossier_gazetteer_find(lex, "SSB");
    ck_assert_ptr_nonnull(g);
    long long ids[2];
    const char *names[2] = {"SSB", "Office spatial sylvanien"};
    for (int i = 0; i < 2; i++) {
        dossier_doc d;
        dossier_doc_init(&d, lex, "t");
        int e = dossier_doc_entity(&d, names[i], strlen(names[i]), DOSSIER_KIND_ORGANIZATION, g);
        ck_assert_dossier_ok(db, dossier_resolve_entity(&ids[i], db, &d, e));
        dossier_doc_free(&d);
    }
    ck_assert_int_eq(ids[0], ids[1]);
    ck_assert_str_eq(entity_name(db, ids[0]), "Sylvanian Space Board");
    /* An entity found from text before the gazetteer named it becomes the known one. */
    dossier_close(db);
    db = dossier_test_db();
    long long early = resolve_name(db, "office spatial sylvanien", DOSSIER_KIND_ORGANIZATION);
    ck_assert_dossier_ok(db, dossier_db_lexicon(&lex, db));
    f = fopen("/tmp/dossier_resolve_gaz.yaml", "w");
    fputs("- name: Sylvanian Space Board\n  kind: organization\n  names: [SSB, Office spatial sylvanien]\n", f);
    fclose(f);
    ck_assert_int_eq(dossier_lexicon_add_gazetteer(lex, "/tmp/dossier_resolve_gaz.yaml", err, sizeof err), 0);
    remove("/tmp/dossier_resolve_gaz.yaml");
    g = dossier_gazetteer_find(lex, "SSB");
    dossier_doc d2;
    dossier_doc_init(&d2, lex, "t");
    int e2 = dossier_doc_entity(&d2, "SSB", 3, DOSSIER_KIND_ORGANIZATION, g);
    ck_assert_dossier_ok(db, dossier_resolve_entity(&ids[0], db, &d2, e2));
    dossier_doc_free(&d2);
    ck_assert_int_eq(ids[0], early);
    ck_assert_str_eq(entity_name(db, early), "Sylvanian Space Board");
    /* A name found from text that equals a known alias joins the known entity. */
    ck_assert_int_eq(resolve_name(db, "Office Spatial Sylvanien", DOSSIER_KIND_ORGANIZATION), ids[0]);
    dossier_close(db);
}
END_TEST

START_TEST(test_names_never_joined)
{
    dossier_db *db = dossier_test_db();
    long long father = resolve_name(db, "Hector Salamanca", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(resolve_name(db, "Hector Salamanca Jr.", DOSSIER_KIND_PERSON), father);
    ck_assert_int_eq(resolve_name(db, "Hector J. Salamanca", DOSSIER_KIND_PERSON), father);
    ck_assert_int_ne(resolve_name(db, "Salamanca", DOSSIER_KIND_PERSON), father); /* father or son: unsure */
    /* Two full names share a surname: a lone surname joins neither. */
    long long ada = resolve_name(db, "Ada Quill", DOSSIER_KIND_PERSON);
    long long bram = resolve_name(db, "Bram Quill", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(ada, bram);
    long long quill = resolve_name(db, "Quill", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(quill, ada);
    ck_assert_int_ne(quill, bram);
    ck_assert_int_eq(resolve_name(db, "Quill", DOSSIER_KIND_PERSON), quill);
    /* A surname spelt with a letter more inside is another name; one more at the end, a transliteration. */
    long long dj = resolve_name(db, "Dora Johnstone", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(resolve_name(db, "Dora Johnsone", DOSSIER_KIND_PERSON), dj);
    /* A first name with its surname cut off is not a surname. */
    long long otto = resolve_name(db, "Otto Brisk", DOSSIER_KIND_PERSON);
    ck_assert_int_ne(resolve_name(db, "Brisk O", DOSSIER_KIND_PERSON), otto);
    ck_assert_int_ne(resolve_name(db, "Brisk", DOSSIER_KIND_PERSON), otto);
    dossier_close(db);
}
END_TEST

START_TEST(test_acronyms)
{
    for (int order = 0; order < 2; order++) {
        dossier_db *db = dossier_test_db();
        const char *first = order ? "SBMR" : "Sylvan Bureau of Mineral Resources";
        const char *second = order ? "Sylvan Bureau of Mineral Resources" : "SBMR";
        long long a = resolve_name(db, first, DOSSIER_KIND_ORGANIZATION);
        ck_assert_int_eq(resolve_name(db, second, DOSSIER_KIND_ORGANIZATION), a);
        ck_assert_int_eq(resolve_name(db, "S.B.M.R.", DOSSIER_KIND_ORGANIZATION), a);
        ck_assert_str_eq(entity_name(db, a), "Sylvan Bureau of Mineral Resources"); /* the fuller name, in any order */
        ck_assert_int_ne(resolve_name(db, "Sylvan Board of Mines and Railways", DOSSIER_KIND_ORGANIZATION), a);
        /* three letters are many things: they meet their expansion only where an article pairs them */
        long long m = resolve_name(db, order ? "TBM" : "Tarel Board of Mapping", DOSSIER_KIND_ORGANIZATION);
        ck_assert_int_ne(resolve_name(db, order ? "Tarel Board of Mapping" : "TBM", DOSSIER_KIND_ORGANIZATION), m);
        dossier_close(db);
    }
}
END_TEST

/* Of two spellings of one name, the one in ordinary capitals is the entity's name, in either order. */
START_TEST(test_ordinary_capitals)
{
    for (int order = 0; order < 2; order++) {
        dossier_db *db = dossier_test_db();
        long long a = resolve_name(db, order ? "Margaret Firefly" : "MArgaret Firefly", DOSSIER_KIND_PERSON);
        ck_assert_int_eq(resolve_name(db, order ? "MArgaret Firefly" : "Margaret Firefly", DOSSIER_KIND_PERSON), a);
        ck_assert_str_eq(entity_name(db, a), "Margaret Firefly");
        long long b = resolve_name(db, order ? "Freedonia Space Board" : "FREEDONIA SPACE BOARD", DOSSIER_KIND_ORGANIZATION);
        ck_assert_int_eq(resolve_name(db, order ? "FREEDONIA SPACE BOARD" : "Freedonia Space Board",
                                      DOSSIER_KIND_ORGANIZATION), b);
        ck_assert_str_eq(entity_name(db, b), "Freedonia Space Board");
        dossier_close(db);
    }
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_people);
    tcase_add_test(tc, test_known);
    tcase_add_test(tc, test_names_never_joined);
    tcase_add_test(tc, test_acronyms);
    tcase_add_test(tc, test_ordinary_capitals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
