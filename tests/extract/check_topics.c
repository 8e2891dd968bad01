/*
 * check_topics.c — what statements are about (lib/topics.c): names inside
 * the statement, gazetteer descriptions ("China's space station", plural
 * and French word order), a bare programme word resolved to the programme
 * mentioned before (also inflected, or a compound: "Raumstation"), names
 * in another case, compound names ("Shenzhou-15-Besatzung"), the
 * programme of the paragraph and of the headline, continuation of a
 * speaker's topic, places as subject or object, engine words, a
 * statement opening with a pronoun, a head-of-state phrase; and the false
 * friends: the speaker, a place after a locative preposition.
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
    /* the speaker is not a topic, nor a place where something happens; a place the statement is about is */
    dossier_doc *d = doc("en", "NASA said that Japan would fly the new probe from Tokyo with NASA next year.");
    const dossier_statement *s = find(d, "would fly the new probe");
    ck_assert_int_ge(s->speaker, 0);
    for (size_t i = 0; i < s->about.n; i++)
        ck_assert_int_ne(s->about.v[i], s->speaker);
    ck_assert(about(d, s, "Japan"));
    ck_assert(!about(d, s, "Tokyo"));
    dossier_test_doc_free(d);

    d = doc("fr", "Marie Dupont a d\u00e9clar\u00e9 que la Guyane deviendrait le port de tous les lanceurs, "
                  "y compris ceux construits en Allemagne.");
    s = find(d, "port de tous les lanceurs");
    ck_assert(about(d, s, "French Guiana"));
    ck_assert(!about(d, s, "Germany"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_inflected_and_compound_words)
{
    /* "die Station" is the station named "Raumstation X", not the capsule named after it */
    dossier_doc *d = doc("de", "Die chinesische Raumstation Tiangong ist seit 2022 fertig. Die Crew von Shenzhou-15 "
                               "kam im Winter an.\n\n"
                               "\u201eWir haben eine Station vorgefunden, die in gutem Zustand ist\u201c, sagte Greta Olsen.");
    const dossier_statement *s = find(d, "Station vorgefunden");
    ck_assert(about(d, s, "Tiangong"));
    dossier_test_doc_free(d);

    /* a name in another case: "Российской орбитальной станции" for "Российская орбитальная станция" */
    d = doc("ru", "\u0420\u043e\u0441\u0441\u0438\u0439\u0441\u043a\u0430\u044f \u043e\u0440\u0431\u0438\u0442\u0430\u043b\u044c\u043d\u0430\u044f "
                  "\u0441\u0442\u0430\u043d\u0446\u0438\u044f \u0431\u0443\u0434\u0435\u0442 \u0433\u043e\u0442\u043e\u0432\u0430 \u043a 2030 \u0433\u043e\u0434\u0443.\n\n"
                  "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u0440\u0430\u0431\u043e\u0442\u044b "
                  "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f \u0434\u043e \u043f\u043e\u044f\u0432\u043b\u0435\u043d\u0438\u044f "
                  "\u0420\u043e\u0441\u0441\u0438\u0439\u0441\u043a\u043e\u0439 \u043e\u0440\u0431\u0438\u0442\u0430\u043b\u044c\u043d\u043e\u0439 "
                  "\u0441\u0442\u0430\u043d\u0446\u0438\u0438 \u043d\u0430 \u043e\u0440\u0431\u0438\u0442\u0435.");
    ck_assert(about(d, find(d, "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f"), "Russian Orbital Station"));
    dossier_test_doc_free(d);

    /* "the agreement": the programmes of the sentence that wrote "agreement" before */
    d = doc("en", "Europe and Russia signed an agreement last year on the joint use of their navigation systems, "
                  "Galileo and GLONASS, by civil aviation.\n\n"
                  "Anna Berg said that the agreement would take effect in May.");
    s = find(d, "would take effect");
    ck_assert(about(d, s, "Galileo"));
    ck_assert(about(d, s, "GLONASS"));
    dossier_test_doc_free(d);

    /* a compound whose first part is the name: "Shenzhou-15-Besatzung" */
    d = doc("de", "Ein Sprecher der Beh\u00f6rde CMSA sagte, die R\u00fcckkehr der Shenzhou-15-Besatzung sei f\u00fcr Dienstag geplant.");
    s = find(d, "Besatzung sei");
    int found = 0;
    for (size_t i = 0; i < s->about.n; i++)
        found |= strcmp(d->entities.v[s->about.v[i]].name, "Shenzhou-15") == 0;
    ck_assert(found);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_context_topics)
{
    /* a statement naming no programme: the programme of its paragraph, most mentioned in the article */
    dossier_doc *d = doc("en", "The Kestrel probe reached orbit in May. Kestrel carries six cameras.\n\n"
                               "Kestrel was launched on a Falcon 9 rocket. Senator Anna Berg called the result "
                               "\"a fine day\" but said she wanted to see the data first.");
    ck_assert(about(d, find(d, "called the result"), "Kestrel"));
    dossier_test_doc_free(d);

    /* "X congratulated Y, calling …": about Y too */
    d = doc("en", "Roscosmos congratulated NASA, calling the flight \"a fine result for science\" in a statement.");
    ck_assert(about(d, find(d, "calling the flight"), "NASA"));
    dossier_test_doc_free(d);

    /* a statement naming nothing: the programme of the headline */
    static char buf[1024];
    snprintf(buf, sizeof buf, "---\nlanguage: en\n---\nKestrel probe reaches orbit\n\n"
             "The Kestrel probe reached orbit in May.\n\n"
             "Paul Weber said that the result was better than anyone had hoped for.\n");
    d = dossier_test_doc(buf);
    ck_assert(about(d, find(d, "better than anyone"), "Kestrel"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_engine_and_arm_words)
{
    /* "the engine", "le bras": programme words for engines and robotic arms */
    dossier_doc *d = doc("en", "The Kestrel engine ran at full thrust on Tuesday for the first time at the test stand.\n\n"
                               "\u201cThis is the day the engine stopped being a drawing,\u201d said Paul Weber, the "
                               "company's founder.");
    ck_assert(about(d, find(d, "stopped being a drawing"), "Kestrel"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_pronoun_opening_statement)
{
    /* "Le module … sera capable … Selon l'agence, il sera piloté …": the programme heading the sentence before */
    dossier_doc *d = doc("fr", "La Chine a lanc\u00e9 jeudi le module Mengtian vers sa station orbitale.\n\n"
                               "Le module sera capable de s'amarrer seul \u00e0 la station. Selon l'Agence "
                               "spatiale chinoise, il sera pilot\u00e9 en grande partie par un logiciel autonome.");
    ck_assert(about(d, find(d, "pilot\u00e9 en grande partie"), "Mengtian"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_head_of_state_topic)
{
    /* "the head of state followed the launch": about the president named before */
    dossier_doc *d = doc("en", "French President Marc Delorme watched the launch from the control centre on Thursday.\n\n"
                               "A spokesman for the Valdivia Space Agency said the head of state had followed every step "
                               "of the preparations.");
    ck_assert(about(d, find(d, "followed every step"), "Marc Delorme"));
    dossier_test_doc_free(d);
}
END_TEST

/* The suite. */
START_TEST(test_we_is_the_speakers_organisation)
{
    dossier_doc *d = doc("en", "Maria Lindqvist, chief executive of Arianespace, spoke in Paris.\n\n"
                               "\u201cToday we are opening a new chapter for European launchers,\u201d Lindqvist said.");
    ck_assert(about(d, find(d, "opening a new chapter"), "Arianespace"));
    dossier_test_doc_free(d);
    /* "they" is not the speaker's organisation */
    d = doc("en", "Maria Lindqvist, chief executive of Arianespace, spoke in Paris.\n\n"
                  "\u201cThey are opening a new chapter for launchers,\u201d Lindqvist said.");
    ck_assert(!about(d, find(d, "opening a new chapter"), "Arianespace"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_celestial_body_word)
{
    dossier_doc *d = doc("de", "Die Sonde soll 2030 zum Saturnmond Enceladus fliegen.\n\n"
                               "\u201eNoch nie ist ein Ger\u00e4t auf einem so eisigen Himmelsk\u00f6rper gelandet\u201c, "
                               "sagte Jan Kowalski.");
    ck_assert(about(d, find(d, "eisigen"), "Enceladus"));
    dossier_test_doc_free(d);
    /* a place named without a body word is not taken */
    d = doc("en", "The team met in Toulouse on Monday.\n\n"
                  "Anna Berg said that no probe had ever landed on so small an asteroid.");
    ck_assert(!about(d, find(d, "so small an asteroid"), "Toulouse"));
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("topics");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_named_inside);
    tcase_add_test(tc, test_descriptions);
    tcase_add_test(tc, test_programme_word);
    tcase_add_test(tc, test_false_friends);
    tcase_add_test(tc, test_inflected_and_compound_words);
    tcase_add_test(tc, test_context_topics);
    tcase_add_test(tc, test_engine_and_arm_words);
    tcase_add_test(tc, test_pronoun_opening_statement);
    tcase_add_test(tc, test_head_of_state_topic);
    tcase_add_test(tc, test_we_is_the_speakers_organisation);
    tcase_add_test(tc, test_celestial_body_word);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
