/*
 * check_meta.c — title, outlet, publication date and language
 * (lib/meta.c): each date format, front matter first, mastheads and column
 * names that are not titles, "Source:" and copyright outlets, datelines,
 * and the stop-word vote for the language.
 */
#include <stdio.h>
#include <stdlib.h>

#include "read/clean.h"
#include "read/meta.h"
#include "read/source.h"
#include "testutil.h"

#define EN "The agency said on Monday that the probe had reached orbit and that all of its instruments were working."
#define FR "L'agence a indiqué lundi que la sonde était en orbite et que tous ses instruments fonctionnaient bien."
#define DE "Die Agentur teilte am Montag mit, dass die Sonde die Umlaufbahn erreicht habe und alle Instrumente funktionierten."
#define ES "La agencia dijo el lunes que la sonda había llegado a su órbita y que todos sus instrumentos funcionaban."
#define RU "Агентство сообщило в понедельник, что зонд вышел на орбиту и что все его приборы работают нормально, как и ожидалось."

/* Runs source, clean and meta on `text`. */
static dossier_doc *meta(const char *text)
{
    dossier_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    dossier_doc_init(d, dossier_test_lexicon(), "test");
    int rc = dossier_source_load(d, text, strlen(text), 0);
    if (!rc)
        rc = dossier_clean_run(d);
    if (!rc)
        rc = dossier_meta_run(d);
    ck_assert_msg(rc == DOSSIER_OK, "%s", d->errmsg);
    return d;
}

/* Asserts the publication date read from a head line `line` over paragraph `para`. */
static void date_is(const char *line, const char *para, const char *want)
{
    char text[1024];
    snprintf(text, sizeof text, "A headline for the test\n\n%s\n\n%s\n", line, para);
    dossier_doc *d = meta(text);
    ck_assert_msg(strcmp(d->published, want) == 0, "\"%s\": got \"%s\", wanted \"%s\"", line, d->published, want);
    dossier_test_doc_free(d);
}

START_TEST(test_date_formats)
{
    date_is("22.04.2022 103 просмотров", RU, "2022-04-22");
    date_is("November 18, 2014", EN, "2014-11-18");
    date_is("18 novembre 2014", FR, "2014-11-18");
    date_is("Published 21 August 2023", EN, "2023-08-21");
    date_is("Publié le 13/07/2022 à 08h45", FR, "2022-07-13");
    date_is("26.07.2022, 15:12", DE, "2022-07-26");
    date_is("25. August 2017", DE, "2017-08-25");
    date_is("Jun 23, 2023, 09:47 IST | 3 min read", EN, "2023-06-23");
    date_is("August 16, 2022 · 1,284 views", EN, "2022-08-16");
    date_is("Madrid, 18 de noviembre de 2020", ES, "2020-11-18");
    date_is("Publié le 1er août 2023", FR, "2023-08-01");
    date_is("22 апреля 2022 г.", RU, "2022-04-22");
    date_is("2023-06-22", EN, "2023-06-22");
    date_is("2023-08-21T10:00:00Z", EN, "2023-08-21");
    date_is("Posted 07/13/2022", EN, "2022-07-13");
    date_is("Posted 05/04/2022", EN, "2022-05-04");
    date_is("05.04.2022", EN, "2022-04-05");
    date_is("Veröffentlicht am 05/04/2022", DE, "2022-04-05");
    date_is("Опубликовано: 12 марта 2021, 14:05", RU, "2021-03-12");
    date_is("(c) 2021 Example", EN, "");
    date_is("Wed, 21 Jun 2023", EN, "2023-06-21");
    /* false friends: no year, an impossible day, a view count */
    date_is("Updated 5 May", EN, "");
    date_is("Posted 32.13.2022", EN, "");
    date_is("2,417 views", EN, "");
    date_is("A launch that was delayed until March 3, 2024 by the weather", EN, "");
    date_is("Luna-25 crash on August 19, 2023", EN, "");
    date_is("Le 13 juillet 2022", FR, "2022-07-13");
    date_is("June 26, 2024 4:31 PM GMT+2 Updated 2 hours ago, 3 min read, 12 comments", EN, "2024-06-26");
}
END_TEST

