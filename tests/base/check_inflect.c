/*
 * check_inflect.c — words compared across case endings (lib/inflect.c):
 * Russian and German inflected forms are one word, English and French
 * compare exactly, short stems and different words stay apart, and a
 * German compound ends with its head; a hyphenated name ("Кометы-3" /
 * "Комета-3") is one when its first part is.
 */
#include <stdlib.h>

#include "testutil.h"

#include "base/inflect.h"

/* Folds a literal for the comparison (the lexicon's words are folded). */
static int same(const char *lang, const char *a, const char *b)
{
    char *fa = dossier_fold(a, strlen(a)), *fb = dossier_fold(b, strlen(b));
    int r = dossier_inflect_same(dossier_test_lexicon(), lang, fa, fb);
    free(fa);
    free(fb);
    return r;
}

START_TEST(test_inflected_forms)
{
    ck_assert(same("ru", "\u0420\u043e\u0441\u043a\u043e\u0441\u043c\u043e\u0441\u043e\u043c", "\u0420\u043e\u0441\u043a\u043e\u0441\u043c\u043e\u0441"));
    ck_assert(same("ru", "\u0441\u0442\u0430\u043d\u0446\u0438\u044e", "\u0441\u0442\u0430\u043d\u0446\u0438\u044f"));
    ck_assert(same("ru", "\u043f\u0440\u0435\u0434\u0441\u0435\u0434\u0430\u0442\u0435\u043b\u044f", "\u043f\u0440\u0435\u0434\u0441\u0435\u0434\u0430\u0442\u0435\u043b\u044c"));
    ck_assert(same("de", "Ministeriums", "Ministerium"));
    ck_assert(same("de", "Stationen", "Station"));
}
END_TEST

START_TEST(test_hyphenated_names)
{
    /* "Вега-7" in the genitive: the part before the hyphen is inflected */
    ck_assert(same("ru", "\u0412\u0435\u0433\u0438-7", "\u0412\u0435\u0433\u0430-7") == 0);   /* a stem under four letters */
    ck_assert(same("ru", "\u041a\u043e\u043c\u0435\u0442\u044b-3", "\u041a\u043e\u043c\u0435\u0442\u0430-3"));
    ck_assert(same("de", "Merkurs-2", "Merkur-2"));
    ck_assert(!same("ru", "\u041a\u043e\u043c\u0435\u0442\u044b-3", "\u041a\u043e\u043c\u0435\u0442\u0430-4")); /* another number */
    ck_assert(!same("en", "Falcons-9", "Falcon-9"));    /* English has no case endings */
}
END_TEST

START_TEST(test_false_friends)
{
    ck_assert(!same("en", "stations", "station"));      /* English has no case endings */
    ck_assert(!same("fr", "missions", "mission"));
    ck_assert(!same("ru", "\u043c\u0438\u0440\u0430", "\u043c\u0438\u0440"));   /* a stem under four letters */
    ck_assert(!same("de", "Mission", "Missile"));
}
END_TEST

START_TEST(test_compound)
{
    ck_assert(dossier_inflect_compound("raumstation", "station"));
    ck_assert(!dossier_inflect_compound("station", "station"));
    ck_assert(!dossier_inflect_compound("xstation", "station"));   /* the first part is a word */
}
END_TEST

/* The suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("inflect");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_inflected_forms);
    tcase_add_test(tc, test_hyphenated_names);
    tcase_add_test(tc, test_false_friends);
    tcase_add_test(tc, test_compound);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
