/*
 * check_events.c — events from trigger words (lib/events.c): kinds in
 * several languages, their dates and participants, and the triggers that
 * report no event ("launch site", "could launch", "has not signed", "named
 * after", a construction without a thing built, boilerplate lines), and kinds
 * that only a user's language file names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/pipeline.h"
#include "read/source.h"
#include "testutil.h"

/* An analysed article with language and publication date (or none). */
static dossier_doc *article(const char *lang, const char *published, const char *body)
{
    static char text[4096];
    if (published)
        snprintf(text, sizeof text, "---\ntitle: Test\nlanguage: %s\npublished: %s\n---\n%s\n", lang, published,
                 body);
    else
        snprintf(text, sizeof text, "---\ntitle: Test\nlanguage: %s\n---\n%s\n", lang, body);
    return dossier_test_doc(text);
}

/* How many events of `kind` the doc holds; *first receives the first. */
static size_t count(const dossier_doc *d, const char *kind, const dossier_event **first)
{
    size_t n = 0;
    for (size_t i = 0; i < d->events.n; i++)
        if (strcmp(d->events.v[i].kind, kind) == 0 && n++ == 0 && first)
            *first = &d->events.v[i];
    return n;
}

/* The date of an event, "" when it has none. */
static const char *date_of(const dossier_doc *d, const dossier_event *e)
{
    return e->timex >= 0 ? d->timexes.v[e->timex].value : "";
}

/* Non-zero when entity `name` takes part in the event. */
static int takes_part(const dossier_doc *d, const dossier_event *e, const char *name)
{
    int ent = dossier_test_entity(d, name);
    for (size_t i = 0; ent >= 0 && i < e->participants.n; i++)
        if (e->participants.v[i] == ent)
            return 1;
    return 0;
}

/* Asserts one event of `kind` in `body`, dated `date`, with participant `who`. */
static void event_is(const char *lang, const char *published, const char *body, const char *kind,
                     const char *date, const char *who)
{
    dossier_doc *d = article(lang, published, body);
    const dossier_event *e = NULL;
    size_t n = count(d, kind, &e);
    ck_assert_msg(n == 1, "\"%s\": %zu %s events, wanted 1", body, n, kind);
    ck_assert_msg(strcmp(date_of(d, e), date) == 0, "\"%s\": %s dated \"%s\", wanted \"%s\"", body, kind,
                  date_of(d, e), date);
    ck_assert_msg(takes_part(d, e, who), "\"%s\": %s without %s", body, kind, who);
    dossier_test_doc_free(d);
}

/* Asserts that `body` reports no event of `kind`. */
static void no_event(const char *lang, const char *body, const char *kind)
{
    dossier_doc *d = article(lang, "2023-06-22", body);
    size_t n = count(d, kind, NULL);
    ck_assert_msg(n == 0, "\"%s\": %zu %s events, wanted none", body, n, kind);
    dossier_test_doc_free(d);
}

START_TEST(test_kinds_en)
{
    event_is("en", "2023-06-22", "NASA launched the Orion capsule on Wednesday from Florida, the agency said.",
             "launch", "2023-06-21", "Orion");
    event_is("en", "2023-06-22", "India on Wednesday signed the Artemis Accords at a ceremony in Washington.",
             "agreement", "2023-06-21", "India");
    event_is("en", "2022-04-22", "In early April, Roscosmos chief Oleg Sorin said in an interview with Reuters "
             "that talks went on.", "interview", "2022-04", "Reuters");
    event_is("en", "2022-04-22", "Oleg Sorin, the head of Roscosmos, has told Reuters that he looks forward to "
             "more work with China.", "interview", "2022-04", "Reuters");
    event_is("en", "2022-08-16", "Ilya Markov, who has headed Roscosmos since mid-July, said the station would "
             "fly in a high orbit.", "appointment", "2022-07", "Roscosmos");
    event_is("en", "2023-08-21", "Chandrayaan-3 is due to attempt its own landing near the lunar south pole, on "
             "Wednesday, ISRO said.", "landing", "2023-08-23", "Chandrayaan-3");
}
END_TEST

