/*
 * check_roles.c — (person, title, organisation) roles in the patterns of
 * several languages, and sentences where a title must give no role.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "base/util.h"

/* Non-zero when two names fold alike. */
static int same(const char *a, const char *b)
{
    char *x = dossier_fold(a, strlen(a)), *y = dossier_fold(b, strlen(b));
    int eq = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return eq;
}

/*
 * Non-zero when the text yields the role (person, organisation) and the
 * title holds the word `title_word` (NULL: any title).
 */
static int has_role(const char *text, const char *person, const char *org, const char *title_word)
{
    dossier_doc *d = dossier_test_doc(text);
    int found = 0;
    for (size_t r = 0; r < d->roles.n && !found; r++) {
        const dossier_role *ro = &d->roles.v[r];
        if (!same(d->entities.v[ro->person].name, person) || !same(d->entities.v[ro->organization].name, org))
            continue;
        char *t = dossier_fold(ro->title, strlen(ro->title)), *w = title_word ? dossier_fold(title_word, strlen(title_word)) : NULL;
        found = !w || (t && strstr(t, w) != NULL);
        free(t);
        free(w);
    }
    dossier_test_doc_free(d);
    return found;
}

/* Number of roles the text yields. */
static size_t count_roles(const char *text)
{
    dossier_doc *d = dossier_test_doc(text);
    size_t n = d->roles.n;
    dossier_test_doc_free(d);
    return n;
}

START_TEST(title_before_name)
{
    ck_assert(has_role("Roscosmos Director General Anton Volkov said the work would go on.", "Anton Volkov",
                       "Roscosmos", "director general"));
    ck_assert(has_role("In April, Director General of Roscosmos Anton Volkov spoke to reporters.", "Anton Volkov",
                       "Roscosmos", "director general"));
    ck_assert(has_role("Chinese Foreign Ministry spokesman Wang Lixin said China was ready.", "Wang Lixin",
                       "Chinese Foreign Ministry", "spokesman"));
    ck_assert(has_role("Iran's Minister of Communications Reza Tavakoli watched the launch.", "Reza Tavakoli",
                       "Iran", "minister"));
    ck_assert(has_role("Russian Prime Minister Pavel Orlov chaired the meeting.", "Pavel Orlov", "Russia",
                       "prime minister"));
    ck_assert(has_role("Plus tard, le PDG de Roscosmos, Anton Volkov, a déclaré que le projet avançait.",
                       "Anton Volkov", "Roscosmos", "PDG"));
    ck_assert(has_role("ESA-Chef Karl Haller sagte, Europa wolle mitfliegen.", "Karl Haller", "European Space Agency",
                       NULL));
    ck_assert(has_role("Глава Роскосмоса Илья Марков заявил, что станция будет построена.", "Илья Марков",
                       "Roscosmos", "глава"));
    ck_assert(has_role("Генеральный директор госкорпорации «Роскосмос» Илья Марков заявил о планах.",
                       "Илья Марков", "Roscosmos", "директор"));
    ck_assert(has_role("Der Chef der US-Raumfahrtbehörde Nasa, Bill Nelson, kündigte die Mission an.", "Bill Nelson",
                       "NASA", "Chef"));
    ck_assert(has_role("Об этом сообщили в Москве. Министр иностранных дел Индии Субрахманьям Джайшанкар "
                       "подтвердил планы, а также рассказал о новой станции.",
                       "Субрахманьям Джайшанкар", "India", "министр"));
    ck_assert(has_role("KARI's head of lunar exploration, Park Jinwoo, said the orbit was stable.", "Park Jinwoo",
                       "Korea Aerospace Research Institute", "head"));
}
END_TEST

