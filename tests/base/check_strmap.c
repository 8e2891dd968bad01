/*
 * check_strmap.c — strings to lists of ints (lib/base/strmap.c): values
 * come back in the order they were added, keys are compared by bytes and
 * length (prefixes and embedded NULs are other keys), absent keys give
 * nothing, and the table grows past many keys without losing one.
 */
#include <stdio.h>

#include "testutil.h"

#include "base/strmap.h"

START_TEST(test_values_in_order)
{
    dossier_strmap m = {0};
    size_t n = 1;
    ck_assert_ptr_null(dossier_strmap_get(&m, "station", 7, &n));
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(dossier_strmap_add(&m, "station", 7, 3), DOSSIER_OK);
    ck_assert_int_eq(dossier_strmap_add(&m, "module", 6, 1), DOSSIER_OK);
    ck_assert_int_eq(dossier_strmap_add(&m, "station", 7, 2), DOSSIER_OK);
    const int *v = dossier_strmap_get(&m, "station", 7, &n);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(v[0], 3);
    ck_assert_int_eq(v[1], 2);
    dossier_strmap_get(&m, "stat", 4, &n);            /* a prefix is another key */
    ck_assert_uint_eq(n, 0);
    dossier_strmap_get(&m, "station\0x", 9, &n);      /* so is a longer one */
    ck_assert_uint_eq(n, 0);
    dossier_strmap_free(&m);
    dossier_strmap_free(&m);                          /* an empty map frees too */
}
END_TEST

START_TEST(test_many_keys)
{
    dossier_strmap m = {0};
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "w%d", i);
        ck_assert_int_eq(dossier_strmap_add(&m, key, strlen(key), i), DOSSIER_OK);
    }
    for (int i = 0; i < 5000; i++) {
        size_t n = 0;
        snprintf(key, sizeof key, "w%d", i);
        const int *v = dossier_strmap_get(&m, key, strlen(key), &n);
        ck_assert_uint_eq(n, 1);
        ck_assert_int_eq(v[0], i);
    }
    dossier_strmap_free(&m);
}
END_TEST

/* The suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_values_in_order);
    tcase_add_test(tc, test_many_keys);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
