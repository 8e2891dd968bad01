/*
 * check_dates.c — temporal expressions (lib/dates.c): absolute and relative
 * dates in English, French, German, Spanish and Russian, resolved against a
 * publication date or left unresolved without one; precision; month and
 * weekday names that are no dates ("Long March 5", the planet "Mars",
 * "Karl Haller"); and dossier_dates_parse() on datelines.
 */
#include <stdio.h>
#include <stdlib.h>

#include "extract/dates/dates.h"
#include "testutil.h"

/*
 * An article with front matter (language, publication date or none) whose
 * body is `body` followed by a neutral sentence in the same paragraph, so
 * that a short dated line is not taken for a dateline.
 */
static dossier_doc *article(const char *lang, const char *published, const char *body)
{
    static char text[4096];
    const char *pad = " -- (Staff report with additional reporting by our correspondents.)";
    if (published)
        snprintf(text, sizeof text, "---\ntitle: Test\nlanguage: %s\npublished: %s\n---\n%s%s\n", lang,
                 published, body, pad);
    else
        snprintf(text, sizeof text, "---\ntitle: Test\nlanguage: %s\n---\n%s%s\n", lang, body, pad);
    return dossier_test_doc(text);
}

/* The timex whose text contains `what`, or NULL. */
static const dossier_timex *timex_with(const dossier_doc *d, const char *what)
{
    for (size_t i = 0; i < d->timexes.n; i++)
        if (strstr(dossier_test_span(d, d->timexes.v[i].span), what))
            return &d->timexes.v[i];
    return NULL;
}

/* Asserts that `what` in `body` is a date of value `value` and precision `prec`. */
static void date_is(const char *lang, const char *published, const char *body, const char *what,
                    const char *value, int prec)
{
    dossier_doc *d = article(lang, published, body);
    const dossier_timex *t = timex_with(d, what);
    ck_assert_msg(t != NULL, "no date \"%s\" found in \"%s\"", what, body);
    ck_assert_msg(strcmp(t->value, value) == 0, "\"%s\" in \"%s\" (published %s): got \"%s\", wanted \"%s\"", what,
                  body, published ? published : "-", t->value, value);
    ck_assert_msg(t->precision == prec, "\"%s\": precision %d, wanted %d", what, t->precision, prec);
    dossier_test_doc_free(d);
}

/* Asserts that no date contains `what`. */
static void no_date(const char *lang, const char *published, const char *body, const char *what)
{
    dossier_doc *d = article(lang, published, body);
    const dossier_timex *t = timex_with(d, what);
    ck_assert_msg(t == NULL, "\"%s\" in \"%s\" taken for a date (%s)", what, body, t ? t->value : "");
    dossier_test_doc_free(d);
}

/*
 * A date expression starting with each kind of first word the matcher
 * lets through before it tries the patterns (datematch.c, may_start):
 * list words, numbers, hyphenated words and weekdays joined to a part of
 * the day.
 */
START_TEST(test_every_first_word)
{
    date_is("en", "2022-04-22", "The agency confirmed the plan yesterday.", "yesterday", "2022-04-21",
            DOSSIER_DATE_DAY);
    date_is("en", "2022-04-22", "The crew will dock next Tuesday, the agency said.", "next Tuesday", "2022-04-26",
            DOSSIER_DATE_DAY);
    date_is("en", "2022-04-22", "The crew docked two days ago at the station.", "two days ago", "2022-04-20",
            DOSSIER_DATE_DAY);
    date_is("en", "2022-04-22", "The office opened in mid-March in the harbour.", "mid-March", "2022-03",
            DOSSIER_DATE_MONTH);
    date_is("de", "2022-04-22", "Die Sonde startete am Dienstagabend vom Kosmodrom.", "Dienstagabend", "2022-04-19",
            DOSSIER_DATE_DAY);
    date_is("fr", "2022-04-22", "La sonde a été lancée il y a deux ans depuis Kourou.", "deux ans", "2020",
            DOSSIER_DATE_YEAR);
    no_date("en", "2022-04-22", "The crew docked at the station and opened the hatch.", "docked");
}
END_TEST

