/*
 * check_clean.c — boilerplate and body lines (lib/clean.c): each kind of
 * boilerplate, in several languages, next to real paragraphs that look a
 * little like it (a quotation, a number, a colon, a bullet) and must stay.
 */
#include <stdio.h>
#include <stdlib.h>

#include "read/clean.h"
#include "read/source.h"
#include "testutil.h"

/* A real paragraph: long, punctuated, with a number and a quotation. */
#define REAL "The agency said on Monday that 16 satellites, worth 1,284 million euros, were “ready for launch” in May."

/* Runs source and clean on `text`. */
static dossier_doc *cleaned(const char *text)
{
    dossier_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    dossier_doc_init(d, dossier_test_lexicon(), "test");
    int rc = dossier_source_load(d, text, strlen(text), 0);
    if (!rc)
        rc = dossier_clean_run(d);
    ck_assert_msg(rc == DOSSIER_OK, "%s", d->errmsg);
    return d;
}

/* The class of the first line that starts with `prefix`. */
static int class_of(const dossier_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->lines.n; i++) {
        const dossier_line *l = &d->lines.v[i];
        if (l->span.end - l->span.start >= strlen(prefix) &&
            strncmp(d->text + l->span.start, prefix, strlen(prefix)) == 0)
            return l->cls;
    }
    ck_abort_msg("no line starts with \"%s\"", prefix);
    return -1;
}

/* Asserts that `line`, between two real paragraphs, is boilerplate (bp) or body. */
static void line_is(const char *line, int bp)
{
    char text[2048];
    snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", REAL, line, REAL);
    dossier_doc *d = cleaned(text);
    int want = bp ? DOSSIER_LINE_BOILERPLATE : DOSSIER_LINE_BODY;
    ck_assert_msg(class_of(d, line) == want, "\"%s\": class %d, wanted %d", line, class_of(d, line), want);
    ck_assert_int_eq(class_of(d, "The agency said"), DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);
}

START_TEST(test_single_lines)
{
    const char *bp[] = {
        "Advertisement", "Publicité", "Anzeige", "Publicidad", "Реклама", "ADVERTISEMENT",
        "22.04.2022 103 просмотров", "August 16, 2022 · 1,284 views", "Dieser Artikel wurde 2.417-mal gelesen.",
        "1.2K views · 14 comments", "Share: Telegram | VK | Twitter", "Teilen: Facebook | Twitter | E-Mail",
        "Partager sur Facebook | Partager sur Twitter | Copier le lien", "Compartir: Facebook · Twitter",
        "We use your sign-up to provide content in ways you’ve consented to. You can unsubscribe at any time. More info",
        "This site uses cookies. By continuing to browse, you agree to our use of cookies. Accept | Reject",
        "Foto: Lukas Brenner beim Training. (Foto: ESA/Li Ming)", "Photo : Le rover lors d'essais. © ESA/Marco Ferri",
        "Mission controllers follow the insertion. (Photo: WAM/Rami Haddad)",
        "A rocket lifts off from the pad on August 11. Photo: Pavel Gorin / Space Desk",
        "Previous post Putin launches strikes on Kyiv", "Next post Hollywood compares a slap to war",
        "Source: Read Full Article", "© 2022 Le Courrier spatial – Tous droits réservés", "Categories: Roscosmos, Space",
        "Tags: NASA, ISRO, India, Space policy", "full story", "Read more: PSLV-C55 places a satellite in orbit",
        "Comments (12)", "Новости партнёров", "Sign up for Orbit Weekly, our free newsletter on space and science.",
        "Cet article vous a plu ? Abonnez-vous à notre lettre d'information.",
        "Suscríbete a nuestro boletín y recibe cada mañana las noticias de ciencia.",
        "UK ready to send new missiles that can WIPE OUT a fleet [REVEAL]", "ab-mm/cn", "(With inputs from agencies)",
        "Home › News › Space", "Subscribe", "Follow us on Twitter and LinkedIn",
        "Reporting by Polina Ivanova; Editing by Mark Trevelyan", "Lesezeit: 3 Min.", "Просмотров: 1234",
        "Подписывайтесь на ТАСС в Telegram", "Temps de lecture : 3 min",
        "Image caption, The rocket lifted off from Baikonur on Tuesday.", "Нашли ошибку? Выделите ее и нажмите Ctrl+Enter",
        "Story continues below advertisement", "* * *", "---", "The crew waves before the launch. (AP Photo/Alex Brandon)",
        NULL};
    for (int i = 0; bp[i]; i++)
        line_is(bp[i], 1);
}
END_TEST

START_TEST(test_real_paragraphs_stay)
{
    const char *body[] = {
        "“Considering the strategic nature of partnership relations, we will develop cooperation,” Roscosmos said.",
        "Luna-25 was launched on August 11 from the Vostochny cosmodrome and entered lunar orbit five days later.",
        "In a statement, the agency said: “Co-operation with the Chinese side in this sphere has been organized.”",
        "Le dernier Soyouz de Guyane", "1. Kestrel: Iran's satellite rides a Soyuz from Baikonur",
        "The photo shows 3 views of the share of the Moon lit by the Sun, the team said.",
        "Das Training geht auf Gespräche zwischen der ESA und der chinesischen Behörde zurück.",
        "Comme l'a noté la société d'État, la Chine a un grand potentiel dans le domaine de l'astronautique.",
        "Share prices of the company fell 5 percent after the launch failure.",
        "The proposal drew 3,000 comments from the public and 12 views from experts.",
        "Image processing will be done on the ground: “we have the tools,” he said.",
        NULL};
    for (int i = 0; body[i]; i++)
        line_is(body[i], 0);
}
END_TEST

