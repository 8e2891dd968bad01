/*
 * check_spans.c — where a statement's words stop, and quotations that
 * stand right after their cue (lib/extract/statements/reported.c's
 * clause_end(), quotes.c): the reported content ends before the
 * speaker's next cue (", saying …", "…, and he warned that …", "…, but
 * noted …"), at a semicolon, at the comma closing an aside that holds the
 * cue ("X, who endorsed Y on Monday, is …") or a clause opening the
 * sentence with a subordinator ("While X talked about Y, …"), not before
 * a participle that is no cue nor at a "but" with no comma; a quotation that closes its sentence right
 * after a speech verb is the verb's subject's ("X declared “…”"), not a
 * partial quotation inside the sentence, a scare quote or a title; a
 * quotation after "says that" is the reported clause's, which runs to
 * the quotation's closing mark past the sentence's end; three words
 * are enough for "X called Y “…”"; a name in quotation marks after a
 * preposition ("on “Port Radio Sunday,” X said …") is no quotation; a
 * cue whose speaker is named inside another reported clause ("X said
 * the tolls, which Y says are too high, will stay") keeps its statement;
 * a quotation after a comma and attributed after it reports its lead-in
 * too ("The pier, built in 1901, “will need …,” X said"); after a
 * quotation that ends its sentence, "She said S" is no attribution of it;
 * a one-word quotation closing a clause right before its cue ("The plan
 * may be “wasteful,” said X") reports the clause too; "“…,” X said, but
 * “…”" gives X the second quotation as well; a clause goes on past a cue
 * set in by commas before a title ("In X, Y said, Mr. Z is …"); a cue
 * participle after a comma ("…, citing …", "…, even suggesting …") is the
 * same speaker's next statement and no inverted cue ("…, saying the
 * ministry had …"); "… but argued that …" and "… and has called for …"
 * open the subject's next statement ("… but revealed nothing new" does
 * not); a cue whose subject stands inside a reported clause past its
 * opening ("… because he doubted S") is a statement too.
 * Invented sentences.
 */
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

/* An analysed English doc from body `text`. */
static dossier_doc *doc(const char *text)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, "---\nlanguage: en\n---\nA headline without a period\n\n%s\n", text);
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

/* Asserts a statement of `kind` holding `part` that does not hold `beyond` (when given); returns it. */
static const dossier_statement *expect(const dossier_doc *d, int kind, const char *part, const char *beyond)
{
    const dossier_statement *s = find(d, part);
    ck_assert_msg(s != NULL, "no statement holds \"%s\"", part);
    ck_assert_int_eq(s->kind, kind);
    if (beyond)
        ck_assert_msg(strstr(dossier_test_span(d, s->span), beyond) == NULL, "\"%s\" runs on into \"%s\"",
                      dossier_test_span(d, s->span), beyond);
    return s;
}

/* Asserts that statement s is spoken by `speaker`. */
static void spoken_by(const dossier_doc *d, const dossier_statement *s, const char *speaker)
{
    ck_assert_msg(s->speaker >= 0, "no speaker, want %s", speaker);
    ck_assert_int_eq(s->speaker, dossier_test_entity(d, speaker));
}