START_TEST(test_kinds_other_languages)
{
    event_is("fr", "2023-04-15", "Le Brésil et la Chine ont signé vendredi à Pékin un accord sur un nouveau "
             "satellite commun.", "agreement", "2023-04-14", "Brazil");
    event_is("de", "2017-08-25", "Zwei Astronauten der ESA absolvierten im August ein Überlebenstraining mit "
             "chinesischen Kollegen vor der Küste Chinas.", "training", "2017-08", "European Space Agency");
    event_is("ru", "2022-04-22", "Роскосмос в среду запустил с космодрома спутник для Ирана, сообщили в "
             "корпорации.", "launch", "2022-04-20", "Roscosmos");
    event_is("es", "2020-11-18", "El Vega despegó el martes desde Kurú con dos satélites de la ESA a bordo.",
             "launch", "2020-11-17", "European Space Agency");
    event_is("fr", "2021-11-09", "L'astronaute Thomas Pesquet a amerri lundi au large de la Floride à bord "
             "d'une capsule de SpaceX.", "landing", "2021-11-08", "SpaceX");
    event_is("en", "2022-04-22", "Speaking at the international navigation forum in Moscow on Wednesday, Roscosmos "
             "chief Oleg Sorin praised GLONASS.", "forum", "2022-04-20", "Oleg Sorin");
}
END_TEST