START_TEST(test_link_blocks)
{
    dossier_doc *d = cleaned(REAL "\n\nMore from this category:\nSeptember 27, 2019\n\n"
                             "On September 26, 2019, at 10:46 the crew of the Russian Space Forces launched a rocket from the north…\n\n"
                             "full story\nApril 3, 2013\n\nSalyut 2 was a Soviet space station which was launched in 1973. It was the first to fly….\n\n"
                             "full story\nMay 3, 2013\n\nSalyut 3 was a Soviet space station which was launched in 1974 and it flew...\n\n"
                             "full story");
    for (size_t i = 1; i < d->lines.n; i++)
        ck_assert(d->lines.v[i].cls == DOSSIER_LINE_BOILERPLATE || d->lines.v[i].cls == DOSSIER_LINE_BLANK);
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);

    /* a header's block stops at the next real paragraph */
    d = cleaned(REAL "\n\nDON’T MISS:\nUK ready to send missiles that can WIPE OUT a fleet [REVEAL]\n"
                "Forget Satan 2! A project can wipe out a missile [INSIGHT]\n\n"
                "The two countries have previously confirmed their alliance to build a research station on the moon.\n\n"
                "Mehr zum Thema:\n» Alexander Gerst: Countdown für „Horizons“ läuft\n» Thomas Reiter: „Europa braucht eigene Raumschiffe“\n\n"
                "Lire aussi :\n- Thomas Pesquet : « Je retournerai dans l'espace »\n\n"
                "Related\n• Shenzhou-19 commander hands over the station\n\nMost read\n1. A company sets a date for its first flight\n");
    ck_assert_int_eq(class_of(d, "DON’T MISS"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "Forget Satan"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "The two countries"), DOSSIER_LINE_BODY);
    ck_assert_int_eq(class_of(d, "» Thomas Reiter"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "- Thomas Pesquet"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "• Shenzhou-19"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "1. A company"), DOSSIER_LINE_BOILERPLATE);
    dossier_test_doc_free(d);

    /* a marker line over bullet links, one of them a long teaser with a quotation */
    d = cleaned(REAL "\n\nRead more\n• A rival's chief: the rocket is back on the pad\n"
                "• “We will reach orbit before the winter,” says a rival company's founder Jo Smith\n");
    ck_assert_int_eq(class_of(d, "• A rival"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "• “We will"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_generic_shapes)
{
    /* a short header ending in a colon over bullets, with no known marker */
    dossier_doc *d = cleaned(REAL "\n\nAusgewählte Beiträge:\n– Erster Beitrag über Raketen\n– Zweiter Beitrag über Satelliten\n\n" REAL);
    ck_assert_int_eq(class_of(d, "Ausgewählte"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "– Zweiter"), DOSSIER_LINE_BOILERPLATE);
    dossier_test_doc_free(d);

    /* a lone bullet list item inside the article stays; the tail after the last paragraph goes */
    d = cleaned("Title of the piece\n\n" REAL "\n- one single bulleted point of the article text\n\n" REAL
                "\n\nFollow the desk\nab/cd\n");
    ck_assert_int_eq(class_of(d, "Title of the piece"), DOSSIER_LINE_BODY);
    ck_assert_int_eq(class_of(d, "- one single"), DOSSIER_LINE_BODY);
    ck_assert_int_eq(class_of(d, "Follow the desk"), DOSSIER_LINE_BOILERPLATE);
    dossier_test_doc_free(d);

    /* a list of links at the top of the page ends before the headline */
    d = cleaned("Related\n• First story about rockets\n• Second story about probes\n\nNASA picks a new rocket\n\n" REAL);
    ck_assert_int_eq(class_of(d, "• Second"), DOSSIER_LINE_BOILERPLATE);
    ck_assert_int_eq(class_of(d, "NASA picks"), DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);

    /* Russian dialogue dashes are quotations, not bullet links */
    d = cleaned(REAL "\n\nОн заявил:\n— Мы готовы к сотрудничеству.\n— Когда начнете? — Скоро.\n\n" REAL);
    ck_assert_int_eq(class_of(d, "Он заявил"), DOSSIER_LINE_BODY);
    ck_assert_int_eq(class_of(d, "— Мы готовы"), DOSSIER_LINE_BODY);
    ck_assert_int_eq(class_of(d, "— Когда"), DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);

    /* a one-word header opens a headline: not a header */
    d = cleaned("Trending down as Russia launches fewer rockets than ever\n\n" REAL);
    ck_assert_int_eq(class_of(d, "Trending"), DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);

    /* a short closing sentence of the article stays */
    d = cleaned(REAL "\n\nHe declined to comment.\n");
    ck_assert_int_eq(class_of(d, "He declined"), DOSSIER_LINE_BODY);
    dossier_test_doc_free(d);
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("clean");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_single_lines);
    tcase_add_test(tc, test_real_paragraphs_stay);
    tcase_add_test(tc, test_link_blocks);
    tcase_add_test(tc, test_generic_shapes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
