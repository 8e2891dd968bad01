/*
 * check_statements.c — direct quotations and reported speech with their
 * speakers (lib/statements.c, quotes.c, reported.c, speakers.c): every
 * quotation style, quotations over paragraphs, attribution before and
 * after, inverted, by pronoun, role and press service; reported speech
 * with "that", "according to", "selon", "dass", Konjunktiv, "по словам";
 * Russian dialogue opened by a dash, a German source named by no stage,
 * a short clause worded with its verb, object cues ("calling", "sprach
 * von"), a long German source phrase ("Laut der … Agentur X wird"), a
 * title before a partial quotation's subject, a neuter Russian verb, a
 * separable verb ("teilte X mit"), a name after a role in a source phrase,
 * an organisation phrase no stage named after an inverted cue, elided
 * list words ("qu'", "l'"), a relative clause after an apposition, a
 * partial quotation after a preposition, short adverbials between the
 * verb and a clause with no "that", an attribution over an initial's
 * period ("K. Varadan told"), a
 * German source phrase inside its sentence, a Konjunktiv verb no list
 * holds, groups and polls as speakers, ''…'' quotations, a cue inside its
 * clause, questions, denials and views in each language; and the false
 * friends: a view held by a group, an elided apostrophe, a noun "thought", scare quotes, quoted titles and
 * names, a job title without a name, boilerplate holding a quotation, an
 * indicative after a statement, a preterite in "-te", a noun that folds
 * like a verb after an article ("la note"); stance verbs ("argued", "insisted that",
 * "criticized X for", "vowed to") and their passive and participle false friends; what a
 * poll shows (not what police find); an abbreviated title before a name ("Rep. X"); a
 * person named after a title phrase; a headline in title case.
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

/* The statement whose text holds `part`, or NULL; fails if two do. */
static const dossier_statement *find(const dossier_doc *d, const char *part)
{
    const dossier_statement *hit = NULL;
    for (size_t i = 0; i < d->statements.n; i++) {
        if (strstr(dossier_test_span(d, d->statements.v[i].span), part)) {
            ck_assert_msg(hit == NULL, "two statements hold \"%s\"", part);
            hit = &d->statements.v[i];
        }
    }
    return hit;
}

/* Asserts a statement holding `part`, of `kind`, spoken by `speaker` (NULL: unknown). */
static void expect(const dossier_doc *d, const char *part, int kind, const char *speaker)
{
    const dossier_statement *s = find(d, part);
    ck_assert_msg(s != NULL, "no statement holds \"%s\"", part);
    ck_assert_int_eq(s->kind, kind);
    if (!speaker) {
        ck_assert_int_eq(s->speaker, -1);
        return;
    }
    ck_assert_msg(s->speaker >= 0, "\"%s\": no speaker, want %s", part, speaker);
    int want = dossier_test_entity(d, speaker);
    ck_assert_msg(s->speaker == want, "\"%s\": speaker %s, want %s", part,
                  d->entities.v[s->speaker].name, speaker);
}

#define DIRECT DOSSIER_STATEMENT_DIRECT
#define INDIRECT DOSSIER_STATEMENT_INDIRECT

