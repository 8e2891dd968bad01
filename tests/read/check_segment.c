/*
 * check_segment.c — paragraphs, sentences and tokens (lib/segment.c):
 * abbreviations and initials in several languages, sentences that end
 * inside a closing quotation mark, lines without final punctuation,
 * hard-wrapped lines, and the byte offsets of every span.
 */
#include <stdio.h>
#include <stdlib.h>

#include "read/clean.h"
#include "read/meta.h"
#include "read/segment.h"
#include "read/source.h"
#include "testutil.h"

/* Runs source, clean, meta and segment on `text` (and no extractor). */
static dossier_doc *seg(const char *text)
{
    dossier_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    dossier_doc_init(d, dossier_test_lexicon(), "test");
    int rc = dossier_source_load(d, text, strlen(text), 0);
    if (!rc)
        rc = dossier_clean_run(d);
    if (!rc)
        rc = dossier_meta_run(d);
    if (!rc)
        rc = dossier_segment_run(d);
    ck_assert_msg(rc == DOSSIER_OK, "%s", d->errmsg);
    return d;
}

/* The text of sentence i. */
static const char *sent(const dossier_doc *d, size_t i)
{
    ck_assert_uint_lt(i, d->sentences.n);
    return dossier_test_span(d, d->sentences.v[i].span);
}

/* Asserts the sentences of `text`, given as a NULL-terminated list. */
static void sentences_are(const char *text, const char *const *want)
{
    dossier_doc *d = seg(text);
    size_t n = 0;
    for (; want[n]; n++)
        ck_assert_msg(n < d->sentences.n && strcmp(sent(d, n), want[n]) == 0, "sentence %zu of \"%s\": got \"%s\"",
                      n, text, n < d->sentences.n ? sent(d, n) : "(none)");
    ck_assert_msg(d->sentences.n == n, "\"%s\": %zu sentences, wanted %zu", text, d->sentences.n, n);
    dossier_test_doc_free(d);
}

START_TEST(test_abbreviations_en)
{
    sentences_are("Mr. Smith met Dr. Jones at the U.S. Army base on Jan. 5. They talked.",
                  (const char *[]){"Mr. Smith met Dr. Jones at the U.S. Army base on Jan. 5.", "They talked.", NULL});
    sentences_are("ISRO chief S. Somanath and J. R. Smith spoke. Gen. Lee agreed.",
                  (const char *[]){"ISRO chief S. Somanath and J. R. Smith spoke.", "Gen. Lee agreed.", NULL});
    /* false friends: a sentence that really ends before a capital */
    sentences_are("The launch slipped to 2025. Officials were silent. Costs rose 3.5 percent.",
                  (const char *[]){"The launch slipped to 2025.", "Officials were silent.", "Costs rose 3.5 percent.", NULL});
    sentences_are("It includes engines, tanks etc. and more.", (const char *[]){"It includes engines, tanks etc. and more.", NULL});
}
END_TEST

START_TEST(test_abbreviations_other_languages)
{
    sentences_are("Selon M. Aschbacher, la mission est prête. Mme Dupont a confirmé la date.",
                  (const char *[]){"Selon M. Aschbacher, la mission est prête.", "Mme Dupont a confirmé la date.", NULL});
    sentences_are("Dr. Haller sagte am 1. August, die Station Nr. 5 sei fertig. Die ESA schwieg dazu.",
                  (const char *[]){"Dr. Haller sagte am 1. August, die Station Nr. 5 sei fertig.", "Die ESA schwieg dazu.", NULL});
    sentences_are("Die Rakete startete zum 2. Mal in diesem Jahr. Die 3. Stufe zündete nicht.",
                  (const char *[]){"Die Rakete startete zum 2. Mal in diesem Jahr.", "Die 3. Stufe zündete nicht.", NULL});
    sentences_are("El Sr. García y la Dra. López viajaron a EE.UU. en marzo. Ayer volvieron.",
                  (const char *[]){"El Sr. García y la Dra. López viajaron a EE.UU. en marzo.", "Ayer volvieron.", NULL});
    sentences_are("В. В. Путин заявил об этом в 2022 г. Роскосмос подтвердил. Пресс-служба промолчала.",
                  (const char *[]){"В. В. Путин заявил об этом в 2022 г.", "Роскосмос подтвердил.", "Пресс-служба промолчала.", NULL});
}
END_TEST