START_TEST(test_next_cue_ends_the_content)
{
    /* ", saying …" opens the speaker's next statement, even before a partial quotation */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Dana Whitcombe endorsed the harbour plan last week, saying it \u201cwill keep the fishing fleet "
                         "afloat for a generation.\u201d\n\n"
                         "Lena Okafor said the ferry fares would rise in the spring, and she warned that the night service "
                         "could end.\n\n"
                         "Dana Whitcombe said the tunnel would cost too much, but noted that the bridge was older than the "
                         "city hall.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "endorsed the harbour plan", "saying");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "will keep the fishing fleet", NULL), "Dana Whitcombe");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the ferry fares would rise", "warned");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the night service could end", NULL), "Lena Okafor");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the tunnel would cost too much", "noted");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the bridge was older", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_participle_cue_after_the_content)
{
    /* ", citing …", ", even suggesting …", ", saying the ministry …": the same speaker's next statement, and the
       short object before it ("defended the plan") a statement of its own; a participle is no inverted cue, but
       "…, said X, the harbour master." is; a participle that is no cue keeps the clause */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Dana Whitcombe defended the plan, citing the cost of the old ferry.\n\n"
                         "Lena Okafor praised the budget on Tuesday, even suggesting the council could cut the port fees.\n\n"
                         "Dana Whitcombe criticized the tender, saying the ministry had hidden the costs from voters.\n\n"
                         "The ferry will stop running in March, said Ilse Brandt, the harbour master.\n\n"
                         "Lena Okafor praised the new pier, making it the pride of the harbour.");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "defended the plan", "citing"), "Dana Whitcombe");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the cost of the old ferry", "defended"), "Dana Whitcombe");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the council could cut the port fees", "budget"), "Lena Okafor");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the ministry had hidden the costs", "tender"), "Dana Whitcombe");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "criticized the tender", "ministry");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "The ferry will stop running in March", "said"), "Ilse Brandt");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "making it the pride of the harbour", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_second_predicate_and_nested_cues)
{
    /* "… but argued that …", "… and has called for …": the subject's next statement; "was relieved but still
       feared …" and "… but revealed nothing new …" stay one clause */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Dana Whitcombe said the tunnel was too costly but argued that the bridge could be repaired.\n\n"
                         "Lena Okafor has praised the budget and has called for lower ferry fares in the winter.\n\n"
                         "Lena Okafor said she was relieved but still feared the winter storms.\n\n"
                         "Dana Whitcombe praised the pier but revealed nothing new about the ferry costs.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the tunnel was too costly", "argued");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the bridge could be repaired", "tunnel"), "Dana Whitcombe");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "praised the budget", "called");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "lower ferry fares", "budget"), "Lena Okafor");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "still feared the winter storms", NULL);
    ck_assert_ptr_nonnull(find(d, "praised the pier but revealed nothing new"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_cue_inside_a_reported_clause)
{
    /* a cue whose subject stands inside another statement, past its opening, is a statement too ("… because he
       doubted S"); "said he thought that S", "…, which she said …" and "… but said …" stay one statement */
    dossier_doc *d = doc("Senator Dana Whitcombe met Paul Orlan in Portbridge on Monday.\n\n"
                         "Paul Orlan said he was not worried about the council vote because he doubted any court would "
                         "enforce the tariff.\n\n"
                         "Dana Whitcombe said she thought that the ferry fares would cost jobs.");
    int outer = 0, inner = 0;
    for (size_t i = 0; i < d->statements.n; i++) {
        const char *t = dossier_test_span(d, d->statements.v[i].span);
        outer += strstr(t, "not worried about the council vote") != NULL;
        inner += strstr(t, "any court would enforce the tariff") != NULL && strstr(t, "council vote") == NULL;
    }
    ck_assert_int_eq(outer, 1);
    ck_assert_int_eq(inner, 1);
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "the ferry fares would cost jobs", NULL), "Dana Whitcombe");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_content_goes_on)
{
    /* a participle that is no cue, "and" with no cue after it and "but" with no comma keep the clause */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Lena Okafor said the council had approved the budget, making the new pier the largest project "
                         "in a decade.\n\n"
                         "Dana Whitcombe said the road was closed and the old bridge needed repairs.\n\n"
                         "Lena Okafor said she was relieved but still feared the winter storms.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "making the new pier the largest project", NULL);
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the old bridge needed repairs", NULL);
    expect(d, DOSSIER_STATEMENT_INDIRECT, "still feared the winter storms", NULL);
    ck_assert_ptr_nonnull(find(d, "she was relieved"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_semicolon_ends_the_content)
{
    /* after a semicolon the writer speaks again */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Lena Okafor said the ferry would stop running in March; the harbour itself will stay open "
                         "all year.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the ferry would stop running in March", "harbour itself");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_asides_and_opening_clauses)
{
    /* a cue in an aside opened by "who" after a comma reports up to the aside's comma; a cue in a
       clause opening the sentence with "While" up to that clause's comma; ", and they …" is a clause
       of its own */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Dana Whitcombe, who endorsed the harbour plan on Thursday, is touring the northern "
                         "villages this week.\n\n"
                         "While Lena Okafor talked about rebuilding the old pier, the council debated the ferry fares "
                         "until midnight.\n\n"
                         "Lena Okafor said the ferry fares would rise in the spring, and they will rise again next "
                         "year.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "endorsed the harbour plan", "touring");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "rebuilding the old pier", "debated");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the ferry fares would rise", "again");
    dossier_test_doc_free(d);
    /* the aside's own comma-free content, and a sentence opening with no subordinator, go on */
    d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
            "Lena Okafor said the new pier, which opened in May, would bring more ferries to the island.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "would bring more ferries", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_nested_reported_speech)
{
    /* a cue whose speaker is named inside another reported clause reports its own statement too */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Dana Whitcombe said the tolls, which Lena Okafor says are far too high for the island, will "
                         "stay until the bridge is paid off.");
    int outer = 0, inner = 0;
    for (size_t i = 0; i < d->statements.n; i++) {
        const dossier_statement *s = &d->statements.v[i];
        if (!strstr(dossier_test_span(d, s->span), "far too high"))
            continue;
        outer += s->speaker == dossier_test_entity(d, "Dana Whitcombe");
        inner += s->speaker == dossier_test_entity(d, "Lena Okafor");
    }
    ck_assert_int_eq(outer, 1);
    ck_assert_int_eq(inner, 1);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quotation_right_after_its_cue)
{
    /* "X declared “…”" with no comma: the whole quotation, sentences and all, is X's */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "In a radio interview Lena Okafor declared \u201cI think the old bridge may be obsolete. It was "
                         "built a long time ago. Things are different now.\u201d\n\n"
                         "Dana Whitcombe said the tolls would stay but said \u201cthe question is the timing.\u201d");
    const dossier_statement *s = expect(d, DOSSIER_STATEMENT_DIRECT, "I think the old bridge may be obsolete", NULL);
    spoken_by(d, s, "Lena Okafor");
    ck_assert_ptr_nonnull(strstr(dossier_test_span(d, s->span), "Things are different now"));
    /* a second verb of a sentence that reports something already: the quotation goes with that clause */
    s = find(d, "the question is the timing");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(dossier_test_span(d, s->span), "the tolls would stay"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quotations_inside_reported_clauses)
{
    /* "X called Y “…”": three words are enough with a quotation */
    dossier_doc *e = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "On the radio, Lena Okafor called Whitcombe \u201cunhinged.\u201d");
    spoken_by(e, expect(e, DOSSIER_STATEMENT_INDIRECT, "Whitcombe \u201cunhinged", NULL), "Lena Okafor");
    dossier_test_doc_free(e);
    /* after "says that" the quotation is the reported clause's, and "And he added that …" is a new
       statement, not the quotation's attribution */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Whitcombe says that \u201cwhen you live by the pier, you die by the pier.\u201d And he added "
                         "that his own pier \u201chas got a lifeboat.\u201d");
    const dossier_statement *s = expect(d, DOSSIER_STATEMENT_INDIRECT, "you die by the pier", "lifeboat");
    ck_assert_str_eq(s->cue, "says");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "has got a lifeboat", NULL);
    dossier_test_doc_free(d);
    /* a quotation opened in a reported clause runs to its closing mark, past its first sentence */
    d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
            "Okafor added that she had spent her entire life \u201cfighting to defend the harbour. I will tell "
            "you this, if the tunnel wins, we will see the ferries sold.\u201d The meeting ended at noon.");
    expect(d, DOSSIER_STATEMENT_INDIRECT, "fighting to defend the harbour", "meeting ended");
    ck_assert_ptr_nonnull(strstr(dossier_test_span(d, find(d, "fighting to defend")->span), "the ferries sold"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quotations_that_are_not_statements)
{
    /* a partial quotation inside the sentence, a scare quote with no speaker and a title stand on no cue */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Lena Okafor said \u201cvery kind things about the fishermen\u201d at the harbour on Monday.\n\n"
                         "The so-called \u201charbour improvement fund of the county\u201d angered the fishermen.\n\n"
                         "Dana Whitcombe wrote \u201cThe Long Harbour Road Home.\u201d");
    const dossier_statement *s = find(d, "very kind things about the fishermen");
    ck_assert(s == NULL || s->kind == DOSSIER_STATEMENT_INDIRECT);
    ck_assert_ptr_null(find(d, "harbour improvement fund"));
    s = find(d, "The Long Harbour Road");
    ck_assert(s == NULL || s->kind == DOSSIER_STATEMENT_INDIRECT);  /* no quotation: a title in title case */
    dossier_test_doc_free(d);
    /* a name in quotation marks after a preposition is no quotation, whatever follows it */
    d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
            "On this weekend\u2019s broadcast of \u201cPort Radio Sunday,\u201d Okafor said the ferry fares would "
            "rise in the spring.");
    ck_assert_ptr_null(find(d, "broadcast of"));
    expect(d, DOSSIER_STATEMENT_INDIRECT, "the ferry fares would rise", NULL);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quotation_with_its_lead_in)
{
    /* a quotation after a comma, attributed after it, reports the clause that leads into it */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "The old pier, built by the harbour board in 1901, \u201cwill need new timber before the "
                         "winter,\u201d Okafor said.\n\n"
                         "Whitcombe said the tunnel was too dear, and \u201cthe ferry will have to do for another "
                         "decade,\u201d Okafor added.");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_DIRECT, "The old pier, built by the harbour board", NULL), "Lena Okafor");
    /* a lead-in that holds a cue of its own is that cue's, not the quotation's */
    const dossier_statement *s = expect(d, DOSSIER_STATEMENT_DIRECT, "the ferry will have to do", "tunnel");
    spoken_by(d, s, "Lena Okafor");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_cue_with_its_own_clause_after_a_quotation)
{
    /* after a quotation that ends its sentence, "She said S" opens a statement of its own; "She said
       on Monday." is the quotation's attribution */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "Whitcombe warned that the tunnel would be \u201ctoo dear for the island.\u201d Okafor said "
                         "the council would pay for the ferry fuel all winter.\n\n"
                         "\u201cThe night ferry will keep running until March.\u201d Okafor said on Monday.");
    const dossier_statement *s = expect(d, DOSSIER_STATEMENT_INDIRECT, "the council would pay for the ferry fuel", NULL);
    spoken_by(d, s, "Lena Okafor");
    s = find(d, "too dear for the island");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_null(strstr(dossier_test_span(d, s->span), "ferry fuel"));
    spoken_by(d, s, "Dana Whitcombe");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_DIRECT, "The night ferry will keep running", NULL), "Lena Okafor");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_short_quotation_with_its_lead_in)
{
    /* a one-word quotation closing a clause, its cue right after it: the clause is the speaker's too, and
       "said X, a …" reports nothing of its own */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "The tunnel plan may well be \u201cwasteful,\u201d said Lena Okafor, the mayor of the "
                         "island.\n\n"
                         "Whitcombe talked up her \u201charbour plan,\u201d promising new jobs for the fishermen.");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_DIRECT, "The tunnel plan may well be", NULL), "Lena Okafor");
    ck_assert_ptr_null(find(d, "the mayor of the island"));
    /* a participle after a scare quote is the subject's own act, no attribution of it */
    const dossier_statement *s = find(d, "talked up her");
    ck_assert(s == NULL || s->kind == DOSSIER_STATEMENT_INDIRECT);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_quotation_after_its_attribution_and_but)
{
    /* "“…,” X said, but “…”": the second quotation is X's too; a quotation after "but" with no attribution
       before it is none */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "\u201cI like the old ferry,\u201d Okafor said, but \u201cwhen the storms come in winter, the "
                         "night crossing is simply too dangerous for the crew.\u201d\n\n"
                         "The vote was close but \u201cthe harbour improvement fund of the county\u201d survived.");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_DIRECT, "the night crossing is simply too dangerous", NULL), "Lena Okafor");
    ck_assert_ptr_null(find(d, "harbour improvement fund"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_cue_set_in_before_a_title)
{
    /* "In X, Okafor said, Mr. Y is …": the clause goes on past the cue set in by commas, the title's period
       being no sentence end; "…, Okafor said, Mr. Y added." is another speaker's cue */
    dossier_doc *d = doc("Senator Dana Whitcombe met Lena Okafor in Portbridge on Monday.\n\n"
                         "In Portbridge, Okafor said, Mr. Whitcombe is seen as a friend of the ferry workers.\n\n"
                         "The tunnel is far too dear, Okafor said, Mr. Whitcombe added.");
    spoken_by(d, expect(d, DOSSIER_STATEMENT_INDIRECT, "is seen as a friend of the ferry workers", NULL), "Lena Okafor");
    for (size_t i = 0; i < d->statements.n; i++)
        ck_assert_ptr_null(strstr(dossier_test_span(d, d->statements.v[i].span), "Whitcombe added"));
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("spans");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_next_cue_ends_the_content);
    tcase_add_test(tc, test_content_goes_on);
    tcase_add_test(tc, test_cue_inside_a_reported_clause);
    tcase_add_test(tc, test_second_predicate_and_nested_cues);
    tcase_add_test(tc, test_participle_cue_after_the_content);
    tcase_add_test(tc, test_semicolon_ends_the_content);
    tcase_add_test(tc, test_asides_and_opening_clauses);
    tcase_add_test(tc, test_nested_reported_speech);
    tcase_add_test(tc, test_quotation_right_after_its_cue);
    tcase_add_test(tc, test_quotations_inside_reported_clauses);
    tcase_add_test(tc, test_quotations_that_are_not_statements);
    tcase_add_test(tc, test_quotation_with_its_lead_in);
    tcase_add_test(tc, test_cue_with_its_own_clause_after_a_quotation);
    tcase_add_test(tc, test_short_quotation_with_its_lead_in);
    tcase_add_test(tc, test_quotation_after_its_attribution_and_but);
    tcase_add_test(tc, test_cue_set_in_before_a_title);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
