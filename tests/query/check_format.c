/*
 * check_format.c — the one output formatter (lib/format.c): tables aligned
 * by display width (CJK, combining marks), wrapping, colour, highlight
 * marks, JSON, CSV (RFC 4180) and TSV.
 */
#include <sqlite3.h>
#include <stdlib.h>

#include "query/format.h"
#include "testutil.h"

/* Builds a result from rows of strings ("\x01" makes a NULL cell; digits-only cells are integers). */
static void build(dossier_rows *r, size_t ncols, const char *const *names, const char *const *cells, size_t n)
{
    ck_assert_int_eq(dossier_rows_init(r, ncols, names), DOSSIER_OK);
    for (size_t i = 0; i < n; i++) {
        const char *s = cells[i];
        int num = *s != '\0';
        for (const char *p = s; *p; p++)
            num &= *p >= '0' && *p <= '9';
        dossier_cell_type t = strcmp(s, "\x01") == 0 ? DOSSIER_CELL_NULL : num ? DOSSIER_CELL_INT : DOSSIER_CELL_TEXT;
        ck_assert_int_eq(dossier_rows_add(r, t == DOSSIER_CELL_NULL ? NULL : s, strlen(s), t), DOSSIER_OK);
    }
}

/* Formats with the given settings; the caller frees. */
static char *fmt(const dossier_rows *r, dossier_format f, int color, int width)
{
    dossier_output how = {f, color, width};
    char *out = NULL;
    ck_assert_int_eq(dossier_format_rows(&out, r, &how), DOSSIER_OK);
    ck_assert_ptr_nonnull(out);
    return out;
}