START_TEST(apposition_after_name)
{
    ck_assert(has_role("\"We are ready,\" said Anton Volkov, the head of Roscosmos, on Monday.", "Anton Volkov",
                       "Roscosmos", "head"));
    ck_assert(has_role("The plan was confirmed by Wu Lihua, CNSA deputy director.", "Wu Lihua",
                       "China National Space Administration", "deputy director"));
    ck_assert(has_role("« Le rover est prêt », a dit Claire Morel, directrice de l'ESA.", "Claire Morel",
                       "European Space Agency", "directrice"));
    ck_assert(has_role("Frank Vogel, Leiter des Europäischen Astronautenzentrums, lobte die Zusammenarbeit.",
                       "Frank Vogel", "European Astronaut Centre", "Leiter"));
    ck_assert(has_role("Lee Minho, who heads KARI, called it a great moment.", "Lee Minho",
                       "Korea Aerospace Research Institute", "head"));
    ck_assert(has_role("Amira Haddad, the UAE's vice president and ruler of Dubai, welcomed the news.",
                       "Amira Haddad", "Dubai", "ruler"));
    ck_assert(has_role("Amira Haddad, the UAE's vice president and ruler of Dubai, welcomed the news.",
                       "Amira Haddad", "United Arab Emirates", "vice president"));
}
END_TEST

START_TEST(no_role)
{
    /* A title with no name, a name with no title, an occupation is no role. */
    ck_assert_uint_eq(count_roles("The director of Roscosmos said the launch was delayed."), 0);
    ck_assert_uint_eq(count_roles("Anton Volkov visited Roscosmos on Monday."), 0);
    ck_assert_uint_eq(count_roles("ESA astronaut Clara Brandt trained in Cologne."), 0);
    ck_assert_uint_eq(count_roles("Le porte-parole a refusé de commenter en mars."), 0);
}
END_TEST

START_TEST(compound_and_inflected_titles)
{
    /* "ACRONYM-Title X", "Programme-12-Title X" */
    ck_assert(has_role("Am Montag sagte VKRT-Hauptgeschäftsführer Jörn Vasquez in Bonn, die Branche brauche Aufträge.",
                       "Jörn Vasquez", "VKRT", NULL));
    ck_assert(has_role("Bei einer kurzen Zeremonie im Modul überreichte der Tianzhou-9-Kommandant Li Wenbo seinem "
                       "Nachfolger einen Schlüssel, wie die Agentur berichtete.",
                       "Li Wenbo", "Tianzhou-9", NULL));
    /* A German title compound of a minister: the country. */
    ck_assert(has_role("Deutschland will sparen. Bundesverkehrsminister Jonas Feldberg verteidigte am Montag den Entwurf.",
                       "Jonas Feldberg", "Germany", NULL));
    /* A Russian title in another case; the organisation with its country in the genitive. */
    ck_assert(has_role("По словам председателя Президиума Национальной академии наук Казахстана Ивана Петрова, "
                       "опыты будут продолжены.", "Ивана Петрова", "Национальной академии наук Казахстана", NULL));
    /* A title extension between the organisation and the person. */
    ck_assert(has_role("Исполнительный директор Роскосмоса по науке Игорь Смирнов сообщил журналистам о планах.",
                       "Игорь Смирнов", "Roscosmos", NULL));
}
END_TEST

START_TEST(organisation_links)
{
    /* "of X's Y": the second organisation is meant. */
    ck_assert(has_role("Marco Bellini, director of NASA's Jet Propulsion Laboratory, said the probe was healthy.",
                       "Marco Bellini", "Jet Propulsion Laboratory", NULL));
    /* A demonym spelt like a country's name in another language. */
    ck_assert(has_role("« L'accord est signé », a déclaré le ministre italien de la Défense, Marco Ferrandi.",
                       "Marco Ferrandi", "Italy", NULL));
    /* An acronym in brackets between the organisation and the person. */
    ck_assert(has_role("Samedi, le directeur du Centre national d'études spatiales (CNES), Lucien Varenne, a salué le tir.",
                       "Lucien Varenne", "Centre national d'études spatiales", "directeur"));
    /* "founded by X", "Company president X" */
    ck_assert(has_role("NASA picked SpaceX, the company founded by Elon Musk, for the lander.", "Elon Musk", "SpaceX",
                       "founder"));
    ck_assert(has_role("SpaceX flew its rocket again on Friday. Company president Mara Lindqvist said the next "
                       "flight could come soon.", "Mara Lindqvist", "SpaceX", "president"));
}
END_TEST