START_TEST(test_quotations)
{
    sentences_are("He said: “We will develop cooperation.” He then left the room.",
                  (const char *[]){"He said: “We will develop cooperation.”", "He then left the room.", NULL});
    sentences_are("“We are ready,” he said. “Are you?” she asked. Nobody answered!",
                  (const char *[]){"“We are ready,” he said.", "“Are you?” she asked.", "Nobody answered!", NULL});
    sentences_are("« Nous sommes prêts. » Il a ajouté que la date était fixée.",
                  (const char *[]){"« Nous sommes prêts. »", "Il a ajouté que la date était fixée.", NULL});
    sentences_are("„Wir sind bereit.“ Das sagte Brenner (ESA). Dann ging er.",
                  (const char *[]){"„Wir sind bereit.“", "Das sagte Brenner (ESA).", "Dann ging er.", NULL});
    sentences_are("Wait… what? Yes... it works. Done.",
                  (const char *[]){"Wait… what?", "Yes... it works.", "Done.", NULL});
}
END_TEST

START_TEST(test_lines_and_paragraphs)
{
    dossier_doc *d = seg("Roscosmos plans a new station\n\nThe agency said so on Monday. It gave no date\n"
                         "1. Kestrel reaches orbit\nA line that is wrapped\nacross two lines. Next one.\n");
    ck_assert_uint_eq(d->paragraphs.n, 4);
    ck_assert_str_eq(dossier_test_span(d, d->paragraphs.v[0].span), "Roscosmos plans a new station");
    ck_assert_str_eq(dossier_test_span(d, d->paragraphs.v[3].span), "A line that is wrapped across two lines. Next one.");
    ck_assert_str_eq(sent(d, 0), "Roscosmos plans a new station");
    ck_assert_str_eq(sent(d, 1), "The agency said so on Monday.");
    ck_assert_str_eq(sent(d, 2), "It gave no date");
    ck_assert_str_eq(sent(d, 3), "1. Kestrel reaches orbit");
    ck_assert_str_eq(sent(d, 4), "A line that is wrapped across two lines.");
    ck_assert_uint_eq(d->sentences.n, 6);
    ck_assert_int_eq(d->paragraphs.v[1].first_sentence, 1);
    ck_assert_int_eq(d->paragraphs.v[1].nsentences, 2);
    ck_assert_int_eq(d->paragraphs.v[3].nsentences, 2);
    ck_assert_int_eq(d->sentences.v[4].paragraph, 3);
    ck_assert(strstr(d->body, "station\n\nThe agency") != NULL);
    dossier_test_doc_free(d);
    /* a line that ends with a comma runs on, whatever the next one starts with */
    d = seg("A headline for it\n\nThe head of the agency,\nOleg Sorin, said it was ready,\nChina agreed.\n");
    ck_assert_uint_eq(d->paragraphs.n, 2);
    ck_assert_str_eq(sent(d, 1), "The head of the agency, Oleg Sorin, said it was ready, China agreed.");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_offsets)
{
    dossier_doc *d = seg("Titre de l'article\n\nL'ESA a dit : « C'est prêt. » Le 22.04.2022, Dr. Ng partit.\n\nFin.\n");
    ck_assert_uint_eq(d->tokens.n, d->folds.n);
    for (size_t i = 0; i < d->tokens.n; i++) {
        dossier_token *t = &d->tokens.v[i];
        ck_assert_uint_lt(t->span.start, t->span.end);
        ck_assert_uint_le(t->span.end, d->body_len);
        char *f = dossier_fold(d->body + t->span.start, t->span.end - t->span.start);
        ck_assert_str_eq(d->folds.v[i], f);
        free(f);
        dossier_sentence *s = &d->sentences.v[t->sentence];
        ck_assert(t->span.start >= s->span.start && t->span.end <= s->span.end);
        ck_assert((int)i >= s->first_token && (int)i < s->first_token + s->ntokens);
    }
    for (size_t i = 0; i < d->sentences.n; i++) {
        dossier_sentence *s = &d->sentences.v[i];
        dossier_paragraph *p = &d->paragraphs.v[s->paragraph];
        ck_assert(s->span.start >= p->span.start && s->span.end <= p->span.end);
        ck_assert_uint_eq(s->span.start, d->tokens.v[s->first_token].span.start);
        ck_assert_uint_eq(s->span.end, d->tokens.v[s->first_token + s->ntokens - 1].span.end);
    }
    ck_assert_str_eq(sent(d, 1), "L'ESA a dit : « C'est prêt. »");
    ck_assert_str_eq(sent(d, 2), "Le 22.04.2022, Dr. Ng partit.");
    /* lines map back to the text */
    for (size_t i = 0; i < d->lines.n; i++) {
        dossier_line *l = &d->lines.v[i];
        if (l->cls == DOSSIER_LINE_BODY || l->cls == DOSSIER_LINE_TITLE)
            ck_assert_int_eq(memcmp(d->body + l->body_start, d->text + l->span.start, l->span.end - l->span.start), 0);
    }
    int t = dossier_doc_token_at(d, (size_t)(strstr(d->body, "prêt") - d->body));
    ck_assert_str_eq(d->folds.v[t], "pret");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_front_matter_title)
{
    dossier_doc *d = seg("---\ntitle: Kestrel reaches lunar orbit\n---\nThe orbiter is healthy. It works.\n");
    ck_assert_uint_eq(d->paragraphs.n, 2);
    ck_assert_str_eq(sent(d, 0), "Kestrel reaches lunar orbit");
    ck_assert_str_eq(sent(d, 1), "The orbiter is healthy.");
    ck_assert_uint_eq(d->lines.v[0].body_start, strlen("Kestrel reaches lunar orbit\n\n"));
    dossier_test_doc_free(d);
    /* the headline repeated in the text is not doubled */
    d = seg("---\ntitle: Kestrel reaches lunar orbit\n---\nKestrel reaches lunar orbit\n\nThe orbiter is healthy.\n");
    ck_assert_uint_eq(d->paragraphs.n, 2);
    dossier_test_doc_free(d);
}
END_TEST

