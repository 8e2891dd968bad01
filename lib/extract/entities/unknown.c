/*
 * unknown.c — names no list holds: where they end and what kind they are.
 *
 * An unknown name gets a kind only from a cue: a place word after it
 * ("crater", "Space Center"); a number in it or a programme word next to
 * it ("Venera-9", "the Juno probe", "la sonde X"); for a person, a title or
 * "Mr" before it, a first name, a speech verb next to it, an apposition
 * ("X, the director of", "X, the project director of"), an occupation
 * before it ("a second astronaut, X"), "X, the billionaire who"
 * (`entity.person_relatives`); an acronym in capitals is an organisation,
 * and so is a name that owns a title ("Y's chief executive").
 * Without a cue the name is left alone: German capitalises every noun.
 * Organisations written in sentence case ("Agence spatiale algérienne",
 * "Европейское космическое агентство") are found from a head word and
 * adjective endings (`entity.adjective_suffixes`).  Known names in
 * their inflected forms are known.c's; repeats.c holds the second pass.
 */
#include "extract/entities/finder.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/util.h"

/* See finder.h. */
int dossier_names_cyrillic(const char *w)
{
    for (; *w; w++)
        if ((unsigned char)*w == 0xD0 || (unsigned char)*w == 0xD1)
            return 1;
    return 0;
}

/* Non-zero when the token's text holds a digit. */
static int has_digit(const dossier_names *c, int i)
{
    for (const char *w = c->d->folds.v[i]; *w; w++)
        if (*w >= '0' && *w <= '9')
            return 1;
    return 0;
}

static int is_and_word(const dossier_names *c, int i);

/*
 * Non-zero when token i is a capitalised Russian adjective before a
 * lower-case word ("Международной космической станции"): it opens a
 * phrase in sentence case, no name of its own.  Not before a speech
 * verb: "... Толоие сообщил" ends a surname.
 */
static int ru_cap_adjective(const dossier_names *c, int i)
{
    int end = dossier_names_sent_end(c, i);
    return i + 1 < end && dossier_names_cyrillic(c->d->folds.v[i]) && dossier_names_adjective_ending(c, i) &&
           (c->d->tokens.v[i + 1].flags & DOSSIER_TOK_WORD) && !dossier_names_is_cap(c, i + 1) &&
           !dossier_names_lex(c, "entity.person_verbs", i + 1, i + 2); /* "Амир Толоие сообщил": a surname */
}