START_TEST(test_dateline)
{
    dossier_doc *d = meta("Russie : la sonde s'est écrasée\n\nMOSCOU, 20 août 2023 (AFP) - " FR "\n");
    ck_assert_str_eq(d->published, "2023-08-20");
    ck_assert_str_eq(d->outlet, "AFP");
    ck_assert_str_eq(d->language, "fr");
    /* the dateline is cut off the paragraph's line */
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "L'agence a indiqué", 18) == 0);
    dossier_test_doc_free(d);
    d = meta("Roskosmos\n\nMOSCOW (Reuters) - " EN "\n");
    ck_assert_str_eq(d->outlet, "Reuters");
    dossier_test_doc_free(d);
    d = meta("Заголовок статьи о запуске\n\nМОСКВА, 12 апреля. /ТАСС/. " RU "\n");
    ck_assert_str_eq(d->outlet, "ТАСС");
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "Агентство", 18) == 0);
    ck_assert_str_eq(d->published, "");
    ck_assert_str_eq(d->language, "ru");
    dossier_test_doc_free(d);
    d = meta("A title for it\n\nNASA — " EN "\n");
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "NASA", 4) == 0);
    dossier_test_doc_free(d);
    d = meta("Ein Titel für den Test\n\nKöln/Peking (dpa) - " DE "\n");
    ck_assert_str_eq(d->outlet, "dpa");
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "Die Agentur", 11) == 0);
    dossier_test_doc_free(d);
    d = meta("Заголовок статьи о запуске\n\nМОСКВА, 12 апр — РИА Новости. " RU "\n");
    ck_assert_str_eq(d->outlet, "РИА Новости");
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "Агентство", 18) == 0);
    dossier_test_doc_free(d);
    /* a capitalised word and a dash is no dateline */
    d = meta("A title for it\n\nRoscosmos — " EN "\n");
    ck_assert(strncmp(d->text + d->lines.v[2].span.start, "Roscosmos", 9) == 0);
    dossier_test_doc_free(d);
    /* an acronym in brackets inside the lead is no agency */
    d = meta("A title for it\n\nThe European Space Agency (ESA) said " EN "\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    d = meta("A title for it\n\n" EN "\n\nPublished: 3 March 2024\n");
    ck_assert_str_eq(d->published, "2024-03-03");
    dossier_test_doc_free(d);
    /* a date in the lede is no publication date */
    d = meta("A title for it\n\nThe probe was launched on 9 August 2023 from the cosmodrome in the Far East of Russia.\n");
    ck_assert_str_eq(d->published, "");
    dossier_test_doc_free(d);
    d = meta("Un título para la prueba\n\nMadrid, 18 de noviembre de 2020, " ES "\n");
    ck_assert_str_eq(d->published, "2020-11-18");
    dossier_test_doc_free(d);
    d = meta("China picks astronauts\n\nBEIJING, April 23, 2025 — " EN "\n");
    ck_assert_str_eq(d->published, "2025-04-23");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_dates_in_link_lists_ignored)
{
    dossier_doc *d = meta(EN "\n\nMore from this category:\nSeptember 27, 2019\n\nA teaser for a story…\n\nfull story\n");
    ck_assert_str_eq(d->published, "");
    ck_assert_ptr_null(d->title); /* the first line is a paragraph */
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_front_matter_dates)
{
    const struct { const char *fm, *want; } cases[] = {
        {"2023-08-21T10:00:00Z", "2023-08-21"}, {"21.08.2023", "2023-08-21"}, {"August 21, 2023", "2023-08-21"},
        {"21 août 2023", "2023-08-21"}, {"soon", ""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "---\npublished: %s\n---\n" EN "\n", cases[i].fm);
        dossier_doc *d = meta(text);
        ck_assert_msg(strcmp(d->published, cases[i].want) == 0, "%s: %s", cases[i].fm, d->published);
        dossier_test_doc_free(d);
    }
}
END_TEST

