/*
 * check_reported.c — reported speech as news writes it (lib/extract/statements/
 * reported.c): a clause with its own subject before a relative "that"
 * ("said he meets families in a city that …"), a name after the cue that
 * is the speaker (", said Anna Berg.") or the reported clause's subject
 * ("said Berg's plan would fail"), and plural nouns that fold like cues
 * ("faces questions about", "pollution credits"); a person's intention
 * ("hopes to", "veut", "will", "quiere", "хочет"; not "the agency plans to"); a hearer closing the sentence
 * ("…, X told the court."); a cue set in after a short opening ("And yet,
 * X says, Y remains …"); speakers named by a description ("The bank
 * said": kept with no speaker; not an apposition nor a question); where
 * the content stops (", but she said …", "… and called for …"; not ", but
 * not …"); a progressive that is no passive ("is insisting that"); a
 * long source phrase ("According to early results of … networks, S"); a
 * cue after "and" sharing the sentence's subject ("X toured the docks and
 * said …"); a relative before the speaker ("which X says …", not "Which
 * members said"); "said Friday afternoon"; a title opening an apposition;
 * "said about 20 people …", "said about half of …"; an aside with its own
 * cue before the speaker's ("X, a sailor who described himself as …,
 * said"); acts of speech with an object ("attacked X
 * for …", "is defending …", "…, promising to …"; not "the attacks on");
 * groups that call or question ("Liberals called …"; not "Commentators
 * have described …"); a paragraph after "X added:"; roles and groups of
 * politics ("the senator said", "advocates have expressed"; "the Green
 * nominee" is not whoever spoke last); "says at a stop in Dayton, Ohio,
 * that …", "insists, most recently in …, that …"; "X notes S" (not "the
 * notes they wrote"); "suggested the city should …", "agreed there are …"
 * without "that" (not "found a group of friends"); a participle after a
 * quotation's attribution ("…,” X said, referring to Y"); documents that
 * speak ("The ad touts …", "released a new video calling for …");
 * commitments ("agreed to pay …", "offered to host …"); the writer's own
 * "I believe …", "we know …" (not an "I" in a quotation); verbs of praise and
 * blame ("lamented", "likened …", "voiced doubts"; not "the season highlights"),
 * and in fr/de/es/ru ("a critiqué", "begrüßte", "criticó", "раскритиковал");
 * a participle right after its noun ("after X released a video criticizing
 * Y": X's).
 * Invented sentences;
 * statements.c's suite holds the older constructions.
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

/* Asserts an indirect statement holding `part`, spoken by `speaker`, whose text starts with `start` (or NULL). */
static void expect(const dossier_doc *d, const char *part, const char *speaker, const char *start)
{
    const dossier_statement *s = find(d, part);
    ck_assert_msg(s != NULL, "no statement holds \"%s\"", part);
    ck_assert_int_eq(s->kind, DOSSIER_STATEMENT_INDIRECT);
    if (start) {
        const char *text = dossier_test_span(d, s->span);
        ck_assert_msg(strncmp(text, start, strlen(start)) == 0, "\"%s\" does not start with \"%s\"", text, start);
    }
    if (!speaker) {
        ck_assert_int_eq(s->speaker, -1);
        return;
    }
    ck_assert_msg(s->speaker >= 0, "\"%s\": no speaker, want %s", part, speaker);
    int want = dossier_test_entity(d, speaker);
    ck_assert_msg(s->speaker == want, "\"%s\": speaker %s, want %s", part, d->entities.v[s->speaker].name, speaker);
}

/* Asserts that no statement holds `part`. */
static void expect_none(const dossier_doc *d, const char *part)
{
    ck_assert_msg(find(d, part) == NULL, "a statement holds \"%s\"", part);
}