START_TEST(fields_and_other_people)
{
    /* A field with "and" in a minister's title; the country the article names. */
    ck_assert(has_role("Deutschland will mehr Geld ausgeben. Die Ministerin für Bildung und Forschung, Hanna Kreuzer, "
                       "kündigte am Montag zusätzliche Mittel an.", "Hanna Kreuzer", "Germany", NULL));
    /* An occupation between the comma and the name. */
    ck_assert(has_role("Der Leiter des Europäischen Astronautenzentrums, Professor Jens Lindemann, sprach von einem "
                       "Meilenstein für die Forschung.", "Jens Lindemann", "European Astronaut Centre", "Leiter"));
    /* Russian: the field and describing words in lower case before the organisation. */
    ck_assert(has_role("Министр цифрового развития Казахстана Жаслан Мадиев заявил, что космодром останется важным.",
                       "Жаслан Мадиев", "Kazakhstan", NULL));
    ck_assert(has_role("Как сообщил руководитель пресс-службы Роскосмоса Алексей Белякин, пуск намечен на осень.",
                       "Алексей Белякин", "Roscosmos", NULL));
    /* An academic occupation at an organisation; no role for an occupation alone. */
    ck_assert(has_role("Li Mingzhe, Professor an der Wuhan-Universität in China, war der erste Zivilist im All.",
                       "Li Mingzhe", "Wuhan-Universität", "Professor"));
    ck_assert_uint_eq(count_roles("Sandra Okafor, an astronaut, said the training was hard but useful."), 0);
    ck_assert(has_role("Arizona State University professor Nadia Brennan, who leads the camera team, said the images "
                       "were stunning.", "Nadia Brennan", "Arizona State University", "professor"));
    /* A head of state written with a capital inside the title. */
    ck_assert(has_role("Le chef de l'État indien, Ravi Shankaran, a félicité les équipes mercredi soir.", "Ravi Shankaran",
                       "India", NULL));
    /* "dessen Geschäftsführer X": the organisation named last. */
    ck_assert(has_role("Auch der Münchner Satellitenhersteller Kinetik Orbital ist beteiligt, wie dessen "
                       "Geschäftsführer Tobias Brandl mitteilte.", "Tobias Brandl", "Kinetik Orbital", NULL));
    /* German: a describing name before the acronym of the organisation. */
    ck_assert(has_role("Der Leiter des Europäischen Raumflugkontrollzentrums ESOC, Karl Bremer, bestätigte die "
                       "Verschiebung am Dienstag.", "Karl Bremer", "ESOC", "Leiter"));
    /* The title belongs to the person named right after it, not to a later one. */
    ck_assert(!has_role("Der französische Präsident Emmanuel Macron telefonierte am Montag mit Kanzler Scholz.",
                        "Scholz", "France", NULL));
}
END_TEST