/* Non-zero when the German word at token i ends like a common noun ("-ung", "-keit"): no place. */
static int noun_ending(const dossier_names *c, int i)
{
    const dossier_phrase *const *suf;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "entity.noun_suffixes", &suf);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    for (size_t k = 0; k < n; k++) {
        size_t xl = strlen(suf[k]->words[0]);
        if (suf[k]->nwords == 1 && wl > xl + 2 && strcmp(w + wl - xl, suf[k]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* See finder.h.  German compounds count by their last part ("Weltraumorganisation"). */
int dossier_names_is_head(const dossier_names *c, int i)
{
    if (dossier_names_lex(c, "entity.org_heads", i, i + 1) == 1)
        return 1;
    /* English names travel: "Deep Space Industries" in a French article. */
    if (dossier_names_is_cap(c, i) &&
        dossier_lexicon_match(c->d->lex, "en", "entity.org_heads", (const char *const *)c->d->folds.v + i, 1, NULL))
        return 1;
    if (strcmp(c->lang, "de") != 0)
        return 0;
    const dossier_phrase *const *heads;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "entity.org_heads", &heads);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    static const char *const endings[] = {"", "s", "es", "n", "en"};
    for (size_t h = 0; h < n; h++) {
        if (heads[h]->nwords != 1)
            continue;
        const char *hw = heads[h]->words[0];
        size_t hl = strlen(hw);
        if (hl < 4)
            continue;
        for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
            size_t el = strlen(endings[e]);
            if (wl >= hl + el && wl > hl && memcmp(w + wl - hl - el, hw, hl) == 0 &&
                strcmp(w + wl - el, endings[e]) == 0)
                return 1;
        }
    }
    return 0;
}

/* Non-zero when token i is a capitalised particle inside a surname ("Le" of "Le Gouverneur", "Van" of "Van Allen"). */
static int cap_particle(const dossier_names *c, int i)
{
    return dossier_names_is_cap(c, i) && !(c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) &&
           dossier_names_lex_any(c, "entity.name_particles", i, i + 1);
}

#define SURNAME_BACK 2000   /* tokens back where the tagger may have read a word as a person's */

/*
 * Non-zero when the tagger reads the word at token i, or the same word in
 * the SURNAME_BACK tokens before, as a person's name ("Marsh" of "Dean
 * Marsh" before "b Marsh 45"): a number after it is a score, not part of
 * a programme's name.
 */
static int person_word(const dossier_names *c, int i)
{
    if (!c->tags)
        return 0;
    const char *w = c->d->folds.v[i];
    for (int t = i; t >= 0 && t > i - SURNAME_BACK; t--)
        if (DOSSIER_TAG_KIND(c->tags[t]) == 1 && strcmp(c->d->folds.v[t], w) == 0)
            return 1;
    return 0;
}

/* See finder.h. */
int dossier_names_unknown_end(const dossier_names *c, int p, int end)
{
    dossier_doc *d = c->d;
    int q = p + 1;
    const dossier_gaz_entry *g;
    int person = dossier_names_first_name(c, p) > 0 ||
                 (q < end && dossier_names_is_cap(c, q) && dossier_names_given_name(c, p));
    while (q < end && q - p < 7) {
        if (dossier_names_is_cap(c, q) && person && q - 1 > p && cap_particle(c, q - 1)) {
            q++; /* "Alain Le Gouverneur": a title word after a particle is the surname */
        } else if (dossier_names_is_cap(c, q) && (ru_cap_adjective(c, q) || dossier_names_descriptor(c, q) ||
                                                  (strcmp(c->lang, "de") == 0 && dossier_names_is_stop(c, q)))) {
            break; /* "Совета Национального агентства": the adjective opens another name */
        } else if (dossier_names_is_cap(c, q)) {
            if (!person && dossier_names_first_name(c, q))
                break; /* "Bundeswirtschaftsminister Robert Habeck": the name starts at the first name */
            if (dossier_names_title(c, q, end) || dossier_names_is_head(c, q) ||
                dossier_names_lex(c, "entity.place_heads", q, end) ||
                (!person && (dossier_names_gazetteer(c, q, end, &g) || dossier_names_adjective(c, q, end))))
                break;
            q++;
        } else if ((d->tokens.v[q].flags & DOSSIER_TOK_NUM) && (d->tokens.v[q - 1].flags & DOSSIER_TOK_WORD) &&
                   !person && !person_word(c, q - 1)) {
            q++; /* "Apollo 11"; but a person's name holds no number ("Dean Marsh 54", "b Marsh 45": scores) */
        } else if (strcmp(d->folds.v[q], ".") == 0 && d->tokens.v[q - 1].span.end - d->tokens.v[q - 1].span.start == 1 &&
                   q + 1 < end && dossier_names_is_cap(c, q + 1)) {
            q++; /* an initial: "S. Somanath" */
        } else if (dossier_names_lex_any(c, "entity.name_particles", q, q + 1) && q + 1 < end &&
                   dossier_names_is_cap(c, q + 1) && !dossier_names_is_head(c, q + 1) && person) {
            q++; /* a particle inside a person's name: "Lula da Silva", "bin Rashid" */
        } else {
            break;
        }
    }
    return q;
}

/* Non-zero when a phrase of list `key` ends at token `at` (exclusive), starting within 4 tokens. */
static int list_ends_at(const dossier_names *c, const char *key, int at, int first)
{
    for (int s = at - 1; s >= first && s >= at - 4; s--) {
        size_t k = dossier_names_lex_any(c, key, s, at);
        if (k && s + (int)k == at)
            return 1;
    }
    return 0;
}

/* Non-zero when a phrase of list `key` (doc language) ends just before token `at`. */
static int list_ends_at_lang(const dossier_names *c, const char *key, int at, int first)
{
    for (int s = at - 1; s >= first && s >= at - 3; s--) {
        size_t k = dossier_names_lex(c, key, s, at);
        if (k && s + (int)k == at)
            return 1;
    }
    return 0;
}

/*
 * An organisation word next to [p, q): "the company Airbus", "la société
 * SES" (a lower-case head before it, maybe past a demonym), "the Xinhua news
 * agency", "Rossiya-24 television channel" (after it), "X, a company".
 */
static int title_field_holder(const dossier_names *c, int b, int p, int q, int first);

static int org_cue(const dossier_names *c, int p, int q)
{
    const dossier_doc *d = c->d;
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token;
    int end = dossier_names_sent_end(c, p);
    int b = p - 1;
    if (b > first && dossier_names_adjective(c, b, p))
        b--;
    if ((q - p == 1 && d->tokens.v[p].span.end - d->tokens.v[p].span.start < 3) ||
        (q - p >= 2 ? dossier_names_given_name(c, p) : dossier_names_first_name(c, p)))
        return 0;
    /* German nouns are capitalised: a lower-case "zentrale" is an adjective. */
    /* "агентство X", but not "глава Европейского космического агентства X": that head ends a known name. */
    if (b >= first && !dossier_names_is_cap(c, b) && dossier_names_is_head(c, b) && strcmp(c->lang, "de") != 0 &&
        c->owner[b] < 0 && !title_field_holder(c, b, p, q, first))
        return 1;
    if (p >= c->org_from && q <= c->org_until)
        return 1; /* "Hersteller A, B und C" */
    /* "le japonais X", "l'américain X": a demonym in lower case used as a noun (a person's is capitalised). */
    if (q - p == 1 && p - 2 >= first && !dossier_names_is_cap(c, p - 1) && dossier_names_adjective(c, p - 1, p) == 1 &&
        dossier_names_lex(c, "statement.articles", p - 2, p - 1) == 1 && strcmp(c->lang, "fr") == 0)
        return 1;
    int a = q;
    if (a < end && !dossier_names_is_cap(c, a) && (d->tokens.v[a].flags & DOSSIER_TOK_WORD) && a + 1 < end &&
        !dossier_names_is_stop(c, a) && dossier_names_is_head(c, a + 1) && !dossier_names_is_cap(c, a + 1))
        a++; /* "news agency", "television channel"; not "X five times" */
    if (a < end && !dossier_names_is_cap(c, a) && dossier_names_is_head(c, a) && !dossier_names_title(c, a, end) &&
        strcmp(d->folds.v[a], "'s") != 0)
        return 1;
    return q + 2 < end && strcmp(d->folds.v[q], ",") == 0 &&
           dossier_names_lex_any(c, "entity.indefinite_articles", q + 1, q + 2) &&
           !dossier_names_is_cap(c, q + 2) && dossier_names_is_head(c, q + 2);
}

/*
 * "X, Zenitra's chief executive", "Zenitra's director Y": an unknown name
 * owning a title is the organisation the title belongs to (a person's
 * name would open with a first name or have been met before).
 */
static int possessive_title(const dossier_names *c, int p, int q, int titled)
{
    const dossier_doc *d = c->d;
    int end = dossier_names_sent_end(c, p);
    if (titled || q - p > 3 || q + 1 >= end || dossier_names_first_name(c, p) ||
        (strcmp(d->folds.v[q], "'s") != 0 && strcmp(d->folds.v[q], "'") != 0))
        return 0;
    return dossier_names_title(c, q + 1, end) > 0 && !dossier_names_lex(c, "entity.state_titles", q + 1, end);
}

/*
 * "председатель партии Нина Ермолаева": an organisation word right after a
 * title is the title's field, and the name after it is the title holder's
 * when it has the shape of a person's name: two or three capitalised words,
 * none an organisation word, the last with a surname ending where the
 * language's surnames have them (entity.*_surname_endings: "Ермолаева");
 * "представитель компании Boeing" stays the company's.
 */
static int title_field_holder(const dossier_names *c, int b, int p, int q, int first)
{
    if (b - 1 < first || q - p < 2 || q - p > 3 ||
        !(dossier_names_title(c, b - 1, b) || dossier_names_lex_stem(c, "entity.titles", b - 1)))
        return 0;
    for (int i = p; i < q; i++)
        if (!dossier_names_is_cap(c, i) || dossier_names_is_head(c, i) || dossier_names_is_connector(c, i))
            return 0;
    const dossier_phrase *const *t;
    const char *last = c->d->folds.v[q - 1];
    if (!dossier_lexicon_list(c->d->lex, c->lang, "entity.male_surname_endings", &t))
        return 1;
    return dossier_lexicon_ending(c->d->lex, c->lang, "entity.male_surname_endings", last, 2) ||
           dossier_lexicon_ending(c->d->lex, c->lang, "entity.female_surname_endings", last, 2);
}

/* A programme word next to [p, q): after it (maybe past one adjective), or before it. */
static int program_cue(const dossier_names *c, int p, int q)
{
    int first = c->d->sentences.v[c->d->tokens.v[p].sentence].first_token;
    int end = dossier_names_sent_end(c, p);
    if (q < end && !dossier_names_is_cap(c, q) && dossier_names_lex_any(c, "entity.program_words", q, end))
        return 1;
    if (q + 1 < end && !dossier_names_is_cap(c, q) && (c->d->tokens.v[q].flags & DOSSIER_TOK_WORD) &&
        !dossier_names_is_cap(c, q + 1) && dossier_names_lex_any(c, "entity.program_words", q + 1, end))
        return 1;
    /* "the mission X", but not "конструктор программы X" (the word belongs to a title) */
    if (list_ends_at(c, "entity.program_words", p, first) &&
        !(p - 2 >= first && (dossier_names_title(c, p - 2, p - 1) || dossier_names_lex_stem(c, "entity.titles", p - 2))))
        return 1;
    /* "MoonCam, a camera built for NASA": an apposition with a programme word. */
    if (q + 2 < end && strcmp(c->d->folds.v[q], ",") == 0 &&
        dossier_names_lex_any(c, "entity.indefinite_articles", q + 1, q + 2) &&
        !dossier_names_title(c, q + 2, end) &&
        (dossier_names_lex_any(c, "entity.program_words", q + 2, end) ||
         (q + 3 < end && dossier_names_lex_any(c, "entity.program_words", q + 3, end))))
        return 1;
    /* "a laser experiment, Deep Laser Link,": the name in apposition. */
    if (p - 1 > first && strcmp(c->d->folds.v[p - 1], ",") == 0 && list_ends_at(c, "entity.program_words", p - 1, first) &&
        !dossier_names_is_cap(c, p - 2) &&
        (q >= end || strcmp(c->d->folds.v[q], ",") == 0 || (c->d->tokens.v[q].flags & DOSSIER_TOK_SENTEND)))
        return 1;
    /* "la fusée russe Proton": one demonym between the word and the name. */
    return p - 1 > first && dossier_names_adjective(c, p - 1, p) &&
           list_ends_at(c, "entity.program_words", p - 1, first);
}

/* A person cue around [p, q): a speech verb, an apposition with a title, a pronoun. */
static int person_cue(const dossier_names *c, int p, int q)
{
    dossier_doc *d = c->d;
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token;
    int end = dossier_names_sent_end(c, p);
    int r = q < end && strcmp(d->folds.v[q], ",") == 0 ? q + 1 : q;
    if (dossier_names_lex(c, "entity.person_verbs", r, end))
        return 1;
    if (r > q) {
        /* "X, the director of Y", "X, directeur de Y", "X, who heads Y" */
        int s = r;
        while (s < end && s < r + 4 && (dossier_names_is_stop(c, s) ||
                                        dossier_names_is_cap(c, s) || strcmp(d->folds.v[s], "'s") == 0) &&
               !dossier_names_title(c, s, end))
            s++;
        if (s > r && s + 1 < end && !dossier_names_title(c, s, end) && (d->tokens.v[s].flags & DOSSIER_TOK_WORD) &&
            !dossier_names_is_cap(c, s) && dossier_names_title(c, s + 1, end))
            s++; /* "X, the project director of Y" */
        if (dossier_names_title(c, s, end) || dossier_names_lex(c, "entity.head_verbs", s, end) ||
            (s + 1 < end && dossier_names_lex(c, "entity.head_verbs", s + 1, end)))
            return 1;
    }
    /* "X, the billionaire who ...": a relative pronoun that only stands for people. */
    for (int s = r; r > q && q - p >= 2 && s < end && s < r + 4 && !dossier_names_is_cap(c, s) &&
                    (d->tokens.v[s].flags & DOSSIER_TOK_WORD);
         s++)
        if (dossier_names_lex(c, "entity.person_relatives", s, s + 1))
            return 1;
    int b = p > first && strcmp(d->folds.v[p - 1], ",") == 0 ? p - 1 : p;
    if (list_ends_at(c, "entity.person_verbs", b, first))
        return 1;
    /* "... X said ... . He added": the next sentence opens with "he" or "she". */
    if (end < (int)d->tokens.n && q - p >= 2 && dossier_names_lex(c, "entity.person_pronouns", end, end + 1) &&
        d->tokens.v[end].sentence == d->tokens.v[p].sentence + 1)
        return 1;
    /* "India's ambassador to the US, X": a title a few name words before the comma. */
    for (int s = b - 1; b < p && s >= first && s >= b - 14; s--) {
        if (dossier_names_title(c, s, b) && (!dossier_names_is_cap(c, s - 1) || dossier_names_is_stop(c, s - 1)))
            return 1;
        /* "a second Turkish astronaut, X": an occupation just before the comma. */
        if (s < b && dossier_names_lex(c, "entity.occupations", s, b) == (size_t)(b - s) && !dossier_names_is_cap(c, s))
            return 1;
        /* "le directeur de l'Institut ... (ISAS), X": past names, small words and an acronym in brackets */
        int owned = c->owner[s] >= 0 && d->entities.v[d->mentions.v[c->owner[s]].entity].kind != DOSSIER_KIND_PERSON;
        if (!owned && !(d->tokens.v[s].flags & DOSSIER_TOK_WORD) && strcmp(d->folds.v[s], "'s") != 0 &&
            strcmp(d->folds.v[s], "(") != 0 && strcmp(d->folds.v[s], ")") != 0)
            break;
        if (!owned && s < b - 8 && !dossier_names_is_connector(c, s) && !dossier_names_is_stop(c, s))
            break;
    }
    return 0;
}

/* See finder.h. */
int dossier_names_unknown(dossier_names *c, int p, int q, int title, int prefix)
{
    dossier_doc *d = c->d;
    int end = dossier_names_sent_end(c, p);
    int words = 0, digit = 0, place;
    for (int i = p; i < q; i++) {
        words += dossier_names_is_cap(c, i);
        digit |= has_digit(c, i);
    }
    if (p >= 2 && dossier_names_elided_and(c, p - 2))
        return DOSSIER_OK; /* "Luft- und Raumfahrttechnik": the second half of a compound */
    if (dossier_names_dateline(c, p, q))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    /* "в Тамбовской области", "Красноярского края": an adjective and a place word in lower case. */
    if (q - p == 1 && ru_cap_adjective(c, p) && dossier_names_lex_stem(c, "entity.place_heads", q) &&
        !dossier_names_lex_stem(c, "entity.program_words", q))
        return dossier_names_add(c, p, q + 1, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    if ((q - p == 1 && ru_cap_adjective(c, p)) || (d->tokens.v[p].flags & DOSSIER_TOK_NUM) ||
        (q - p == 1 && dossier_names_letter_compound(c, p)))
        return DOSSIER_OK; /* "Международной космической", "53-Jährige", "X-ray" */
    /* "модулем «Рассвет»", "Wüste Atacama": a common noun before the name gives its kind. */
    int nk = dossier_names_noun_first(c, p, q);
    if (nk >= 0)
        return dossier_names_add(c, p + 1, q, nk, NULL, DOSSIER_MENTION_NAME);
    if ((nk = dossier_names_noun_before(c, p)) >= 0 && !title && !prefix &&
        !(q - p >= 2 ? dossier_names_given_name(c, p) : dossier_names_first_name(c, p)))
        return dossier_names_add(c, p, q, nk, NULL, DOSSIER_MENTION_NAME);
    /* A single capitalised word that opens a sentence is usually a common word (unless the tagger knows better). */
    if (words == 1 && !prefix && dossier_names_sent_first(c, p) && !(d->tokens.v[p].flags & DOSSIER_TOK_ALLCAPS) &&
        (!c->tags || dossier_names_tagger_none(c, p, q)))
        return DOSSIER_OK;
    if ((place = 0, q < end) && (place = dossier_names_lex(c, "entity.place_heads", q, end)) &&
        !dossier_names_is_cap(c, q) && !dossier_names_lex_any(c, "entity.program_words", q, end))
        return dossier_names_add(c, p, q + place, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token;
    /* "Senator X and Y": an "and" after a person's name joins a list of people, no title's field. */
    int listed_person = p - 2 >= first && is_and_word(c, p - 1) && c->owner[p - 2] >= 0 &&
                        d->entities.v[d->mentions.v[c->owner[p - 2]].entity].kind == DOSSIER_KIND_PERSON;
    int after_of = title && p - 1 > first && dossier_names_is_connector(c, p - 1) && !listed_person;
    /* "Senator X of Arizona", "a North Carolina law firm": a listed place stays a place
       after a title's "of", and a region before an organisation word it only locates (a
       town may be a surname: "the Jackson campaign"). */
    if ((after_of && dossier_names_listed_place(c, p, q, 1)) ||
        (org_cue(c, p, q) && dossier_names_listed_place(c, p, q, 0)))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    if (org_cue(c, p, q) || possessive_title(c, p, q, title || prefix))
        return dossier_names_add(c, p, q, DOSSIER_KIND_ORGANIZATION, NULL, DOSSIER_MENTION_NAME);
    if (digit || program_cue(c, p, q))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PROGRAM, NULL, DOSSIER_MENTION_NAME);
    if (after_of && words >= 3) {
        /* "Minister of Mining Ana Ruiz": the person is the last words. */
        int k = p + 1;
        while (k < q - 1 && !dossier_names_first_name(c, k))
            k++;
        if (k == q - 1)
            k = q - 2;
        return dossier_names_add(c, k, q, DOSSIER_KIND_PERSON, NULL, DOSSIER_MENTION_NAME);
    }
    int comma = q < end && strcmp(d->folds.v[q], ",") == 0;
    int next_low = q >= end || (comma ? !dossier_names_is_cap(c, q + 1) : !dossier_names_is_cap(c, q));
    if (after_of && next_low && (q >= end || strcmp(d->folds.v[q], ",") == 0 || !(d->tokens.v[q].flags & DOSSIER_TOK_PUNCT)) &&
        !(words == 1 && noun_ending(c, p)) && !(q < end && is_and_word(c, q)) &&
        !dossier_names_first_name(c, p) && !dossier_names_lex(c, "entity.title_extensions", p - 1, p))
        /* "PDG de Planetary Resources,": a name after "title of" that is no person;
           after "für", "for" it is the title's field ("Direktor für Raumtransport"). */
        return dossier_names_add(c, p, q, DOSSIER_KIND_ORGANIZATION, NULL, DOSSIER_MENTION_NAME);
    if (words == 1 && q - p == 1 && dossier_names_place_compound(c, p))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    /* "in Tromsø", "à Toulouse", "в Самаре": a lone unknown word after a preposition of place. */
    if (words == 1 && q - p == 1 && !(d->tokens.v[p].flags & DOSSIER_TOK_ALLCAPS) && !has_digit(c, p) &&
        list_ends_at_lang(c, "entity.place_prepositions", p, first) && !noun_ending(c, p) &&
        !dossier_names_common_noun(c, p) &&
        (q >= end || !dossier_names_is_cap(c, q)))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PLACE, NULL, DOSSIER_MENTION_NAME);
    int first_name = (words >= 2 ? dossier_names_given_name(c, p) : dossier_names_first_name(c, p)) ||
                     (words >= 2 && dossier_names_lex_any(c, "entity.surname_first", p, p + 1) > 0);
    if (words == 1 && d->tokens.v[p].span.end - d->tokens.v[p].span.start < 2)
        return DOSSIER_OK;
    if (after_of && words == 1 && !prefix)
        return DOSSIER_OK; /* "ministre de l'Économie": the field of a title, not a person */
    int title_one = title && (q >= end || !dossier_names_is_cap(c, q)); /* "President Lula", not "Chief Cabinet Secretary" */
    if (p > first && (d->tokens.v[p - 1].flags & DOSSIER_TOK_NUM) && !prefix && !title)
        return DOSSIER_OK; /* "55 Millionen Euro": a unit after a number */
    if (words <= 4 && (prefix || ((title || first_name || person_cue(c, p, q)) &&
                                  (words >= 2 || prefix || title_one))))
        return dossier_names_add(c, p, q, DOSSIER_KIND_PERSON, NULL,
                                 words >= 2 ? DOSSIER_MENTION_NAME : DOSSIER_MENTION_SHORT);
    if (words == 1 && list_ends_at_lang(c, "entity.clock_words", p, 0)) /* "p.m." may end a sentence */
        return DOSSIER_OK; /* "10:19 a.m. EDT": a time zone */
    if ((words == 1 && (d->tokens.v[p].flags & DOSSIER_TOK_ALLCAPS) &&
         d->tokens.v[p].span.end - d->tokens.v[p].span.start >= 3) ||
        (words <= 4 && !first_name && dossier_names_in_org_list(c, p, q)))
        return dossier_names_add(c, p, q, DOSSIER_KIND_ORGANIZATION, NULL, DOSSIER_MENTION_NAME);
    return DOSSIER_OK;
}

/* Non-zero when token i joins two names ("and", "et"). */
static int is_and_word(const dossier_names *c, int i)
{
    return dossier_names_lex_any(c, "entity.name_and", i, i + 1) == 1;
}

/* See finder.h. */
int dossier_names_lowercase(dossier_names *c, int i, int end)
{
    dossier_doc *d = c->d;
    const dossier_gaz_entry *g = NULL;
    size_t k;
    if (!(d->tokens.v[i].flags & DOSSIER_TOK_WORD) || c->owner[i] >= 0)
        return 0;
    if ((k = dossier_names_gazetteer(c, i, end, &g)) > 1) {
        int rc = dossier_names_add(c, i, i + (int)k, g->kind, g, DOSSIER_MENTION_NAME);
        return rc ? rc : (int)k;
    }
    int kind = dossier_names_camel(c, i);
    if (kind >= 0) {
        int rc = dossier_names_add(c, i, i + 1, kind, NULL, DOSSIER_MENTION_NAME);
        return rc ? rc : 1;
    }
    /* "ministère chinois des Affaires étrangères": a head, a demonym, "of", capitalised words. */
    if (!dossier_names_is_head(c, i))
        return 0;
    int j = i + 1;
    j += (int)dossier_names_adjective(c, j, end);
    int conn = j;
    while (j < end && j - conn < 3 && dossier_names_lex_any(c, "entity.name_connectors", j, j + 1) &&
           !is_and_word(c, j) && strcmp(d->folds.v[j], "in") && strcmp(d->folds.v[j], "on") &&
           (j > conn || !dossier_names_is_stop(c, j)))
        j++;
    if (j == conn || !dossier_names_is_cap(c, j) || dossier_names_gazetteer(c, j, end, &g) ||
        dossier_names_is_calendar(c, j) || dossier_names_is_stop(c, j))
        return 0;
    while (j < end && (dossier_names_is_cap(c, j) ||
                       (dossier_names_lex_any(c, "entity.name_connectors", j, j + 1) &&
                        dossier_names_is_cap(c, j + 1))) &&
           !dossier_names_title(c, j, end))
        j++;
    int rc = dossier_names_add(c, i, j, DOSSIER_KIND_ORGANIZATION, NULL, DOSSIER_MENTION_NAME);
    return rc ? rc : j - i;
}

/* See finder.h. */
int dossier_names_adjective_ending(const dossier_names *c, int i)
{
    const dossier_phrase *const *suf;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "entity.adjective_suffixes", &suf);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    for (size_t k = 0; k < n; k++) {
        const char *x = suf[k]->words[0];
        size_t xl = strlen(x);
        if (suf[k]->nwords == 1 && wl > xl + 2 && strcmp(w + wl - xl, x) == 0)
            return 1;
    }
    return 0;
}