START_TEST(test_clause_with_own_subject)
{
    /* the "that" of a relative clause inside the reported clause is no complementizer */
    dossier_doc *d = doc("en", "Mayor Anna Berg said he meets with families of young victims in a city that has seen "
                               "many shootings.\n\n"
                               "Paul Weber says Berg ran a very effective campaign in the north that led to her victory.\n\n"
                               "Anna Berg told reporters on Monday that the bridge would reopen in May.");
    expect(d, "meets with families of young victims", "Anna Berg", "he meets");
    expect(d, "ran a very effective campaign", "Paul Weber", "Berg ran");
    expect(d, "the bridge would reopen in May", "Anna Berg", "the bridge");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_name_after_the_cue)
{
    /* after "X, a Y, said" the name that follows opens the reported clause */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Paul Weber, a longtime adviser, said Berg's plan for the harbour was akin to a gamble.\n\n"
                               "The harbour will close for two years, said Anna Berg, the mayor.\n\n"
                               "Mr. Weber, the pollster, said Mr. Lang envisioned an approach that exploited regional quirks.");
    expect(d, "plan for the harbour was akin to a gamble", "Paul Weber", "Berg's plan");
    expect(d, "The harbour will close for two years", "Anna Berg", NULL);
    expect(d, "envisioned an approach", "Paul Weber", "Mr. Lang envisioned");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_nouns_that_fold_like_cues)
{
    /* "questions", "credits", "fears" after a word that names no speaker are nouns */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Both candidates face questions about their health and their finances.\n\n"
                               "The plan involves creating pollution credits toward the goals the city has set.\n\n"
                               "The harbour plan preys on our worst fears about the future of the town.\n\n"
                               "Paul Weber questions whether the harbour plan can be paid for at all.");
    expect_none(d, "about their health");
    expect_none(d, "toward the goals");
    expect_none(d, "about the future of the town");
    expect(d, "harbour plan can be paid for", "Paul Weber", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_intentions_of_people)
{
    /* "X hopes to …" is a person's intention; an organisation's plan is no statement */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Anna Berg hopes to work across the aisle to fund early childhood education.\n\n"
                               "The agency plans to launch two more satellites from the new pad next year.\n\n"
                               "She has long wanted to rebuild the old harbour with money from the region.");
    expect(d, "work across the aisle", "Anna Berg", "hopes to");
    expect(d, "rebuild the old harbour", "Anna Berg", NULL);
    expect_none(d, "two more satellites");
    dossier_test_doc_free(d);
    d = doc("fr", "Marie Dupont veut construire une nouvelle station avec ses partenaires europ\u00e9ens.\n\n"
                  "L'agence pr\u00e9voit de lancer deux satellites depuis le nouveau pas de tir.");
    expect(d, "construire une nouvelle station", "Marie Dupont", NULL);
    expect_none(d, "lancer deux satellites");
    dossier_test_doc_free(d);
    d = doc("de", "Peter Schmidt will die neue Station gemeinsam mit den Partnern in Europa bauen.");
    expect(d, "die neue Station gemeinsam", "Peter Schmidt", NULL);
    dossier_test_doc_free(d);
    d = doc("es", "Ana Torres quiere construir una nueva estaci\u00f3n con sus socios europeos.");
    expect(d, "construir una nueva estaci", "Ana Torres", NULL);
    dossier_test_doc_free(d);
    d = doc("ru", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0445\u043e\u0447\u0435\u0442 "
                  "\u043f\u043e\u0441\u0442\u0440\u043e\u0438\u0442\u044c \u043d\u043e\u0432\u0443\u044e "
                  "\u0441\u0442\u0430\u043d\u0446\u0438\u044e \u0432\u043c\u0435\u0441\u0442\u0435 \u0441 "
                  "\u043f\u0430\u0440\u0442\u043d\u0451\u0440\u0430\u043c\u0438.");
    expect(d, "\u043d\u043e\u0432\u0443\u044e \u0441\u0442\u0430\u043d\u0446\u0438\u044e",
           "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_cues_closing_and_inside)
{
    /* a hearer after "told" closes the sentence; a cue set in by commas after a short opening */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "The town was only doing what many towns already do, Anna Berg told the court in her filing.\n\n"
                               "He had been finishing his second year at the college, Paul Weber told The Daily Star.\n\n"
                               "And yet, Anna Berg says, Lyon remains a priority for the region.\n\n"
                               "Paul Weber said he supported it.");
    expect(d, "what many towns already do", "Anna Berg", "The town");
    expect_none(d, "court in her filing");
    expect(d, "finishing his second year", "Paul Weber", "He had been");
    expect(d, "Lyon remains a priority", "Anna Berg", NULL);
    expect(d, "he supported it", "Paul Weber", NULL);
    dossier_test_doc_free(d);
    /* a day after the closing cue: "…, X said Tuesday in Paris." */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "The harbour fees are sickening, Anna Berg said Tuesday in Paris, noting the rise in prices.");
    expect(d, "The harbour fees are sickening", "Anna Berg", "The harbour");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_speakers_named_by_a_description)
{
    /* "The bank said", "a federal judge ruled that": said by somebody no stage names: kept, with no speaker */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "The bank said it had fired thousands of employees for opening fake accounts.\n\n"
                               "A federal judge ruled that the harbour rules had been written in bad faith.\n\n"
                               "Some believe the harbour will never reopen to ships of that size.\n\n"
                               "The program, called Harbour Five, lets investors buy a residence permit.\n\n"
                               "The old sailors praised the new budget plan for the harbour and its ships.\n\n"
                               "How do you know the harbour will be ready in time for the summer season?\n\n"
                               "A county judge has rejected a request to open the harbour files to the public.");
    expect(d, "had fired thousands of employees", NULL, NULL);
    expect(d, "harbour rules had been written", NULL, NULL);
    expect(d, "the harbour will never reopen", NULL, NULL);
    expect(d, "a request to open the harbour files", NULL, NULL);   /* an object cue: a judge speaks */
    expect_none(d, "lets investors buy");
    expect_none(d, "the new budget plan for the harbour");    /* an object cue: a view of somebody unnamed */
    expect_none(d, "ready in time for the summer");
    dossier_test_doc_free(d);
    /* after an opening adverbial: a group, a share of the people asked */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "In the end, some families said they were forced to pay smugglers to bring in their children.\n\n"
                  "Around that time, 47 percent said they would vote for the mayor in the autumn.\n\n"
                  "Many in the crowd said the senator was the only candidate they trusted.");
    expect(d, "forced to pay smugglers", NULL, NULL);
    expect(d, "vote for the mayor in the autumn", NULL, NULL);
    expect(d, "the only candidate they trusted", NULL, NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_the_writer_speaks)
{
    /* "I believe", "Yes, we know": the writer's own statement, kept with no speaker; an "I" in a
       quotation is the quoted speaker's */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "I believe the harbour will reopen to ferries next spring.\n\n"
                               "Yes, we know the council signed the harbour contract in secret.\n\n"
                               "\u201cI think the dock workers will strike again,\u201d Berg said.");
    expect(d, "harbour will reopen to ferries", NULL, NULL);
    expect(d, "signed the harbour contract in secret", NULL, NULL);
    const dossier_statement *s = find(d, "dock workers will strike");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s->speaker, dossier_test_entity(d, "Anna Berg"));
    dossier_test_doc_free(d);
    d = doc("fr", "Anna Berg a rencontr\u00e9 Paul Weber \u00e0 Lyon lundi.\n\n"
                  "Je pense que le port rouvrira aux ferries au printemps prochain.");
    expect(d, "le port rouvrira aux ferries", NULL, NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_where_the_content_stops)
{
    /* a second cue of the subject and a contrasting clause with its own subject end the content;
       "but not …" does not */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Anna Berg said the vacancy rules should be modernized, but she said that the debate should wait.\n\n"
                               "Paul Weber praised the harbour plan and called for a vote on it before the summer.\n\n"
                               "Anna Berg said the treaty bans owning the harbour, but not the goods shipped from it.");
    const dossier_statement *st = find(d, "vacancy rules should be modernized");
    ck_assert_ptr_nonnull(st);
    ck_assert_ptr_null(strstr(dossier_test_span(d, st->span), "debate"));
    expect(d, "the debate should wait", "Anna Berg", NULL);
    st = find(d, "the harbour plan");
    ck_assert_ptr_nonnull(st);
    ck_assert_ptr_null(strstr(dossier_test_span(d, st->span), "called for"));
    expect(d, "called for a vote on it", "Paul Weber", NULL);
    expect(d, "but not the goods shipped from it", "Anna Berg", NULL);
    dossier_test_doc_free(d);
    /* after "“…,” she said," the quotation's attribution ends at the comma: what follows is hers too */
    d = doc("en", "Anna Berg spoke in Lyon on Monday.\n\n"
                  "\u201cThe bridge will reopen in May,\u201d she said, adding that the tolls would stay as they are.");
    expect(d, "the tolls would stay as they are", "Anna Berg", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_progressive_and_long_sources)
{
    /* "is insisting that" is a progressive, no passive; a long source phrase still ends at its comma */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Anna Berg is insisting that she has doubled the number of ships in the harbour.\n\n"
                               "According to early results of exit polls conducted by Nordwind Research for the Lyon Courier and "
                               "two television networks, voters are more likely to describe Berg as honest.\n\n"
                               "The harbour was widely criticized for its fees.");
    expect(d, "doubled the number of ships", "Anna Berg", NULL);
    ck_assert_ptr_nonnull(find(d, "more likely to describe Berg as honest"));
    expect_none(d, "for its fees");
    dossier_test_doc_free(d);
    /* a source phrase ends before its relative clause; a relative clause set in by commas ends at its comma */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "The mayor leads the race, according to a new poll that shows more voters view Weber unfavorably.\n\n"
                  "Paul Weber, who added that the council seemed rattled by the vote, left the hall early.");
    const dossier_statement *st = find(d, "The mayor leads the race");
    ck_assert_ptr_nonnull(st);
    ck_assert_int_ne(st->speaker, dossier_test_entity(d, "Paul Weber"));
    st = find(d, "the council seemed rattled");
    ck_assert_ptr_nonnull(st);
    ck_assert_ptr_null(strstr(dossier_test_span(d, st->span), "left the hall"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_shared_subjects_and_relatives)
{
    /* a cue after "and"/"but" shares the subject of the sentence's first predicate; its own object
       ("attacked Weber and said") is no speaker */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Ms. Berg generally backed the council during her years at the port, which closed in "
                               "2015, and said she did not support the new tariff.\n\n"
                               "Paul Weber, her Liberal opponent, toured the docks and said he thought that the "
                               "tariff would cost jobs.\n\n"
                               "Anna Berg attacked Paul Weber and said the harbour plan was already late.");
    expect(d, "did not support the new tariff", "Anna Berg", NULL);
    expect(d, "would cost jobs", "Paul Weber", NULL);
    expect(d, "the harbour plan was already late", "Anna Berg", NULL);
    dossier_test_doc_free(d);
    /* a relative pronoun before the speaker's name is the object of the cue, not a question; a subject
       that opens its sentence with one asks a question: nobody's statement */
    d = doc("en", "Anna Berg bought the old mill in 2012.\n\n"
                  "She runs the mill, which Ms. Berg says she is doing everything she can to keep open.\n\n"
                  "She criticised the fees, which she said were set without any public hearing.\n\n"
                  "Which members said the fees were fair is unclear.");
    expect(d, "doing everything she can to keep open", "Anna Berg", NULL);
    expect(d, "were set without any public hearing", "Anna Berg", NULL);
    expect_none(d, "the fees were fair");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_times_titles_and_hedges)
{
    /* "Friday afternoon" after a closing cue is its time, not the reported clause; a title before
       the name opens an apposition ("Senator X, Liberal of Y, said the …": not an inverted "said X");
       "about 20" after the cue is no preposition */
    dossier_doc *d = doc("en", "The port levy is an insult to every fisherman in the region, local lawmakers "
                               "said Friday afternoon, as they left the hall.\n\n"
                               "Senator Anna Berg, Liberal of Kent, said the EB-7 scheme has sent a terrible "
                               "message to families waiting their turn.\n\n"
                               "Mayor Paul Weber has said about 20 people have shown an interest in the seat.");
    expect(d, "an insult to every fisherman", "local lawmakers", "The port levy");
    expect_none(d, "as they left the hall");
    expect(d, "has sent a terrible message", "Anna Berg", "the EB-7 scheme");
    expect(d, "20 people have shown an interest", "Paul Weber", NULL);
    dossier_test_doc_free(d);
    /* "about half" after the cue is no preposition either */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "The port office said about half of the deficit came from the closed ferry line.");
    expect(d, "half of the deficit came from", NULL, NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_an_aside_before_the_cue)
{
    /* "X, a sailor who described himself as …, said S": the aside's own cue stops at its comma, and
       the main cue reports S for X */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Paul Weber, a sailor who described himself as a quiet man, said he would vote for "
                               "the harbour plan in May.");
    expect(d, "he would vote for the harbour plan", "Paul Weber", NULL);
    const dossier_statement *s = find(d, "a quiet man");
    ck_assert_msg(s == NULL || !strstr(dossier_test_span(d, s->span), "vote"), "the aside runs into the main clause");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_acts_of_speech_with_objects)
{
    /* attacking, defending, demanding, promising: what a person says with an object; a participle
       after a comma is the act of the sentence's first subject; after an opening clause that names
       nobody as subject, or a noun ("the attacks on"), it is nobody's statement */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Paul Weber attacked the harbour board for its secret budget talks.\n\n"
                               "Anna Berg is defending her early-morning posts about the ferry strike.\n\n"
                               "Anna Berg spoke to a meeting of dock workers, promising to lift the night curfew "
                               "on the quays.\n\n"
                               "Since being fined by the regulator, the ferry line has cut routes, even threatening "
                               "to let the old pier collapse into the sea.\n\n"
                               "The attacks on the harbour board came from every side.");
    expect(d, "the harbour board for its secret budget talks", "Paul Weber", NULL);
    expect(d, "her early-morning posts about the ferry strike", "Anna Berg", NULL);
    expect(d, "to lift the night curfew", "Anna Berg", NULL);
    expect_none(d, "to let the old pier collapse");
    expect_none(d, "came from every side");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_groups_that_urge_and_accuse)
{
    /* a group may call, question or accuse: its statement; what it describes or believes is a view */
    dossier_doc *d = doc("en", "Anna Berg runs the port of Kent.\n\n"
                               "Liberals called the harbour levy a transparent ploy aimed at embarrassing Berg.\n\n"
                               "Delegates questioned how Berg could turn back on a pledge she made to the dockers.\n\n"
                               "Commentators have described the three ferries as a traffic jam in the bay.");
    ck_assert_ptr_nonnull(find(d, "a transparent ploy aimed at embarrassing Berg"));
    ck_assert_ptr_nonnull(find(d, "how Berg could turn back on a pledge"));
    expect_none(d, "a traffic jam in the bay");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_block_after_a_colon)
{
    /* "X added:" closing its paragraph: the next paragraph is X's; a colon after no speech verb
       introduces no statement */
    dossier_doc *d = doc("en", "Paul Weber spoke on the radio on Monday.\n\n"
                               "The governor added:\n\n"
                               "It is typical of the harbour board. It knows nothing about the docks.\n\n"
                               "The agenda of the meeting was as follows:\n\n"
                               "The board will vote on the levy. The ferries will keep their routes.");
    expect(d, "It knows nothing about the docks", "Paul Weber", "It is typical");
    expect_none(d, "The board will vote on the levy");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_roles_and_groups_of_politics)
{
    /* "the senator" after one person named is that person; advocates are a group that speaks; a role
       tied to a party whom no stated role names ("the Green nominee") is not whoever spoke last */
    dossier_doc *d = doc("en", "Anna Berg toured the docks in Kent on Monday.\n\n"
                               "The senator said the harbour levy would be scrapped next year.\n\n"
                               "Voting rights advocates have expressed deep concern about the new rules for the vote.");
    expect(d, "the harbour levy would be scrapped", "Anna Berg", NULL);
    ck_assert_ptr_nonnull(find(d, "deep concern about the new rules"));
    dossier_test_doc_free(d);
    d = doc("en", "Paul Weber said the ferries would run on time all winter.\n\n"
                  "Anna Berg and Tom Vell toured the docks in Kent on Monday.\n\n"
                  "Later, the Green nominee said the harbour levy would be scrapped next year.");
    const dossier_statement *st = find(d, "the harbour levy would be scrapped");
    ck_assert(st == NULL || st->speaker != dossier_test_entity(d, "Paul Weber"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_places_and_notes_before_the_clause)
{
    /* a place set in by commas between the cue and its "that"; "notes" as a cue, not as a noun */
    dossier_doc *d = doc("en", "Anna Berg spoke on Monday.\n\n"
                               "Berg says at a campaign stop in Dayton, Ohio, that it means the governor never paid "
                               "for the bridge repairs.\n\n"
                               "Berg notes they were appointed before she came to lead the department.\n\n"
                               "She read the notes they had written before the vote on the levy.\n\n"
                               "Berg continues to insist, most recently in an interview with the Tribune, that "
                               "the ferry fares will fall.");
    expect(d, "the governor never paid for the bridge repairs", "Anna Berg", "it means");
    expect(d, "they were appointed before she came", "Anna Berg", NULL);
    expect_none(d, "they had written before the vote");
    expect(d, "the ferry fares will fall", "Anna Berg", "the ferry fares");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_clause_without_that)
{
    /* a cue that wants "that" ("suggested", "agreed", "admitted") takes a clause without it when a
       subject and an auxiliary, or a pronoun and its verb, open one; an object is no clause */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Berg suggested the city should send more inspectors to the harbour.\n\n"
                               "Weber agreed there are good candidates who could run the harbour office.\n\n"
                               "Berg admitted she’ll need more votes in the north of the city.\n\n"
                               "Weber suggested they hire a second pilot for the night ferries.\n\n"
                               "Berg found a group of friends in the old town of the city.\n\n"
                               "Weber suggested a new way to pay for the repairs of the bridge.\n\n"
                               "Berg promised a harbour of new chances for the young people.");
    expect(d, "the city should send more inspectors", "Anna Berg", NULL);
    expect(d, "there are good candidates", "Paul Weber", NULL);
    expect(d, "need more votes in the north", "Anna Berg", NULL);
    expect(d, "hire a second pilot", "Paul Weber", NULL);
    expect_none(d, "a group of friends");
    expect_none(d, "a new way to pay");
    expect_none(d, "a harbour of new chances");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_participle_after_an_attribution)
{
    /* a participle after the comma closing a quotation's attribution is the same speaker's, however
       short ("…,” X said, referring to Y"); after a clause with no speaker it is nobody's */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "“The key to the success of the ventures was the timing,” Weber said, referring to the "
                               "two harbour resorts.\n\n"
                               "“I am a unifier, unlike the mayor right now,” Weber said, referring to Anna Berg.\n\n"
                               "“It is a sign of the anger people feel,” Berg said, citing low growth in the town.\n\n"
                               "The mayor spoke to the fishermen, citing a report on the state of the harbour.");
    expect(d, "the two harbour resorts", "Paul Weber", "referring to");
    expect(d, "referring to Anna Berg", "Paul Weber", NULL);
    expect(d, "low growth in the town", "Anna Berg", NULL);
    expect_none(d, "a report on the state of the harbour");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_documents_that_speak)
{
    /* an advertisement, a book, a video or a petition says what it shows or claims: its noun names the
       speaker, from its article on ("released a new video": "new video"); reading one says nothing */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "The ad touts the record of Weber on the harbour and does not mention Berg.\n\n"
                               "The book accuses Berg of treating the harbour guards like hired hands.\n\n"
                               "The harbour board on Tuesday released a new video calling for a second bridge "
                               "over the river.\n\n"
                               "Weber read the book on the harbour in one night.");
    expect(d, "the record of Weber on the harbour", "ad", NULL);
    expect(d, "treating the harbour guards", "book", NULL);
    expect(d, "a second bridge over the river", "new video", NULL);
    expect_none(d, "in one night");
    dossier_test_doc_free(d);
    /* a union speaks as a group of people; its hall does not */
    d = doc("en", "Before it filed for bankruptcy, the harbour company took steps to improve its chances in court, "
                  "according to the union.\n\n"
                  "The union hall on the quay was full of fishermen on Monday night.");
    expect(d, "took steps to improve its chances", "union", NULL);
    expect_none(d, "full of fishermen");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_commitments)
{
    /* "agreed to", "offered to" commit the subject as "promised to" does; a price agreed to is no one's */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Berg agreed to pay two million to settle the claims of the fishermen.\n\n"
                               "Weber offered to host up to 200 people from the town in the harbour hall.\n\n"
                               "The price agreed to in May was too high for the harbour board.");
    expect(d, "pay two million to settle", "Anna Berg", "agreed to");
    expect(d, "host up to 200 people", "Paul Weber", "offered to");
    expect_none(d, "was too high for the harbour board");
    dossier_test_doc_free(d);
    /* an act a source phrase reports is its content, one statement ("find" fails on two) */
    d = doc("en", "Apart from the accords, Velto Group and Norra Labs have agreed to work out a plan for the harbour "
                  "by 2025, according to the Lyon Harbour Board.");
    ck_assert_ptr_nonnull(find(d, "work out a plan for the harbour"));
    dossier_test_doc_free(d);
}
END_TEST