START_TEST(fields_compounds_and_relatives)
{
    /* "X, Y's title" with an unknown Y. */
    ck_assert(has_role("\"It will fly next year,\" said Oskar Lindqvist, Veltrona's chief executive.",
                       "Oskar Lindqvist", "Veltrona", "chief executive"));
    /* A minister after a field of several items: the country the article names. */
    ck_assert(has_role("Norway will pay for the probe. Minister of Culture, Sport and Youth Hedda Vasquez said "
                       "Norway was proud.", "Hedda Vasquez", "Norway", "minister"));
    ck_assert(has_role("La Norvège paiera la sonde. Le ministre de la Culture, des Sports et de la Jeunesse, "
                       "Hedda Vasquez, a salué l'accord de la Norvège.", "Hedda Vasquez", "Norway", "ministre"));
    /* German: the field after "für", the organisation after "bei"; an organisation-title compound. */
    ck_assert(has_role("„Wir sind zurück“, sagte Jonas Ebert, Direktor für Bodenbetrieb bei der ESA.", "Jonas Ebert",
                       "European Space Agency", "Direktor"));
    ck_assert(has_role("Daniel Wendt, ESA-Direktor für Wissenschaft, nannte den Flug einen Erfolg.", "Daniel Wendt",
                       "European Space Agency", "Direktor"));
    ck_assert(has_role("In Bremen unterzeichnete die stellvertretende NASA-Administratorin Lena Hoff den Vertrag.",
                       "Lena Hoff", "NASA", "Administratorin"));
    /* French: "chef de la direction de Y". */
    ck_assert(has_role("Marc Tremblay, chef de la direction de la NASA, estime que le bras sera livré.", "Marc Tremblay",
                       "NASA", "chef"));
    /* A role across a relative clause after a describing noun. */
    ck_assert(has_role("Orvel Tanaka, the billionaire who chaired NASA in the nineties, said no.", "Orvel Tanaka",
                       "NASA", NULL));
    /* One describing word before the title in an apposition. */
    ck_assert(has_role("Karl Ott, the project director of NASA, told reporters the rover was fine.", "Karl Ott", "NASA",
                       "director"));
    /* A government's title belongs to its country. */
    ck_assert(has_role("Norwegen zahlt mit. Hedda Vasquez, Koordinatorin der Bundesregierung für Raumfahrt, sagte, "
                       "Norwegen sei stolz.", "Hedda Vasquez", "Norway", "Koordinatorin"));
    /* A company title with no organisation: the one the article names most. */
    ck_assert(has_role("NASA signed the deal. NASA will pay. Chief financial officer Tom Bale told analysts it would help.",
                       "Tom Bale", "NASA", "chief financial officer"));
    ck_assert_uint_eq(count_roles("Chief financial officer Tom Bale told analysts it would help."), 0);
    /* "X, who is the director of Y", "X, qui est le directeur de Y". */
    ck_assert(has_role("NASA will pay. Karl Ott, who is the director of NASA, said the lander was ready.", "Karl Ott",
                       "NASA", "director"));
    ck_assert(has_role("Karl Ott, qui est le directeur de la NASA, a déclaré que l'atterrisseur était prêt.", "Karl Ott",
                       "NASA", "directeur"));
    /* German: a describing adjective before an organisation-title compound. */
    ck_assert(has_role("Laut Tom Bale, stellvertretender NASA-Administrator, geht es der Sonde gut.", "Tom Bale", "NASA",
                       "Administrator"));
    /* Russian: the title's field in the genitive, then the country, then the name. */
    ck_assert(has_role("Космическое агентство заплатит за модуль. Министр экономики Франции Бруно Леметр приветствовал "
                       "соглашение.", "Бруно Леметр", "France",
                       "Министр"));
    /* False friend: a relative clause without a head verb gives nothing. */
    ck_assert_uint_eq(count_roles("Orvel Tanaka, the billionaire who visited NASA in the nineties, said no."), 0);
}
END_TEST

START_TEST(fields_lists_and_appointments)
{
    /* Russian: a field listing several items, joined by "и" and commas, before the country. */
    ck_assert(has_role("«Мы готовы», — заявил министр связи и информационных технологий Чили Пабло Варгас.", "Пабло Варгас",
                       "Chile", "министр"));
    ck_assert(has_role("Министр цифрового развития, инноваций и промышленности Казахстана Ержан Абенов сообщил, что всё "
                       "готово.", "Ержан Абенов", "Kazakhstan", "Министр"));
    /* Russian: a head, an adjective and its noun in the genitive. */
    ck_assert(has_role("Научный руководитель Института лунной геологии Иван Соколов считает, что это важно.",
                       "Иван Соколов", "Института лунной геологии", "руководитель"));
    /* Appointed: the title follows the name with no comma. */
    ck_assert(has_role("Le gouvernement a nommé Claire Vautrin directrice générale du CNES en mai.", "Claire Vautrin",
                       "Centre national d'études spatiales", "directrice"));
    ck_assert(has_role("Sarah Adebayo was appointed director of NASA in 2020.", "Sarah Adebayo", "NASA", "director"));
    ck_assert(has_role("Hans Walther wurde zum Direktor des DLR ernannt.", "Hans Walther", "German Aerospace Center",
                       "Direktor"));
    /* False friend: a title after a name that nobody appointed gives nothing. */
    ck_assert_uint_eq(count_roles("Yesterday Olu Adebayo director of nothing came home."), 0);
}
END_TEST

