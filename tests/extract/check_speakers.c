/*
 * check_speakers.c — attribution across sentences (lib/speakers.c,
 * speakernames.c): a role or description resolved to the person or
 * organisation named just before in the paragraph, a role matched by its
 * title, a pronoun whose antecedent no stage named, a speaker written with
 * an initial, a source phrase headed by a role ("according to the
 * chairman of X, Y"), a quotation after "said:" followed by another
 * speaker's sentence, an unknown name heading an apposition or standing
 * right before the verb, "wrote" after a quotation, a pronoun after an
 * unnamed spokesperson, German sources no stage named, a quotation left
 * open that the next paragraph attributes, a surname opening its sentence
 * before an apposition, "the company" kept to the entity the article gave
 * it, a name cut short before its acronym, a coordinated predicate ("X
 * congratulated Y and said"), an organisation word taken for a name, an
 * unknown verb before a name and its apposition, an organisation heading
 * its own clause, a known name written in lower case, a source phrase
 * naming an organisation's head in another case, a compound role then a
 * name after "Laut", a head-of-state phrase, "it" for the union or the poll
 * heading the sentence before; and the false friends: a role is not bound to an
 * organisation after a locative, nor to a holder named later; a
 * sentence-initial adverb is no speaker, nor is a body someone chairs,
 * nor a head of something else, nor "das Unternehmen am Mittwoch", nor an
 * organisation whose last word looks like a demonym, nor is "it" a person
 * or people.  Quotations: a name
 * and a long apposition after the quotation, "― Name" after it, a short
 * reply after its cue or before it, "shot back", "According to X, “…”", "Said X:", the clause after the last
 * comma before "said:", a partial quotation with "said X" after it, a
 * paragraph of quotation after "X continued:", a headline "Name: ‘…’", a
 * line opened with a closing mark, a paragraph "- X." after a quotation,
 * a name closing the clause before "said, adding,", "the airline" for
 * the organisation whose name holds the word; and the false friends:
 * "the former secretary of state" after two people is neither,
 * "“…” Y said: “…”" is not the first quotation's, "a former
 * chairman" is nobody named before, a headline
 * with a colon and no quotation, a
 * chant inside a sentence, an apposition after a name before "said", a
 * clause after a quotation that names someone who said nothing.
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

/* The speaker's name of the statement holding `part` ("" when unknown); fails when none holds it. */
static const char *speaker_of(const dossier_doc *d, const char *part)
{
    for (size_t i = 0; i < d->statements.n; i++)
        if (strstr(dossier_test_span(d, d->statements.v[i].span), part))
            return d->statements.v[i].speaker >= 0 ? d->entities.v[d->statements.v[i].speaker].name : "";
    ck_abort_msg("no statement holds \"%s\"", part);
    return NULL;
}

/* Asserts the speaker of the statement holding `part`. */
#define ck_speaker(d, part, name) ck_assert_str_eq(speaker_of((d), (part)), (name))

