/*
 * check_source.c — reading an article (lib/source.c): each refusal with its
 * byte offset, front matter parsed or refused with line:column, NFC, odd
 * spaces, line ends and the byte-order mark.
 */
#include <stdlib.h>

#include "read/source.h"
#include "testutil.h"

/* Loads `len` bytes into *d; returns the code (d is freed by the caller). */
static int load(dossier_doc *d, const char *bytes, size_t len, size_t max)
{
    dossier_doc_init(d, dossier_test_lexicon(), "test");
    return dossier_source_load(d, bytes, len, max);
}

/* Asserts that `bytes` is refused with `code` and a message holding `msg`. */
static void refused(const char *bytes, size_t len, size_t max, int code, const char *msg)
{
    dossier_doc d;
    int rc = load(&d, bytes, len, max);
    ck_assert_int_eq(rc, code);
    ck_assert_msg(strstr(d.errmsg, msg) != NULL, "message \"%s\" lacks \"%s\"", d.errmsg, msg);
    dossier_doc_free(&d);
}

START_TEST(test_refusals)
{
    refused("", 0, 100, DOSSIER_EINPUT, "empty file");
    refused("A NUL\0byte", 10, 100, DOSSIER_EINPUT, "NUL byte at byte 5");
    refused("Good text \xff\xfe here.", 18, 100, DOSSIER_EINPUT, "invalid UTF-8 at byte 10");
    refused("abc \xc3", 5, 100, DOSSIER_EINPUT, "invalid UTF-8 at byte 4");       /* truncated */
    refused("over \xc0\xaf", 7, 100, DOSSIER_EINPUT, "invalid UTF-8 at byte 5");  /* overlong */
    refused("sur \xed\xa0\x80", 7, 100, DOSSIER_EINPUT, "invalid UTF-8 at byte 4"); /* surrogate */
    refused("\xff\xfeU\0", 4, 100, DOSSIER_EINPUT, "UTF-16");
    refused("0123456789", 10, 5, DOSSIER_EINPUT, "file is 10 bytes, over the limit of 5");
    refused(" \n\t\n", 4, 100, DOSSIER_EINPUT, "white space");
}
END_TEST

START_TEST(test_accepts_limit_and_utf8)
{
    dossier_doc d;
    const char *s = "Ракета «Союз» — 東京 🚀";
    ck_assert_int_eq(load(&d, s, strlen(s), strlen(s)), DOSSIER_OK);
    ck_assert_str_eq(d.text, s);
    ck_assert_uint_eq(d.raw_len, strlen(s));
    ck_assert_int_eq(memcmp(d.raw, s, strlen(s)), 0);
    dossier_doc_free(&d);
}
END_TEST

START_TEST(test_front_matter)
{
    dossier_doc d;
    const char *s = "---\ntitle: \"Luna-25: a crash\"\noutlet: Space Wire\npublished: 2023-08-21\n"
                    "url: https://example.org/a\nlanguage: en\nauthor: ignored\n---\nBody line.\n";
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_str_eq(d.fm_title, "Luna-25: a crash");
    ck_assert_str_eq(d.fm_outlet, "Space Wire");
    ck_assert_str_eq(d.fm_published, "2023-08-21");
    ck_assert_str_eq(d.fm_url, "https://example.org/a");
    ck_assert_str_eq(d.fm_language, "en");
    ck_assert_str_eq(d.text, "Body line.\n");
    ck_assert_uint_eq(d.text_offset, strstr(s, "Body") - s);
    dossier_doc_free(&d);

    /* synonyms, quoting, a timestamp, and keys that are not scalars */
    s = "---\nheadline: 'A title'\nsource: Wire\ndate: 2023-08-21T10:00:00Z\ntags: [a, b]\n---\nText.\n";
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_str_eq(d.fm_title, "A title");
    ck_assert_str_eq(d.fm_outlet, "Wire");
    ck_assert_str_eq(d.fm_published, "2023-08-21T10:00:00Z");
    dossier_doc_free(&d);

    /* no front matter: a dash rule later in the text is text */
    s = "Title\n---\nBody.\n";
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_ptr_null(d.fm_title);
    ck_assert_str_eq(d.text, s);
    dossier_doc_free(&d);
}
END_TEST

START_TEST(test_broken_front_matter)
{
    /* line 2 of the file, column 8 (the unclosed flow sequence ends the stream) */
    refused("---\ntitle: [unclosed\n---\nBody.\n", 31, 0, DOSSIER_EYAML, "front matter line ");
    /* a value holding ": " is read as a plain line, with a warning naming the place */
    const char *s = "---\ntitle: Budget: what changes\noutlet: \"Wire\"\n---\nBody.\n";
    dossier_doc d;
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_str_eq(d.fm_title, "Budget: what changes");
    ck_assert_str_eq(d.fm_outlet, "Wire");
    ck_assert_msg(strstr(d.warning, "front matter line 2 column 14") != NULL, "warning: %s", d.warning);
    dossier_doc_free(&d);
    /* but not when a line is not "key: value" at the margin */
    s = "---\ntitle: ok\n  bad: value: more\n---\nBody.\n";
    refused(s, strlen(s), 0, DOSSIER_EYAML, "front matter line 3");
    s = "---\njust a sentence\n---\nBody.\n";
    refused(s, strlen(s), 0, DOSSIER_EYAML, "front matter line 2 column 1: not a mapping");
    s = "---\ntitle: x\n---\n\n";
    refused(s, strlen(s), 0, DOSSIER_EINPUT, "no text after the front matter");
}
END_TEST

START_TEST(test_normalisation)
{
    dossier_doc d;
    /* e + combining acute -> é (NFC); NBSP, thin and narrow spaces -> ' ';
     * CRLF and CR -> LF; BOM and soft hyphen dropped */
    const char *s = "\xEF\xBB\xBF" "Caf" "e\xCC\x81" "\xC2\xA0" "a\xE2\x80\x89" "b\xE2\x80\xAF" "c\r\nd\re"
                    " in\xC2\xAD" "side";
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_str_eq(d.text, "Caf\xC3\xA9 a b c\nd\ne inside");
    ck_assert_uint_eq(d.text_offset, 3);
    ck_assert_uint_eq(d.raw_len, strlen(s));
    dossier_doc_free(&d);

    /* front matter after a BOM, with CRLF line ends; its values are normalised too */
    s = "\xEF\xBB\xBF---\r\ntitle: Mars\xC2\xA0orbit\r\n---\r\nText.\r\n";
    ck_assert_int_eq(load(&d, s, strlen(s), 0), DOSSIER_OK);
    ck_assert_str_eq(d.fm_title, "Mars orbit");
    ck_assert_str_eq(d.text, "Text.\n");
    dossier_doc_free(&d);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("source");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_accepts_limit_and_utf8);
    tcase_add_test(tc, test_front_matter);
    tcase_add_test(tc, test_broken_front_matter);
    tcase_add_test(tc, test_normalisation);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