/* Non-zero when SQLite finds `s` valid JSON. */
static int json_valid(const char *s)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int ok = 0;
    sqlite3_open(":memory:", &db);
    if (sqlite3_prepare_v2(db, "SELECT json_valid(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

/* The display width of each line of s must not exceed `width`; returns the widest. */
static size_t widest_line(const char *s)
{
    size_t best = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t w = dossier_format_width(s, len);
        if (w > best)
            best = w;
        s += len + (nl ? 1 : 0);
    }
    return best;
}

START_TEST(test_width)
{
    ck_assert_uint_eq(dossier_format_width("abc", 3), 3);
    ck_assert_uint_eq(dossier_format_width("東京", strlen("東京")), 4);                 /* wide */
    ck_assert_uint_eq(dossier_format_width("e\xCC\x81t\xC3\xA9", 6), 3);              /* e + combining acute */
    ck_assert_uint_eq(dossier_format_width("Рогозин", strlen("Рогозин")), 7);
    ck_assert_uint_eq(dossier_format_width("a\x02" "b\x03", 4), 2);                   /* marks take no room */
    ck_assert_uint_eq(dossier_format_width("\xff", 1), 1);                            /* invalid byte */
}
END_TEST

START_TEST(test_table_aligned_by_display_width)
{
    static const char *const names[] = {"name", "n"};
    static const char *const cells[] = {"東京", "7", "Zürich", "12", "Cafe\xCC\x81", "5", "\x01", "\x01"};
    dossier_rows r;
    build(&r, 2, names, cells, 8);
    char *out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 0);
    ck_assert_str_eq(out, "name     n\n" /* numbers and their header are right-aligned */
                          "------  --\n"
                          "東京     7\n"
                          "Zürich  12\n"
                          "Cafe\xCC\x81     5\n" /* the combining accent takes no column */
                          "\n");
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_table_wraps_to_width)
{
    static const char *const names[] = {"speaker", "statement"};
    static const char *const cells[] = {
        "Dmitry Rogozin", ("the Russian Federation and China could discuss the construction of joint modules "
                           "for the Chinese orbital station, he told the channel in an interview"),
        "王文斌", "中国政府邀请其他国家的宇航员参加中国空间站的项目，空间站将于今年年底正常运行。"};
    dossier_rows r;
    build(&r, 2, names, cells, 4);
    char *out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 40);
    ck_assert_uint_le(widest_line(out), 40);
    ck_assert_ptr_nonnull(strstr(out, "Dmitry Rogozin  the Russian Federation"));
    ck_assert_ptr_null(strstr(out, "constru\n")); /* words are not broken */
    free(out);
    /* No width: one line per row. */
    out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 0);
    int lines = 0;
    for (char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 4);
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_table_never_wider_than_the_terminal)
{
    /* Eight columns as who-said has: at 60 and 80 columns they are shown
       one record after another; at 200 as a table; never wider. */
    static const char *const names[] = {"speaker", "role", "kind", "statement", "date", "article",
                                        "reported_in", "also", "_statement_id"};
    static const char *const cells[] = {
        "Dmitry Rogozin", "Director General, Roscosmos", "indirect",
        "the Russian Federation and China could discuss the construction of joint modules", "2022-04-22", "1",
        "Opening Asia for Russia", "\x01", "17",
        "Wang Wenbin", "spokesman, Chinese Foreign Ministry", "indirect",
        "foreign astronauts are invited to the station", "2022-04-23", "2", "TASS", "\x01", "18"};
    dossier_rows r;
    build(&r, 9, names, cells, 18);
    const int widths[] = {30, 60, 80, 120, 200};
    for (size_t k = 0; k < 5; k++) {
        char *out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, widths[k]);
        ck_assert_msg(widest_line(out) <= (size_t)widths[k], "%d columns: %zu wide:\n%s", widths[k],
                      widest_line(out), out);
        ck_assert_ptr_null(strstr(out, "also"));          /* an empty column drops */
        ck_assert_ptr_null(strstr(out, "statement_id"));  /* data for programs */
        ck_assert_ptr_nonnull(strstr(out, widths[k] <= 80 ? "-[ 2 ]" : "Dmitry Rogozin"));
        free(out);
    }
    char *out = fmt(&r, DOSSIER_FORMAT_JSON, 0, 80);
    ck_assert_ptr_nonnull(strstr(out, "\"statement_id\": 17"));
    ck_assert_ptr_nonnull(strstr(out, "\"also\": null"));
    free(out);
    out = fmt(&r, DOSSIER_FORMAT_JSONL, 0, 0);
    ck_assert_ptr_nonnull(strstr(out, "\"statement_id\": 18}\n"));
    ck_assert_int_eq(out[0], '{');
    free(out);
    r.object = 1;   /* one record: one JSON object, a table of fields */
    out = fmt(&r, DOSSIER_FORMAT_JSON, 0, 0);
    ck_assert_int_eq(out[0], '{');
    ck_assert_ptr_null(strstr(out, "Wang Wenbin"));
    free(out);
    out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 0);
    ck_assert_ptr_nonnull(strstr(out, "speaker      Dmitry Rogozin\n"));
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_table_colour_and_marks)
{
    static const char *const names[] = {"snippet"};
    static const char *const cells[] = {"the \x02orbital\x03 station"};
    dossier_rows r;
    build(&r, 1, names, cells, 1);
    char *plain = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 0);
    ck_assert_ptr_null(strchr(plain, '\033'));
    ck_assert_ptr_nonnull(strstr(plain, "the [orbital] station"));
    char *color = fmt(&r, DOSSIER_FORMAT_TABLE, 1, 0);
    ck_assert_ptr_nonnull(strstr(color, "\033[1m"));              /* bold header */
    ck_assert_ptr_nonnull(strstr(color, "\033[1;33morbital\033[0m")); /* highlighted */
    ck_assert_ptr_null(strchr(color, '\x02'));
    free(plain);
    free(color);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_table_control_characters)
{
    static const char *const names[] = {"a", "b"};
    static const char *const cells[] = {"tab\there", "x", "two\nlines", "y"};
    dossier_rows r;
    build(&r, 2, names, cells, 4);
    char *out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 0);
    ck_assert_ptr_nonnull(strstr(out, "tab here  x\n"));
    ck_assert_ptr_nonnull(strstr(out, "two       y\nlines\n"));
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_table_empty)
{
    static const char *const names[] = {"a"};
    dossier_rows r;
    build(&r, 1, names, NULL, 0);
    char *out = fmt(&r, DOSSIER_FORMAT_TABLE, 0, 80);
    ck_assert_str_eq(out, "");
    free(out);
    out = fmt(&r, DOSSIER_FORMAT_JSON, 0, 0);
    ck_assert_str_eq(out, "[]\n");
    free(out);
    out = fmt(&r, DOSSIER_FORMAT_CSV, 0, 0);
    ck_assert_str_eq(out, "a\r\n");
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_json)
{
    static const char *const names[] = {"speaker", "n", "text"};
    static const char *const cells[] = {"Wang \"W\" \\ Wenbin", "3", "ligne\u00a01\nligne\t2 \x02hit\x03",
                                        "\x01", "42", "控制\x01"};
    dossier_rows r;
    build(&r, 3, names, cells, 6);
    char *out = fmt(&r, DOSSIER_FORMAT_JSON, 1, 80);
    ck_assert_msg(json_valid(out), "invalid JSON: %s", out);
    ck_assert_ptr_nonnull(strstr(out, "\"speaker\": \"Wang \\\"W\\\" \\\\ Wenbin\""));
    ck_assert_ptr_nonnull(strstr(out, "\"n\": 3"));
    ck_assert_ptr_nonnull(strstr(out, "\"speaker\": null"));
    ck_assert_ptr_nonnull(strstr(out, "ligne\\t2 [hit]"));
    ck_assert_ptr_nonnull(strstr(out, "\\u0001"));
    ck_assert_ptr_null(strchr(out, '\033')); /* never colour outside tables */
    free(out);
    dossier_rows_free(&r);
    /* Invalid UTF-8 stays valid JSON. */
    static const char *const bad[] = {"x\xff" "y"};
    build(&r, 1, names, bad, 1);
    out = fmt(&r, DOSSIER_FORMAT_JSON, 0, 0);
    ck_assert(json_valid(out));
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_csv_rfc4180)
{
    static const char *const names[] = {"a", "b,c"};
    static const char *const cells[] = {"plain", "has \"quotes\", comma", "two\nlines", "\x01"};
    dossier_rows r;
    build(&r, 2, names, cells, 4);
    char *out = fmt(&r, DOSSIER_FORMAT_CSV, 1, 80);
    ck_assert_str_eq(out, "a,\"b,c\"\r\n"
                          "plain,\"has \"\"quotes\"\", comma\"\r\n"
                          "\"two\nlines\",\r\n");
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_tsv)
{
    static const char *const names[] = {"a", "b"};
    static const char *const cells[] = {"tab\there", "back\\slash\nnewline", "\x02m\x03", "\x01"};
    dossier_rows r;
    build(&r, 2, names, cells, 4);
    char *out = fmt(&r, DOSSIER_FORMAT_TSV, 0, 0);
    ck_assert_str_eq(out, "a\tb\n"
                          "tab\\there\tback\\\\slash\\nnewline\n"
                          "[m]\t\n");
    free(out);
    dossier_rows_free(&r);
}
END_TEST