START_TEST(test_role_names_person_of_paragraph)
{
    /* the earlier speaker is in another paragraph; the role points to the person just named */
    dossier_doc *d = doc("de", "\u201eWir brauchen mehr Geld f\u00fcr die Forschung\u201c, sagte Greta Olsen am Montag.\n\n"
                               "Finanzminister Karl Brandt verteidigte den Plan. Alle Bereiche m\u00fcssten sparen, "
                               "sagte der SPD-Vorsitzende in Hamburg.");
    ck_speaker(d, "Alle Bereiche", "Karl Brandt");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_role_by_title)
{
    /* "the institute's director general" is the one stated with that title, not the person named last */
    dossier_doc *d = doc("en", "Maria Lopez, director general of the Valdivia Institute, said the test had gone well, "
                               "while Tom Reyes watched from the control room. \u201cEvery hour of practice paid off "
                               "today,\u201d the institute's director general added.");
    ck_speaker(d, "Every hour of practice", "Maria Lopez");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_org_description_of_paragraph)
{
    dossier_doc *d = doc("en", "Roscosmos said that the crew had arrived at the station on time.\n\n"
                               "NASA welcomed the decision. \u201cWe value the long partnership and are glad it will "
                               "continue,\u201d the operator said in a statement.");
    ck_speaker(d, "We value the long partnership", "NASA");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_head_of_state_not_other_head)
{
    dossier_doc *d = doc("ru", "\u00ab\u041f\u043e\u043b\u0451\u0442 \u043f\u0440\u043e\u0448\u0451\u043b "
                               "\u043e\u0442\u043b\u0438\u0447\u043d\u043e \u0438 \u0431\u0435\u0437 "
                               "\u0437\u0430\u043c\u0435\u0447\u0430\u043d\u0438\u0439\u00bb, \u2014 "
                               "\u0437\u0430\u044f\u0432\u0438\u043b \u0433\u043b\u0430\u0432\u0430 "
                               "\u0420\u043e\u0441\u043a\u043e\u0441\u043c\u043e\u0441\u0430 \u042e\u0440\u0438\u0439 "
                               "\u0411\u043e\u0440\u0438\u0441\u043e\u0432.\n\n"
                               "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u041a\u0430\u0437\u0430\u0445\u0441\u0442\u0430\u043d\u0430 "
                               "\u041a\u0430\u0441\u044b\u043c-\u0416\u043e\u043c\u0430\u0440\u0442 \u0422\u043e\u043a\u0430\u0435\u0432 "
                               "\u0441\u043b\u0435\u0434\u0438\u043b \u0437\u0430 \u0441\u0442\u0430\u0440\u0442\u043e\u043c. "
                               "\u041a\u0430\u043a \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u0435\u0433\u043e "
                               "\u043f\u0440\u0435\u0441\u0441-\u0441\u043b\u0443\u0436\u0431\u0430, \u0433\u043b\u0430\u0432\u0430 "
                               "\u0433\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0430 \u043d\u0430\u0437\u0432\u0430\u043b "
                               "\u0437\u0430\u043f\u0443\u0441\u043a \u00ab\u0432\u0430\u0436\u043d\u044b\u043c "
                               "\u0434\u043d\u0451\u043c \u0434\u043b\u044f \u0432\u0441\u0435\u0439 "
                               "\u0441\u0442\u0440\u0430\u043d\u044b\u00bb.");
    const char *who = speaker_of(d, "\u0432\u0430\u0436\u043d\u044b\u043c");
    ck_assert_msg(strstr(who, "\u0422\u043e\u043a\u0430\u0435\u0432") || strstr(who, "Tokayev"), "speaker %s", who);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_pronoun_to_unnamed_person)
{
    dossier_doc *d = doc("fr", "\u00ab Le site est pr\u00eat pour les essais de printemps \u00bb, a d\u00e9clar\u00e9 "
                               "Claire Martin, directrice du centre.\n\n"
                               "Mardi, le directeur de l'observatoire r\u00e9gional, Karel Novotny, avait donn\u00e9 une "
                               "note de 5 sur 10. Jeudi, il a indiqu\u00e9 qu'il \u00e9tait d\u00e9sormais satisfait du "
                               "r\u00e9sultat obtenu.");
    ck_speaker(d, "satisfait du r\u00e9sultat", "Karel Novotny");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_initial_in_name)
{
    dossier_doc *d = doc("en", "Anna Berg said that the lander was in good shape after the descent.\n\n"
                               "R. Kumaraswamy, the project director of the lunar mission, told reporters that the "
                               "rover would start work on Monday.");
    ck_speaker(d, "rover would start work", "R. Kumaraswamy");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_headed_by_role)
{
    /* the person speaks, not the body they chair; without a role the organisation does */
    dossier_doc *d = doc("en", "According to the chairman of NASA's advisory council Peter Novak, the "
                               "experiments will be ready in time for the flight.\n\n"
                               "According to a fact sheet released by NASA after talks with Anna Berg, the two agencies "
                               "will train their crews together.");
    ck_speaker(d, "experiments will be ready", "Peter Novak");
    ck_speaker(d, "train their crews together", "NASA");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_colon_quote_then_company)
{
    dossier_doc *d = doc("en", "The vice president of Airbus, John Smith, said: \u201cWe are proud to be part "
                               "of this long journey.\u201d The company said in a statement that it would pay most of "
                               "the development cost.");
    ck_speaker(d, "proud to be part", "John Smith");
    ck_speaker(d, "pay most of the development cost", "Airbus");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_unknown_head_of_apposition)
{
    dossier_doc *d = doc("fr", "Orbitex, filiale d'Airbus, a indiqu\u00e9 dans un communiqu\u00e9 que son lanceur "
                               "volerait pour la premi\u00e8re fois en 2026.\n\n"
                               "Samedi, l'agence Roscosmos, a indiqu\u00e9 que la sonde avait quitt\u00e9 son orbite. "
                               "Le samedi suivant, rien ne s'est pass\u00e9.");
    ck_speaker(d, "son lanceur volerait", "Orbitex");
    ck_speaker(d, "la sonde avait quitt\u00e9", "Roscosmos");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_pronoun_after_spokesperson)
{
    /* no person is named in the paragraph: "she" is whoever spoke just before in it */
    dossier_doc *d = doc("en", "Paul Weber said that the probe was ready for its journey.\n\n"
                               "A CNSA spokesperson said the mission was on schedule. \u201cWe are confident in "
                               "the team and the hardware,\u201d she said.");
    ck_speaker(d, "We are confident", "China National Space Administration");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_german_sources_without_names)
{
    /* a compound of an organisation word is an organisation; "das Unternehmen" describes one named before */
    dossier_doc *d = doc("de", "Nach Angaben des Bundesforschungsministeriums erh\u00e4lt das Institut weitere Mittel "
                               "f\u00fcr die Forschung.\n\n"
                               "Airbus hat einen neuen Wettersatelliten fertig gebaut. Das teilte das Unternehmen am "
                               "Mittwoch mit.");
    const char *who = speaker_of(d, "weitere Mittel");
    ck_assert_msg(strstr(who, "ministeriums") != NULL, "speaker %s", who);
    ck_speaker(d, "neuen Wettersatelliten", "Airbus");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_single_name_before_cue)
{
    /* an unknown one-word name right before the verb; a demonym is not the name of an organisation named later */
    dossier_doc *d = doc("en", "The Danish nonprofit OrbitAid said on Sunday that its first satellite had lost contact.\n\n"
                               "\u201cIt is a sad day for all of us,\u201d wrote the engineer Mette Holm on social media, "
                               "quoted by the Times of Denmark.");
    ck_speaker(d, "first satellite had lost contact", "OrbitAid");
    ck_speaker(d, "sad day for all of us", "Mette Holm");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_open_quote_takes_next_speaker)
{
    /* a quotation left open at the end of its paragraph goes on in the next one, attributed there */
    dossier_doc *d = doc("en", "Karin Lund watched the landing from the control room with the whole team on Friday evening.\n\n"
                               "\u201cThe mission has taught us a great deal about the surface. We now know where to land "
                               "next time and what to bring.\n\n"
                               "\u201cWe will be back on the Moon before the end of the decade,\u201d Lund said.");
    ck_speaker(d, "taught us a great deal", "Karin Lund");
    ck_speaker(d, "back on the Moon", "Karin Lund");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_surname_opening_apposition)
{
    /* "Surname, a 39-year-old pilot, replied that": the person of a full name written earlier */
    dossier_doc *d = doc("en", "Tomas Berggren joined the crew last year after a long selection process in which "
                               "hundreds of pilots took part.\n\n"
                               "Berggren, a 39-year-old navy pilot, replied that he would bring the flag back home "
                               "safely after the flight.");
    ck_speaker(d, "bring the flag back home", "Tomas Berggren");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_description_chain_and_acronym)
{
    /* "the company" keeps the entity the article gave it, not the agency in "NASA's test centre" */
    dossier_doc *d = doc("en", "Northrop Grumman has fired its new motor at full power, a result the company says keeps "
                               "the programme on schedule.\n\n"
                               "The test took place at NASA's test centre in Utah on Tuesday. According to the company, the "
                               "motor burned for 130 seconds and reached its full thrust.");
    ck_speaker(d, "motor burned for 130 seconds", "Northrop Grumman");
    dossier_test_doc_free(d);
    /* an organisation cut short before a known acronym in brackets */
    d = doc("ru", "\u0424\u0435\u0434\u0435\u0440\u0430\u043b\u044c\u043d\u043e\u0435 "
                  "\u0443\u043f\u0440\u0430\u0432\u043b\u0435\u043d\u0438\u0435 \u0433\u0440\u0430\u0436\u0434\u0430\u043d"
                  "\u0441\u043a\u043e\u0439 \u0430\u0432\u0438\u0430\u0446\u0438\u0438 (FAA) \u0441\u043e\u043e\u0431"
                  "\u0449\u0438\u043b\u043e, \u0447\u0442\u043e \u043d\u0435 \u0431\u0443\u0434\u0435\u0442 "
                  "\u0442\u0440\u0435\u0431\u043e\u0432\u0430\u0442\u044c \u043d\u043e\u0432\u043e\u0439 "
                  "\u043f\u0440\u043e\u0432\u0435\u0440\u043a\u0438 \u043f\u043e\u0441\u043b\u0435 \u043f\u043e\u043b"
                  "\u0451\u0442\u0430.");
    ck_speaker(d, "\u0442\u0440\u0435\u0431\u043e\u0432\u0430\u0442\u044c", "Federal Aviation Administration");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_coordinated_predicate)
{
    /* "NASA congratulated X and said": the first noun phrase speaks, not the object of the first verb */
    dossier_doc *d = doc("en", "The booster came down in the sea after a flight of about an hour on Thursday morning. "
                               "NASA congratulated Northrop Grumman and said that it would study the data before "
                               "choosing a date.");
    ck_speaker(d, "study the data", "NASA");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_org_word_not_person)
{
    /* a person mention that opens with an organisation word ("Центра X") is not the speaker */
    dossier_doc *d = doc("ru", "\u0413\u0435\u043d\u0435\u0440\u0430\u043b\u044c\u043d\u044b\u0439 \u0434\u0438\u0440"
                               "\u0435\u043a\u0442\u043e\u0440 \u0426\u0435\u043d\u0442\u0440\u0430 \u041a\u0435\u043b"
                               "\u0434\u044b\u0448\u0430 \u041e\u043b\u0435\u0433 \u0421\u043e\u043a\u043e\u043b\u043e\u0432 "
                               "\u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u0432 \u044d\u0442\u043e\u043c "
                               "\u0433\u043e\u0434\u0443 \u0437\u0430\u0432\u043e\u0434 \u0438\u0437\u0433\u043e\u0442"
                               "\u043e\u0432\u0438\u0442 \u0435\u0449\u0451 \u0442\u0440\u0438 \u0434\u0432\u0438\u0433"
                               "\u0430\u0442\u0435\u043b\u044f.");
    ck_speaker(d, "\u0437\u0430\u0432\u043e\u0434", "\u041e\u043b\u0435\u0433 \u0421\u043e\u043a\u043e\u043b\u043e\u0432");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_long_clause_unknown_verb)
{
    /* "», a lancé X, directeur de Y, depuis …": a verb no list holds, the name then its apposition */
    dossier_doc *d = doc("fr", "\u00ab La fus\u00e9e a vol\u00e9 et le programme a retrouv\u00e9 son calendrier \u00bb, a lanc\u00e9 "
                               "Claire Morel, directrice des lanceurs de l'Agence spatiale europ\u00e9enne (ESA), depuis la "
                               "salle de contr\u00f4le.");
    ck_speaker(d, "La fus\u00e9e a vol\u00e9", "Claire Morel");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_organisation_heading_its_clause)
{
    /* "Name, the nonprofit behind …, has …, the organisation said": no organisation named before */
    dossier_doc *d = doc("en", "OSLO \u2014 Lunaria, the nonprofit behind the country's first lunar probe, has stopped work "
                               "on its second mission after two donors withdrew their support, the organisation said on Monday.");
    ck_speaker(d, "has stopped work on its second mission", "Lunaria");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_lower_case_known_name_before_cue)
{
    /* "its operator iSpace said": a known organisation written in lower case, not the description's antecedent */
    dossier_doc *d = doc("en", "The Hyperbola rocket failed shortly after lift-off on Sunday, the second failure in a row "
                               "for the young company.\n\n"
                               "The upper stage shut down early and the payload fell into the sea near the coast, its "
                               "operator iSpace said in a statement.");
    int want = dossier_test_entity(d, "iSpace");
    ck_assert_int_ge(want, 0);
    int found = 0;
    for (size_t i = 0; i < d->statements.n; i++)
        if (strstr(dossier_test_span(d, d->statements.v[i].span), "upper stage shut down")) {
            ck_assert_int_eq(d->statements.v[i].speaker, want);
            found = 1;
        }
    ck_assert(found);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_role_of_organisation)
{
    /* "по словам главы госкорпорации": the head the article named, not the corporation */
    dossier_doc *d = doc("ru", "\u0413\u043b\u0430\u0432\u0430 \u0420\u043e\u0441\u043a\u043e\u0441\u043c\u043e\u0441"
                               "\u0430 \u041e\u043b\u0435\u0433 \u0421\u043e\u043a\u043e\u043b\u043e\u0432 \u0437\u0430\u044f"
                               "\u0432\u0438\u043b \u0432 \u0447\u0435\u0442\u0432\u0435\u0440\u0433, \u0447\u0442\u043e "
                               "\u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0434\u0443\u043b\u044c \u0431\u0443\u0434\u0435"
                               "\u0442 \u0433\u043e\u0442\u043e\u0432 \u0432 2027 \u0433\u043e\u0434\u0443.\n\n"
                               "\u041f\u043e \u0441\u043b\u043e\u0432\u0430\u043c \u0433\u043b\u0430\u0432\u044b "
                               "\u0433\u043e\u0441\u043a\u043e\u0440\u043f\u043e\u0440\u0430\u0446\u0438\u0438, "
                               "\u0444\u0438\u043d\u0430\u043d\u0441\u0438\u0440\u043e\u0432\u0430\u043d\u0438\u0435 "
                               "\u043f\u0440\u043e\u0435\u043a\u0442\u0430 \u0443\u0436\u0435 \u0443\u0442\u0432\u0435\u0440"
                               "\u0436\u0434\u0435\u043d\u043e.");
    ck_speaker(d, "\u0444\u0438\u043d\u0430\u043d\u0441\u0438\u0440\u043e\u0432\u0430\u043d\u0438\u0435",
               "\u041e\u043b\u0435\u0433 \u0421\u043e\u043a\u043e\u043b\u043e\u0432");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_role_not_bound_to_a_place_adjunct)
{
    /* "— сказал президент на совещании в Кремле": the president named before, not the Kremlin's spokesman named after */
    dossier_doc *d = doc("ru", "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 "
                               "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d "
                               "\u043f\u043e\u0440\u0443\u0447\u0438\u043b \u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b"
                               "\u044c\u0441\u0442\u0432\u0443 \u043f\u043e\u0434\u0433\u043e\u0442\u043e\u0432\u0438\u0442"
                               "\u044c \u043d\u043e\u0432\u0443\u044e \u043f\u0440\u043e\u0433\u0440\u0430\u043c\u043c\u0443 "
                               "\u0434\u043e \u043a\u043e\u043d\u0446\u0430 \u0433\u043e\u0434\u0430.\n\n"
                               "\u00ab\u041c\u044b \u0434\u043e\u043b\u0436\u043d\u044b \u0432\u0435\u0440\u043d\u0443\u0442"
                               "\u044c \u0441\u0435\u0431\u0435 \u043b\u0438\u0434\u0435\u0440\u0441\u0442\u0432\u043e\u00bb, "
                               "\u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u043f\u0440\u0435\u0437\u0438\u0434\u0435\u043d"
                               "\u0442 \u043d\u0430 \u0441\u043e\u0432\u0435\u0449\u0430\u043d\u0438\u0438 \u0432 \u041a"
                               "\u0440\u0435\u043c\u043b\u0435.\n\n"
                               "\u041f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
                               "\u041a\u0440\u0435\u043c\u043b\u044f \u0418\u0432\u0430\u043d \u041e\u0440\u043b\u043e\u0432 "
                               "\u0443\u0442\u043e\u0447\u043d\u0438\u043b, \u0447\u0442\u043e \u0444\u0438\u043d\u0430\u043d"
                               "\u0441\u0438\u0440\u043e\u0432\u0430\u043d\u0438\u0435 \u0431\u0443\u0434\u0435\u0442 "
                               "\u0443\u0432\u0435\u043b\u0438\u0447\u0435\u043d\u043e.");
    ck_speaker(d, "\u043b\u0438\u0434\u0435\u0440\u0441\u0442\u0432\u043e", "Vladimir Putin");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_role_compound_then_name)
{
    /* "Laut Arianespace-Chef X verhinderte …": the name after the compound role belongs to the source */
    dossier_doc *d = doc("de", "\u201eDer Start war ein gro\u00dfer Erfolg\u201c, sagte Jonas Keller, der Leiter des "
                               "Kontrollzentrums.\n\n"
                               "Laut Arianespace-Chef Lukas Brandt verhinderte eine St\u00f6rung im Triebwerk der Oberstufe "
                               "die dritte Z\u00fcndung.");
    ck_speaker(d, "verhinderte eine St\u00f6rung", "Lukas Brandt");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_head_of_state_phrase)
{
    /* "Selon le chef de l'État": the president named before, not the minister who spoke last */
    dossier_doc *d = doc("fr", "Le pr\u00e9sident fran\u00e7ais Marc Delorme a re\u00e7u lundi les dirigeants du secteur spatial.\n\n"
                               "Le ministre de l'\u00c9conomie, Louis Garnier, a estim\u00e9 que l'industrie devait se consolider "
                               "rapidement.\n\n"
                               "Selon le chef de l'\u00c9tat, la France doit rester la premi\u00e8re puissance spatiale d'Europe.");
    ck_speaker(d, "rester la premi\u00e8re puissance", "Marc Delorme");
    dossier_test_doc_free(d);
}
END_TEST

