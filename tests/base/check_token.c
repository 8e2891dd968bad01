/*
 * check_token.c — the tokenizer (lib/token.c): words, inner hyphens and
 * periods, elision, possessives, punctuation and quotation marks, and
 * bytes that are no UTF-8.
 */
#include <stdio.h>

#include "testutil.h"
#include "base/token.h"

/* Tokenizes `text` into "tok|tok|..." in `out`. */
static void tokens(char *out, size_t size, const char *text, unsigned *flags, size_t nflags)
{
    size_t pos = 0, start, end, len = strlen(text), o = 0, k = 0;
    unsigned f;
    out[0] = '\0';
    while ((f = dossier_token_next(text, len, &pos, &start, &end))) {
        o += (size_t)snprintf(out + o, size - o, "%s%.*s", o ? "|" : "", (int)(end - start), text + start);
        if (flags && k < nflags)
            flags[k++] = f;
    }
}

START_TEST(test_words)
{
    char out[512];
    unsigned fl[16];
    tokens(out, sizeof out, "The U.S. agency's Soyuz-2.1b flew on 22.04.2022.", fl, 16);
    ck_assert_str_eq(out, "The|U.S|.|agency|'s|Soyuz-2.1b|flew|on|22.04.2022|.");
    ck_assert(fl[0] & DOSSIER_TOK_UPPER);
    ck_assert(fl[1] & DOSSIER_TOK_ALLCAPS);
    ck_assert(fl[2] & DOSSIER_TOK_SENTEND);
    ck_assert(fl[8] & DOSSIER_TOK_NUM);
    tokens(out, sizeof out, "l'Agence d'État qu'il aujourd'hui", NULL, 0);
    ck_assert_str_eq(out, "l'|Agence|d'|État|qu'|il|aujourd'hui");
    tokens(out, sizeof out, "selon l'", NULL, 0); /* a lexicon phrase ending in an elision */
    ck_assert_str_eq(out, "selon|l'");
    tokens(out, sizeof out, "Jones' book", NULL, 0);
    ck_assert_str_eq(out, "Jones|'|book");
    tokens(out, sizeof out, "China’s station, Roscosmos' press", NULL, 0);
    ck_assert_str_eq(out, "China|’s|station|,|Roscosmos|'|press");
    /* a stray combining mark (U+0308 after a space) is skipped, and the text goes on */
    tokens(out, sizeof out, "Ogni \xcc\x88 x, \xcc\x88\xcc\x81y Noe\xcc\x88l.", fl, 16);
    ck_assert_str_eq(out, "Ogni|x|,|y|Noe\xcc\x88l|.");
    ck_assert(fl[3] & DOSSIER_TOK_WORD);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    /* bytes that decode to no character (a query's words are not checked as an article's are):
     * each is a token of its own, read without looking it up in the ASCII table (the fuzzer's
     * find: index -1 under UBSan), and the words after them come out */
    char out[512];
    tokens(out, sizeof out, "\xdb\xc2\xff\xce F 1", NULL, 0);
    ck_assert_str_eq(out, "\xdb|\xc2|\xff|\xce|F|1");
}
END_TEST

START_TEST(test_quotes_and_dashes)
{
    char out[512];
    unsigned fl[16];
    tokens(out, sizeof out, "«Oui» — „Ja“", fl, 16);
    ck_assert_str_eq(out, "«|Oui|»|—|„|Ja|“");
    ck_assert(fl[0] & DOSSIER_TOK_QOPEN);
    ck_assert(!(fl[0] & DOSSIER_TOK_QCLOSE));
    ck_assert(fl[2] & DOSSIER_TOK_QCLOSE);
    ck_assert(fl[3] & DOSSIER_TOK_DASH);
    ck_assert(fl[6] & DOSSIER_TOK_QCLOSE);
    tokens(out, sizeof out, "   ", NULL, 0);
    ck_assert_str_eq(out, "");
    tokens(out, sizeof out, "Глава Роскосмоса", fl, 16);
    ck_assert_str_eq(out, "Глава|Роскосмоса");
    ck_assert(fl[0] & DOSSIER_TOK_UPPER);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_words);
    tcase_add_test(tc, test_quotes_and_dashes);
    tcase_add_test(tc, test_invalid_utf8);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