START_TEST(test_direct_marks)
{
    dossier_doc *d = doc("en", "\u201cWe will build the new module together with our partners,\u201d Anna Berg said.\n\n"
                               "Paul Weber said: \"The launch will take place next spring as planned.\"\n\n"
                               "\u201cOur work is open for cooperation on equal terms\u201d, \u2014 Berg noted.\n\n"
                               "\u201cThe probe is ready for launch next month,\u201d said Paul Weber.");
    expect(d, "build the new module together", DIRECT, "Anna Berg");
    expect(d, "launch will take place next spring", DIRECT, "Paul Weber");
    expect(d, "open for cooperation on equal terms", DIRECT, "Anna Berg");
    expect(d, "probe is ready for launch", DIRECT, "Paul Weber");
    ck_assert_uint_eq(d->statements.n, 4);
    /* the span is inside the marks */
    ck_assert_str_eq(dossier_test_span(d, d->statements.v[1].span),
                     "The launch will take place next spring as planned.");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_direct_languages)
{
    dossier_doc *d = doc("fr", "\u00ab Nous avons sign\u00e9 un accord important avec nos partenaires \u00bb, a d\u00e9clar\u00e9 Marie Dupont.\n\n"
                               "\u00ab Le satellite est pr\u00eat pour son lancement en mai \u00bb, a-t-elle ajout\u00e9.");
    expect(d, "avons sign\u00e9 un accord important", DIRECT, "Marie Dupont");
    expect(d, "satellite est pr\u00eat pour son lancement", DIRECT, "Marie Dupont");
    dossier_test_doc_free(d);

    d = doc("de", "\u201eWir wollen die neue Station gemeinsam mit den Partnern bauen\u201c, sagte Peter Schmidt. "
                  "Die Arbeit habe bisher sehr gut funktioniert.");
    expect(d, "Wir wollen die neue Station", DIRECT, "Peter Schmidt");
    expect(d, "Die Arbeit habe bisher sehr gut funktioniert", INDIRECT, "Peter Schmidt");
    dossier_test_doc_free(d);

    d = doc("ru", "\u00ab\u041c\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0438\u043c \u0441\u043e\u0442\u0440\u0443\u0434\u043d\u0438\u0447\u0435\u0441\u0442\u0432\u043e \u0441 \u043d\u0430\u0448\u0438\u043c\u0438 \u043f\u0430\u0440\u0442\u043d\u0435\u0440\u0430\u043c\u0438 \u0432 \u043a\u043e\u0441\u043c\u043e\u0441\u0435\u00bb, \u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432.");
    expect(d, "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0438\u043c \u0441\u043e\u0442\u0440\u0443\u0434\u043d\u0438\u0447\u0435\u0441\u0442\u0432\u043e", DIRECT, "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_direct_over_paragraphs)
{
    dossier_doc *d = doc("en", "Speaking on television, Anna Berg said: \u201cThe first part of the statement is here.\n\n"
                               "\u201cThe second part of the statement continues here.\u201d\n\n"
                               "\u201cA third paragraph opens with a new quotation mark,\u201d she added.");
    expect(d, "first part of the statement", DIRECT, "Anna Berg");
    expect(d, "second part of the statement", DIRECT, "Anna Berg");
    expect(d, "third paragraph opens", DIRECT, "Anna Berg");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_indirect)
{
    dossier_doc *d = doc("en", "Anna Berg said that the agency would launch two satellites next year. "
                               "According to Paul Weber, the new engine will be tested in March. "
                               "The ground stations will be ready by the summer, Paul Weber told reporters.");
    expect(d, "the agency would launch two satellites", INDIRECT, "Anna Berg");
    expect(d, "the new engine will be tested in March", INDIRECT, "Paul Weber");
    expect(d, "ground stations will be ready by the summer", INDIRECT, "Paul Weber");
    dossier_test_doc_free(d);

    d = doc("fr", "Selon Marie Dupont, le satellite sera lanc\u00e9 au printemps prochain. "
                  "Marie Dupont a indiqu\u00e9 que la fus\u00e9e \u00e9tait d\u00e9j\u00e0 pr\u00eate pour le vol.");
    expect(d, "le satellite sera lanc\u00e9 au printemps", INDIRECT, "Marie Dupont");
    expect(d, "la fus\u00e9e \u00e9tait d\u00e9j\u00e0 pr\u00eate", INDIRECT, "Marie Dupont");
    dossier_test_doc_free(d);

    d = doc("de", "Peter Schmidt sagte, dass die Station im n\u00e4chsten Jahr fertig sein werde.");
    expect(d, "die Station im n\u00e4chsten Jahr fertig", INDIRECT, "Peter Schmidt");
    dossier_test_doc_free(d);

    d = doc("ru", "\u041f\u043e \u0441\u043b\u043e\u0432\u0430\u043c \u0418\u0432\u0430\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430, \u0437\u0430\u043f\u0443\u0441\u043a \u0441\u043e\u0441\u0442\u043e\u0438\u0442\u0441\u044f \u0432 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0435\u043c \u0433\u043e\u0434\u0443 \u043d\u0430 \u043d\u043e\u0432\u043e\u0439 \u0440\u0430\u043a\u0435\u0442\u0435.");
    const dossier_statement *s = find(d, "\u0437\u0430\u043f\u0443\u0441\u043a \u0441\u043e\u0441\u0442\u043e\u0438\u0442\u0441\u044f");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s->kind, INDIRECT);
    ck_assert_int_ge(s->speaker, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_pronoun_role_press_service)
{
    dossier_doc *d = doc("en", "Anna Berg visited the plant on Monday. She said that the engines had passed all their tests.\n\n"
                               "NASA launched a new probe in May. The agency's press service said the probe had reached its orbit. "
                               "They clarified that the instruments would be switched on in June.\n\n"
                               "A spokesperson for NASA said the data would be shared with every partner.");
    expect(d, "engines had passed all their tests", INDIRECT, "Anna Berg");
    expect(d, "probe had reached its orbit", INDIRECT, "NASA");
    expect(d, "instruments would be switched on", INDIRECT, "NASA");
    expect(d, "data would be shared with every partner", INDIRECT, "NASA");
    dossier_test_doc_free(d);

    d = doc("en", "NASA chief Paul Weber visited the launch site.\n\n"
                  "The agency's chief said the failure would not end the lunar programme at all.");
    expect(d, "failure would not end the lunar programme", INDIRECT, "Paul Weber");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_partial_quote_in_reported_speech)
{
    dossier_doc *d = doc("en", "Anna Berg said the flight would be \u201ca matter of national pride\u201d for the whole country.");
    ck_assert_uint_eq(d->statements.n, 1);
    expect(d, "a matter of national pride", INDIRECT, "Anna Berg");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_false_friends)
{
    /* scare quotes, a quoted title, a quoted name, a job title without a name */
    dossier_doc *d = doc("en", "Experts call the two missions a \u201cspace race\u201d these days. "
                               "The treaty is formally titled \u201cOn the Peaceful Use of Outer Space by All States\u201d. "
                               "The \u201cSoyuz-5\u201d rocket will fly next year. "
                               "The head of the department visited the plant on Monday.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);

    d = doc("de", "Die Astronauten, im Westen oft \u201eTaikonauten\u201c genannt, trainierten auf See.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);

    /* an indirect statement with nobody to say it is dropped */
    d = doc("en", "Commentators have described the trio as a traffic jam of spacecraft around the planet.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_boilerplate_quote)
{
    /* through the full pipeline: a related-stories list holding a quotation */
    dossier_doc *d = dossier_test_doc("---\nlanguage: en\n---\nNew probe reaches the Moon\n\n"
                                      "The probe entered lunar orbit on Tuesday after a long cruise.\n\n"
                                      "Read more:\n"
                                      "\u2022 Anna Berg: \u201cWe will return to the Moon very soon\u201d\n"
                                      "\u2022 Paul Weber on the next four satellites\n");
    ck_assert_ptr_null(find(d, "return to the Moon"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_more_patterns)
{
    /* an earlier sentence pointed to: "Об этом сообщили в …", "Das teilte X mit" */
    dossier_doc *d = doc("ru", "\u0417\u0430\u043f\u0443\u0441\u043a \u0440\u0430\u043a\u0435\u0442\u044b \u043f\u0435\u0440\u0435\u043d\u0435\u0441\u0435\u043d \u043d\u0430 \u0441\u0443\u0442\u043a\u0438 \u0438\u0437-\u0437\u0430 \u043f\u043e\u0433\u043e\u0434\u044b. "
                               "\u041e\u0431 \u044d\u0442\u043e\u043c \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432 \u043f\u0440\u0435\u0441\u0441-\u0441\u043b\u0443\u0436\u0431\u0435 \u0420\u043e\u0441\u043a\u043e\u0441\u043c\u043e\u0441\u0430.");
    expect(d, "\u043f\u0435\u0440\u0435\u043d\u0435\u0441\u0435\u043d \u043d\u0430 \u0441\u0443\u0442\u043a\u0438", INDIRECT, "Roscosmos");
    dossier_test_doc_free(d);

    d = doc("de", "Die neue Sonde soll im Herbst zum Mond fliegen. Das teilte die Forscherin Anna Berg am Dienstag mit. "
                  "\u201eDie Tests sind abgeschlossen und alles hat funktioniert\u201c, so Berg.");
    expect(d, "Die neue Sonde soll im Herbst", INDIRECT, "Anna Berg");
    expect(d, "Die Tests sind abgeschlossen", DIRECT, "Anna Berg");
    dossier_test_doc_free(d);

    /* two speakers in one sentence; a relative pronoun after an attribution */
    d = doc("en", "While Anna Berg said the agency was ready for the flight, Paul Weber said Europe needed more time.\n\n"
                  "\u201cWe will fly again in the spring,\u201d said Berg, who announced that a new engine was being built.");
    expect(d, "the agency was ready for the flight", INDIRECT, "Anna Berg");
    expect(d, "Europe needed more time", INDIRECT, "Paul Weber");
    expect(d, "We will fly again in the spring", DIRECT, "Anna Berg");
    expect(d, "a new engine was being built", INDIRECT, "Anna Berg");
    dossier_test_doc_free(d);

    /* "Pour M. X, S"; a role in place of the name */
    d = doc("fr", "Marie Dupont dirige le projet depuis 2019.\n\n"
                  "Pour Mme Dupont, ces retards obligent l'Europe \u00e0 revoir son calendrier. "
                  "La dirigeante a indiqu\u00e9 que le premier vol aurait lieu en 2026.");
    expect(d, "ces retards obligent l'Europe", INDIRECT, "Marie Dupont");
    expect(d, "le premier vol aurait lieu en 2026", INDIRECT, "Marie Dupont");
    dossier_test_doc_free(d);
}
END_TEST

/* The text of the statement holding `part`; fails when none does. */
static const char *text_of(const dossier_doc *d, const char *part)
{
    const dossier_statement *s = find(d, part);
    ck_assert_msg(s != NULL, "no statement holds \"%s\"", part);
    return dossier_test_span(d, s->span);
}

START_TEST(test_short_clause_and_object_cues)
{
    /* a short clause right after its verb is worded with it; a long one is not */
    dossier_doc *d = doc("en", "Paul Weber has said the rocket could fly within weeks.\n\n"
                               "Anna Berg said the new engine had passed every test the team had planned for this year.\n\n"
                               "Roscosmos congratulated the team, calling the flight \"a great day for science\" in a statement.");
    ck_assert_str_eq(text_of(d, "could fly within weeks"), "has said the rocket could fly within weeks");
    ck_assert_str_eq(text_of(d, "new engine had passed"), "the new engine had passed every test the team had planned for this year");
    expect(d, "calling the flight", INDIRECT, "Roscosmos");
    dossier_test_doc_free(d);

    d = doc("de", "Der Verband der Raumfahrtindustrie (VRI) sprach von einem schweren Schlag f\u00fcr die Branche.\n\n"
                  "Greta Olsen, Sprecherin der Regierung, k\u00fcndigte an, sich f\u00fcr mehr Geld einzusetzen.");
    expect(d, "sprach von einem schweren Schlag", INDIRECT, "Verband der Raumfahrtindustrie");
    ck_assert_str_eq(text_of(d, "mehr Geld"), "k\u00fcndigte an, sich f\u00fcr mehr Geld einzusetzen");
    dossier_test_doc_free(d);

    /* a quotation opening the clause after the verb */
    d = doc("fr", "La ministre, Claire Martin, s'est dite \u00ab tr\u00e8s satisfaite \u00bb du r\u00e9sultat.");
    expect(d, "tr\u00e8s satisfaite", INDIRECT, "Claire Martin");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_stance_verbs)
{
    /* reporting verbs beyond "say": with "that", without it, and with an object */
    dossier_doc *d = doc("en", "Anna Berg argued the new engine was far too expensive for a small agency.\n\n"
                               "Paul Weber insisted that the launch would go ahead in the spring.\n\n"
                               "Greta Olsen criticized the ministry for cutting the science budget again.\n\n"
                               "Karl Meier vowed to rebuild the launch pad before the end of the decade.");
    expect(d, "far too expensive", INDIRECT, "Anna Berg");
    expect(d, "would go ahead in the spring", INDIRECT, "Paul Weber");
    expect(d, "the ministry for cutting", INDIRECT, "Greta Olsen");
    expect(d, "rebuild the launch pad", INDIRECT, "Karl Meier");
    dossier_test_doc_free(d);

    /* the "that" of a relative clause after another verb is not the cue's; the clause is */
    d = doc("en", "Anna Berg says the tests would not have found any of the faults that the engineers mentioned.\n\n"
                  "Later in the day, Roscosmos said it would cooperate.");
    ck_assert_str_eq(text_of(d, "the tests would not"),
                     "the tests would not have found any of the faults that the engineers mentioned");
    expect(d, "it would cooperate", INDIRECT, "Roscosmos");
    dossier_test_doc_free(d);

    /* false friends: a passive or an apposition participle, a participle of someone else's sentence */
    d = doc("en", "The ministry was widely criticized for cutting the science budget again.\n\n"
                  "Paul Weber, criticized for the delays of the programme, left the agency in May.\n\n"
                  "The agency has often made threats, even threatening to end the programme within a year.");
    ck_assert_ptr_null(find(d, "cutting the science budget"));
    ck_assert_ptr_null(find(d, "delays of the programme"));
    ck_assert_ptr_null(find(d, "end the programme"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_documents_and_titles)
{
    /* a poll or a study shows; a person who finds something says nothing */
    dossier_doc *d = doc("en", "A Monmouth poll out Monday showed Anna Berg with a healthy lead in the north.\n\n"
                               "Police found the body of the missing climber near the summit on Tuesday.\n\n"
                               "According to F.A.A. records, the plane has flown about 333 hours since June.");
    expect(d, "with a healthy lead", INDIRECT, "Monmouth poll");
    ck_assert_ptr_null(find(d, "missing climber"));
    ck_assert_str_eq(text_of(d, "333 hours"), "the plane has flown about 333 hours since June");
    dossier_test_doc_free(d);

    /* the same in French, German and Spanish */
    d = doc("fr", "Un sondage Ifop publi\u00e9 lundi montre que la majorit\u00e9 des Fran\u00e7ais soutient le projet.\n\n"
                  "La police a retrouv\u00e9 le corps du grimpeur pr\u00e8s du sommet mardi.");
    ck_assert_ptr_nonnull(find(d, "soutient le projet"));
    ck_assert_ptr_null(find(d, "corps du grimpeur"));
    dossier_test_doc_free(d);
    d = doc("de", "Eine neue Umfrage zeigt, dass die Mehrheit der Deutschen das Projekt unterst\u00fctzt.");
    ck_assert_ptr_nonnull(find(d, "das Projekt unterst"));
    dossier_test_doc_free(d);
    d = doc("es", "Una encuesta publicada el lunes muestra que la mayor\u00eda de los votantes apoya el proyecto.");
    ck_assert_ptr_nonnull(find(d, "apoya el proyecto"));
    dossier_test_doc_free(d);

    /* an abbreviated title before a name is never the speaker */
    d = doc("en", "\"Subpoenas are not optional,\" said panel Chairman Rep. Jason Miller (R-Utah).\n\n"
                  "Rep. Elijah Brown, the panel's ranking Democrat, said the vote was a stunt.");
    expect(d, "Subpoenas are not optional", DIRECT, "Jason Miller");
    expect(d, "the vote was a stunt", INDIRECT, "Elijah Brown");
    dossier_test_doc_free(d);

    /* a person named last in the subject speaks, not the one whose title comes first */
    d = doc("en", "Anna Berg spoke in Ohio on Monday. Berg campaign spokesman Jason Miller told the Post that "
                  "the new policy would extend to single mothers.");
    expect(d, "extend to single mothers", INDIRECT, "Jason Miller");
    dossier_test_doc_free(d);

    /* a headline repeated in title case holds no statement; the sentence after it does */
    d = doc("en", "Senator Paul Weber Calls Budget Plan \u2018A Disgrace\u2019 Over Science Cuts.\n\n"
                  "Senator Paul Weber described the budget plan as \u201ca disgrace\u201d after the vote on Monday.");
    ck_assert_ptr_null(find(d, "Over Science Cuts"));
    expect(d, "the budget plan as", INDIRECT, "Paul Weber");
    dossier_test_doc_free(d);

    /* a place before a person's title is not the speaker */
    d = doc("en", "Paul Weber spoke in Ohio. In June, the South Carolina senator said the party should drop Weber.");
    expect(d, "should drop Weber", INDIRECT, NULL);
    dossier_test_doc_free(d);

    /* a time phrase is never the speaker */
    d = doc("en", "On Thursday, she and other parents took their grievances to school. More than 100,000 people "
                  "took part in a walk-in at 2,000 schools, according to the organizer Alliance to Reclaim Our Schools (AROS).");
    expect(d, "took part in a walk-in", INDIRECT, "Alliance to Reclaim Our Schools");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_inside_sentence)
{
    /* German: "nach Angaben X" inside the sentence, no commas: the whole sentence is X's */
    dossier_doc *d = doc("de", "Die Mission kostet nach Angaben der NASA rund 300 Millionen Dollar mehr als geplant.");
    const char *t = text_of(d, "rund 300 Millionen Dollar");
    ck_assert_msg(strstr(t, "Die Mission kostet") != NULL, "text %s", t);
    expect(d, "rund 300 Millionen Dollar", INDIRECT, "NASA");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_konjunktiv_form)
{
    /* a Konjunktiv I verb no list holds, second after a one-word subject; not an indicative or an article */
    dossier_doc *d = doc("de", "\u201eWir sind bereit f\u00fcr den n\u00e4chsten Schritt\u201c, sagte Greta Olsen am Montag. "
                               "Europa verliere sonst den Anschluss an die gro\u00dfen Raumfahrtnationen.\n\n"
                               "\u201eDie Arbeit geht weiter wie geplant\u201c, sagte Greta Olsen. "
                               "Europa verliert seit Jahren Marktanteile bei den Tr\u00e4gerraketen.");
    expect(d, "Europa verliere sonst", INDIRECT, "Greta Olsen");
    ck_assert_ptr_null(find(d, "Europa verliert seit Jahren"));
    dossier_test_doc_free(d);

    d = doc("de", "\u201eDer Plan ist fertig\u201c, sagte Greta Olsen am Montag. Die Entscheidung falle im Herbst.\n\n"
                  "\u201eWir warten ab\u201c, sagte Greta Olsen. Die neue Rakete steht schon in der Halle.");
    expect(d, "Die Entscheidung falle", INDIRECT, "Greta Olsen");
    ck_assert_ptr_null(find(d, "Die neue Rakete steht"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_partial_quote_predicate)
{
    /* a person's predicate holding a short quotation, with no verb of saying */
    dossier_doc *d = doc("en", "Elena Ruiz, head of the regional observatory, had given the mission a mark of "
                               "\"seven out of ten\" on Monday.\n\n"
                               "Paul Weber visited the \"Vertical Assembly Building\" on Monday with his team.\n\n"
                               "The crew tested the \"soft docking\" mode twice during the night.");
    expect(d, "had given the mission a mark", INDIRECT, "Elena Ruiz");
    ck_assert_str_eq(text_of(d, "had given the mission"), "had given the mission a mark of \"seven out of ten\" on Monday");
    ck_assert_ptr_null(find(d, "Vertical Assembly Building"));
    ck_assert_ptr_null(find(d, "soft docking"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_dialogue_dash)
{
    /* Russian dialogue: a dash opens the quotation, ", — " closes it, ". — " continues it */
    dossier_doc *d = doc("ru", "\u0417\u0430\u043f\u0443\u0441\u043a \u043f\u0440\u043e\u0448\u0451\u043b \u0443\u0441\u043f\u0435\u0448\u043d\u043e.\n\n"
                               "\u2014 \u0412\u0441\u0435 \u0441\u0438\u0441\u0442\u0435\u043c\u044b \u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0442 \u0448\u0442\u0430\u0442\u043d\u043e, "
                               "\u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432. "
                               "\u2014 \u041c\u044b \u0433\u043e\u0442\u043e\u0432\u044b \u043a \u043d\u043e\u0432\u043e\u043c\u0443 \u044d\u0442\u0430\u043f\u0443 \u0440\u0430\u0431\u043e\u0442\u044b.");
    expect(d, "\u0412\u0441\u0435 \u0441\u0438\u0441\u0442\u0435\u043c\u044b", DIRECT, "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
    expect(d, "\u041c\u044b \u0433\u043e\u0442\u043e\u0432\u044b", DIRECT, "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
    ck_assert_str_eq(text_of(d, "\u0412\u0441\u0435 \u0441\u0438\u0441\u0442\u0435\u043c\u044b"),
                     "\u0412\u0441\u0435 \u0441\u0438\u0441\u0442\u0435\u043c\u044b \u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0442 \u0448\u0442\u0430\u0442\u043d\u043e");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_unnamed_source_without_comma)
{
    /* German: the source's noun phrase ends where a lower-case verb begins */
    dossier_doc *d = doc("de", "Laut dem Bundesverband VRI sind die Kosten des Programms bisher v\u00f6llig unklar.");
    const dossier_statement *s = find(d, "sind die Kosten");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_ge(s->speaker, 0);
    ck_assert_str_eq(dossier_test_span(d, s->span), "sind die Kosten des Programms bisher v\u00f6llig unklar");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_phrase_of_four_words)
{
    /* "Laut der Nordischen Raumfahrtagentur NSA wird …": the verb right after a long source phrase */
    dossier_doc *d = doc("de", "Die Mission wird mit rund 40 Millionen Euro finanziert. Laut der Nordischen "
                               "Raumfahrtagentur NORSA wird die Besatzung w\u00e4hrend des Fluges zw\u00f6lf Experimente "
                               "durchf\u00fchren, unter anderem zur Medizin.");
    const dossier_statement *s = find(d, "Besatzung");
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(strstr(dossier_test_span(d, s->span), "wird die Besatzung") != NULL, "span: %s",
                  dossier_test_span(d, s->span));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_preterite_is_no_konjunktiv)
{
    /* "Das Land hatte …" after a statement is the writer's indicative, not reported speech */
    dossier_doc *d = doc("de", "Jonas Weber bezeichnete das Land als \u201eeinen der wichtigsten Partner Europas\u201c. "
                               "Das Land hatte seinen Beitrag zur Agentur im Jahr 2022 deutlich erh\u00f6ht.");
    ck_assert_ptr_null(find(d, "seinen Beitrag"));
    dossier_test_doc_free(d);
    d = doc("de", "\u201eDie Station ist bereit f\u00fcr die n\u00e4chste Besatzung\u201c, sagte Jonas Weber. "
                  "Die Arbeit laufe seit Wochen nach Plan.");
    expect(d, "Die Arbeit laufe seit Wochen", INDIRECT, "Jonas Weber");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_partial_quote_after_title)
{
    /* a title before the name opening the sentence: "Ministerpr\u00e4sidentin X hatte … „…“ erkl\u00e4rt" */
    dossier_doc *d = doc("de", "Ministerpr\u00e4sidentin Anna Keller hatte den Kongress am Montag er\u00f6ffnet und die Raumfahrt "
                               "zu einer \u201estrategischen Aufgabe\u201c ihrer Regierung erkl\u00e4rt.");
    expect(d, "zu einer \u201estrategischen Aufgabe\u201c", INDIRECT, "Anna Keller");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_noun_after_article_is_no_cue)
{
    /* "la note" folds like "noté": after an article it is a noun, and the partial quotation stands */
    dossier_doc *d = doc("fr", "Le directeur de l'Institut des sciences spatiales, Kenji Arima, avait attribu\u00e9 \u00e0 la "
                               "mission la note de \u00ab 70 sur 100 \u00bb. Jeudi, il a indiqu\u00e9 qu'il lui accordait "
                               "d\u00e9sormais \u00ab la note maximale \u00bb pour la pr\u00e9cision.");
    expect(d, "avait attribu\u00e9 \u00e0 la mission la note", INDIRECT, "Kenji Arima");
    ck_assert_ptr_null(find(d, "Le directeur de l'Institut"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_neuter_speech_verb)
{
    /* "управление сообщило, что": a neuter subject's verb */
    dossier_doc *d = doc("ru", "\u0410\u0433\u0435\u043d\u0442\u0441\u0442\u0432\u043e \u0415\u0432\u0440\u043e\u043f\u0435"
                               "\u0439\u0441\u043a\u043e\u0435 \u043a\u043e\u0441\u043c\u0438\u0447\u0435\u0441\u043a\u043e"
                               "\u0435 \u0430\u0433\u0435\u043d\u0442\u0441\u0442\u0432\u043e (ESA) \u0441\u043e\u043e\u0431"
                               "\u0449\u0438\u043b\u043e, \u0447\u0442\u043e \u0437\u043e\u043d\u0434 \u0440\u0430\u0431\u043e"
                               "\u0442\u0430\u0435\u0442 \u0448\u0442\u0430\u0442\u043d\u043e \u0438 \u043f\u0435\u0440\u0435"
                               "\u0434\u0430\u0451\u0442 \u0434\u0430\u043d\u043d\u044b\u0435.");
    const dossier_statement *s = find(d, "\u0437\u043e\u043d\u0434 \u0440\u0430\u0431\u043e\u0442\u0430\u0435\u0442");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s->kind, INDIRECT);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_separable_verb_and_named_source)
{
    /* ", teilte das Unternehmen X mit.": a separable verb whose particle closes the sentence */
    dossier_doc *d = doc("de", "Die Rakete ist am Sonntag vom Weltraumbahnhof Kourou gestartet und hat zwei Satelliten "
                               "ins All gebracht, teilte das Unternehmen Arianespace mit.");
    expect(d, "hat zwei Satelliten ins All gebracht", INDIRECT, "Arianespace");
    dossier_test_doc_free(d);
    /* "teilte mit, der Satellit habe …": "der" after the comma opens the clause, it is no preposition */
    d = doc("de", "Der Hersteller Airbus teilte am Abend mit, der Satellit habe bereits erste Signale gesendet.");
    expect(d, "der Satellit habe bereits erste Signale", INDIRECT, "Airbus");
    dossier_test_doc_free(d);
    /* "D'après le PDG de la société, Pierre X, S": the name after the role belongs to the source */
    d = doc("fr", "D'apr\u00e8s le PDG de la soci\u00e9t\u00e9, Pierre Lenoir, la cadence de tir augmentera d\u00e8s l'an "
                  "prochain.");
    expect(d, "la cadence de tir augmentera", INDIRECT, "Pierre Lenoir");
    ck_assert_ptr_null(find(d, "Pierre Lenoir, la cadence"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_organisation_phrase_after_cue)
{
    /* "…, сообщило Министерство обороны X.": an organisation word heading lower-case words */
    dossier_doc *d = doc("ru", "\u0420\u0430\u043a\u0435\u0442\u0430 \u0441\u0442\u0430\u0440\u0442\u043e\u0432\u0430"
                               "\u043b\u0430 \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0438 "
                               "\u0432\u044b\u0432\u0435\u043b\u0430 \u043d\u0430 \u043e\u0440\u0431\u0438\u0442\u0443 "
                               "\u043d\u043e\u0432\u044b\u0439 \u0441\u043f\u0443\u0442\u043d\u0438\u043a, \u0441\u043e"
                               "\u043e\u0431\u0449\u0438\u043b\u043e \u041c\u0438\u043d\u0438\u0441\u0442\u0435\u0440\u0441"
                               "\u0442\u0432\u043e \u043e\u0431\u043e\u0440\u043e\u043d\u044b \u0420\u043e\u0441\u0441\u0438"
                               "\u0438.");
    const dossier_statement *s = find(d, "\u0441\u043f\u0443\u0442\u043d\u0438\u043a");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_ge(s->speaker, 0);
    ck_assert_int_eq(d->entities.v[s->speaker].kind, DOSSIER_KIND_ORGANIZATION);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_elided_words_and_relative_clause)
{
    /* "qu'", "l'" as written in the lists match the text's elided tokens */
    dossier_doc *d = doc("fr", "Le pr\u00e9sident du Centre national d'\u00e9tudes spatiales, Paul Girard, a estim\u00e9 mardi que "
                               "l'Europe devait acc\u00e9l\u00e9rer ses programmes.\n\n"
                               "Interrog\u00e9 par l'AFP, un responsable de l'Agence spatiale europ\u00e9enne a confirm\u00e9 que les "
                               "discussions se poursuivaient avec les \u00c9tats membres.\n\n"
                               "\u00ab Le module est pr\u00eat \u00bb, selon Anne Roux, directrice des vols habit\u00e9s de "
                               "l'agence, qui juge qu'un lancement ne sera pas possible avant 2030.");
    expect(d, "les discussions se poursuivaient", INDIRECT, "European Space Agency");
    /* a relative clause after an apposition: worded from its pronoun, spoken by the person heading it */
    expect(d, "qui juge qu'un lancement", INDIRECT, "Anne Roux");
    dossier_test_doc_free(d);
    /* a preposition opening the clause, with a partial quotation in it */
    d = doc("fr", "La ministre de la Recherche, Claire Dumas, s'est f\u00e9licit\u00e9e d'une d\u00e9cision qui \u00ab rend au "
                  "pays sa place dans l'Europe spatiale \u00bb.");
    expect(d, "rend au pays sa place", INDIRECT, "Claire Dumas");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_adverbials_before_clause)
{
    /* "said on Monday the satellite would …": a short prepositional phrase, then the clause with no "that" */
    dossier_doc *d = doc("en", "Maria Lopez, who heads the Valdivia Space Institute, said on Monday the new satellite would "
                               "be launched in March.\n\n"
                               "In an interview with Reuters, Paul Weber said in a statement the agency would not cancel "
                               "the programme.");
    expect(d, "the new satellite would be launched", INDIRECT, "Maria Lopez");
    expect(d, "the agency would not cancel", INDIRECT, "Paul Weber");
    ck_assert_ptr_null(find(d, "In an interview with Reuters"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_attribution_after_initial)
{
    /* the segmenter ends a sentence at "S.": the attribution after the quotation goes on to the verb */
    dossier_doc *d = doc("en", "The agency launched its heaviest rocket on Sunday, carrying 36 satellites for a company.\n\n"
                               "\"This is a proud moment for the whole team,\" agency chairman K. Varadan told reporters "
                               "at the launch site.");
    expect(d, "proud moment for the whole team", DIRECT, "K. Varadan");
    dossier_test_doc_free(d);
}
END_TEST

/* The suite. */
START_TEST(test_russian_imperfective_and_impersonal_cues)
{
    /* an imperfective past verb of saying ("заявлял") */
    dossier_doc *d = doc("ru", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 "
                               "\u0440\u0430\u043d\u0435\u0435 \u0437\u0430\u044f\u0432\u043b\u044f\u043b, "
                               "\u0447\u0442\u043e \u043d\u043e\u0432\u0430\u044f \u0441\u0442\u0430\u043d\u0446\u0438\u044f "
                               "\u0431\u0443\u0434\u0435\u0442 \u0433\u043e\u0442\u043e\u0432\u0430 \u0447\u0435\u0440\u0435\u0437 "
                               "\u0433\u043e\u0434.");
    expect(d, "\u0431\u0443\u0434\u0435\u0442 \u0433\u043e\u0442\u043e\u0432\u0430", INDIRECT, "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
    dossier_test_doc_free(d);
    /* "В узбекском правительстве подчёркивают, что …": the government speaks for its country */
    d = doc("ru", "\u0412 \u0443\u0437\u0431\u0435\u043a\u0441\u043a\u043e\u043c "
                  "\u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u0435 "
                  "\u043f\u043e\u0434\u0447\u0451\u0440\u043a\u0438\u0432\u0430\u044e\u0442, \u0447\u0442\u043e "
                  "\u043d\u043e\u0432\u044b\u0439 \u0441\u043f\u0443\u0442\u043d\u0438\u043a "
                  "\u0431\u0443\u0434\u0435\u0442 \u0437\u0430\u043f\u0443\u0449\u0435\u043d "
                  "\u0432\u0435\u0441\u043d\u043e\u0439.");
    expect(d, "\u043d\u043e\u0432\u044b\u0439 \u0441\u043f\u0443\u0442\u043d\u0438\u043a", INDIRECT, "Uzbekistan");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_konjunktiv_after_prepositional_phrase)
{
    dossier_doc *d = doc("de", "Die Sonde sei bereit, sagte Jan Kowalski. Im Orbit bleibe sie mindestens zehn Jahre.");
    expect(d, "Im Orbit bleibe sie", INDIRECT, "Jan Kowalski");
    dossier_test_doc_free(d);
    /* an adjective after the preposition is no first part: "Mit großer Freude" */
    d = doc("de", "Die Sonde sei bereit, sagte Jan Kowalski. Mit gro\u00dfer Freude sahen die Ingenieure zu.");
    ck_assert(find(d, "Ingenieure") == NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_group_and_source_speakers)
{
    /* a group of people speaks: the phrase without its quantifier; a poll reports */
    dossier_doc *d = doc("en", "Several party strategists said the new rules would slow the count in the northern districts. "
                               "Analysts say the merger could cost thousands of jobs in the region. "
                               "The proposal would raise fares by a third, aides to the mayor said on Monday.");
    expect(d, "new rules would slow the count", INDIRECT, "party strategists");
    expect(d, "merger could cost thousands of jobs", INDIRECT, "analysts");
    expect(d, "raise fares by a third", INDIRECT, "aides");
    dossier_test_doc_free(d);

    /* a share of the people asked: a poll's speakers */
    d = doc("en", "Twenty-four percent said the mayor had done nothing wrong. "
                  "About three in 10 say they would not vote at all this year.");
    expect(d, "the mayor had done nothing wrong", INDIRECT, "Twenty-four percent");
    expect(d, "would not vote at all", INDIRECT, "three in 10");
    dossier_test_doc_free(d);

    /* a group's fear or doubt in a clause of its own is its statement */
    d = doc("en", "The harbour stayed closed on Sunday. But dock workers also fear that the night curfew could "
                  "add fuel to the tensions in the port.");
    expect(d, "the night curfew could add fuel", INDIRECT, "dock workers");
    dossier_test_doc_free(d);

    /* a group bound by a relative with no comma speaks ("some economists who argue") */
    d = doc("en", "There are some economists who argue that harbour taxes should be very low. "
                  "The plan was attacked by legal experts who warn that the council has ignored the courts.");
    expect(d, "harbour taxes should be very low", INDIRECT, "economists");
    expect(d, "the council has ignored the courts", INDIRECT, "legal experts");
    dossier_test_doc_free(d);

    /* false friends: a view in a clause that sets a scene ("where … believe"), a description
       ("described … as") is no group's statement */
    d = doc("en", "The lander will touch down near the crater, where scientists believe water ice may be trapped. "
                  "Commentators have described the trio as a traffic jam of spacecraft around the planet.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);

    d = doc("fr", "Plusieurs analystes ont déclaré que la fusion coûterait des milliers d'emplois dans la région.");
    expect(d, "la fusion co\u00fbterait des milliers", INDIRECT, "analystes");
    dossier_test_doc_free(d);

    d = doc("de", "Mehrere Experten sagten, die Fusion werde tausende Arbeitsplätze in der Region kosten.");
    expect(d, "die Fusion werde tausende", INDIRECT, "Experten");
    dossier_test_doc_free(d);

    d = doc("es", "Varios analistas dijeron que la fusión costaría miles de empleos en la región.");
    expect(d, "la fusi\u00f3n costar\u00eda miles", INDIRECT, "analistas");
    dossier_test_doc_free(d);

    d = doc("ru", "\u041f\u043e \u0441\u043b\u043e\u0432\u0430\u043c \u044d\u043a\u0441\u043f\u0435\u0440\u0442\u043e\u0432, "
                  "\u0441\u043b\u0438\u044f\u043d\u0438\u0435 \u0431\u0443\u0434\u0435\u0442 \u0441\u0442\u043e\u0438\u0442\u044c "
                  "\u0442\u044b\u0441\u044f\u0447 \u0440\u0430\u0431\u043e\u0447\u0438\u0445 \u043c\u0435\u0441\u0442.");
    expect(d, "\u0441\u043b\u0438\u044f\u043d\u0438\u0435 \u0431\u0443\u0434\u0435\u0442", INDIRECT,
           "\u044d\u043a\u0441\u043f\u0435\u0440\u0442\u043e\u0432");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_two_apostrophe_quotes_and_abbreviated_titles)
{
    /* ''…'' is one quotation mark; "Mr." does not end the attribution */
    dossier_doc *d = doc("en", "Anna Berg spoke to the council on Tuesday.\n\n"
                               "''The budget does not add up for the next five years,'' Ms. Berg said. "
                               "''We will ask the council for a second vote.''");
    expect(d, "budget does not add up", DIRECT, "Anna Berg");
    expect(d, "ask the council for a second vote", DIRECT, "Anna Berg");
    ck_assert_ptr_null(find(d, "Ms. Berg said"));
    dossier_test_doc_free(d);
    /* a quotation opened with “ and closed with a straight mark: the attribution after it is its own */
    d = doc("en", "Paul Weber spoke first.\n\n"
                  "\u201cThe budget does not add up for the next five years,\" Anna Berg said in a statement. "
                  "The council will vote again in June.");
    expect(d, "budget does not add up", DIRECT, "Anna Berg");
    ck_assert_ptr_null(find(d, "said in a statement"));
    dossier_test_doc_free(d);
    /* an apostrophe of elision is no quotation mark */
    d = doc("en", "The rock 'n' roll band's tour was the city's biggest event of the year.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_cue_inside_and_after_clause)
{
    /* "S1, X said, S2" is one statement; "S, X said, adding …" is S alone */
    dossier_doc *d = doc("en", "Acts of protest, Paul Weber said, are acts of patriotism in every democracy.\n\n"
                               "Sales were great, Anna Berg said, wiping sweat off her face.");
    expect(d, "are acts of patriotism", INDIRECT, "Paul Weber");
    ck_assert_ptr_nonnull(find(d, "Acts of protest"));
    expect(d, "Sales were great", INDIRECT, "Anna Berg");
    ck_assert_ptr_null(find(d, "wiping"));
    dossier_test_doc_free(d);

    /* an apposition between the subject and its cue, and a name in the clause after a pronoun */
    d = doc("en", "Anna Berg, facing a difficult challenge in the north, a swing region, said she would welcome Paul Weber.");
    expect(d, "she would welcome Paul Weber", INDIRECT, "Anna Berg");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_questions_denials_and_views)
{
    dossier_doc *d = doc("en", "Anna Berg asked whether the agency would delay the launch again. "
                               "Paul Weber denied that the company had hidden the losses. "
                               "Anna Berg thinks the vote will be close in the southern states.");
    expect(d, "whether the agency would delay the launch", INDIRECT, "Anna Berg");
    expect(d, "the company had hidden the losses", INDIRECT, "Paul Weber");
    expect(d, "the vote will be close", INDIRECT, "Anna Berg");
    dossier_test_doc_free(d);
    /* a thought that is a noun, a question with nobody asking */
    d = doc("en", "The thought of a second vote worried the members of the council.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);

    d = doc("fr", "Marie Dupont a demand\u00e9 si l'agence allait encore retarder le lancement.");
    expect(d, "si l'agence allait encore retarder", INDIRECT, "Marie Dupont");
    dossier_test_doc_free(d);
    d = doc("es", "Ana Torres neg\u00f3 que la empresa hubiera ocultado las p\u00e9rdidas.");
    expect(d, "la empresa hubiera ocultado", INDIRECT, "Ana Torres");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_sources_closing_and_inside_the_sentence)
{
    /* a source closing the sentence reports all of it; a poll and an unknown outlet are sources */
    dossier_doc *d = doc("en", "The mayor praised the new budget, and the council approved it by a wide margin, according to exit polls.\n\n"
                               "Turnout was the highest in forty years, according to The Courier.\n\n"
                               "For the council, according to Anna Berg's deputy Paul Weber, the vote is a test of the coalition.");
    expect(d, "The mayor praised the new budget", INDIRECT, "exit polls");
    ck_assert_ptr_nonnull(find(d, "approved it by a wide margin"));
    expect(d, "highest in forty years", INDIRECT, "Courier");
    expect(d, "the vote is a test of the coalition", INDIRECT, "Paul Weber");
    dossier_test_doc_free(d);
    /* false friend: a source phrase that names nothing a database can hold */
    d = doc("en", "The vote was close in the north, according to some.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_lone_names_before_the_cue)
{
    /* one capitalised word the article never writes in lower case, before its cue */
    dossier_doc *d = doc("en", "Kessler said the talks had failed after three days in the capital.\n\n"
                               "Marek, a teacher from the valley, said the school would close in June.");
    expect(d, "the talks had failed", INDIRECT, "Kessler");
    expect(d, "the school would close", INDIRECT, "Marek");
    dossier_test_doc_free(d);
    /* false friends: a pronoun of quantity, a month, a word the article writes in lower case */
    d = doc("en", "Everyone said the talks had failed after three days in the capital.\n\n"
                  "Harvest said nothing about the weather, and the harvest was late this year.");
    ck_assert_uint_eq(d->statements.n, 0);
    dossier_test_doc_free(d);
    /* German capitalises every noun: "Behörden" is no name */
    d = doc("de", "Behörden sagten, die Gespräche seien nach drei Tagen gescheitert.");
    ck_assert_ptr_null(find(d, "Gespräche seien"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_no_junk_speakers)
{
    /* a section head in capitals, an intro clause before the subject, a question, a weekday */
    dossier_doc *d = doc("en", "THE BORROWING Back when he wrote his book, Paul Weber said that he considered debt a last resort.\n\n"
                               "Which members said the plan would fail is still unclear to the council.\n\n"
                               "On Thursday, Acme Corp said the plant would close in the spring.");
    expect(d, "he considered debt a last resort", INDIRECT, "Paul Weber");
    ck_assert_ptr_null(find(d, "the plan would fail"));
    expect(d, "the plant would close", INDIRECT, "Acme Corp");
    for (size_t e = 0; e < d->entities.n; e++) {
        ck_assert_msg(strstr(d->entities.v[e].name, "BORROWING") == NULL, "junk entity %s", d->entities.v[e].name);
        ck_assert_msg(strstr(d->entities.v[e].name, "Thursday") == NULL, "junk entity %s", d->entities.v[e].name);
    }
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_labelled_lines)
{
    /* a transcript's or an interview's line: the label before the colon speaks */
    dossier_doc *d = doc("en", "KESSLER: And obviously, you are supporting the governor, and some voters doubt him.\n\n"
                               "Anna Berg: The plan will fail because nobody has paid for it.\n\n"
                               "Update: The figures came late on Monday with new numbers for the region.\n\n"
                               "Poll: Weber leads Berg by five points in the northern districts.");
    expect(d, "you are supporting the governor", INDIRECT, "KESSLER");
    expect(d, "The plan will fail", INDIRECT, "Anna Berg");
    ck_assert_ptr_null(find(d, "figures came late"));
    ck_assert_ptr_null(find(d, "five points"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_pronoun_gender)
{
    /* "she" is not the Mr. named last, when the article tells who is who */
    dossier_doc *d = doc("en", "Anna Berg and Paul Weber met on Monday. Mrs. Berg spoke first, and Mr. Weber answered.\n\n"
                               "Mr. Weber left early. The budget would hold until June, she said.");
    expect(d, "The budget would hold until June", INDIRECT, "Anna Berg");
    dossier_test_doc_free(d);
    /* no title anywhere: the person named last */
    d = doc("en", "Anna Berg and Paul Weber met on Monday.\n\nPaul Weber left early. The budget would hold until June, he said.");
    expect(d, "The budget would hold until June", INDIRECT, "Paul Weber");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_dropped_candidate_without_mentions)
{
    /* a candidate dropped before its speaker is resolved, in a text that names nobody: it once
       read mention 0 of an empty list */
    dossier_doc *d = dossier_test_doc("Police said the rebels attacked a convoy near the border on Monday.");
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->mentions.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("statements");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_direct_marks);
    tcase_add_test(tc, test_direct_languages);
    tcase_add_test(tc, test_direct_over_paragraphs);
    tcase_add_test(tc, test_indirect);
    tcase_add_test(tc, test_pronoun_role_press_service);
    tcase_add_test(tc, test_partial_quote_in_reported_speech);
    tcase_add_test(tc, test_more_patterns);
    tcase_add_test(tc, test_false_friends);
    tcase_add_test(tc, test_boilerplate_quote);
    tcase_add_test(tc, test_short_clause_and_object_cues);
    tcase_add_test(tc, test_source_inside_sentence);
    tcase_add_test(tc, test_konjunktiv_form);
    tcase_add_test(tc, test_partial_quote_predicate);
    tcase_add_test(tc, test_dialogue_dash);
    tcase_add_test(tc, test_unnamed_source_without_comma);
    tcase_add_test(tc, test_source_phrase_of_four_words);
    tcase_add_test(tc, test_preterite_is_no_konjunktiv);
    tcase_add_test(tc, test_partial_quote_after_title);
    tcase_add_test(tc, test_noun_after_article_is_no_cue);
    tcase_add_test(tc, test_neuter_speech_verb);
    tcase_add_test(tc, test_separable_verb_and_named_source);
    tcase_add_test(tc, test_organisation_phrase_after_cue);
    tcase_add_test(tc, test_elided_words_and_relative_clause);
    tcase_add_test(tc, test_adverbials_before_clause);
    tcase_add_test(tc, test_attribution_after_initial);
    tcase_add_test(tc, test_russian_imperfective_and_impersonal_cues);
    tcase_add_test(tc, test_konjunktiv_after_prepositional_phrase);
    tcase_add_test(tc, test_group_and_source_speakers);
    tcase_add_test(tc, test_two_apostrophe_quotes_and_abbreviated_titles);
    tcase_add_test(tc, test_cue_inside_and_after_clause);
    tcase_add_test(tc, test_questions_denials_and_views);
    tcase_add_test(tc, test_sources_closing_and_inside_the_sentence);
    tcase_add_test(tc, test_lone_names_before_the_cue);
    tcase_add_test(tc, test_no_junk_speakers);
    tcase_add_test(tc, test_labelled_lines);
    tcase_add_test(tc, test_pronoun_gender);
    tcase_add_test(tc, test_stance_verbs);
    tcase_add_test(tc, test_documents_and_titles);
    tcase_add_test(tc, test_dropped_candidate_without_mentions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