START_TEST(test_absolute)
{
    date_is("en", "2023-08-21", "The probe was launched on 9 August 2023 from Vostochny.", "9 August 2023",
            "2023-08-09", DOSSIER_DATE_DAY);
    date_is("en", "2023-08-21", "The deal was signed on August 9, 2022 in Moscow.", "August 9, 2022", "2022-08-09",
            DOSSIER_DATE_DAY);
    date_is("en", NULL, "The report is dated 22.04.2022 in the archive.", "22.04.2022", "2022-04-22",
            DOSSIER_DATE_DAY);
    date_is("en", NULL, "The agency was founded in 2021 in Abu Dhabi.", "2021", "2021", DOSSIER_DATE_YEAR);
    date_is("en", NULL, "Korea signed the Artemis Accords in May 2021 in Seoul.", "May 2021", "2021-05",
            DOSSIER_DATE_MONTH);
    date_is("en", NULL, "Construction will begin as early as 2025, officials said.", "2025", "2025",
            DOSSIER_DATE_YEAR);
    date_is("fr", NULL, "La station fonctionnera d'ici la fin de 2022, selon Pékin.", "2022", "2022",
            DOSSIER_DATE_YEAR);
    date_is("fr", NULL, "Elle a été lancée le 1er août 2021 depuis Kourou.", "1er août 2021", "2021-08-01",
            DOSSIER_DATE_DAY);
    date_is("de", NULL, "Die Sonde startete am 9. August 2023 vom Kosmodrom.", "9. August 2023", "2023-08-09",
            DOSSIER_DATE_DAY);
    date_is("es", NULL, "El satélite se lanzó el 18 de noviembre de 2020 desde Kurú.", "18 de noviembre de 2020",
            "2020-11-18", DOSSIER_DATE_DAY);
    date_is("ru", NULL, "Зонд был запущен 9 августа 2023 года с космодрома.", "9 августа 2023", "2023-08-09",
            DOSSIER_DATE_DAY);
    date_is("ru", NULL, "Станция заработала в 2021 году на орбите.", "2021", "2021", DOSSIER_DATE_YEAR);
}
END_TEST

START_TEST(test_two_years)
{
    dossier_doc *d = article("de", NULL, "Cristoforetti verbrachte 2014 und 2015 fast 200 Tage im All.");
    ck_assert_uint_eq(d->timexes.n, 2);
    ck_assert_str_eq(d->timexes.v[0].value, "2014");
    ck_assert_str_eq(d->timexes.v[1].value, "2015");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_months_without_year)
{
    /* past: the most recent such month */
    date_is("en", "2022-04-22", "In early April, Sorin gave an interview.", "April", "2022-04", DOSSIER_DATE_MONTH);
    date_is("en", "2025-04-23", "The agreement was signed in March in Islamabad.", "March", "2025-03",
            DOSSIER_DATE_MONTH);
    date_is("en", "2021-02-10", "The probe left Earth on July 20 from Japan.", "July 20", "2020-07-20",
            DOSSIER_DATE_DAY);
    date_is("en", "2022-08-16", "Markov has headed the agency since mid-July.", "mid-July", "2022-07",
            DOSSIER_DATE_MONTH);
    /* the coming months, and the future */
    date_is("en", "2023-06-23", "The lander was ready for launch in mid-July.", "mid-July", "2023-07",
            DOSSIER_DATE_MONTH);
    date_is("en", "2022-12-29", "Officials said observations would start in January.", "January", "2023-01",
            DOSSIER_DATE_MONTH);
    date_is("en", "2021-02-10", "Its rover could touch down as early as May.", "May", "2021-05", DOSSIER_DATE_MONTH);
    date_is("fr", "2022-07-13", "Le rover devait décoller en septembre de Baïkonour.", "septembre", "2022-09",
            DOSSIER_DATE_MONTH);
    date_is("ru", "2022-04-22", "В марте глава агентства дал интервью.", "марте", "2022-03", DOSSIER_DATE_MONTH);
    /* an earlier date of the sentence gives the year */
    date_is("en", "2021-02-10", "Both left Earth last July: Hope on July 20 and the other later.", "July 20",
            "2020-07-20", DOSSIER_DATE_DAY);
    /* last / next month names, and a relative year after the month */
    date_is("en", "2025-04-23", "It launched a satellite last May from Xichang.", "last May", "2024-05",
            DOSSIER_DATE_MONTH);
    date_is("es", "2020-11-18", "En julio del año pasado, el vuelo VV15 se perdió.", "julio", "2019-07",
            DOSSIER_DATE_MONTH);
    /* without a publication date: unresolved */
    date_is("en", NULL, "In early April, Sorin gave an interview.", "April", "", DOSSIER_DATE_NONE);
}
END_TEST