START_TEST(test_short_paragraphs)
{
    /* a brief of short paragraphs: the link list's dates are not the article's */
    dossier_doc *d = meta("Russia to quit the station after 2024.\n\nThe agency said so today.\n\nIt gave no reason.\n\n"
                          "More from this category:\nSeptember 27, 2019\n\nA teaser about a launch…\n");
    ck_assert_str_eq(d->title, "Russia to quit the station after 2024.");
    ck_assert_str_eq(d->published, "");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_title)
{
    dossier_doc *d = meta("THE ROSCOSMOS WEEK\n\nIran's satellite reaches orbit; a station model is shown\n\n"
                          "August 16, 2022\n\n" EN "\n");
    ck_assert_str_eq(d->title, "Iran's satellite reaches orbit; a station model is shown");
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_META);
    ck_assert_int_eq(d->lines.v[2].cls, DOSSIER_LINE_TITLE);
    ck_assert_int_eq(d->lines.v[4].cls, DOSSIER_LINE_META);
    dossier_test_doc_free(d);

    d = meta("RAUMFAHRT-RUNDSCHAU | Wissenschaft\n\nESA-Astronauten üben mit chinesischen Raumfahrern\n\n"
             "Von Anna Schmidt\n25.08.2017, 14:32 Uhr\n\n" DE "\n");
    ck_assert_str_eq(d->title, "ESA-Astronauten üben mit chinesischen Raumfahrern");
    ck_assert_str_eq(d->outlet, "RAUMFAHRT-RUNDSCHAU");
    ck_assert_str_eq(d->published, "2017-08-25");
    ck_assert_str_eq(d->language, "de");
    ck_assert_int_eq(d->lines.v[4].cls, DOSSIER_LINE_META); /* byline */
    dossier_test_doc_free(d);

    d = meta("Роскосмос показал модель новой станции\n\nАвтор: Иван Петров\n\n" RU "\n");
    ck_assert_int_eq(d->lines.v[2].cls, DOSSIER_LINE_META);
    dossier_test_doc_free(d);
    /* a rubric of three words over the headline */
    d = meta("Наука и техника\n\nРоскосмос показал модель новой орбитальной станции\n\n" RU "\n");
    ck_assert_str_eq(d->title, "Роскосмос показал модель новой орбитальной станции");
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_META);
    dossier_test_doc_free(d);
    /* a long headline that asks a question */
    d = meta("Will Russia really leave the International Space Station after 2024 as its space chief says?\n\n" EN "\n");
    ck_assert_str_eq(d->title, "Will Russia really leave the International Space Station after 2024 as its space chief says?");
    dossier_test_doc_free(d);
    /* a headline that starts with a date marker; a dateless update line */
    d = meta("Updated 2 hours ago\n\nStand der Dinge: die ESA plant eine neue Rakete\n\n" DE "\n");
    ck_assert_str_eq(d->title, "Stand der Dinge: die ESA plant eine neue Rakete");
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_META);
    dossier_test_doc_free(d);
    /* a headline that starts like a marker, after a category line */
    d = meta("Science news\n\nShare of Russian launches falls to a record low\n\n" EN "\n");
    ck_assert_str_eq(d->title, "Share of Russian launches falls to a record low");
    dossier_test_doc_free(d);

    /* front matter wins; the repeated headline in the body is the title line */
    d = meta("---\ntitle: Kestrel reaches orbit\npublished: 2022-12-29\nlanguage: EN\nurl: https://x.example/a\n---\n"
             "Kestrel reaches orbit\n\n" FR "\n");
    ck_assert_str_eq(d->title, "Kestrel reaches orbit");
    ck_assert_str_eq(d->published, "2022-12-29");
    ck_assert_str_eq(d->language, "en");
    ck_assert_str_eq(d->url, "https://x.example/a");
    ck_assert_ptr_null(d->outlet);
    ck_assert_int_eq(d->lines.v[0].cls, DOSSIER_LINE_TITLE);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_outlet)
{
    dossier_doc *d = meta("Un titre\n\n" FR "\n\nSource : Lux Éco Hebdo\n");
    ck_assert_str_eq(d->outlet, "Lux Éco Hebdo");
    dossier_test_doc_free(d);
    d = meta("A title\n\n" EN "\n\nSource: Read Full Article\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    d = meta("Un titre\n\n" FR "\n\nPhoto : une maquette. © INPE/Divulgação\n\n© 2022 Le Courrier spatial – Tous droits réservés\n");
    ck_assert_str_eq(d->outlet, "Le Courrier spatial");
    dossier_test_doc_free(d);
    d = meta(EN "\n\n" EN "\n\n\nIndia today");
    ck_assert_str_eq(d->outlet, "India today");
    dossier_test_doc_free(d);
    d = meta("A title for it\n\n" EN "\n\n(c) 2021 Space Wire Inc.\n");
    ck_assert_str_eq(d->outlet, "Space Wire Inc");
    dossier_test_doc_free(d);
    d = meta("A title for it\n\n" EN "\n\nCopyright © 2023 by Space Wire. All rights reserved.\n");
    ck_assert_str_eq(d->outlet, "Space Wire");
    dossier_test_doc_free(d);
    d = meta(EN "\n\nTop stories\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    d = meta(EN "\n\nAdvertisement\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    /* one capitalised word over the headline is the masthead; a capitalised column name is not */
    d = meta("STERNWARTE-BOTE\n\nEin neuer Satellit erreicht die Umlaufbahn\n\n" DE "\n");
    ck_assert_str_eq(d->outlet, "STERNWARTE-BOTE");
    ck_assert_str_eq(d->title, "Ein neuer Satellit erreicht die Umlaufbahn");
    dossier_test_doc_free(d);
    d = meta("THE LAUNCH PAD WEEK\n\nA new satellite reaches orbit\n\n" EN "\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    /* a known agency in lower case after "Quelle:"; an unknown lower-case word is no outlet */
    d = meta("Ein Titel\n\n" DE "\n\nQuelle: dpa\n");
    ck_assert_str_eq(d->outlet, "dpa");
    dossier_test_doc_free(d);
    d = meta("Ein Titel\n\n" DE "\n\nQuelle: eigene recherche\n");
    ck_assert_ptr_null(d->outlet);
    dossier_test_doc_free(d);
    /* a masthead with a · separator; capitals over a section label; a quoted source */
    d = meta("ОРБИТАЛЬНЫЙ ЛИСТОК · Наука\n\nНовый спутник вышел на орбиту\n\n" RU "\n");
    ck_assert_str_eq(d->outlet, "ОРБИТАЛЬНЫЙ ЛИСТОК");
    ck_assert_str_eq(d->title, "Новый спутник вышел на орбиту");
    dossier_test_doc_free(d);
    d = meta("THE HARBOUR GAZETTE\nScience & Space\n\nA new satellite reaches its orbit at last\n\n" EN "\n");
    ck_assert_str_eq(d->outlet, "THE HARBOUR GAZETTE");
    ck_assert_str_eq(d->title, "A new satellite reaches its orbit at last");
    dossier_test_doc_free(d);
    d = meta("Заголовок статьи\n\n" RU "\n\nИсточник: «Орбитальный листок»\n© 2024 Все права защищены\n");
    ck_assert_str_eq(d->outlet, "Орбитальный листок");
    dossier_test_doc_free(d);
    /* front matter's site_name is the outlet */
    d = meta("---\ntitle: Rover study\nsite_name: Orbit Journal\n---\n" EN "\n");
    ck_assert_str_eq(d->outlet, "Orbit Journal");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_language)
{
    const struct { const char *fm, *lang; } names[] = {
        {"fr", "fr"}, {"DE", "de"}, {"ru-RU", "ru"}, {"German", "de"}, {"Français", "fr"}, {"español", "es"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "---\nlanguage: %s\n---\n" EN "\n", names[i].fm);
        dossier_doc *d = meta(text);
        ck_assert_msg(strcmp(d->language, names[i].lang) == 0, "%s: %s", names[i].fm, d->language);
        dossier_test_doc_free(d);
    }
    const struct { const char *text, *lang; } cases[] = {
        {EN, "en"}, {FR, "fr"}, {DE, "de"}, {ES, "es"}, {RU, "ru"}, {"12345 67890", "en"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dossier_doc *d = meta(cases[i].text);
        ck_assert_msg(strcmp(d->language, cases[i].lang) == 0, "\"%s\": %s", cases[i].text, d->language);
        dossier_test_doc_free(d);
    }
}
END_TEST

/* Builds the suite. */
static Suite *suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_date_formats);
    tcase_add_test(tc, test_dateline);
    tcase_add_test(tc, test_dates_in_link_lists_ignored);
    tcase_add_test(tc, test_front_matter_dates);
    tcase_add_test(tc, test_short_paragraphs);
    tcase_add_test(tc, test_title);
    tcase_add_test(tc, test_outlet);
    tcase_add_test(tc, test_language);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