/* See finder.h. */
int dossier_names_adjective_like(const dossier_names *c, int i)
{
    if (dossier_names_is_cap(c, i) || !(c->d->tokens.v[i].flags & DOSSIER_TOK_WORD))
        return 0;
    return dossier_names_adjective(c, i, i + 1) || dossier_names_adjective_ending(c, i);
}

/* Non-zero when the Russian word at token i ends like a verb ("сообщили", "считает"): no noun of a name. */
static int ru_verb_like(const dossier_names *c, int i)
{
    static const char *const ends[] = {"л", "ла", "ли", "ло", "ет", "ут", "ют", "ит", "ат", "ят"};
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
        if (wl > strlen(ends[e]) && strcmp(w + wl - strlen(ends[e]), ends[e]) == 0)
            return 1;
    return dossier_names_lex(c, "statement.verbs", i, i + 1) == 1;
}

/*
 * Where a Russian organisation name that ends its head at j ends: past
 * lower-case words in the genitive and the country they lead to
 * ("академии наук Беларуси", "агентство России").
 */
static int ru_genitive_tail(const dossier_names *c, int j, int sentend)
{
    static const char *const gen[] = {"ых", "их", "ии", "ов", "ев", "еи", "ого", "его", "ои"};
    const dossier_gaz_entry *g = NULL;
    /* "организации космических исследований", "управление гражданской авиации": words in the genitive belong to the name. */
    for (int k = j; k < sentend && k < j + 3; k++) {
        const char *w = c->d->folds.v[k];
        size_t wl = strlen(w), e = 0;
        if (!(c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) || dossier_names_is_cap(c, k) || !dossier_names_cyrillic(w) ||
            dossier_names_is_stop(c, k) || wl < 10)
            break;
        while (e < sizeof gen / sizeof gen[0] && strcmp(w + wl - strlen(gen[e]), gen[e]) != 0)
            e++;
        if (e == sizeof gen / sizeof gen[0])
            break;
        j = k + 1;
    }
    for (int k = j; k < sentend && k < j + 3; k++) {
        if (dossier_names_is_cap(c, k))
            return dossier_names_gazetteer(c, k, k + 1, &g) == 1 && g->kind == DOSSIER_KIND_PLACE ? k + 1 : j;
        if (!(c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) || !dossier_names_cyrillic(c->d->folds.v[k]) ||
            dossier_names_is_stop(c, k) || dossier_names_adjective_like(c, k))
            return j;
    }
    return j;
}