START_TEST(test_relative)
{
    date_is("en", "2022-04-22", "China aims to finish the station by the end of this year.", "this year", "2022",
            DOSSIER_DATE_YEAR);
    date_is("en", "2023-06-23", "NASA will train astronauts for a mission next year.", "next year", "2024",
            DOSSIER_DATE_YEAR);
    date_is("en", "2023-06-23", "Somanath spoke to reporters last week in Bengaluru.", "last week", "2023-06",
            DOSSIER_DATE_MONTH);
    date_is("en", "2023-06-23", "India will launch its lander next month.", "next month", "2023-07",
            DOSSIER_DATE_MONTH);
    date_is("de", "2017-08-25", "Im vergangenen Jahr trainierte ein Chinese mit der ESA.", "vergangenen Jahr",
            "2016", DOSSIER_DATE_YEAR);
    date_is("es", "2020-11-18", "El Vega volverá a volar el próximo año.", "próximo año", "2021",
            DOSSIER_DATE_YEAR);
    date_is("ru", "2022-04-22", "В прошлом году Роскосмос подписал соглашение.", "прошлом году", "2021",
            DOSSIER_DATE_YEAR);
    date_is("fr", "2022-07-13", "L'année dernière, la coopération a été suspendue.", "année dernière", "2021",
            DOSSIER_DATE_YEAR);
    date_is("en", "2022-04-22", "The agency confirmed the plan today.", "today", "2022-04-22", DOSSIER_DATE_DAY);
    /* without a publication date: unresolved, flagged relative */
    dossier_doc *d = article("en", NULL, "NASA will train astronauts for a mission next year.");
    const dossier_timex *t = timex_with(d, "next year");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->value, "");
    ck_assert_int_eq(t->precision, DOSSIER_DATE_NONE);
    ck_assert_int_ne(t->relative, 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_offsets)
{
    date_is("en", "2021-02-10", "Hope left on July 20, 2020, and Tianwen-1 three days later on a Long March 5.",
            "three days later", "2020-07-23", DOSSIER_DATE_DAY);
    date_is("fr", "2022-07-13", "Dès le 26 février, deux jours après le début de l'offensive, Roscosmos a réagi.",
            "deux jours après", "2022-02-24", DOSSIER_DATE_DAY);
    date_is("fr", "2022-07-13", "Il y a deux ans, l'agence a signé un accord.", "deux ans", "2020",
            DOSSIER_DATE_YEAR);
    date_is("de", "2017-08-25", "Vor zwei Tagen hat die ESA das Training beendet.", "zwei Tagen", "2017-08-23",
            DOSSIER_DATE_DAY);
    date_is("ru", "2022-04-22", "Три дня назад Роскосмос подписал соглашение.", "дня назад", "2022-04-19",
            DOSSIER_DATE_DAY);
    date_is("en", "2023-08-21", "Luna-25 entered lunar orbit on August 16, five days after launch.",
            "five days after", "2023-08-11", DOSSIER_DATE_DAY);
    /* an offset with nothing to count from is no date */
    no_date("en", "2023-08-21", "The probe entered lunar orbit five days later, officials said.", "later");
    no_date("en", "2023-08-21", "The commission meets once a year in Moscow.", "year");
}
END_TEST

START_TEST(test_vague_and_carried_offsets)
{
    /* an offset opening a sentence counts from the last date of the sentence before, in its paragraph */
    date_is("en", "2022-01-10", "The probe left Earth on 3 May 2021. Three weeks later, it reached orbit.",
            "Three weeks later", "2021-05-24", DOSSIER_DATE_DAY);
    /* a vague count gives its date one step coarser than its unit */
    date_is("fr", "2021-04-15", "En février 2019, un satellite a été lancé. Quelques mois plus tard, un second a suivi.",
            "Quelques mois plus tard", "2019", DOSSIER_DATE_YEAR);
    date_is("en", "2022-01-10", "The crew docked on 3 May 2021, and a few days later the hatch opened.",
            "a few days later", "2021-05", DOSSIER_DATE_MONTH);
    date_is("de", "2022-01-10", "Im Mai 2015 startete die Sonde; nach einigen Wochen erreichte sie ihr Ziel.",
            "einigen Wochen", "2015-05", DOSSIER_DATE_MONTH);
    /* "a few years later" gives no year */
    date_is("en", "2022-01-10", "The station opened in 2001, and several years later it closed.",
            "several years later", "", DOSSIER_DATE_NONE);
    /* no carrying across paragraphs */
    no_date("en", "2022-01-10", "The probe left Earth on 3 May 2021.\n\nThree weeks later, it reached orbit.",
            "Three weeks");
}
END_TEST

START_TEST(test_past_auxiliary)
{
    /* "ont" + participle puts a weekday in the past even when a future cue follows it */
    date_is("fr", "2024-05-17", "Les actionnaires ont approuvé mardi le projet, qui entend rivaliser avec les autres.",
            "mardi", "2024-05-14", DOSSIER_DATE_DAY);
}
END_TEST