/* The suite. */
START_TEST(test_presidency_speaks_for_country)
{
    dossier_doc *d = doc("fr", "Dans un message publi\u00e9 sur Facebook, la pr\u00e9sidence s\u00e9n\u00e9galaise a estim\u00e9 "
                               "que le nouveau satellite marquait une \u00e9tape importante pour le pays.");
    ck_speaker(d, "nouveau satellite", "Senegal");
    dossier_test_doc_free(d);
    d = doc("en", "In a post on Facebook, the Ghanaian presidency said that the new satellite was a milestone.");
    ck_speaker(d, "new satellite", "Ghana");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_relative_clause_names_no_speaker)
{
    dossier_doc *d = doc("en", "Anna Berg, chief executive of Arianespace, met Paul Weber in Kourou.\n\n"
                               "\u201cThe rocket is ready for its flight,\u201d said the company chief, who accompanied Weber on the visit.");
    ck_speaker(d, "ready for its flight", "Anna Berg");
    dossier_test_doc_free(d);
}
END_TEST

/* Non-zero when a direct statement of d starts with `part`. */
static int quoted(const dossier_doc *d, const char *part)
{
    for (size_t i = 0; i < d->statements.n; i++)
        if (d->statements.v[i].kind == DOSSIER_STATEMENT_DIRECT &&
            strncmp(dossier_test_span(d, d->statements.v[i].span), part, strlen(part)) == 0)
            return 1;
    return 0;
}

