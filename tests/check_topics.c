/*
 * check_topics.c — what statements are about (lib/topics.c): names inside
 * the statement, gazetteer descriptions ("China's space station", plural
 * and French word order), a bare programme word resolved to the programme
 * mentioned before, continuation of a speaker's topic, and the false
 * friends: the speaker and places are not topics.
 */
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

/* An analysed doc in language `lang` from body `text`. */
static dossier_doc *doc(const char *lang, const char *text)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, "---\nlanguage: %s\n---\nA headline without a period\n\n%s\n", lang, text);
    return dossier_test_doc(buf);
}

/* The statement whose text holds `part`; fails when none does. */
static const dossier_statement *find(const dossier_doc *d, const char *part)
{
    for (size_t i = 0; i < d->statements.n; i++)
        if (strstr(dossier_test_span(d, d->statements.v[i].span), part))
            return &d->statements.v[i];
    ck_abort_msg("no statement holds \"%s\"", part);
    return NULL;
}

/* Non-zero when statement s is about the entity named `name`. */
static int about(const dossier_doc *d, const dossier_statement *s, const char *name)
{
    int e = dossier_test_entity(d, name);
    for (size_t i = 0; e >= 0 && i < s->about.n; i++)
        if (s->about.v[i] == e)
            return 1;
    return 0;
}

START_TEST(test_named_inside)
{
    dossier_doc *d = doc("en", "Anna Berg said that the Tiangong station would host foreign crews from next year.");
    const dossier_statement *s = find(d, "host foreign crews");
    ck_assert(about(d, s, "Tiangong"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_descriptions)
{
    dossier_doc *d = doc("en", "Anna Berg said that foreign astronauts would soon work on China's space station.\n\n"
                               "Paul Weber said it was possible to send crews to the Chinese space stations in future.");
    ck_assert(about(d, find(d, "foreign astronauts would soon work"), "Tiangong"));
    ck_assert(about(d, find(d, "possible to send crews"), "Tiangong"));
    dossier_test_doc_free(d);

    d = doc("fr", "Marie Dupont a d\u00e9clar\u00e9 que des astronautes \u00e9trangers iraient bient\u00f4t sur la station spatiale chinoise.");
    ck_assert(about(d, find(d, "astronautes \u00e9trangers"), "Tiangong"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_programme_word)
{
    dossier_doc *d = doc("en", "China finished building Tiangong at the end of last year.\n\n"
                               "Anna Berg said that the station would welcome its first foreign visitors soon.\n\n"
                               "\u201cWe are ready to train them all together with our own crews,\u201d she said.");
    ck_assert(about(d, find(d, "would welcome its first foreign visitors"), "Tiangong"));
    /* the quotation that follows by the same speaker keeps the topic */
    ck_assert(about(d, find(d, "ready to train them"), "Tiangong"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_false_friends)
{
    /* the speaker is not a topic, nor is a place */
    dossier_doc *d = doc("en", "NASA said that NASA and Japan would fly the new probe to the Moon together.");
    const dossier_statement *s = find(d, "would fly the new probe");
    ck_assert_int_ge(s->speaker, 0);
    for (size_t i = 0; i < s->about.n; i++) {
        ck_assert_int_ne(s->about.v[i], s->speaker);
        ck_assert_int_ne(d->entities.v[s->about.v[i]].kind, DOSSIER_KIND_PLACE);
    }
    dossier_test_doc_free(d);
}
END_TEST

/* The suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("topics");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_named_inside);
    tcase_add_test(tc, test_descriptions);
    tcase_add_test(tc, test_programme_word);
    tcase_add_test(tc, test_false_friends);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