START_TEST(test_dateline_anchor)
{
    /* without a publication date, a short dateline line gives one */
    dossier_doc *d = dossier_test_doc("Ein Titel ohne Punkt\n\nBremen, 14. März 2024\n\n"
                                      "Die Agentur unterzeichnete am Montag einen Vertrag mit einer Firma.\n");
    const dossier_timex *t = timex_with(d, "Montag");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->value, "2024-03-11");
    ck_assert_str_eq(d->published, "2024-03-14");
    dossier_test_doc_free(d);
    /* a full date in a long sentence is no dateline */
    d = dossier_test_doc("A title\n\nOn 4 October 1957 the first satellite went up and the space age began "
                         "with a faint radio signal.\n\nIt was launched on a Monday.\n");
    t = timex_with(d, "Monday");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->value, "");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_weekdays)
{
    /* 2023-06-22 is a Thursday */
    date_is("en", "2023-06-22", "India on Wednesday signed the Artemis Accords.", "Wednesday", "2023-06-21",
            DOSSIER_DATE_DAY);
    date_is("en", "2023-06-22", "The White House said on Thursday that talks went well.", "Thursday", "2023-06-22",
            DOSSIER_DATE_DAY);
    date_is("en", "2023-08-21", "Markov said on Monday that the engine failed.", "Monday", "2023-08-21",
            DOSSIER_DATE_DAY);
    date_is("en", "2023-08-21", "Chandrayaan-3 is due to land on Wednesday near the pole.", "Wednesday",
            "2023-08-23", DOSSIER_DATE_DAY);
    date_is("fr", "2022-07-13", "Le Conseil a décidé mardi de mettre fin à la coopération.", "mardi", "2022-07-12",
            DOSSIER_DATE_DAY);
    date_is("fr", "2022-07-13", "La fusée doit effectuer son vol inaugural ce mercredi.", "mercredi", "2022-07-13",
            DOSSIER_DATE_DAY);
    date_is("de", "2017-08-25", "Das teilte die ESA am Donnerstag mit.", "Donnerstag", "2017-08-24",
            DOSSIER_DATE_DAY);
    date_is("es", "2020-11-18", "El fallo ocurrió en la madrugada del martes.", "martes", "2020-11-17",
            DOSSIER_DATE_DAY);
    date_is("de", "2024-07-10", "Die Rakete ist am Dienstagabend vom Weltraumbahnhof gestartet.", "Dienstagabend",
            "2024-07-09", DOSSIER_DATE_DAY);
    date_is("en", "2023-06-22", "The deal was signed last Thursday in Delhi.", "last Thursday", "2023-06-15",
            DOSSIER_DATE_DAY);
    date_is("ru", "2022-04-22", "В среду глава агентства выступил.", "среду", "2022-04-20", DOSSIER_DATE_DAY);
    date_is("en", NULL, "India on Wednesday signed the Artemis Accords.", "Wednesday", "", DOSSIER_DATE_NONE);
}
END_TEST

START_TEST(test_day_shifts_and_weekday_cues)
{
    /* one day from the sentence's previous date */
    date_is("en", "2023-04-29", "The crew reached the station on March 3, launched from Florida the previous day.",
            "previous day", "2023-03-02", DOSSIER_DATE_DAY);
    date_is("fr", "2024-06-01", "La sonde est arrivée en orbite le 5 mai et s'est posée le lendemain.", "lendemain",
            "2024-05-06", DOSSIER_DATE_DAY);
    date_is("de", "2023-04-29", "Die Crew erreichte die Station am 3. März, gestartet war sie am Vortag.", "Vortag",
            "2023-03-02", DOSSIER_DATE_DAY);
    date_is("ru", "2023-04-29", "Экипаж прибыл на станцию 3 марта, а стартовал днём ранее.", "днём ранее", "2023-03-02",
            DOSSIER_DATE_DAY);
    no_date("en", "2023-04-29", "The probe had been launched the previous day, officials said.", "previous day");
    /* a weekday followed by last / next (2024-02-08 and 2024-01-25 are Thursdays) */
    date_is("fr", "2024-02-08", "Les entreprises désignées mardi dernier pourront lancer leurs fusées.",
            "mardi dernier", "2024-02-06", DOSSIER_DATE_DAY);
    date_is("fr", "2024-01-25", "La sonde américaine s'est désintégrée jeudi dernier.", "jeudi dernier",
            "2024-01-18", DOSSIER_DATE_DAY);
    date_is("fr", "2024-01-25", "Le ministre partira jeudi prochain pour la Guyane.", "jeudi prochain", "2024-02-01",
            DOSSIER_DATE_DAY);
    /* Russian weekdays need a preposition: "среда" is also the environment */
    date_is("ru", "2022-04-22", "Агентство сообщило об этом во вторник.", "вторник", "2022-04-19", DOSSIER_DATE_DAY);
    no_date("ru", "2022-04-22", "Окружающая среда на станции остаётся стабильной.", "среда");
    no_date("ru", "2022-04-22", "Учёные изучают, как космическая среда влияет на экипаж.", "среда");
    no_date("ru", "2022-04-22", "Загрязнение среды обитания растёт.", "среды");
}
END_TEST