START_TEST(test_wrap_indent)
{
    dbuf b = {0};
    const char *text = "one two three four five six seven eight nine ten";
    ck_assert_int_eq(dossier_format_wrap(&b, text, strlen(text), 20, 4, 0), DOSSIER_OK);
    ck_assert_uint_le(widest_line(b.s), 20);
    ck_assert_ptr_nonnull(strstr(b.s, "\n    "));
    dossier_buf_free(&b);
    const char *marked = "aaaa \x02" "bbbb cccc\x03 dddd";
    ck_assert_int_eq(dossier_format_wrap(&b, marked, strlen(marked), 10, 0, 1), DOSSIER_OK);
    /* the highlight is closed at each line end and reopened on the next line */
    ck_assert_ptr_nonnull(strstr(b.s, "\033[1;33mbbbb\033[0m\n\033[1;33mcccc\033[0m dddd"));
    dossier_buf_free(&b);
}
END_TEST

/* Builds the suite. */
static Suite *format_suite(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("format");
    tcase_add_test(tc, test_width);
    tcase_add_test(tc, test_table_aligned_by_display_width);
    tcase_add_test(tc, test_table_wraps_to_width);
    tcase_add_test(tc, test_table_never_wider_than_the_terminal);
    tcase_add_test(tc, test_table_colour_and_marks);
    tcase_add_test(tc, test_table_control_characters);
    tcase_add_test(tc, test_table_empty);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_csv_rfc4180);
    tcase_add_test(tc, test_tsv);
    tcase_add_test(tc, test_wrap_indent);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(format_suite());
}
