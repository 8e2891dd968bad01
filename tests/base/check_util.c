/*
 * check_util.c — growable arrays and strings, the arena, UTF-8 helpers and
 * folding (lib/util.c).
 */
#include <stdlib.h>

#include "testutil.h"
#include "base/util.h"

START_TEST(test_fold)
{
    const char *cases[][2] = {
        {"Dmitry ROGOZINE", "dmitry rogozine"},
        {"  Agence   spatiale\teuropéenne ", "agence spatiale europeenne"},
        {"China’s space station", "china's space station"},
        {"Europäische Weltraumorganisation", "europaische weltraumorganisation"},
        {"РОСКОСМОС", "роскосмос"},
        {"Russian–Chinese", "russian-chinese"},
        {"", ""},
        {" Hello\tWORLD `x`\n", "hello world 'x'"},   /* the ASCII fast path */
        {"Hello\tWÖRLD `x`", "hello world 'x'"},      /* the same through utf8proc */
        /* typographic punctuation by the fast path, as utf8proc takes it: spaces (no-break, thin),
         * an ignorable zero-width space, dashes and single quotes made ASCII, the rest kept */
        {"\xc2\xa0“Don’t”\xe2\x80\x89—\xe2\x80\x8bsaid…\xe2\x80\xaf", "“don't” -said…"},
        {"‘A’ ― b", "'a' ― b"},
        /* letters of Latin-1, the Latin extensions, Greek and Cyrillic by the fast path, as utf8proc folds them */
        {"Ёлка Йошкар-Ола Straße ÆRØ Σοφία ÇA", "елка иошкар-ола strasse ærø σοφια ca"},
        {"Cafe\xcc\x81 e\xcc\x81", "cafe e"}, /* a combining mark: the general path */
    };
    dbuf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *f = dossier_fold(cases[i][0], strlen(cases[i][0]));
        ck_assert_str_eq(f, cases[i][1]);
        free(f);
        /* into a buffer kept from case to case, longer and shorter */
        const char *g = dossier_fold_into(&b, cases[i][0], strlen(cases[i][0]));
        ck_assert_str_eq(g, cases[i][1]);
        ck_assert_uint_eq(b.len, strlen(cases[i][1]));
    }
    dossier_buf_free(&b);
}
END_TEST

START_TEST(test_vec_and_buf)
{
    VEC(int) v = {0};
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(VEC_PUSH(&v, i), 0);
    ck_assert_uint_eq(v.n, 1000);
    ck_assert_int_eq(v.v[999], 999);
    VEC_FREE(&v);
    ck_assert_ptr_null(v.v);

    dbuf b = {0};
    ck_assert_int_eq(dossier_buf_puts(&b, "a"), 0);
    ck_assert_int_eq(dossier_buf_printf(&b, "-%d-%s", 42, "x"), 0);
    char *s = dossier_buf_take(&b);
    ck_assert_str_eq(s, "a-42-x");
    ck_assert_ptr_null(b.s);
    free(s);
    s = dossier_buf_take(&b);
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(test_arena)
{
    dossier_arena a = {0};
    char *big = malloc(40000);
    memset(big, 'x', 40000);
    const char *p = dossier_arena_strndup(&a, "hello world", 5);
    const char *q = dossier_arena_strndup(&a, big, 40000);
    ck_assert_str_eq(p, "hello");
    ck_assert_uint_eq(strlen(q), 40000);
    ck_assert_str_eq(p, "hello");
    dossier_arena_free(&a);
    free(big);
}
END_TEST

START_TEST(test_utf8)
{
    const char *s = "aé€😀";
    size_t pos = 0, len = strlen(s);
    ck_assert_int_eq(dossier_utf8_next(s, len, &pos), 'a');
    ck_assert_int_eq(dossier_utf8_next(s, len, &pos), 0xE9);
    ck_assert_int_eq(dossier_utf8_next(s, len, &pos), 0x20AC);
    ck_assert_int_eq(dossier_utf8_next(s, len, &pos), 0x1F600);
    ck_assert_uint_eq(pos, len);
    ck_assert_uint_eq(dossier_utf8_prev(s, len), len - 4);
    pos = 0;
    ck_assert_int_eq(dossier_utf8_next("\xff", 1, &pos), -1);
    ck_assert_uint_eq(pos, 1);
    ck_assert(dossier_uc_is_upper(0x0416)); /* Ж */
    ck_assert(dossier_uc_is_lower('q'));
    ck_assert(dossier_uc_is_space(0x00A0));
    ck_assert(!dossier_uc_is_space('x'));
    ck_assert_int_eq(dossier_uc_quote_kind(0x00AB), 1);
    ck_assert_int_eq(dossier_uc_quote_kind(0x201D), 2);
    ck_assert_int_eq(dossier_uc_quote_kind('"'), 3);
    ck_assert_int_eq(dossier_uc_quote_kind('a'), 0);
}
END_TEST

/* Builds the suite. */
START_TEST(test_escape_name)
{
    ck_assert_ptr_null(dossier_escape_name("articles/2022/\u00e9t\u00e9.txt"));   /* shown as it is */
    char *e = dossier_escape_name("bad\377name.txt");
    ck_assert_str_eq(e, "bad\\xFFname.txt");
    free(e);
    e = dossier_escape_name("two\nlines.txt");
    ck_assert_str_eq(e, "two\\x0Alines.txt");
    free(e);
}
END_TEST

/* The ASCII run before a stop byte: a multiple of eight, never past a stop
 * byte or a byte past ASCII, and every stop byte at every place is seen. */
START_TEST(test_ascii_run_without)
{
    char s[40];
    memset(s, 'a', sizeof s);
    ck_assert_uint_eq(dossier_ascii_run_without(s, sizeof s, '|', '>'), 40);
    ck_assert_uint_eq(dossier_ascii_run_without(s, 13, '|', '>'), 8); /* the last 5 bytes are the caller's */
    for (size_t at = 0; at < sizeof s; at++)
        for (int k = 0; k < 3; k++) {
            memset(s, 'a', sizeof s);
            s[at] = k == 0 ? '|' : k == 1 ? '>' : (char)0xC3;
            size_t run = dossier_ascii_run_without(s, sizeof s, '|', '>');
            ck_assert_uint_eq(run, at / 8 * 8);
        }
    memset(s, '"', sizeof s); /* a byte that is neither stop is passed over */
    ck_assert_uint_eq(dossier_ascii_run_without(s, sizeof s, '|', '>'), 40);
    ck_assert_uint_eq(dossier_ascii_run_without(s, sizeof s, '\'', '"'), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fold);
    tcase_add_test(tc, test_vec_and_buf);
    tcase_add_test(tc, test_arena);
    tcase_add_test(tc, test_utf8);
    tcase_add_test(tc, test_escape_name);
    tcase_add_test(tc, test_ascii_run_without);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