/* A dateline opening a paragraph is a sentence of its own; a headline in capitals is not a dateline. */
START_TEST(test_dateline_sentence)
{
    sentences_are("Headline without a period\n\nLONDON \u2014 Kettle Works said it was sold. It was.",
                  (const char *[]){"Headline without a period", "LONDON \u2014", "Kettle Works said it was sold.", "It was.", NULL});
    sentences_are("Headline without a period\n\nSales rose.\n\nNEW YORK \u2013 The firm said it was sold.",
                  (const char *[]){"Headline without a period", "Sales rose.", "NEW YORK \u2013", "The firm said it was sold.", NULL});
    sentences_are("Headline without a period\n\nSOCCER - DRAVEN GET LUCKY WIN",
                  (const char *[]){"Headline without a period", "SOCCER - DRAVEN GET LUCKY WIN", NULL});
}
END_TEST

START_TEST(test_empty_body)
{
    dossier_doc *d = seg("Advertisement\n");
    ck_assert_uint_eq(d->body_len, 0);
    ck_assert_ptr_nonnull(d->body);
    ck_assert_uint_eq(d->tokens.n, 0);
    ck_assert_uint_eq(d->sentences.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_abbreviations_en);
    tcase_add_test(tc, test_abbreviations_other_languages);
    tcase_add_test(tc, test_quotations);
    tcase_add_test(tc, test_lines_and_paragraphs);
    tcase_add_test(tc, test_offsets);
    tcase_add_test(tc, test_front_matter_title);
    tcase_add_test(tc, test_empty_body);
    tcase_add_test(tc, test_dateline_sentence);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