START_TEST(workplaces_and_merged_groups)
{
    /* The programme in the title's field belongs to the organisation after "beim", "at". */
    ck_assert(has_role("„Es geht voran“, sagte Gerd Walther, Projektleiter für ExoMars beim DLR.", "Gerd Walther",
                       "German Aerospace Center",
                       "Projektleiter"));
    ck_assert(!has_role("„Es geht voran“, sagte Gerd Walther, Projektleiter für ExoMars beim DLR.", "Gerd Walther",
                        "ExoMars", NULL));
    /* "who is based at Y": the person's organisation, not the mission of "the mission's". */
    ck_assert(has_role("The probe launched on Friday. \"It works,\" said Mara Quist, the mission's principal "
                       "investigator, who is based at Cornell University.", "Mara Quist", "Cornell University",
                       "principal investigator"));
    /* "who will become co-chairman of the merged group": the organisation the article names first. */
    ck_assert(has_role("Airbus shareholders approved the merger with Boeing. Ravi Anand, the founder of Anand Holdings, "
                       "who will become co-chairman of the merged group, praised the vote. Boeing agreed.",
                       "Ravi Anand", "Airbus", "co-chairman"));
    ck_assert(has_role("Airbus shareholders approved the merger with Boeing. Ravi Anand, the founder of Anand Holdings, "
                       "who will become co-chairman of the merged group, praised the vote. Boeing agreed.",
                       "Ravi Anand", "Anand Holdings", "founder"));
}
END_TEST

START_TEST(hypothetical_and_distant_countries)
{
    /* a hypothetical title, a country that is only the object of the sentence */
    ck_assert_uint_eq(count_roles("Paul Weber spoke in Ohio. He said a President Weber would not allow Norway "
                                  "to build more missiles. Norway has answered. Norway said no."), 0);
    /* the country the article names most, but not in the title's paragraph */
    ck_assert_uint_eq(count_roles("Norway tested a missile. Norway said it would test more. Norway is isolated.\n\n"
                                  "The group met Vice President Anna Berg in the capital."), 0);
    /* the country in the title's paragraph, also as a possessive after the name */
    ck_assert(has_role("India signed the accords.\n\nPrime Minister Ravi Kumar welcomed India's decision on Monday.",
                       "Ravi Kumar", "India", "prime minister"));
    ck_assert(has_role("India signed the accords in June. India will send a crew. Prime Minister Ravi Kumar spoke to reporters on Monday.",
                       "Ravi Kumar", "India", "prime minister"));
    /* a verb between the title and a name: the title is another person's */
    ck_assert_uint_eq(count_roles("Paul Weber spoke in Ohio. In June, the Norway senator called on his party to drop Anna Berg."), 0);
    ck_assert_uint_eq(count_roles("Weber, a former Norway senator and candidate, poked at Anna Berg on Monday."), 0);
}
END_TEST