START_TEST(test_dates_and_merging)
{
    /* a date inside reported speech dates what is reported, not the interview */
    event_is("ru", "2023-06-02", "В интервью ТАСС Илья Марков заявил, что Россия и Китай подпишут соглашение в "
             "следующем году.", "interview", "2023-06", "TASS");
    event_is("en", "2021-11-09", "Thomas Pesquet returned to Earth on Monday aboard a SpaceX capsule, the ESA said.",
             "landing", "2021-11-08", "SpaceX");
    /* an undated event is of the publication month; two reports of one event are one */
    event_is("en", "2018-11-08", "Russia and China signed an agreement on satellite navigation with GLONASS. "
             "The agreement makes GLONASS and BeiDou compatible, officials in Beijing said.", "agreement",
             "2018-11", "GLONASS");
    dossier_doc *d = article("en", "2018-11-08", "Russia and China have signed an agreement on GLONASS and "
                             "BeiDou, officials said.\n\nThe document was signed in Beijing on Wednesday by "
                             "Russia and China after long talks between the two sides.");
    const dossier_event *e = NULL;
    ck_assert_uint_eq(count(d, "agreement", &e), 1);
    ck_assert_str_eq(date_of(d, e), "2018-11-07");
    dossier_test_doc_free(d);
    /* no publication date: undated */
    d = article("en", NULL, "Russia and China signed an agreement on satellite navigation with GLONASS, officials "
                "said.");
    ck_assert_uint_eq(count(d, "agreement", &e), 1);
    ck_assert_str_eq(date_of(d, e), "");
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_ongoing)
{
    /* one war per article, dated when it began */
    dossier_doc *d = article("fr", "2022-07-13", "La coopération est suspendue depuis le mois de mars après "
                             "l'invasion de l'Ukraine par la Russie.\n\nDès le 26 février, deux jours après le début "
                             "de l'offensive russe contre l'Ukraine, Roscosmos a rappelé ses techniciens.");
    const dossier_event *e = NULL;
    ck_assert_uint_eq(count(d, "conflict", &e), 1);
    ck_assert_str_eq(date_of(d, e), "2022-02-24");
    ck_assert(takes_part(d, e, "Ukraine"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_listed_items)
{
    dossier_doc *d = article("en", "2025-04-23", "SpaceX launched Starlink satellites in 2019, a Dragon capsule in "
                             "2020 and a Starship prototype last May, company officials said.");
    ck_assert_uint_eq(count(d, "launch", NULL), 3);
    const char *want[][2] = {{"2019", "Starlink"}, {"2020", "Dragon"}, {"2024-05", "Starship"}};
    size_t k = 0;
    for (size_t i = 0; i < d->events.n; i++) {
        const dossier_event *e = &d->events.v[i];
        if (strcmp(e->kind, "launch") != 0)
            continue;
        ck_assert_str_eq(date_of(d, e), want[k][0]);
        ck_assert_msg(takes_part(d, e, want[k][1]), "launch %zu without %s", k, want[k][1]);
        k++;
    }
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_false_friends)
{
    no_event("en", "NASA engineers inspected the launch site in Florida on Monday, the agency said.", "launch");
    no_event("en", "Officials said NASA could launch the Orion capsule next year from Florida.", "launch");
    no_event("en", "Officials said NASA plans to launch another Orion capsule from Florida.", "launch");
    no_event("en", "China and Russia have not signed the Artemis Accords, officials in Washington said.",
             "agreement");
    no_event("en", "The Tiangong station, named after a palace in a legend, orbits the Earth.", "appointment");
    no_event("en", "China and Russia discussed the construction of spacecraft in Moscow on Monday.",
             "construction");
    no_event("en", "Russia threatened to let the International Space Station crash into the ocean.", "landing");
    no_event("fr", "La NASA pourrait lancer la capsule Orion l'an prochain depuis la Floride.", "launch");
    no_event("de", "Die ESA könnte die Mission Orion im nächsten Jahr starten, sagte ein Sprecher.", "launch");
    no_event("ru", "Роскосмос не подписал соглашение с NASA, сообщили в корпорации.", "agreement");
    no_event("en", "NASA launched an investigation into the Orion heat shield on Monday.", "launch");
    no_event("de", "Der Start war ursprünglich für 2020 geplant, sagte ein Sprecher der ESA.", "launch");
    no_event("de", "Die ESA will im Herbst eine Entscheidung treffen, sagte Josef Aschbacher in Paris.", "meeting");
    /* the trigger is part of a name */
    no_event("en", "Three astronauts arrived at the Jiuquan Satellite Launch Center on Monday for checks.",
             "launch");
}
END_TEST

START_TEST(test_stems_and_forms)
{
    /* Russian forms not listed word by word, found by their stems */
    event_is("ru", "2024-04-07", "Корабль «Союз» совершил посадку в Казахстане в субботу.", "landing",
             "2024-04-06", "Soyuz");
    event_is("ru", "2024-03-25", "Роскосмос руководил запуском корабля «Союз» с Байконура в субботу.", "launch",
             "2024-03-23", "Soyuz");
    event_is("ru", "2023-04-26", "Указ о назначении Илья Марков получил в июле 2022 года.", "appointment",
             "2022-07", "Илья Марков");
    event_is("ru", "2023-04-26", "Экипаж вернётся на Землю 6 апреля на корабле «Союз».", "landing", "2023-04-06",
             "Soyuz");
    /* boarding is no landing */
    no_event("ru", "Экипаж помахал родным перед посадкой в корабль «Союз» на Байконуре.", "landing");
    /* German and French forms */
    event_is("de", "2023-03-10", "Die Regierung in Berlin hat am Mittwoch die neue Strategie beschlossen.",
             "announcement", "2023-03-08", "Berlin");
    event_is("fr", "2023-11-08", "Le dernier vol d'Ariane 5 a eu lieu en juillet depuis Kourou.", "launch",
             "2023-07", "Ariane 5");
}
END_TEST

START_TEST(test_announcements_and_contracts)
{
    event_is("en", "2024-01-26", "The results were presented at a press conference in Tokyo on Thursday.",
             "announcement", "2024-01-25", "Tokyo");
    event_is("fr", "2024-02-08", "Le ministre a présenté le projet lors d'une conférence de presse à Paris.",
             "announcement", "2024-02", "Paris");
    /* an organisation as the first part of a compound is no outlet */
    no_event("de", "Alle Ressorts müssten sparen, sagte der FDP-Vorsitzende in Berlin.", "interview");
    /* the words of a press conference are no forum */
    no_event("en", "Officials spoke at a press conference in Tokyo on Monday.", "forum");
    event_is("en", "2023-05-19", "In April 2021, NASA awarded SpaceX a contract for a lunar lander.", "agreement",
             "2021-04", "SpaceX");
    /* a sentence naming nothing that opens its paragraph takes the paragraph before's last sentence */
    event_is("en", "2023-05-19", "NASA on Friday selected SpaceX for a second lunar lander.\n\n"
             "The contract is worth two billion dollars.", "agreement", "2023-05", "SpaceX");
}
END_TEST

START_TEST(test_future_purpose_and_people)
{
    /* a purpose ("to land") or a future whose date lies before publication is no event */
    no_event("en", "In 2021, NASA picked SpaceX for a contract to land astronauts on the Moon.", "landing");
    no_event("en", "In 2020, NASA decided that Boeing will build the core stage.", "construction");
    /* a coming event with a coming date stays */
    event_is("en", "2023-05-19", "NASA said Boeing will build a new stage in 2026.", "construction", "2026",
             "Boeing");
    no_event("de", "Im Jahr 2021 erhielt SpaceX den Auftrag, um Astronauten auf dem Mond zu landen.", "landing");
    event_is("de", "2023-05-19", "Der Kanzler war am Montag zu Besuch in Moskau.", "visit", "2023-05-15", "Moscow");
    /* an event called off did not take place */
    no_event("en", "The launch of the Soyuz rocket on Thursday was scrubbed at the last minute.", "launch");
    no_event("ru", "Первая попытка запуска ракеты «Союз» в четверг была прервана автоматикой.", "launch");
    no_event("de", "Der Start der Sojus-Rakete am Donnerstag wurde kurzfristig abgesagt.", "launch");
    /* an appointment needs a person */
    no_event("fr", "Le CNES a désigné mardi les sociétés Arianespace et Avio pour le site de Kourou.",
             "appointment");
    /* the previous day of the sentence's date */
    event_is("en", "2023-04-29", "The crew reached the station on March 3 aboard a Crew Dragon capsule, "
             "launched from Florida the previous day.", "launch", "2023-03-02", "Dragon");
}
END_TEST

/* Two triggers in one sentence split its participants at the first clause break after the first. */
START_TEST(test_regions)
{
    dossier_doc *d = article("en", "2023-06-22",
                             "Roscosmos launched the Soyuz rocket in March, and NASA signed an agreement with "
                             "Japan in May.");
    const dossier_event *l = NULL, *a = NULL;
    ck_assert_uint_eq(count(d, "launch", &l), 1);
    ck_assert_uint_eq(count(d, "agreement", &a), 1);
    ck_assert(takes_part(d, l, "Soyuz"));
    ck_assert(!takes_part(d, l, "Japan"));
    ck_assert(takes_part(d, a, "Japan"));
    ck_assert(!takes_part(d, a, "Soyuz"));
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(test_boilerplate)
{
    dossier_doc *d = article("en", "2023-06-22",
                             "India signed the Artemis Accords in Washington on Wednesday, officials said.\n\n"
                             "Read more: SpaceX launched a Falcon 9 rocket from Florida\n\n"
                             "Previous post NASA launches Orion capsule to the Moon");
    ck_assert_uint_eq(count(d, "agreement", NULL), 1);
    ck_assert_uint_eq(count(d, "launch", NULL), 0);
    dossier_test_doc_free(d);
}
END_TEST

/* A headline or subhead (no final punctuation) gives no event: the body tells it, with its own date. */
START_TEST(test_headings)
{
    dossier_doc *d = article("en", "2023-06-22",
                             "Orion lifts off from Florida; docking expected on Saturday\n\n"
                             "NASA launched the Orion capsule on Tuesday from Florida, the agency said.");
    const dossier_event *e = NULL;
    ck_assert_uint_eq(count(d, "launch", &e), 1);
    ck_assert_str_eq(date_of(d, e), "2023-06-20");
    dossier_test_doc_free(d);
    no_event("fr", "Ottawa confie à la NASA la construction du bras\n\nLe texte suit.", "interview");
}
END_TEST

/* "since 1972" bounds a one-time event; "by 2030" makes it a plan; lasting things keep such dates. */
START_TEST(test_bounding_dates)
{
    event_is("en", "2023-06-22", "For the first time since 1972, NASA launched a crewed Orion capsule.", "launch",
             "2023-06", "Orion");
    event_is("de", "2025-06-26", "Zum ersten Mal seit 1978 ist die Sojus-Kapsel der NASA wieder gestartet.",
             "launch", "2025-06", "NASA");
    no_event("en", "NASA expects ten Orion launches a year by 2030.", "launch");
    no_event("de", "Nach Angaben der ESA soll die Zahl der Starts bis 2030 auf zehn steigen.", "launch");
    no_event("fr", "Le CNES vise un premier décollage de la fusée Soyuz depuis Kourou dès 2030.", "launch");
    event_is("ru", "2024-04-11", "Стартовый комплекс для ракеты «Союз» на Байконуре строился с 2018 года.",
             "construction", "2018", "Soyuz");
    /* a range of days is no target; flights between two years are a series */
    event_is("de", "2024-05-01", "Der Kongress der ESA fand vom 3. bis 5. April in Paris statt.", "forum",
             "2024-04-05", "Paris");
    no_event("fr", "Les fusées Soyuz de la NASA avaient décollé de Kourou entre 1970 et 1975.", "launch");
}
END_TEST

/* What a contract or a site is for is no event; building without a date is work going on. */
START_TEST(test_purpose_nouns)
{
    dossier_doc *d = article("en", "2023-06-22",
                             "NASA signed a contract with ESA on Monday for the construction of the Orion module.");
    ck_assert_uint_eq(count(d, "agreement", NULL), 1);
    ck_assert_uint_eq(count(d, "construction", NULL), 0);
    dossier_test_doc_free(d);
    no_event("fr", "L'ESA a signé mardi avec la NASA un contrat pour la construction du module Orion.",
             "construction");
    no_event("fr", "Entre 2010 et 2015, la NASA a ouvert des installations pour l'assemblage de la capsule Orion.",
             "construction");
    no_event("en", "Assembly of the Soyuz rockets is gradually moving from Moscow to Samara.", "construction");
    no_event("ru", "Сборка ракет «Союз» постепенно переносится из Москвы в Самару.", "construction");
    event_is("en", "2023-06-22", "NASA began the construction of the Orion module in 2021.", "construction", "2021",
             "Orion");
}
END_TEST

/* Opening a congress is the congress; "a mission to reach" no launch; a dated flight from a place is one. */
START_TEST(test_kind_cues)
{
    dossier_doc *d = article("de", "2024-10-16", "Die ESA hatte den Kongress am Montag in Paris eröffnet.");
    ck_assert_uint_eq(count(d, "forum", NULL), 1);
    ck_assert_uint_eq(count(d, "announcement", NULL), 0);
    dossier_test_doc_free(d);
    no_event("en", "Orion was the first NASA mission to reach lunar orbit.", "launch");
    event_is("en", "2023-06-22", "In 2022, NASA flew the Orion mission to the Moon.", "launch", "2022", "Orion");
    event_is("ru", "2024-04-11", "Первый испытательный пуск состоялся в декабре 2014 года с космодрома Байконур.",
             "launch", "2014-12", "Baikonur");
    event_is("ru", "2024-06-07", "Ракета «Союз» в четверг совершила испытательный полёт с Байконура.", "launch",
             "2024-06-06", "Soyuz");
    no_event("ru", "Ракета «Союз» стоит на пусковой площадке Байконура.", "launch");
    no_event("de", "Die Daten der Orion-Kapsel der NASA würden nach der Landung ausgewertet.", "landing");
    no_event("fr", "Le bras de la NASA capture des véhicules de visite.", "visit");
}
END_TEST

START_TEST(test_mergers_and_approvals)
{
    /* a merger is an agreement; approving it is the agreement, no announcement */
    event_is("en", "2024-05-16", "Shareholders of Arianespace on Tuesday approved the merger with Thales Alenia Space.",
             "agreement", "2024-05-14", "Arianespace");
    no_event("en", "Shareholders of Arianespace on Tuesday approved the merger with Thales Alenia Space.",
             "announcement");
    event_is("fr", "2024-05-17", "Les actionnaires d'Arianespace ont approuvé mardi la fusion, qui entend rivaliser "
             "avec SpaceX.", "agreement", "2024-05-14", "Arianespace");
    event_is("de", "2024-05-17", "Die Fusion von Arianespace mit einem Partner wurde im März besiegelt.",
             "agreement", "2024-03", "Arianespace");
    /* a law adopted stays an announcement */
    event_is("fr", "2024-05-17", "Le Parlement a adopté mardi la loi sur l'espace proposée par le CNES.",
             "announcement", "2024-05-14", "Centre national d'études spatiales");
}
END_TEST

START_TEST(test_announced_and_decisions)
{
    /* a deal announced on a date of its own: the announcement */
    event_is("en", "2024-06-10", "The partnership of ESA and JAXA was announced in March last year.",
             "announcement", "2023-03", "European Space Agency");
    event_is("fr", "2024-06-10", "Le projet du CNES avait été annoncé en mars 2023.", "announcement", "2023-03",
             "Centre national d'études spatiales");
    /* an organisation calling something off on a date decided it */
    event_is("en", "2022-10-13", "In May 2021, ESA postponed the flight because of a software fault.",
             "announcement", "2021-05", "European Space Agency");
    no_event("en", "The flight of ESA's probe was postponed in May 2021.", "announcement");
    /* the lede's news told by an organisation on a date */
    event_is("de", "2024-03-13", "Die Sonde sei fertig. Sie sei am Montag übergeben worden, teilte die ESA am "
             "Dienstag mit.", "announcement", "2024-03-12", "European Space Agency");
    no_event("de", "Die Sonde ist fertig.\n\nSie sei am Montag übergeben worden, teilte die ESA am Dienstag mit.",
             "announcement");
}
END_TEST

START_TEST(test_attached_briefings)
{
    /* a press conference after the talks, or before a launch, is part of that event */
    no_event("en", "“We are ready,” the ESA director said at a press conference after the talks on Monday.",
             "announcement");
    event_is("en", "2023-06-22", "“We are ready,” the ESA director said at a press conference after the talks "
             "on Monday.", "meeting", "2023-06-19", "European Space Agency");
    no_event("ru", "«Мы готовы», — сказал глава Роскосмоса на предстартовой пресс-конференции в понедельник.",
             "announcement");
    event_is("en", "2024-01-26", "“We are ready,” the ESA director said at a press conference in Paris on Thursday.",
             "announcement", "2024-01-25", "European Space Agency");
}
END_TEST

START_TEST(test_plans_and_progress)
{
    /* building finished by a later year is a plan */
    no_event("en", "The programme of ESA foresees the construction of a spaceport by 2030.", "construction");
    /* a date after "and" dates the next verb, not a planned build */
    no_event("de", "Der Satellit der ESA soll in Bremen gebaut werden und 2027 ins All starten.", "construction");
    /* the progress of construction is work going on */
    no_event("ru", "Роскосмос и ЕКА в четверг обсудили ход строительства нового космодрома.", "construction");
    no_event("en", "ESA on Thursday discussed progress on construction of the new spaceport.", "construction");
    /* a dated deal whose sentence names nothing is about the article's main parties */
    event_is("en", "2023-06-22", "ESA and CNES share the spaceport. ESA pays most of it.\n\n"
             "The agreement on the project was signed in 2019.", "agreement", "2019", "European Space Agency");
}
END_TEST

START_TEST(test_general_news_and_noun_readings)
{
    /* the events of general news, with participants from their own sentence */
    event_is("en", "2016-06-10", "Paul Weber was arrested in Lyon on Tuesday after the protest.", "arrest",
             "2016-06-07", "Paul Weber");
    event_is("en", "2016-06-10", "Anna Berg resigned as chair of Acme Corp on Monday.", "resignation", "2016-06-06",
             "Anna Berg");
    event_is("en", "2016-06-10", "Anna Berg was elected mayor of Springfield in May.", "election", "2016-05",
             "Anna Berg");
    event_is("en", "2016-06-10", "A terrorist attack killed twelve people in Nice on Thursday.", "attack",
             "2016-06-09", "Nice");
    event_is("fr", "2016-06-10", "Marie Dupont a \u00e9t\u00e9 arr\u00eat\u00e9e mardi \u00e0 Lyon.", "arrest",
             "2016-06-07", "Marie Dupont");
    event_is("de", "2016-06-10", "Die Polizei hat Anna Berg am Dienstag in Bonn festgenommen.", "arrest",
             "2016-06-07", "Anna Berg");
    event_is("es", "2016-06-10", "Ana Torres fue detenida el martes en Sevilla.", "arrest", "2016-06-07",
             "Ana Torres");
    /* "land" and "trains" as nouns, a court's verdict naming nobody, an election talked about */
    no_event("en", "Paul Weber is the highest-ranking senator in the land, his office said.", "landing");
    no_event("en", "Anna Berg invested in Lakeside land deals in the 1980s.", "landing");
    no_event("en", "The city of Springfield bought new maglev trains from Acme Corp.", "training");
    no_event("en", "The court convicted the former mayor of fraud on Friday.", "verdict");
    no_event("en", "Anna Berg spoke about the coming election in Springfield.", "election");
    no_event("fr", "Marie Dupont demande la poursuite des travaux \u00e0 Lyon.", "lawsuit");
    /* verbs still: "will land" */
    event_is("en", "2023-06-22", "The Chandra lander will land on the Moon on 23 August, ISRO said.", "landing",
             "2023-08-23", "Moon");
}
END_TEST

/* A kind the code does not know comes from a user's language file, with its triggers in context. */
START_TEST(test_kinds_from_lexicon)
{
    dossier_lexicon *lx = NULL;
    char err[256];
    ck_assert_int_eq(dossier_lexicon_new(&lx, err, sizeof err), DOSSIER_OK);
    char path[] = "/tmp/dossier_events_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("language: en\nevent:\n  strike: [\"went on strike\", \"walked out\", walkout]\n", f);
    fclose(f);
    ck_assert_int_eq(dossier_lexicon_add_file(lx, path, err, sizeof err), DOSSIER_OK);
    unlink(path);
    static const char *const bodies[] = {
        "Dock workers at the port of Calder went on strike on Monday, the Calder Dockers Union said.",
        "The Calder Dockers Union could have walked out on Monday, but it did not.",
    };
    for (int i = 0; i < 2; i++) {
        char text[1024];
        snprintf(text, sizeof text, "---\ntitle: Test\nlanguage: en\npublished: 2024-03-06\n---\n%s\n", bodies[i]);
        dossier_doc d;
        dossier_doc_init(&d, lx, "test");
        ck_assert_int_eq(dossier_source_load(&d, text, strlen(text), DOSSIER_DEFAULT_MAX_BYTES), DOSSIER_OK);
        ck_assert_int_eq(dossier_pipeline_run(&d), DOSSIER_OK);
        const dossier_event *e = NULL;
        ck_assert_uint_eq(count(&d, "strike", &e), i == 0 ? 1 : 0); /* the second is hypothetical, and denied */
        if (i == 0)
            ck_assert_str_eq(date_of(&d, e), "2024-03-04");
        dossier_doc_free(&d);
    }
    /* without the file, no such kind */
    dossier_doc *d = article("en", "2024-03-06", bodies[0]);
    ck_assert_uint_eq(count(d, "strike", NULL), 0);
    dossier_test_doc_free(d);
    dossier_lexicon_free(lx);
}
END_TEST

/* French "a jugé" is mostly "deemed": a trial is passive ("sera jugé"). */
START_TEST(test_french_deemed_is_no_trial)
{
    no_event("fr", "Le ministre Paul Varenne a jug\u00e9 la gr\u00e8ve \u00ab incompr\u00e9hensible \u00bb.", "trial");
    event_is("fr", "2023-06-22", "Le chauffeur Marc Delorme sera jug\u00e9 le 3 juillet \u00e0 Nantes.", "trial",
             "2023-07-03", "Marc Delorme");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("events");
    TCase *tc = tcase_create("events");
    tcase_add_test(tc, test_kinds_en);
    tcase_add_test(tc, test_kinds_other_languages);
    tcase_add_test(tc, test_dates_and_merging);
    tcase_add_test(tc, test_ongoing);
    tcase_add_test(tc, test_listed_items);
    tcase_add_test(tc, test_false_friends);
    tcase_add_test(tc, test_stems_and_forms);
    tcase_add_test(tc, test_announcements_and_contracts);
    tcase_add_test(tc, test_future_purpose_and_people);
    tcase_add_test(tc, test_regions);
    tcase_add_test(tc, test_boilerplate);
    tcase_add_test(tc, test_headings);
    tcase_add_test(tc, test_bounding_dates);
    tcase_add_test(tc, test_purpose_nouns);
    tcase_add_test(tc, test_kind_cues);
    tcase_add_test(tc, test_mergers_and_approvals);
    tcase_add_test(tc, test_announced_and_decisions);
    tcase_add_test(tc, test_attached_briefings);
    tcase_add_test(tc, test_plans_and_progress);
    tcase_add_test(tc, test_general_news_and_noun_readings);
    tcase_add_test(tc, test_kinds_from_lexicon);
    tcase_add_test(tc, test_french_deemed_is_no_trial);
    suite_add_tcase(s, tc);
    return dossier_test_run(s);
}