/*
 * A clause that sets the scene is nobody's content: a subordinate clause or
 * a participle and its preposition opening the sentence before "X
 * mentioned the …" or "X said enough"; a gerund subject and a clause with a
 * comma inside stay what the speaker says.
 */
START_TEST(test_scene_setting_openers)
{
    dossier_doc *d = doc("en", "Campaigning against Tom Vell in 2012, Anna Berg barely mentioned the harbour.\n\n"
                               "But when the board cut funding for the ferry two years later, Paul Weber said enough.\n\n"
                               "Shifting tides in the bay could flood a thousand homes, Anna Berg said in an interview.\n\n"
                               "If elected, she will cut the harbour fees for all families, Paul Weber said.");
    expect_none(d, "Campaigning against Tom Vell");
    expect_none(d, "when the board cut funding");
    expect(d, "Shifting tides in the bay", "Anna Berg", "Shifting");
    expect(d, "she will cut the harbour fees", "Paul Weber", "If elected");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_verbs_of_praise_and_blame)
{
    /* lamenting, assailing, likening, voicing, highlighting, mocking: what a person says of an object;
       "highlights" or "quotes" after a word that names no speaker are nouns */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Paul Weber lamented the slow pace of repairs on the northern pier.\n\n"
                               "Anna Berg likened the toll plan to a tax on fishermen.\n\n"
                               "Paul Weber voiced doubts about the cost of the new ferry.\n\n"
                               "Anna Berg highlights the rising rents in the old port.\n\n"
                               "Anna Berg closed the session early, mocking the board's long delays.\n\n"
                               "The season highlights included a regatta and a fish market.\n\n"
                               "The editor printed two quotes from the meeting in full.");
    expect(d, "the slow pace of repairs", "Paul Weber", "lamented");
    expect(d, "the toll plan to a tax on fishermen", "Anna Berg", "likened");
    expect(d, "doubts about the cost of the new ferry", "Paul Weber", "voiced");
    expect(d, "the rising rents in the old port", "Anna Berg", "highlights");
    expect(d, "the board's long delays", "Anna Berg", "mocking");
    expect_none(d, "a regatta and a fish market");
    expect_none(d, "from the meeting in full");
    dossier_test_doc_free(d);
    /* raising concerns, casting doubt, pushing for, making it clear; "the requested funds" is no cue */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "Paul Weber raised concerns about the safety of the old ferry.\n\n"
                  "Anna Berg cast doubt on the survey of the harbour floor.\n\n"
                  "Paul Weber pushed for a second lock on the canal.\n\n"
                  "The board sent the requested funds to the dock workers in May.");
    expect(d, "the safety of the old ferry", "Paul Weber", "raised concerns");
    expect(d, "the survey of the harbour floor", "Anna Berg", "cast doubt");
    expect(d, "a second lock on the canal", "Paul Weber", "pushed for");
    expect_none(d, "funds to the dock workers");
    dossier_test_doc_free(d);
    /* idioms of news: lashing out at, siding with, taking issue with, pointing out */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "Paul Weber lashed out at the harbour board over the closures.\n\n"
                  "Anna Berg sided with the fishermen in the dispute over quotas.\n\n"
                  "Paul Weber took issue with the figures in the ferry report.\n\n"
                  "Anna Berg spoke for an hour, pointing out that the pier had been closed for a decade.");
    expect(d, "the harbour board over the closures", "Paul Weber", "lashed out at");
    expect(d, "the fishermen in the dispute", "Anna Berg", "sided with");
    expect(d, "the figures in the ferry report", "Paul Weber", "took issue with");
    expect(d, "the pier had been closed for a decade", "Anna Berg", NULL);
    dossier_test_doc_free(d);
    /* bragging, musing, opining: verbs of speech; "the confessed smuggler" is no cue */
    d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                  "Paul Weber bragged that the new ferry was the fastest on the coast.\n\n"
                  "Anna Berg opined that the toll would never pay for the bridge.\n\n"
                  "The confessed smuggler was sent back to the island in June.");
    expect(d, "the new ferry was the fastest on the coast", "Paul Weber", "the new ferry");
    expect(d, "the toll would never pay for the bridge", "Anna Berg", "the toll");
    expect_none(d, "was sent back to the island");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_praise_and_blame_in_other_languages)
{
    /* "a critiqué", "s'en est pris à", "begrüßte", "criticó", "раскритиковал": the act and its object;
       a passive ("a été condamné") or a participle before its noun is none */
    dossier_doc *d = doc("fr", "Marie Dupont a critiqu\u00e9 le projet de nouveau port de plaisance.\n\n"
                               "Claire Martin s'en est pris \u00e0 la direction du chantier naval.\n\n"
                               "L'ancien maire a \u00e9t\u00e9 condamn\u00e9 \u00e0 deux ans de prison avec sursis.");
    expect(d, "le projet de nouveau port", "Marie Dupont", "a critiqu");
    expect(d, "la direction du chantier naval", "Claire Martin", NULL);
    expect_none(d, "deux ans de prison");
    dossier_test_doc_free(d);
    d = doc("de", "Peter Schmidt begr\u00fc\u00dfte die Entscheidung des Stadtrats \u00fcber den Hafen.\n\n"
                  "Die verteidigte Meisterschaft brachte dem Verein viel Geld.");
    expect(d, "die Entscheidung des Stadtrats", "Peter Schmidt", "begr");
    expect_none(d, "dem Verein viel Geld");
    dossier_test_doc_free(d);
    d = doc("es", "Ana Torres critic\u00f3 el plan del nuevo puerto deportivo.\n\n"
                  "El plan criticado por los vecinos fue retirado en mayo.");
    expect(d, "el plan del nuevo puerto", "Ana Torres", "critic");
    expect_none(d, "fue retirado en mayo");
    dossier_test_doc_free(d);
    d = doc("ru", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0440\u0430\u0441\u043a\u0440\u0438\u0442\u0438\u043a\u043e\u0432\u0430\u043b \u043f\u043b\u0430\u043d \u0441\u0442\u0440\u043e\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u0430 \u043d\u043e\u0432\u043e\u0433\u043e \u043f\u043e\u0440\u0442\u0430.\n\n"
                  "\u0420\u0430\u0441\u043a\u0440\u0438\u0442\u0438\u043a\u043e\u0432\u0430\u043d\u043d\u044b\u0439 \u043f\u043b\u0430\u043d \u0431\u044b\u043b \u0438\u0437\u043c\u0435\u043d\u0451\u043d \u0432 \u043c\u0430\u0435.");
    expect(d, "\u043f\u043b\u0430\u043d \u0441\u0442\u0440\u043e\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u0430 \u043d\u043e\u0432\u043e\u0433\u043e \u043f\u043e\u0440\u0442\u0430", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432", NULL);
    expect_none(d, "\u0431\u044b\u043b \u0438\u0437\u043c\u0435\u043d\u0451\u043d \u0432 \u043c\u0430\u0435");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_participle_after_its_noun)
{
    /* "… after X released a video criticizing Y": the participle qualifies the video, whose clause's
       subject speaks, not the sentence's; after an adverb ("is again criticizing") it is the subject's verb */
    dossier_doc *d = doc("en", "Anna Berg met Paul Weber in Lyon on Monday.\n\n"
                               "Anna Berg spoke to reporters on Friday after Paul Weber released a video criticizing "
                               "the harbour board.\n\n"
                               "Anna Berg is once again criticizing the ferry timetable.");
    expect(d, "the harbour board", "Paul Weber", "criticizing");
    expect(d, "the ferry timetable", "Anna Berg", "criticizing");
    dossier_test_doc_free(d);
}
END_TEST

/*
 * An inverted subject after a day ("…, a annoncé lundi la direction de X"),
 * and a management or a union named by its noun speaks for the
 * organisation named before ("Selon la direction, …", "according to the
 * union").
 */
START_TEST(test_day_before_inverted_subject_and_management)
{
    dossier_doc *d = doc("fr", "Le trafic sera perturb\u00e9 mardi sur le r\u00e9seau r\u00e9gional, a annonc\u00e9 lundi "
                               "la direction de la soci\u00e9t\u00e9 Ferralis.");
    expect(d, "trafic sera perturb", "Ferralis", "Le trafic");
    dossier_test_doc_free(d);
    d = doc("fr", "La soci\u00e9t\u00e9 Ferralis pr\u00e9voit un train sur trois. Selon la direction, les n\u00e9gociations reprendront jeudi.");
    expect(d, "les n\u00e9gociations reprendront", "Ferralis", "les n");
    dossier_test_doc_free(d);
    d = doc("en", "The Dorvale Workers Union represents 4,000 drivers. The talks will resume on Thursday, according to the union.");
    expect(d, "talks will resume", "Dorvale Workers Union", "The talks");
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("reported");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_clause_with_own_subject);
    tcase_add_test(tc, test_name_after_the_cue);
    tcase_add_test(tc, test_nouns_that_fold_like_cues);
    tcase_add_test(tc, test_intentions_of_people);
    tcase_add_test(tc, test_cues_closing_and_inside);
    tcase_add_test(tc, test_speakers_named_by_a_description);
    tcase_add_test(tc, test_where_the_content_stops);
    tcase_add_test(tc, test_progressive_and_long_sources);
    tcase_add_test(tc, test_shared_subjects_and_relatives);
    tcase_add_test(tc, test_times_titles_and_hedges);
    tcase_add_test(tc, test_acts_of_speech_with_objects);
    tcase_add_test(tc, test_groups_that_urge_and_accuse);
    tcase_add_test(tc, test_block_after_a_colon);
    tcase_add_test(tc, test_roles_and_groups_of_politics);
    tcase_add_test(tc, test_places_and_notes_before_the_clause);
    tcase_add_test(tc, test_clause_without_that);
    tcase_add_test(tc, test_participle_after_an_attribution);
    tcase_add_test(tc, test_documents_that_speak);
    tcase_add_test(tc, test_commitments);
    tcase_add_test(tc, test_scene_setting_openers);
    tcase_add_test(tc, test_the_writer_speaks);
    tcase_add_test(tc, test_an_aside_before_the_cue);
    tcase_add_test(tc, test_verbs_of_praise_and_blame);
    tcase_add_test(tc, test_participle_after_its_noun);
    tcase_add_test(tc, test_day_before_inverted_subject_and_management);
    tcase_add_test(tc, test_praise_and_blame_in_other_languages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
