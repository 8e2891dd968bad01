/*
 * check_lexicon.c — loading language lists and gazetteers from YAML, and
 * matching phrases and names against folded words (lib/lexicon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/lexicon.h"
#include "testutil.h"

/* Writes `text` to a fresh temporary file and returns its path (static). */
static const char *temp_file(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dossier_lexXXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
    close(fd);
    return path;
}

static dossier_lexicon *load(void)
{
    dossier_lexicon *lx = NULL;
    char err[256];
    ck_assert_int_eq(dossier_lexicon_new(&lx, err, sizeof err), DOSSIER_OK);
    return lx;
}

START_TEST(test_user_lexicon)
{
    dossier_lexicon *lx = load();
    char err[256];
    const char *path = temp_file("language: xx\n"
                                 "statement:\n  speech_verbs: [quoth, \"made known\", Made Known Publicly]\n"
                                 "months:\n  1: [Janvaro]\n");
    ck_assert_int_eq(dossier_lexicon_add_file(lx, path, err, sizeof err), DOSSIER_OK);
    unlink(path);
    const char *words[] = {"made", "known", "publicly", "today"};
    const dossier_phrase *p = NULL;
    ck_assert_uint_eq(dossier_lexicon_match(lx, "xx", "statement.speech_verbs", words, 4, &p), 3);
    ck_assert_str_eq(p->text, "Made Known Publicly");
    ck_assert_uint_eq(dossier_lexicon_match(lx, "xx", "statement.speech_verbs", words, 2, &p), 2);
    ck_assert_uint_eq(dossier_lexicon_match(lx, NULL, "statement.speech_verbs", words, 2, NULL), 2);
    ck_assert(dossier_lexicon_has(lx, "xx", "months.1", "janvaro"));
    ck_assert(!dossier_lexicon_has(lx, "xx", "months.2", "janvaro"));
    ck_assert(!dossier_lexicon_has(lx, "xx", "no.such.list", "quoth"));
    /* the same key buffer reused for another list finds each list by its text */
    char key[64];
    strcpy(key, "months.1");
    const char *jan[] = {"janvaro"};
    ck_assert(dossier_lexicon_has(lx, "xx", key, jan[0]));
    strcpy(key, "months.2");
    ck_assert(!dossier_lexicon_has(lx, "xx", key, jan[0]));
    strcpy(key, "months.1");
    ck_assert(dossier_lexicon_has(lx, "xx", key, jan[0]));
    const dossier_phrase *const *all = NULL;
    ck_assert_uint_eq(dossier_lexicon_list(lx, "xx", "statement.speech_verbs", &all), 3);
    const char *const *langs = NULL;
    size_t n = dossier_lexicon_languages(lx, &langs);
    ck_assert_str_eq(langs[n - 1], "xx");
    dossier_lexicon_free(lx);
}
END_TEST

START_TEST(test_user_gazetteer)
{
    dossier_lexicon *lx = load();
    char err[256];
    const char *path = temp_file("- name: Agencia Ficticia del Espacio\n  kind: organization\n"
                                 "  names: [AFE, Fictional Space Agency]\n"
                                 "- name: Freedonia\n  kind: place\n  names: [Freedonie]\n"
                                 "  adjectives: [Freedonian, freedonien]\n");
    ck_assert_int_eq(dossier_lexicon_add_gazetteer(lx, path, err, sizeof err), DOSSIER_OK);
    unlink(path);
    const dossier_gaz_entry *e = NULL;
    const char *words[] = {"fictional", "space", "agency", "said"};
    ck_assert_uint_eq(dossier_gazetteer_match(lx, words, 4, &e), 3);
    ck_assert_str_eq(e->name, "Agencia Ficticia del Espacio");
    ck_assert_int_eq(e->kind, DOSSIER_KIND_ORGANIZATION);
    const char *adj[] = {"freedonien"};
    ck_assert_uint_eq(dossier_gazetteer_match_adjective(lx, adj, 1, &e), 1);
    ck_assert_str_eq(e->name, "Freedonia");
    ck_assert_ptr_nonnull(dossier_gazetteer_find(lx, "AFE"));
    ck_assert_ptr_null(dossier_gazetteer_find(lx, "Fictional Space"));
    dossier_lexicon_free(lx);
}
END_TEST