/* See finder.h. */
int dossier_names_sentence_case_org(const dossier_names *c, int p, int sentend, int *kind)
{
    int j = p + 1;
    *kind = dossier_names_lex(c, "entity.place_heads", p, sentend) ? DOSSIER_KIND_PLACE : DOSSIER_KIND_ORGANIZATION;
    if (dossier_names_is_head(c, p) || *kind == DOSSIER_KIND_PLACE) {
        /* "Agence spatiale algérienne", "Administration spatiale nationale chinoise" */
        while (j < sentend && j < p + 4 && dossier_names_adjective_like(c, j))
            j++;
        /* Russian adjectives come before their noun: "Института космической политики". */
        if (j > p + 1 && j < sentend && dossier_names_cyrillic(c->d->folds.v[p]) && (c->d->tokens.v[j].flags & DOSSIER_TOK_WORD) &&
            !dossier_names_is_cap(c, j) && !dossier_names_is_stop(c, j) && !ru_verb_like(c, j))
            return ru_genitive_tail(c, j + 1, sentend);
        /* "Agence japonaise d'exploration aérospatiale": "of", a noun and its adjective. */
        while (j > p + 1 && j + 2 < sentend && dossier_names_is_connector(c, j) && !is_and_word(c, j) &&
               (c->d->tokens.v[j + 1].flags & DOSSIER_TOK_WORD) && !dossier_names_is_cap(c, j + 1) &&
               !dossier_names_is_stop(c, j + 1) && !dossier_names_adjective_like(c, j + 1) &&
               dossier_names_adjective_like(c, j + 2))
            for (j += 3; j < sentend && j < p + 10 && dossier_names_adjective_like(c, j); j++)
                ;
        /* "Institut national de recherches spatiales (INPE)", "Institut des sciences spatiales (ISS)":
           lower-case words up to an acronym that starts with the head's initial. */
        for (int k = j; k < sentend && k < j + 7; k++) {
            if (k + 2 < sentend && strcmp(c->d->folds.v[k], "(") == 0 &&
                (c->d->tokens.v[k + 1].flags & DOSSIER_TOK_ALLCAPS) && strcmp(c->d->folds.v[k + 2], ")") == 0 &&
                (j > p + 1 || (k > j + 1 && c->d->folds.v[k + 1][0] == c->d->folds.v[p][0])))
                return k;
            if (!(c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) || dossier_names_is_cap(c, k))
                break;
        }
        return j == p + 1 ? 0 : j;
    }
    /* "Европейское космическое агентство": adjectives, then a lower-case head. */
    if (!dossier_names_is_cap(c, p) || !(c->d->folds.v[p][0] & 0x80) || !dossier_names_adjective_ending(c, p))
        return 0;
    while (j < sentend && j < p + 4 && dossier_names_adjective_like(c, j) && !dossier_names_lex_stem(c, "entity.org_heads", j))
        j++;
    if (j < sentend && !dossier_names_is_cap(c, j) && dossier_names_lex_stem(c, "entity.org_heads", j) &&
        c->d->folds.v[j][0] & 0x80 && j > p)
        return ru_genitive_tail(c, j + 1, sentend);
    return 0;
}

/* See finder.h. */
int dossier_names_known_only(dossier_names *c, int i, int j)
{
    for (int p = i; p < j;) {
        const dossier_gaz_entry *g = NULL;
        size_t k = dossier_names_gazetteer(c, p, j, &g);
        if (k) {
            int rc = dossier_names_add(c, p, p + (int)k, g->kind, g, DOSSIER_MENTION_NAME);
            if (rc)
                return rc;
            p += (int)k;
        } else {
            p++;
        }
    }
    return DOSSIER_OK;
}