START_TEST(general_news_titles)
{
    /* Courts, unions, parties and firms, with the organisation after the name. */
    ck_assert(has_role("Judge Oren Malvik of the Oslo District Court said the trial would resume next month.",
                       "Oren Malvik", "Oslo District Court", "judge"));
    ck_assert(has_role("Union leader Marta Grell of the Transport Workers Union said the strike would go on.",
                       "Marta Grell", "Transport Workers Union", "union leader"));
    ck_assert(has_role("Velto Group chief economist Anders Kruse said the offer was too low.", "Anders Kruse",
                       "Velto Group", "chief economist"));
    ck_assert(has_role("Marta Grell, general secretary of the Transport Workers Union, called the strike.",
                       "Marta Grell", "Transport Workers Union", "general secretary"));
    ck_assert(has_role("Oren Malvik, a judge at the Oslo District Court, adjourned the hearing.", "Oren Malvik",
                       "Oslo District Court", "judge"));
    ck_assert(has_role("La jueza Carmen Ortal, del Tribunal Supremo, dijo que el juicio seguiría en junio.",
                       "Carmen Ortal", "Tribunal Supremo", "jueza"));
    ck_assert(has_role("Oberstaatsanwältin Petra Lind von der Staatsanwaltschaft München sagte, die Ermittlungen "
                       "liefen noch.", "Petra Lind", "Staatsanwaltschaft München", "Oberstaatsanwältin"));
    ck_assert(has_role("Paul Mercadier, procureur de la République à Lyon, a déclaré que l'enquête continuait.",
                       "Paul Mercadier", "Lyon", "procureur"));
    /* An extension of the title stops before the small words of its organisation. */
    dossier_doc *d = dossier_test_doc("Marta Grell, secretary for policy of the Transport Workers Union, "
                                      "called the strike.");
    ck_assert_uint_eq(d->roles.n, 1);
    ck_assert_str_eq(d->roles.v[0].title, "secretary for policy");
    dossier_test_doc_free(d);
    /* What a quotation calls someone is no role the article states; an apostrophe opens no quotation. */
    ck_assert_uint_eq(count_roles("I hope the town says, \"Mayor Ilse Warnow of Harlow, thank you.\""), 0);
    ck_assert(has_role("The two parties' leaders met. Union leader Marta Grell of the Transport Workers Union "
                       "spoke first.", "Marta Grell", "Transport Workers Union", "union leader"));
    /* The false friends: a title whose organisation is not named, and a possessive head word
       ("the court's") that two courts of the article could own. */
    ck_assert_uint_eq(count_roles("Union leader Marta Grell said the strike would go on."), 0);
    ck_assert_uint_eq(count_roles("The Harlow Appeals Court and the Vell Supreme Court met. "
                                  "Then the court's chief judge, Oren Malvik, stepped aside."), 0);
    ck_assert(has_role("The Harlow Appeals Court heard the case. Then the court's chief judge, Oren Malvik, "
                       "stepped aside.", "Oren Malvik", "Harlow Appeals Court", "judge"));
}
END_TEST

START_TEST(lists_share_a_plural_title)
{
    const char *board = "Velto Group directors Anna Kolber, Ron Halder and Ilse Warnow signed the letter.";
    ck_assert(has_role(board, "Anna Kolber", "Velto Group", "directors"));
    ck_assert(has_role(board, "Ron Halder", "Velto Group", "directors"));
    ck_assert(has_role(board, "Ilse Warnow", "Velto Group", "directors"));
    /* The last name has a title of its own; the organisation comes after the list. */
    const char *crew = "Group Captains Anna Kolber, Ron Halder and Wing Commander Ilse Warnow of the Indian Air "
                       "Force were chosen.";
    ck_assert(has_role(crew, "Anna Kolber", "Indian Air Force", "captains"));
    ck_assert(has_role(crew, "Ron Halder", "Indian Air Force", "captains"));
    ck_assert(has_role(crew, "Ilse Warnow", "Indian Air Force", "commander"));
    /* False friends: a singular title is the first name's only, and a plural title word inside an
       organisation's name is no title. */
    ck_assert(!has_role("Velto Group director Anna Kolber and Ron Halder signed the letter.", "Ron Halder",
                        "Velto Group", NULL));
    dossier_doc *d = dossier_test_doc("Jana Orlik of the Harlow Board of Governors signed the letter.");
    int board_whole = 0;
    for (size_t e = 0; e < d->entities.n; e++)
        board_whole |= strcmp(d->entities.v[e].name, "Harlow Board of Governors") == 0;
    ck_assert(board_whole);
    dossier_test_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("roles");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, title_before_name);
    tcase_add_test(tc, apposition_after_name);
    tcase_add_test(tc, no_role);
    tcase_add_test(tc, compound_and_inflected_titles);
    tcase_add_test(tc, organisation_links);
    tcase_add_test(tc, fields_and_other_people);
    tcase_add_test(tc, fields_compounds_and_relatives);
    tcase_add_test(tc, fields_lists_and_appointments);
    tcase_add_test(tc, workplaces_and_merged_groups);
    tcase_add_test(tc, hypothetical_and_distant_countries);
    tcase_add_test(tc, general_news_titles);
    tcase_add_test(tc, lists_share_a_plural_title);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return dossier_test_run(suite());
}