START_TEST(test_bad_files)
{
    dossier_lexicon *lx = load();
    char err[256];
    const char *path = temp_file("language: xx\nlist: [unclosed\n");
    ck_assert_int_eq(dossier_lexicon_add_file(lx, path, err, sizeof err), DOSSIER_EYAML);
    ck_assert_msg(strstr(err, path) && strstr(err, ":3:") , "error was: %s", err);
    unlink(path);
    path = temp_file("list: [a, b]\n");
    ck_assert_int_eq(dossier_lexicon_add_file(lx, path, err, sizeof err), DOSSIER_EYAML);
    ck_assert_ptr_nonnull(strstr(err, "language"));
    unlink(path);
    path = temp_file("- name: Nobody\n  kind: spaceship\n");
    ck_assert_int_eq(dossier_lexicon_add_gazetteer(lx, path, err, sizeof err), DOSSIER_EYAML);
    ck_assert_ptr_nonnull(strstr(err, ":1:"));
    unlink(path);
    ck_assert_int_eq(dossier_lexicon_add_file(lx, "/nonexistent/x.yaml", err, sizeof err), DOSSIER_EIO);
    dossier_lexicon_free(lx);
}
END_TEST

START_TEST(test_builtin)
{
    const dossier_lexicon *lx = dossier_test_lexicon();
    const char *const *langs = NULL;
    size_t n = dossier_lexicon_languages(lx, &langs);
    ck_assert_uint_ge(n, 5);
    ck_assert_str_eq(dossier_kind_name(DOSSIER_KIND_PROGRAM), "program");
    ck_assert_int_eq(dossier_kind_parse("place"), DOSSIER_KIND_PLACE);
    ck_assert_int_eq(dossier_kind_parse("planet"), -1);
}
END_TEST

/*
 * A list found once answers as look-ups by name do: the longest phrase, the
 * whole list, and the run of phrases that begin with one word; a missing
 * list matches nothing.
 */
START_TEST(test_found_lists)
{
    dossier_lexicon *lx = load();
    const char *path = temp_file("language: xx\ncue: [pre, pre launch, -flight, -test, post]\n");
    char err[256];
    ck_assert_int_eq(dossier_lexicon_add_file(lx, path, err, sizeof err), DOSSIER_OK);
    unlink(path);
    const dossier_lexlist *l = dossier_lexicon_find(lx, "xx", "cue");
    ck_assert_ptr_nonnull(l);
    const char *words[] = {"pre", "launch", "now"};
    const dossier_phrase *ph = NULL;
    ck_assert_uint_eq(dossier_lexlist_match(l, words, 3, &ph), 2);
    ck_assert_str_eq(ph->text, "pre launch");
    ck_assert_uint_eq(dossier_lexlist_match(l, words, 3, NULL), dossier_lexicon_match(lx, "xx", "cue", words, 3, NULL));
    const dossier_phrase *const *all = NULL;
    ck_assert_uint_eq(dossier_lexlist_phrases(l, &all), 5);
    ck_assert_uint_eq(dossier_lexlist_starting(l, "-", &all), 2);
    ck_assert_str_eq(all[0]->words[0], "-");
    ck_assert_str_eq(all[1]->words[0], "-");
    ck_assert_uint_eq(dossier_lexlist_starting(l, "launch", &all), 0);
    ck_assert_ptr_null(dossier_lexicon_find(lx, "xx", "no such list"));
    ck_assert_uint_eq(dossier_lexlist_match(NULL, words, 3, NULL), 0);
    ck_assert_uint_eq(dossier_lexlist_phrases(NULL, &all), 0);
    dossier_lexicon_free(lx);
}
END_TEST

/* Builds the suite. */
/*
 * Endings: the longest that fits and leaves `keep` bytes before it, none for
 * a word as short as its ending; acronyms: "ASI" names an entity only in
 * capitals, a longer acronym ("GLONASS") also as a word.
 */
START_TEST(test_endings_and_short_acronyms)
{
    dossier_lexicon *lx = load();
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "ru", "entity.female_surname_endings", "лапшина", 2), strlen("ина"));
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "ru", "entity.male_surname_endings", "лапшин", 2), strlen("ин"));
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "ru", "entity.male_surname_endings", "ов", 2), 0);
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "en", "statement.participle_endings", "citing", 3), 3);
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "en", "statement.participle_endings", "king", 3), 0);
    ck_assert_uint_eq(dossier_lexicon_ending(lx, "en", "no.such.list", "citing", 3), 0);
    const char *asi[] = {"asi"}, *glonass[] = {"glonass"};
    const dossier_gaz_entry *g = NULL;
    ck_assert_uint_eq(dossier_gazetteer_match(lx, asi, 1, &g), 1);
    ck_assert(dossier_gaz_acronym_only(g, "asi"));
    ck_assert_uint_eq(dossier_gazetteer_match(lx, glonass, 1, &g), 1);
    ck_assert(!dossier_gaz_acronym_only(g, "glonass"));
    dossier_lexicon_free(lx);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_user_lexicon);
    tcase_add_test(tc, test_user_gazetteer);
    tcase_add_test(tc, test_bad_files);
    tcase_add_test(tc, test_builtin);
    tcase_add_test(tc, test_found_lists);
    tcase_add_test(tc, test_endings_and_short_acronyms);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