START_TEST(test_false_friends)
{
    no_date("en", "2020-07-23", "China's Long March 5 lifted off from Wenchang.", "March");
    no_date("en", "2020-07-23", "Prime Minister Theresa May spoke to reporters.", "May");
    no_date("en", "2020-07-23", "The crew may land soon, officials said.", "may");
    no_date("fr", "2020-07-23", "Le rover doit se poser sur Mars grâce à la plateforme.", "Mars");
    no_date("de", "2017-08-25", "ESA-Chef Karl Haller sagte, Europa wolle Astronauten schicken.", "Jan");
    no_date("en", "2017-08-25", "The station orbits at about 2000 km above Earth.", "2000");
    no_date("de", "2017-08-25", "Die Station soll Anfang der 2020er Jahre fertig sein.", "2020");
    no_date("en", "2017-08-25", "The satellite rode a Falcon 9 into a low orbit.", "9");
}
END_TEST

/* Asserts what dossier_dates_parse() finds in a dateline. */
static void parses(const char *text, const char *lang, const char *value, int prec)
{
    char out[11];
    int p = -1;
    int rc = dossier_dates_parse(out, &p, text, strlen(text), lang, dossier_test_lexicon());
    ck_assert_msg(rc == DOSSIER_OK, "\"%s\": %d", text, rc);
    ck_assert_msg(strcmp(out, value) == 0, "\"%s\": got \"%s\", wanted \"%s\"", text, out, value);
    ck_assert_int_eq(p, prec);
}

START_TEST(test_parse)
{
    parses("Published 10 February 2021", "en", "2021-02-10", DOSSIER_DATE_DAY);
    parses("Jun 23, 2023, 09:47 IST | 3 min read", "en", "2023-06-23", DOSSIER_DATE_DAY);
    parses("August 16, 2022 · 1,284 views", "en", "2022-08-16", DOSSIER_DATE_DAY);
    parses("Publié le 13/07/2022 à 08h45", "fr", "2022-07-13", DOSSIER_DATE_DAY);
    parses("MOSCOU, 20 août 2023 (AFP) -", "fr", "2023-08-20", DOSSIER_DATE_DAY);
    parses("25.08.2017, 14:32 Uhr", "de", "2017-08-25", DOSSIER_DATE_DAY);
    parses("Madrid, 18 de noviembre de 2020", "es", "2020-11-18", DOSSIER_DATE_DAY);
    parses("22.04.2022 103 просмотров", "ru", "2022-04-22", DOSSIER_DATE_DAY);
    parses("2023-06-22", NULL, "2023-06-22", DOSSIER_DATE_DAY);
    parses("Updated in March 2021", "en", "2021-03", DOSSIER_DATE_MONTH);
    char out[11];
    int p;
    const char *none = "Published on Monday by our staff";
    ck_assert_int_eq(dossier_dates_parse(out, &p, none, strlen(none), "en", dossier_test_lexicon()),
                     DOSSIER_ENOTFOUND);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(p, DOSSIER_DATE_NONE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("dates");
    tcase_add_test(tc, test_every_first_word);
    tcase_add_test(tc, test_absolute);
    tcase_add_test(tc, test_two_years);
    tcase_add_test(tc, test_months_without_year);
    tcase_add_test(tc, test_relative);
    tcase_add_test(tc, test_offsets);
    tcase_add_test(tc, test_weekdays);
    tcase_add_test(tc, test_vague_and_carried_offsets);
    tcase_add_test(tc, test_past_auxiliary);
    tcase_add_test(tc, test_dateline_anchor);
    tcase_add_test(tc, test_day_shifts_and_weekday_cues);
    tcase_add_test(tc, test_false_friends);
    tcase_add_test(tc, test_parse);
    suite_add_tcase(s, tc);
    return dossier_test_run(s);
}