START_TEST(test_name_and_long_apposition_after_quote)
{
    dossier_doc *d = doc("en", "Tom Becker opened the meeting.\n\n"
                               "\u201cWe will rebuild the bridge before winter comes,\u201d Jane Holloway, the mayor of "
                               "Springfield and a former engineer at the county roads office, said on Monday.");
    ck_speaker(d, "rebuild the bridge", "Jane Holloway");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_dash_and_name_after_quote)
{
    /* each line's name after its quotation, the last one closed by a period; not the name of the line before */
    dossier_doc *d = doc("en", "\u201cNobody in this town wants to wait another year for the repairs.\u201d \u2015 Mark Feeney\n"
                               "\u201cThe bridge has been closed for far too long and it hurts us all.\u201d\u2015 Laura Quinn.");
    ck_speaker(d, "Nobody in this town", "Mark Feeney");
    ck_speaker(d, "closed for far too long", "Laura Quinn");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_short_reply_and_chant)
{
    /* one word with its cue right after it is a reply; one word inside a sentence is a chant or a scare quote */
    dossier_doc *d = doc("en", "Jane Holloway was asked whether the vote would pass.\n\n"
                               "\u201cAbsolutely,\u201d she said.\n\n"
                               "Tom Becker was greeted with chants of \u201cBobby!\u201d at a union hall last month, "
                               "according to the union president Rosa Quint.");
    ck_speaker(d, "Absolutely", "Jane Holloway");
    ck_assert(quoted(d, "Absolutely"));
    ck_assert(!quoted(d, "Bobby"));
    ck_speaker(d, "greeted with chants", "Rosa Quint");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_source_or_inverted_cue_before_quote)
{
    dossier_doc *d = doc("en", "Tom Becker chaired the session.\n\n"
                               "According to Jane Holloway, \u201cthe budget is already there for the work.\u201d\n\n"
                               "Said Rosa Quint: \u201cWe have waited long enough for this bridge to be built.\u201d");
    ck_speaker(d, "the budget is already there", "Jane Holloway");
    ck_speaker(d, "waited long enough", "Rosa Quint");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_reporting_clause_after_comma_before_colon)
{
    /* the clause closing the sentence names the speaker; an apposition after a name does not */
    dossier_doc *d = doc("en", "Tom Becker expects the council to vote next week, Jane Holloway said: "
                               "\u201cThere is no other way to keep the traffic moving.\u201d\n\n"
                               "Rosa Quint, the chief engineer of the county said in March, "
                               "\u201cWe would welcome foreign engineers to work on the bridge.\u201d");
    ck_speaker(d, "no other way", "Jane Holloway");
    ck_speaker(d, "welcome foreign engineers", "Rosa Quint");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_partial_quote_with_inverted_cue)
{
    /* the statement starts with the clause the quotation completes */
    dossier_doc *d = doc("en", "The council met on Monday.\n\n"
                               "The bridge budget is \u201cbigger than anything we have seen before,\u201d said Tom Becker, a councillor.");
    ck_speaker(d, "The bridge budget is", "Tom Becker");
    ck_speaker(d, "bigger than anything", "Tom Becker");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quote_paragraph_after_colon)
{
    /* a paragraph that is a quotation continues the cue ending the paragraph before with a colon */
    dossier_doc *d = doc("en", "Jane Holloway spoke first.\n\n"
                               "Tom Becker continued:\n\n"
                               "\u201cThe council has read every report on the bridge and found nothing new.\u201d");
    ck_speaker(d, "read every report", "Tom Becker");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_clause_after_quote_is_no_attribution)
{
    /* "…,” when X arrived" names no speaker: X did not say it */
    dossier_doc *d = doc("en", "\u201cIt was a fair fight and we lost it,\u201d when Rosa Quint left the room, nobody answered.");
    ck_assert_str_ne(speaker_of(d, "a fair fight"), "Rosa Quint");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_headline_name_colon_quote)
{
    /* "Name: ‘…’" in the headline is the named person's; a headline with a colon and no quotation is not */
    dossier_doc *d = dossier_test_doc("---\nlanguage: en\n---\nJane Holloway: \u2018The Bridge Will Open Before Winter.\u2019\n\n"
                                      "The mayor of Springfield spoke to the council on Monday about the works.\n");
    ck_speaker(d, "The Bridge Will Open", "Jane Holloway");
    dossier_test_doc_free(d);
    d = dossier_test_doc("---\nlanguage: en\n---\nJane Holloway: A Life in Politics\n\n"
                         "The mayor of Springfield spoke to the council on Monday about the works.\n");
    ck_assert_int_eq((int)d->statements.n, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_closing_mark_opening_a_line)
{
    /* ”…” typed with the closing mark first at the start of a line is a quotation all the same */
    dossier_doc *d = doc("en", "\u201dThe bridge has been closed for far too long and it hurts us all.\u201d \u2015 Laura Quinn\n"
                               "\u201cNobody in this town wants to wait another year for the repairs.\u201d \u2015 Mark Feeney");
    ck_speaker(d, "closed for far too long", "Laura Quinn");
    ck_speaker(d, "Nobody in this town", "Mark Feeney");
    dossier_test_doc_free(d);
}
END_TEST

/* The speaker's name of the statement holding `part`, "" when unknown or when no statement holds it. */
static const char *speaker_or_none(const dossier_doc *d, const char *part)
{
    for (size_t i = 0; i < d->statements.n; i++)
        if (strstr(dossier_test_span(d, d->statements.v[i].span), part))
            return d->statements.v[i].speaker >= 0 ? d->entities.v[d->statements.v[i].speaker].name : "";
    return "";
}

START_TEST(test_indefinite_role_is_someone_new)
{
    /* "a former party chairman" is not the chairman named before; "the chairman" is */
    dossier_doc *d = doc("en", "Tom Becker, the chairman of the Green Party, met the press on Monday.\n\n"
                               "A former Green Party chairman says the council should come up with a new plan for the bridge.\n\n"
                               "The chairman said the bridge would open in May.");
    ck_assert_str_eq(speaker_or_none(d, "should come up with"), "");
    ck_speaker(d, "would open in May", "Tom Becker");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_short_reply_after_cue_and_shouts)
{
    /* "said, “Probably.”" closing the sentence is a reply; "shot back" and "exclaimed" are cues; a word inside a sentence is not */
    dossier_doc *d = doc("en", "Asked whether he would fire the writer, Tom Becker said, \u201cProbably.\u201d\n\n"
                               "Jane Holloway shot back, \u201cI could have stayed home, but I chose to fight for this bridge.\u201d\n\n"
                               "The sign said \u201cVote\u201d in red letters.");
    ck_speaker(d, "Probably", "Tom Becker");
    ck_speaker(d, "I chose to fight", "Jane Holloway");
    ck_assert(!quoted(d, "Vote"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_dash_name_paragraph_and_next_cue)
{
    /* "“…” ¶ - X." names the quotation's speaker; "“…” Y said: “…”" gives Y the next quotation, not the one before */
    dossier_doc *d = doc("en", "The candidates met in Springfield on Monday.\n\n"
                               "\u201cI will look into it. I don't know the status, but I will certainly look into it.\u201d\n\n"
                               "- Jane Holloway.\n\n"
                               "\u201cWe are neighbours,\u201d Rosa Quint said. \u201cWe are not strangers.\u201d Mark Feeney said: "
                               "\u201cThe storm that hit today is the worst in years.\u201d");
    ck_speaker(d, "certainly look into it", "Jane Holloway");
    ck_speaker(d, "not strangers", "Rosa Quint");
    ck_speaker(d, "worst in years", "Mark Feeney");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_name_closing_the_clause_before_cue)
{
    /* "A and B will meet next week, C said, adding, “…”": C; "A, who met B, said" is still A */
    dossier_doc *d = doc("en", "Tom Becker and Jane Holloway will meet sometime next week, Rosa Quint said, adding, "
                               "\u201cThey need to sit down and talk about the bridge.\u201d\n\n"
                               "Mark Feeney, who met Laura Quinn, said the bridge would open in May.");
    ck_speaker(d, "sit down and talk", "Rosa Quint");
    ck_speaker(d, "would open in May", "Mark Feeney");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_description_noun_and_two_candidates)
{
    /* "the airline" is the organisation whose name holds the word; after "A and B", "the former
       secretary of state" could be either, so nobody; after one person, that person */
    dossier_doc *d = doc("en", "Northwind Airlines cancelled forty flights on Tuesday after the storm.\n\n"
                               "The airline said the storm had closed two airports in the region.\n\n"
                               "Laura Quinn and Peter Quinn arrived in Ohio on Monday. The former secretary of state said the plan would create jobs.\n\n"
                               "Mark Feeney arrived in Ohio on Tuesday. The former secretary of state said the treaty was dead.");
    ck_speaker(d, "closed two airports", "Northwind Airlines");
    ck_assert_str_eq(speaker_or_none(d, "would create jobs"), "");
    ck_speaker(d, "treaty was dead", "Mark Feeney");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_relative_before_cue)
{
    /* "…, who in 2010 said": the relative's antecedent speaks, not the sentence's subject */
    dossier_doc *d = doc("en", "Mayor Anna Velden has long quarrelled with Tomas Brenner, now the party leader, who in "
                               "2010 said the party's main goal was to make Velden a one-term mayor.");
    ck_speaker(d, "main goal", "Tomas Brenner");
    dossier_test_doc_free(d);
    /* in a list the name right before the comma is the antecedent */
    d = doc("en", "The gala drew Anna Velden, Tomas Brenner, Petra Lind and Jonas Berel, who joked of the hall, "
                  "\u201cI have not seen the new wing yet, but I will.\u201d");
    ck_speaker(d, "new wing", "Jonas Berel");
    dossier_test_doc_free(d);
    /* false friend: the relative clause closes before the cue, whose subject is the first name */
    d = doc("en", "Anna Velden, who heads the Harlow Group, said the offer undervalued the company badly.");
    ck_speaker(d, "undervalued", "Anna Velden");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_list_of_speakers)
{
    /* "A, B and C said": the list's first name, not the one after its first comma */
    dossier_doc *d = doc("en", "Maria Velden, Tomas Brenner and Paul Danner said on Monday that the offer "
                               "undervalued the company.");
    ck_speaker(d, "undervalued", "Maria Velden");
    dossier_test_doc_free(d);
    /* false friend: a short phrase before the comma that is no name is left out of the subject */
    d = doc("en", "Back when she wrote her book, Maria Velden said the offer undervalued the company.");
    ck_speaker(d, "undervalued", "Maria Velden");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_it_for_a_body_or_a_document)
{
    /* "it" speaks for the organisation or poll that opens the sentence before, or that spoke just before
       in the paragraph; never for a person nor for a group of people ("People … said"), who are "they" */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "The Harbour Workers Union filed a complaint against Weber. It says the harbour board "
                               "broke the law by closing the docks.\n\n"
                               "A new poll by the Lyon Institute shows Berg far ahead. It also found that most voters "
                               "want a second bridge.\n\n"
                               "People briefed on the move said that it reflected the mayor's worry about the harbour. "
                               "But it indicates that the mayor has decided to keep the docks open.\n\n"
                               "Weber filed a complaint on Tuesday. It says the ferry fares broke the rules of the port.");
    ck_speaker(d, "broke the law by closing the docks", "Harbour Workers Union");
    ck_speaker(d, "most voters want a second bridge", "new poll");
    for (size_t i = 0; i < d->statements.n; i++) {
        const char *text = dossier_test_span(d, d->statements.v[i].span);
        ck_assert_msg(!strstr(text, "keep the docks open") && !strstr(text, "ferry fares broke"), "\"%s\" has a speaker", text);
    }
    dossier_test_doc_free(d);
}
END_TEST

/* The text of the statement holding `part` has no speaker named `name` (or there is no such statement). */
static int not_said_by(const dossier_doc *d, const char *part, const char *name)
{
    for (size_t i = 0; i < d->statements.n; i++)
        if (strstr(dossier_test_span(d, d->statements.v[i].span), part))
            return d->statements.v[i].speaker < 0 || strcmp(d->entities.v[d->statements.v[i].speaker].name, name) != 0;
    return 1;
}

/*
 * Gender where the language marks it: a Russian verb in the feminine is no
 * man's ("сказала" after a man spoke), a surname's ending tells a woman
 * ("Ломова") for "она"; a pronoun goes to the subject before a possessor
 * ("Mr. A dismissed Mr. B's client. “…,” he said"); a Spanish "según
 * fuentes" is the sources', not the company that spoke before.
 */
START_TEST(test_gender_possessor_and_sources)
{
    dossier_doc *d = doc("ru", "\u00ab\u041c\u044b \u0434\u043e\u0432\u043e\u043b\u044c\u043d\u044b \u0438\u0442\u043e\u0433\u0430\u043c\u0438\u00bb, \u2014 "
                               "заявил Пётр Ломов. Глава комиссии сказала, что выборы прошли честно.");
    ck_assert(not_said_by(d, "выборы прошли честно", "Пётр Ломов"));
    dossier_test_doc_free(d);
    d = doc("ru", "Анна Ломова выступила на митинге. Она сказала, что выборы прошли честно.");
    ck_speaker(d, "выборы прошли честно", "Анна Ломова");
    dossier_test_doc_free(d);
    d = doc("en", "Mr. Hale dismissed the criticism as the voice of Mr. Brock's client, a coal firm. "
                  "\u201cI respect the man,\u201d he said, \u201cbut he is wrong.\u201d");
    ck_speaker(d, "I respect the man", "Hale");
    dossier_test_doc_free(d);
    d = doc("es", "La empresa Transvial asegur\u00f3 que la huelga es injustificada. Seg\u00fan fuentes municipales, "
                  "la primera reuni\u00f3n se celebrar\u00e1 el 20 de marzo.");
    ck_assert(not_said_by(d, "la primera reuni", "Transvial"));
    dossier_test_doc_free(d);
}
END_TEST

/*
 * A bare title said again stands for the person it stood for before
 * ("Mayor X … the mayor said" after another person spoke), not for the
 * last speaker, and not a longer title ("Vice Mayor Y"); a participle after
 * a comma is the possessed name's ("X's manager Y said …, arguing that …"),
 * and "one of X's advisers" is not X.
 */
START_TEST(test_same_title_and_possessors)
{
    dossier_doc *d = doc("en", "Mayor Harold Benn opened the new hall on Friday. \u201cWe are all here,\u201d the mayor said.\n\n"
                               "Vice Mayor Ruth Ames said the roof had cost too much.\n\n"
                               "It was, the mayor said, \u201ca day the town will remember.\u201d");
    ck_speaker(d, "a day the town will remember", "Harold Benn");
    dossier_test_doc_free(d);
    d = doc("en", "Mayor Anna Crisp spoke to reporters on Friday. Tom Ladd, a local baker, said the bus was late again. "
                  "\u201cIt was a good day,\u201d the mayor said.");
    ck_speaker(d, "It was a good day", "Anna Crisp");
    dossier_test_doc_free(d);
    d = doc("en", "Anna Crisp\u2019s campaign manager Tom Ladd said as much on Friday, arguing that the council "
                  "\u201cfailed the town.\u201d");
    ck_speaker(d, "failed the town", "Tom Ladd");
    dossier_test_doc_free(d);
    d = doc("en", "The Brantford-backed group said the town is not rich at all.");
    ck_assert_ptr_null(strstr(speaker_of(d, "is not rich at all"), "Brantford"));
    dossier_test_doc_free(d);
    d = doc("en", "Dorvale Foods chairman Elise Brandt called the deal \u201ca perfect fit\u201d and said no plant would close.");
    ck_speaker(d, "no plant would close", "Elise Brandt");
    dossier_test_doc_free(d);
    d = doc("en", "The town, as one of Anna Crisp's advisers pointed out, is not rich at all.");
    ck_speaker(d, "is not rich at all", "Anna Crisp's advisers");
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("speakers");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_role_names_person_of_paragraph);
    tcase_add_test(tc, test_role_by_title);
    tcase_add_test(tc, test_it_for_a_body_or_a_document);
    tcase_add_test(tc, test_org_description_of_paragraph);
    tcase_add_test(tc, test_head_of_state_not_other_head);
    tcase_add_test(tc, test_pronoun_to_unnamed_person);
    tcase_add_test(tc, test_initial_in_name);
    tcase_add_test(tc, test_source_headed_by_role);
    tcase_add_test(tc, test_colon_quote_then_company);
    tcase_add_test(tc, test_unknown_head_of_apposition);
    tcase_add_test(tc, test_pronoun_after_spokesperson);
    tcase_add_test(tc, test_german_sources_without_names);
    tcase_add_test(tc, test_single_name_before_cue);
    tcase_add_test(tc, test_open_quote_takes_next_speaker);
    tcase_add_test(tc, test_surname_opening_apposition);
    tcase_add_test(tc, test_description_chain_and_acronym);
    tcase_add_test(tc, test_coordinated_predicate);
    tcase_add_test(tc, test_org_word_not_person);
    tcase_add_test(tc, test_long_clause_unknown_verb);
    tcase_add_test(tc, test_organisation_heading_its_clause);
    tcase_add_test(tc, test_lower_case_known_name_before_cue);
    tcase_add_test(tc, test_source_role_of_organisation);
    tcase_add_test(tc, test_role_not_bound_to_a_place_adjunct);
    tcase_add_test(tc, test_source_role_compound_then_name);
    tcase_add_test(tc, test_head_of_state_phrase);
    tcase_add_test(tc, test_presidency_speaks_for_country);
    tcase_add_test(tc, test_relative_clause_names_no_speaker);
    tcase_add_test(tc, test_name_and_long_apposition_after_quote);
    tcase_add_test(tc, test_dash_and_name_after_quote);
    tcase_add_test(tc, test_short_reply_and_chant);
    tcase_add_test(tc, test_source_or_inverted_cue_before_quote);
    tcase_add_test(tc, test_reporting_clause_after_comma_before_colon);
    tcase_add_test(tc, test_partial_quote_with_inverted_cue);
    tcase_add_test(tc, test_quote_paragraph_after_colon);
    tcase_add_test(tc, test_clause_after_quote_is_no_attribution);
    tcase_add_test(tc, test_headline_name_colon_quote);
    tcase_add_test(tc, test_closing_mark_opening_a_line);
    tcase_add_test(tc, test_indefinite_role_is_someone_new);
    tcase_add_test(tc, test_short_reply_after_cue_and_shouts);
    tcase_add_test(tc, test_dash_name_paragraph_and_next_cue);
    tcase_add_test(tc, test_name_closing_the_clause_before_cue);
    tcase_add_test(tc, test_description_noun_and_two_candidates);
    tcase_add_test(tc, test_relative_before_cue);
    tcase_add_test(tc, test_list_of_speakers);
    tcase_add_test(tc, test_gender_possessor_and_sources);
    tcase_add_test(tc, test_same_title_and_possessors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
