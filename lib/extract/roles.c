/*
 * roles.c — who holds which title in which organisation.
 *
 * Around each person mention a title (schema/lang/<code>.yaml,
 * `entity.titles`) ties the person to an organisation mention nearby:
 *
 *   before the name   "JAXA Director General X", "Chile's Minister of
 *                     Communications X", "Director General of JAXA X",
 *                     "le PDG de JAXA, X", "глава Главкосмоса X",
 *                     "Russian Prime Minister X" (a demonym: the country),
 *                     "ESA-Chef X" (an organisation-title compound),
 *                     "KARI's head of lunar exploration, X", "Its director, X",
 *                     "Judge X of the Y Court" (the organisation after the name),
 *                     "the court's chief judge, X" (the one organisation
 *                     named before whose name holds the head word)
 *   after the name    "X, the director general of JAXA", "X, CNSA
 *                     deputy director", "X, India's ambassador to ...",
 *                     "X, directeur de Y", "X, Leiter des Y", "X, who heads Y",
 *                     and a second title after "and": "X, the UAE's vice
 *                     president and ruler of Dubai".
 *
 * A list after a plural title shares it: "Velto Group directors A, B and C",
 * "Group Captains A, B and Wing Commander C of the Y" (`entity.plural_endings`).
 *
 * Also: German title compounds ("Bundesverkehrsminister X"), Russian
 * titles in any case ("председателя ... X"), a title's field between
 * the organisation and the name ("директор Главкосмоса по науке X",
 * "Ministerin für Bildung und Forschung, X"), "of NASA's Jet Propulsion
 * Laboratory" (the second organisation), "X, professor at Y" and "Y
 * professor X" (`entity.affiliations`), "Y, the company founded by X"
 * (`entity.founded_by`), "Company president X" (the organisation named
 * last, `entity.company_words`).
 *
 * The organisation may be a country (heads of state and government,
 * ministers, ambassadors) or a programme ("the chief designer of China's
 * manned space programme").  A head of state or government whose country
 * the sentence does not name is taken to lead the country the article
 * names most, when its paragraph names that country too (not as an
 * object after the name: "… would not allow North Korea"); so is a
 * minister whose field lists several items ("Minister of Culture, Sport
 * and Youth X", "le ministre de la Culture, des Sports
 * et de la Jeunesse, X").  A title of a government (`entity.government_words`:
 * "Koordinatorin der Bundesregierung") belongs to its country.  A company
 * title with no organisation (`entity.company_titles`: "Chief financial
 * officer X told analysts") belongs to the organisation the article names
 * most.  Also "X, ESA-Direktor für Y", "X, the project director of Y" (one
 * describing word before the title) and "X, the billionaire who chaired Y"
 * (a relative clause, `statement.relatives`, before a head verb).  A title
 * after an indefinite article is a hypothetical ("a President X would …"):
 * no role; nor is a title a verb separates from the name ("the senator
 * called on Republicans to unendorse X": a verb or an auxiliary of the
 * statement lists).
 * Appointments need no comma: "a nommé X directeur général de Y", "X was
 * appointed director of Y" (`entity.appoint_verbs`, `entity.appointed`),
 * also in a second relative clause: "X, the founder of Y, who will become
 * co-chair of the new group" — a company word with no name there
 * (`entity.company_words`) is the organisation the article names first.
 * "X, the mission's principal investigator, who is based at Y" (`entity.based_at`):
 * Y.  "Projektleiter für <programme> beim Y" (`entity.at_org`): the
 * programme's organisation Y.  Russian fields may list several items:
 * "министр науки, образования и ... Чили X".
 */
#include "extract/roles.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/entities/entities.h"
#include "base/inflect.h"
#include "base/token.h"
#include "base/util.h"

#define WINDOW 10

typedef struct {
    dossier_doc *d;
    const char *lang;
    int *owner;          /* per token: the mention covering it, or -1 */
    dossier_lexmemo *lists; /* DOSSIER_LEXMEMO_SLOTS: the lists lex() found, by key address */
} roles_ctx;

/* Length of a phrase of list `key` (a string constant) at tokens [i, end), or 0. */
static int lex(const roles_ctx *c, const char *key, int i, int end)
{
    if (i < 0 || i >= end)
        return 0;
    return (int)dossier_doc_match(c->d, dossier_lexicon_find_memo(c->d->lex, c->lang, key, c->lists), (size_t)i,
                                  (size_t)(end - i), NULL);
}

static const char *fold_at(const roles_ctx *c, int i)
{
    return c->d->folds.v[i];
}

/* The entity of an organisation-like mention (organisation, place, programme) at token i, or -1. */
static int org_at(const roles_ctx *c, int i)
{
    if (i < 0 || i >= (int)c->d->tokens.n || c->owner[i] < 0)
        return -1;
    int e = c->d->mentions.v[c->owner[i]].entity;
    return c->d->entities.v[e].kind == DOSSIER_KIND_PERSON ? -1 : e;
}

/* The country of a demonym at token i ("Russian", "chinois"), as an entity, or -1. */
static int country_of_adjective(roles_ctx *c, int i, int end)
{
    const dossier_gaz_entry *g = NULL;
    if (i < 0 || i >= end)
        return -1;
    if (!dossier_gazetteer_match_adjective(c->d->lex, (const char *const *)c->d->folds.v + i, 1, &g)) {
        /* "le ministre italien": a demonym spelt like a country's name in another language */
        if ((c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER) || !(c->d->tokens.v[i].flags & DOSSIER_TOK_WORD) ||
            dossier_gazetteer_match(c->d->lex, (const char *const *)c->d->folds.v + i, 1, &g) != 1 ||
            g->kind != DOSSIER_KIND_PLACE || !g->nadjectives)
            return -1;
    }
    return dossier_doc_entity(c->d, g->name, strlen(g->name), g->kind, g);
}

/* The country the article names most often, or -1. */
static int main_country(const roles_ctx *c)
{
    dossier_doc *d = c->d;
    int best = -1, best_n = 0;
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *ent = &d->entities.v[e];
        if (ent->kind == DOSSIER_KIND_PLACE && ent->gaz && ent->gaz->nadjectives && ent->nmentions > best_n) {
            best_n = ent->nmentions;
            best = (int)e;
        }
    }
    return best;
}

/*
 * Country e when the paragraph of the title [ts, …) names it, but not
 * only after the holder's name at `a` in its sentence ("X would not allow
 * North Korea …": an object is no evidence; a possessive, "India's", is);
 * else -1.
 */
static int country_near(const roles_ctx *c, int e, int ts, int a)
{
    const dossier_doc *d = c->d;
    if (e < 0)
        return -1;
    int sent = d->tokens.v[ts].sentence, para = d->sentences.v[sent].paragraph;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        int ms = d->tokens.v[mm->first_token].sentence;
        if (mm->entity != e || d->sentences.v[ms].paragraph != para)
            continue;
        int after = mm->first_token + mm->ntokens;
        if (ms == sent && mm->first_token >= a && !((size_t)after < d->tokens.n && strcmp(fold_at(c, after), "'s") == 0))
            continue;   /* an object after the name, unless a possessive ("in India's cooperation") */
        return e;
    }
    return -1;
}

/* The organisation the article names most often (twice at least), or -1. */
static int main_company(const roles_ctx *c)
{
    const dossier_doc *d = c->d;
    int best = -1, best_n = 1;
    for (size_t e = 0; e < d->entities.n; e++)
        if (d->entities.v[e].kind == DOSSIER_KIND_ORGANIZATION && d->entities.v[e].nmentions > best_n) {
            best_n = d->entities.v[e].nmentions;
            best = (int)e;
        }
    return best;
}

/*
 * Non-zero when a word of `name`, folded, is the folded word `w` or its
 * inflection.  strtok_r, not strtok: articles are analysed in parallel threads.
 */
static int name_holds(const dossier_lexicon *lx, const char *lang, const char *name, const char *w)
{
    char *f = dossier_fold(name, strlen(name));
    int hit = 0;
    char *save = NULL;
    for (char *t = f ? strtok_r(f, " -", &save) : NULL; t && !hit; t = strtok_r(NULL, " -", &save))
        hit = dossier_inflect_same(lx, lang, t, w);
    free(f);
    return hit;
}

/* The entity of `kind` mentioned most often before token i (the latest on a tie), or -1. */
static int most_mentioned(const roles_ctx *c, int kind, int i)
{
    dossier_doc *d = c->d;
    int best = -1, best_n = 0;
    for (size_t m = 0; m < d->mentions.n && d->mentions.v[m].first_token < i; m++) {
        int e = d->mentions.v[m].entity, n = 0;
        if (d->entities.v[e].kind != kind)
            continue;
        for (size_t k = 0; k < d->mentions.n && d->mentions.v[k].first_token < i; k++)
            n += d->mentions.v[k].entity == e;
        if (n >= best_n) {
            best_n = n;
            best = e;
        }
    }
    return best;
}

/*
 * "the court's chief judge": the one organisation mentioned before token
 * i whose name holds the head word at i ("… Court"), or -1.  Another
 * organisation of the article is no evidence, and two such names leave
 * it open which is meant.
 */
static int headed_by(const roles_ctx *c, int i)
{
    dossier_doc *d = c->d;
    int found = -1;
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *ent = &d->entities.v[e];
        if (ent->kind != DOSSIER_KIND_ORGANIZATION || !ent->name || !name_holds(c->d->lex, c->lang, ent->name, fold_at(c, i)))
            continue;
        size_t m = 0;
        while (m < d->mentions.n && d->mentions.v[m].first_token < i && d->mentions.v[m].entity != (int)e)
            m++;
        if (m == d->mentions.n || d->mentions.v[m].first_token >= i)
            continue;   /* not named before the title */
        if (found >= 0)
            return -1;
        found = (int)e;
    }
    return found;
}

/* Non-zero when the person has a role already. */
static int has_role(const roles_ctx *c, int person)
{
    for (size_t r = 0; r < c->d->roles.n; r++)
        if (c->d->roles.v[r].person == person)
            return 1;
    return 0;
}

/*
 * Non-zero when token i lies inside quotation marks of its paragraph: what
 * a quotation calls someone ("I hope America says, 'President X, thank
 * you'") is the speaker's wording, not a role the article states.
 */
static int quoted(const roles_ctx *c, int i)
{
    const dossier_doc *d = c->d;
    int para = d->sentences.v[d->tokens.v[i].sentence].paragraph, inside = 0, t = i;
    while (t > 0 && d->sentences.v[d->tokens.v[t - 1].sentence].paragraph == para)
        t--;
    for (; t < i; t++) {
        unsigned f = d->tokens.v[t].flags;
        const char *w = d->body + d->tokens.v[t].span.start;
        size_t n = d->tokens.v[t].span.end - d->tokens.v[t].span.start;
        if (!(f & DOSSIER_TOK_QUOTE) || (n == 1 && *w == '\'') ||
            (n == 3 && (memcmp(w, "\u2019", 3) == 0 || memcmp(w, "\u2018", 3) == 0)))
            continue;   /* a single quotation mark may be an apostrophe ("the countries' heads") */
        if (inside && (f & DOSSIER_TOK_QCLOSE))
            inside = 0;
        else if (f & DOSSIER_TOK_QOPEN)
            inside = 1;
    }
    return inside;
}

/* Records a role unless the same person and organisation have one already, or it is quoted. */
static int add_role(roles_ctx *c, int person, int org, int ts, int te)
{
    dossier_doc *d = c->d;
    if (person < 0 || org < 0 || person == org || te <= ts || quoted(c, ts))
        return DOSSIER_OK;
    for (size_t r = 0; r < d->roles.n; r++)
        if (d->roles.v[r].person == person && d->roles.v[r].organization == org)
            return DOSSIER_OK;
    dossier_role role = {0};
    role.person = person;
    role.organization = org;
    role.span.start = d->tokens.v[ts].span.start;
    role.span.end = d->tokens.v[te - 1].span.end;
    role.title = dossier_doc_strndup(d, d->body + role.span.start, role.span.end - role.span.start);
    if (!role.title || VEC_PUSH(&d->roles, role))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    return DOSSIER_OK;
}

/* Non-zero for a stop word or an elided article ("l'"). */
static int is_stop(const roles_ctx *c, int i)
{
    size_t n = strlen(fold_at(c, i));
    return (n >= 2 && fold_at(c, i)[n - 1] == '\'') || lex(c, "entity.stopwords", i, i + 1) == 1;
}

/* Non-zero for "of", "de", "du", "des", "the", "l'", "der" and such. */
static int is_link(const roles_ctx *c, int i)
{
    size_t n = strlen(fold_at(c, i));
    if (n == 2 && fold_at(c, i)[1] == '\'')
        return 1;
    return dossier_lexicon_match(c->d->lex, NULL, "entity.name_connectors", (const char *const *)c->d->folds.v + i,
                                 1, NULL) == 1 &&
           !dossier_lexicon_match(c->d->lex, NULL, "entity.name_and", (const char *const *)c->d->folds.v + i, 1, NULL);
}

/* An organisation before title start ts: "JAXA chief", "Chile's Minister", "Russian Premier". */
static int org_before(roles_ctx *c, int ts, int first)
{
    int i = ts - 1;
    if (i >= first && strcmp(fold_at(c, i), "'s") == 0)
        i--;
    else if (i >= first && strcmp(fold_at(c, i), "'") == 0)
        i--;
    if (i < first)
        return -1;
    int org = org_at(c, i);
    if (org >= 0)
        return org;
    if (i == ts - 1 && lex(c, "entity.company_words", i, ts) == 1) {
        /* "Company president X": the organisation named last. */
        for (int m = (int)c->d->mentions.n - 1; m >= 0; m--) {
            const dossier_mention *mm = &c->d->mentions.v[m];
            if (mm->first_token < i && c->d->entities.v[mm->entity].kind == DOSSIER_KIND_ORGANIZATION)
                return mm->entity;
        }
    }
    if (i < ts - 1 && !(c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER)) {
        /* "the mission's chief designer", "the agency's head": the entity the article is about. */
        if (lex(c, "entity.program_words", i, i + 1) == 1)
            return most_mentioned(c, DOSSIER_KIND_PROGRAM, i);
        if (lex(c, "entity.org_heads", i, i + 1) == 1)
            return headed_by(c, i);
    }
    org = country_of_adjective(c, i, ts);
    if (org >= 0)
        return org;
    /* "Its director, X": the organisation named last. */
    if (lex(c, "entity.possessives", i, ts) == 1)
        for (int m = (int)c->d->mentions.n - 1; m >= 0; m--) {
            const dossier_mention *mm = &c->d->mentions.v[m];
            if (mm->first_token < i && c->d->entities.v[mm->entity].kind == DOSSIER_KIND_ORGANIZATION)
                return mm->entity;
        }
    return -1;
}

/* An organisation after a title ending at te: "of JAXA", "de l'ESA", "Главкосмоса"; sets *at. */
static int org_after(roles_ctx *c, int te, int end, int *at)
{
    int i = te;
    /* Small words, quotes, a describing head: "of the", "госкорпорации «", "der US-Raumfahrtbehörde". */
    while (i < end && i < te + 4 && org_at(c, i) < 0 &&
           (is_link(c, i) || is_stop(c, i) || (c->d->tokens.v[i].flags & DOSSIER_TOK_QUOTE) ||
            dossier_entities_is_head(c->d, c->lang, i) || dossier_entities_lex_stem(c->d, c->lang, "entity.org_heads", i)))
        i++;
    int org = org_at(c, i);
    /* German: "des Europäischen Raumflugkontrollzentrums ESOC": a describing name before the acronym. */
    if (org < 0 && strcmp(c->lang, "de") == 0) {
        int k = i, head = 0;
        while (k < end && k < te + 5 && org_at(c, k) < 0 && (c->d->tokens.v[k].flags & DOSSIER_TOK_UPPER)) {
            head |= dossier_entities_is_head(c->d, c->lang, k);
            k++;
        }
        if (head && org_at(c, k) >= 0)
            i = k;
        org = org_at(c, i);
    }
    /* Russian: the field of the title and describing words before the organisation, all lower case:
       "министр цифрового развития Казахстана", "руководитель пресс-службы Главкосмоса". */
    if (org < 0 && strcmp(c->lang, "ru") == 0) {
        int k = i;
        while (k < end && k < te + 9 && org_at(c, k) < 0 &&
               (((c->d->tokens.v[k].flags & (DOSSIER_TOK_WORD | DOSSIER_TOK_QUOTE)) &&
                 !(c->d->tokens.v[k].flags & DOSSIER_TOK_UPPER)) ||
                (k > te && strcmp(fold_at(c, k), ",") == 0 && k + 1 < end &&
                 !(c->d->tokens.v[k + 1].flags & DOSSIER_TOK_UPPER))))
            k++; /* "министр цифрового развития, инноваций и ... Казахстана": a list in the field */
        if (org_at(c, k) >= 0)
            i = k;
        org = org_at(c, i);
    }
    /* "of NASA's Jet Propulsion Laboratory": the second organisation belongs to the first and is the one meant. */
    while (org >= 0) {
        int k = i;
        while (k < end && org_at(c, k) == org)
            k++;
        if (k + 1 >= end || strcmp(fold_at(c, k), "'s") != 0 || org_at(c, k + 1) < 0)
            break;
        i = k + 1;
        org = org_at(c, i);
    }
    /* "Koordinatorin der Bundesregierung", "of the German government": the country. */
    if (org >= 0 && c->d->entities.v[org].kind == DOSSIER_KIND_ORGANIZATION && lex(c, "entity.government_words", i, end)) {
        int k = i + lex(c, "entity.government_words", i, end), country = country_of_adjective(c, k, end);
        if (country < 0)
            country = country_of_adjective(c, i - 1, end);
        org = country >= 0 ? country : main_country(c);
    }
    /* "Projektleiter für ExoMars beim DLR", "manager of the X mission at Y": the programme's organisation. */
    if (org >= 0 && c->d->entities.v[org].kind == DOSSIER_KIND_PROGRAM) {
        int k = i;
        while (k < end && org_at(c, k) == org)
            k++;
        int n = lex(c, "entity.at_org", k, end);
        if (n && org_at(c, k + n) >= 0 && c->d->entities.v[org_at(c, k + n)].kind == DOSSIER_KIND_ORGANIZATION)
            org = org_at(c, (i = k + n));
    }
    if (org < 0 && i > te)
        org = country_of_adjective(c, i, end);
    if (org < 0 && i == te)
        org = country_of_adjective(c, te, end); /* "ministre brésilienne de ..." */
    if (org >= 0 && at)
        *at = i;
    return org;
}

/* "..., who is based at Y", "..., qui travaille à Y" right after token i: Y, setting *at; or -1. */
static int based_at(const roles_ctx *c, int i, int end, int *at)
{
    if (i + 1 >= end || strcmp(fold_at(c, i), ",") != 0)
        return -1;
    i++;
    i += lex(c, "statement.relatives", i, i + 1) == 1;
    int k = lex(c, "entity.based_at", i, end), org;
    if (!k)
        return -1;
    for (i += k; i < end && c->owner[i] < 0 && (is_link(c, i) || is_stop(c, i)); i++)
        ;
    org = org_at(c, i);
    if (org < 0 || c->d->entities.v[org].kind != DOSSIER_KIND_ORGANIZATION)
        return -1;
    *at = i;
    return org;
}

/* The organisation the article names first (its subject, as a rule, named in the headline), or -1. */
static int first_company(const roles_ctx *c)
{
    int best = -1, at = -1;
    for (size_t m = 0; m < c->d->mentions.n; m++) {
        const dossier_mention *mm = &c->d->mentions.v[m];
        if (c->d->entities.v[mm->entity].kind == DOSSIER_KIND_ORGANIZATION && (at < 0 || mm->first_token < at)) {
            at = mm->first_token;
            best = mm->entity;
        }
    }
    return best;
}

/*
 * "co-chairman of the merged group", "coprésident du nouveau groupe": a
 * company word after small words and at most two describing words, no
 * name; the organisation the article names first.  -1 when none.
 */
static int company_anaphor(const roles_ctx *c, int i, int end)
{
    int k = i;
    while (k < end && k < i + 3 && c->owner[k] < 0 && (is_link(c, k) || is_stop(c, k)))
        k++;
    if (k == i)
        return -1;
    for (int n = 0; n < 3 && k < end && c->owner[k] < 0 && (c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) &&
                    !(c->d->tokens.v[k].flags & DOSSIER_TOK_UPPER);
         n++, k++)
        if (lex(c, "entity.company_words", k, k + 1) == 1)
            return k + 1 < end && c->owner[k + 1] >= 0 ? -1 : first_company(c);
    return -1;
}

/*
 * The first organisation mentioned within WINDOW tokens from i, before a
 * comma or another person ("general designer of the rocket and space
 * corporation Progress"); sets *at.  -1 when none.
 */
static int org_within(const roles_ctx *c, int i, int end, int *at)
{
    for (int k = i; k < end && k < i + WINDOW; k++) {
        if (strcmp(fold_at(c, k), ",") == 0 || (c->d->tokens.v[k].flags & DOSSIER_TOK_SENTEND))
            return -1;
        if (c->owner[k] >= 0 && c->d->entities.v[c->d->mentions.v[c->owner[k]].entity].kind == DOSSIER_KIND_PERSON)
            return -1;
        int org = org_at(c, k);
        if (org >= 0) {
            *at = k;
            return org;
        }
    }
    return -1;
}

/* Non-zero when folded `w` ends with a one-word phrase of `key` of five letters or more ("Bundesverkehrsminister"). */
static int compound_of(const roles_ctx *c, const char *key, const char *w)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t), wl = strlen(w);
    if (strcmp(c->lang, "de") != 0 || strchr(w, '-'))
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t xl = strlen(t[k]->words[0]);
        if (t[k]->nwords == 1 && xl >= 5 && wl > xl && strcmp(w + wl - xl, t[k]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* The start of the title phrase that ends exactly at `te`, searching back to `lo`, or -1. */
static int title_ending_at(const roles_ctx *c, int te, int lo)
{
    for (int s = te - 5 > lo ? te - 5 : lo; s < te; s++)
        if (lex(c, "entity.titles", s, te) == te - s)
            return s;
    if (te - 1 >= lo && compound_of(c, "entity.titles", fold_at(c, te - 1)))
        return te - 1; /* German: "Raumfahrtkoordinatorin" */
    if (te - 1 >= lo && !(c->d->tokens.v[te - 1].flags & DOSSIER_TOK_UPPER) &&
        dossier_entities_lex_stem(c->d, c->lang, "entity.titles", te - 1))
        return te - 1; /* Russian: "председателя" */
    return -1;
}

/* Where a title extension after an organisation ends ("по пилотируемым программам", "for science"), or i. */
static int title_extension(const roles_ctx *c, int i, int end)
{
    int k = lex(c, "entity.title_extensions", i, end), stop = i + k + 6;
    if (!k)
        return i;
    for (i += k; i < end && i < stop && (c->d->tokens.v[i].flags & DOSSIER_TOK_WORD) &&
                 !(c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER) && c->owner[i] < 0;
         i++)
        ;
    return i;
}

/*
 * "Judge X of the Y Court", "la jueza X, del Tribunal Y": the organisation
 * after the person mention ending at b, linked by a small word (after a
 * comma or not); sets *at.  -1 when none.
 */
static int org_after_name(roles_ctx *c, int b, int send, int *at)
{
    if (b + 1 < send && strcmp(fold_at(c, b), ",") == 0)
        b++;
    if (b >= send || !is_link(c, b) || org_at(c, b) >= 0)
        return -1;
    return org_after(c, b, send, at);
}

/* Non-zero when the word before te is a plural title ("directors", "Captains"). */
static int plural_title_before(const roles_ctx *c, int te, int lo)
{
    return te - 1 >= lo && dossier_inflect_plural_in(c->d->lex, c->lang, "entity.titles", fold_at(c, te - 1));
}

/* Non-zero when token i is a person's name of a list: a person mention other than a pronoun. */
static int list_person(const roles_ctx *c, int i)
{
    int m = c->owner[i];
    return m >= 0 && c->d->entities.v[c->d->mentions.v[m].entity].kind == DOSSIER_KIND_PERSON &&
           c->d->mentions.v[m].how != DOSSIER_MENTION_PRONOUN;
}

/* Non-zero for a comma or "and" between the names of a list. */
static int list_joint(const roles_ctx *c, int i)
{
    return strcmp(fold_at(c, i), ",") == 0 ||
           dossier_lexicon_match(c->d->lex, NULL, "entity.name_and", (const char *const *)c->d->folds.v + i, 1, NULL);
}

/*
 * "Velto Group directors A, B and C", "Group Captains A, B and Wing
 * Commander C of the Y": each name of a list after a plural title holds
 * the title, of the organisation before the title or after the list.
 * The person mention is [a, b) in the sentence [first, send).
 */
static int list_title(roles_ctx *c, int person, int a, int b, int first, int send)
{
    int k = a, end = b, names = 1;
    while (k - 1 > first && (list_joint(c, k - 1) || list_person(c, k - 1))) {
        k--;
        if (list_person(c, k)) {
            k = c->d->mentions.v[c->owner[k]].first_token;
            names++;
        }
    }
    while (k < a && !list_person(c, k))
        k++;    /* the list opens with a name */
    if (!plural_title_before(c, k, first))
        return DOSSIER_OK;
    int ts = k - 1;
    /* The rest of the list, where its last name may have a title of its own ("and Wing Commander C"). */
    while (end < send && (list_joint(c, end) || list_person(c, end) || (end > b && list_joint(c, end - 1)))) {
        if (!list_joint(c, end) && !list_person(c, end)) {
            int t = end;    /* "and Wing Commander C": capitalised words that end in a title, then a name */
            while (t < send && t < end + 4 && (c->d->tokens.v[t].flags & DOSSIER_TOK_UPPER) && !list_person(c, t))
                t++;
            if (t == end || t >= send || !list_person(c, t) || title_ending_at(c, t, end) < 0)
                break;
            end = t;
        }
        if (list_person(c, end))
            names++;
        end = list_person(c, end) ? c->d->mentions.v[c->owner[end]].first_token + c->d->mentions.v[c->owner[end]].ntokens
                                  : end + 1;
    }
    while (end > b && list_joint(c, end - 1))
        end--;
    if (names < 2)
        return DOSSIER_OK;
    int at = -1, org = org_before(c, ts, first);
    if (org < 0)
        org = org_after_name(c, end, send, &at);
    return add_role(c, person, org, ts, k);
}

/* Roles whose title comes before the person mention [a, b) of a sentence ending at send. */
static int before_name(roles_ctx *c, int person, int a, int b, int first, int send)
{
    dossier_doc *d = c->d;
    int end = a;
    /* "..., Professor X", "..., Dr. X": an occupation or a courtesy title before the name. */
    while (end - 1 > first && c->owner[end - 1] < 0 &&
           (lex(c, "entity.occupations", end - 1, a) == a - end + 1 || lex(c, "entity.person_prefixes", end - 1, a)))
        end--;
    if (end > first && strcmp(fold_at(c, end - 1), ",") == 0)
        end--;
    /* "ESA-Chef X": an organisation-title compound just before the name. */
    if (end - 1 >= first && org_at(c, end - 1) >= 0) {
        if (dossier_entities_tail_title(c->d, c->lang, end - 1))
            return add_role(c, person, org_at(c, end - 1), end - 1, end);
    }
    /* "Arizona State University professor X": an academic occupation after its organisation. */
    for (int ts = a - 3 > first ? a - 3 : first; ts < a; ts++)
        if (lex(c, "entity.affiliations", ts, a) == a - ts) {
            int org = org_before(c, ts, first);
            if (org >= 0 && d->entities.v[org].kind == DOSSIER_KIND_ORGANIZATION)
                return add_role(c, person, org, ts, a);
        }
    /* The nearest title phrase within the window before the name (a name counts as one word). */
    int lo = end;
    for (int units = 0; lo > first && units < WINDOW; units++) {
        int m = c->owner[lo - 1];
        lo = m >= 0 && d->mentions.v[m].first_token < lo - 1 ? d->mentions.v[m].first_token : lo - 1;
    }
    /* "ministre de l'Innovation, des Sciences et de l'Industrie, X": a long field reaches further back. */
    for (int s = end - 3 * WINDOW > first ? end - 3 * WINDOW : first; s < lo; s++) {
        int k = lex(c, "entity.titles", s, end);
        if (k && dossier_entities_field_list(c->d, c->lang, c->owner, s + k, end, 1) == end) {
            lo = s;
            break;
        }
    }
    for (int te = end; te > first && te > lo; te--) {
        int ts = title_ending_at(c, te, first);
        if (ts < 0)
            continue;
        if (ts > first && lex(c, "entity.indefinite_articles", ts - 1, ts))
            return DOSSIER_OK;  /* "a President X would …": a hypothetical, no role held */
        int org = org_before(c, ts, first), at = -1;
        /* "the South Carolina senator called on Republicans to unendorse X": a verb between the title
           and the name makes the title another person's */
        for (int i = te; org >= 0 && i < end; i++)
            if (!(d->tokens.v[i].flags & DOSSIER_TOK_UPPER) && c->owner[i] < 0 &&
                (lex(c, "statement.verbs", i, end) || lex(c, "statement.verbs_that", i, end) ||
                 lex(c, "statement.object_cues", i, end) || lex(c, "statement.finite_words", i, end) ||
                 (i > te && strcmp(fold_at(c, i - 1), ",") == 0 && (d->tokens.v[i].flags & DOSSIER_TOK_WORD) &&
                  !is_link(c, i) && !lex(c, "entity.name_and", i, end))))
                return DOSSIER_OK;  /* "Y, a former party chairman, poked at X": Y's title */
        if (org < 0) {
            org = org_after(c, te, end, &at);
            int from = at + 1;
            while (org >= 0 && from < end && org_at(c, from) == org)
                from++;
            from = org >= 0 ? title_extension(c, from, end) : from;
            /* Only names and small words may stand between the organisation and the person. */
            for (int i = from; org >= 0 && i < end; i++)
                if (!(d->tokens.v[i].flags & (DOSSIER_TOK_UPPER | DOSSIER_TOK_QUOTE)) && !is_link(c, i) &&
                    c->owner[i] < 0 && strcmp(fold_at(c, i), "(") != 0 && strcmp(fold_at(c, i), ")") != 0)
                    org = -1; /* an acronym in brackets may: "(ISAS)" */
        }
        int state = lex(c, "entity.state_titles", ts, te) == te - ts ||
                    (te - ts == 1 && compound_of(c, "entity.state_titles", fold_at(c, ts)));
        int stop = dossier_entities_field_list(c->d, c->lang, c->owner, te, end, 0); /* "Minister of Culture, Sport and Youth" */
        stop = stop > te && stop <= end ? stop : te;
        while (stop < end && c->owner[stop] < 0 &&
               (is_link(c, stop) || (d->tokens.v[stop].flags & DOSSIER_TOK_UPPER) ||
                (stop > te && stop + 1 < end &&
                 dossier_lexicon_match(d->lex, NULL, "entity.name_and", (const char *const *)d->folds.v + stop, 1, NULL) &&
                 (d->tokens.v[stop + 1].flags & DOSSIER_TOK_UPPER))))
            stop++; /* "Ministerin für Bildung und Forschung" */
        if (org < 0 && te == a)
            org = org_after_name(c, b, send, &at);
        if (org < 0 && state && stop == end && !has_role(c, person))
            org = country_near(c, main_country(c), ts, a);
        if (org < 0 && !state && stop == end && te == end && lex(c, "entity.company_titles", ts, te) == te - ts &&
            !has_role(c, person))
            org = main_company(c); /* "Chief financial officer X told analysts" */
        /* "Präsident Emmanuel Macron telefonierte mit X": the title is another person's. */
        for (int i = te; org >= 0 && i < end; i++)
            if (c->owner[i] >= 0 && d->mentions.v[c->owner[i]].entity != person &&
                d->entities.v[d->mentions.v[c->owner[i]].entity].kind == DOSSIER_KIND_PERSON)
                org = -1;
        if (org >= 0)
            return add_role(c, person, org, ts, stop == end ? stop : te);
        return DOSSIER_OK;
    }
    return DOSSIER_OK;
}

/*
 * One apposition title at token i (after "X, " or "X, ... and "): records
 * the role and returns the token after it, 0 when none is there, or a
 * negative code.
 */
static int apposition(roles_ctx *c, int person, int i, int end)
{
    dossier_doc *d = c->d;
    int org = -1, at = -1;
    /* "X, who is the director of Y", "X, qui est le directeur de Y" */
    if (i + 1 < end && lex(c, "statement.relatives", i, i + 1) == 1 && lex(c, "entity.copulas", i + 1, end))
        i += 1 + lex(c, "entity.copulas", i + 1, end);
    else if (i + 1 < end && lex(c, "statement.relatives", i, i + 1) == 1 && lex(c, "entity.appointed", i + 1, end))
        i += 1 + lex(c, "entity.appointed", i + 1, end); /* "X, who will become co-chairman of Y" */
    if (i < end && is_stop(c, i) && !(org_at(c, i) >= 0))
        i++;
    /* "X, who heads Y" */
    int hv = lex(c, "entity.head_verbs", i, end);
    if (!hv && i + 1 < end)
        hv = lex(c, "entity.head_verbs", i + 1, end) ? lex(c, "entity.head_verbs", i + 1, end) + 1 : 0;
    /* "X, the engineer who led Y": a relative clause after a describing noun. */
    for (int k = i + 1; !hv && k < end && k < i + 4 && (d->tokens.v[k].flags & DOSSIER_TOK_WORD) && c->owner[k] < 0; k++)
        if (lex(c, "statement.relatives", k, k + 1) == 1 && lex(c, "entity.head_verbs", k + 1, end))
            hv = k + 1 - i + lex(c, "entity.head_verbs", k + 1, end);
    if (hv) {
        org = org_after(c, i + hv, end, &at);
        if (org < 0)
            return 0;
        int rc = add_role(c, person, org, i, i + hv);
        const dossier_phrase *const *ht;
        if (!rc && dossier_lexicon_list(d->lex, c->lang, "entity.head_title", &ht) && d->roles.n &&
            d->roles.v[d->roles.n - 1].person == person)
            d->roles.v[d->roles.n - 1].title = ht[0]->text;
        return rc ? rc : at + 1;
    }
    /* "X, ESA-Direktor für Exploration": an organisation-title compound. */
    for (int k = i; k < end && k < i + 2; k++) {
        if (org_at(c, k) >= 0 && dossier_entities_tail_title(c->d, c->lang, k)) {
            int rc = add_role(c, person, org_at(c, k), i, k + 1);
            return rc ? rc : k + 1;
        }
        /* "X, stellvertretender NASA-Administrator": one describing word before the compound. */
        if (!(d->tokens.v[k].flags & DOSSIER_TOK_WORD) || (d->tokens.v[k].flags & DOSSIER_TOK_UPPER) || c->owner[k] >= 0)
            break;
    }
    /* "X, MoonCam's principal investigator", "X, KARI deputy director", "X, the UAE's vice president" */
    int pre = -1, j = i;
    if (org_at(c, j) >= 0) {
        pre = org_at(c, j);
        while (j < end && c->owner[j] >= 0 && c->d->mentions.v[c->owner[j]].entity == pre)
            j++;
        if (j < end && (strcmp(fold_at(c, j), "'s") == 0 || strcmp(fold_at(c, j), "'") == 0))
            j++;
    } else if ((pre = country_of_adjective(c, j, end)) >= 0) {
        j++;
    }
    /* "X, the mission's principal investigator": the programme or organisation the article is about. */
    int poss = -1;
    if (pre < 0 && j + 2 < end && c->owner[j] < 0 && !(d->tokens.v[j].flags & DOSSIER_TOK_UPPER) &&
        strcmp(fold_at(c, j + 1), "'s") == 0 && lex(c, "entity.titles", j + 2, end)) {
        int prog = lex(c, "entity.program_words", j, j + 1) == 1, head = lex(c, "entity.org_heads", j, j + 1) == 1;
        if (prog || head) {
            poss = prog ? most_mentioned(c, DOSSIER_KIND_PROGRAM, j) : headed_by(c, j);
            j += 2;
        }
    }
    int t = lex(c, "entity.titles", j, end);
    /* "X, the project director of Y": one describing word before the title. */
    if (!t && pre < 0 && j + 1 < end && (d->tokens.v[j].flags & DOSSIER_TOK_WORD) &&
        !(d->tokens.v[j].flags & DOSSIER_TOK_UPPER) && c->owner[j] < 0 && !is_stop(c, j) &&
        lex(c, "entity.titles", j + 1, end))
        t = 1 + lex(c, "entity.titles", j + 1, end);
    if (!t && pre < 0 && (t = lex(c, "entity.affiliations", j, end)) > 0) {
        /* "X, Professor an der Y-Universität", "X, professor at Y": an occupation at an organisation. */
        int o = org_after(c, j + t, end, &at);
        if (o < 0 || at == j + t || c->d->entities.v[o].kind != DOSSIER_KIND_ORGANIZATION)
            return 0;
        int rc = add_role(c, person, o, j, j + t);
        return rc ? rc : at + 1;
    }
    if (!t)
        return 0;
    int te = j + t;
    org = pre >= 0 ? pre : org_after(c, te, end, &at);
    if (pre >= 0 || org < 0) {
        /* A title extension: "minister of state for advanced technology", "head of human spaceflight". */
        while (te < end && te < j + t + 6 && (d->tokens.v[te].flags & DOSSIER_TOK_WORD) &&
               c->owner[te] < 0 && !lex(c, "entity.name_and", te, te + 1))
            te++;
        while (te > j + t && (is_link(c, te - 1) || is_stop(c, te - 1)))
            te--; /* "secretary for policy of the Y": the title stops before "of the" */
    }
    if (org < 0)
        org = org_within(c, j + t, end, &at);
    if (org < 0 && (org = company_anaphor(c, j + t, end)) >= 0)
        te = j + t;
    if (org < 0) {
        /* "..., who is based at Y": where the person works is the organisation. */
        int o = based_at(c, j + t, end, &at);
        org = o >= 0 ? o : poss;
        te = j + t;
    }
    if (org < 0)
        return 0;
    int rc = add_role(c, person, org, j, te);
    if (rc)
        return rc;
    int next = te;
    if (at >= 0 && c->owner[at] >= 0) {
        const dossier_mention *mm = &d->mentions.v[c->owner[at]];
        if (mm->first_token + mm->ntokens > next)
            next = mm->first_token + mm->ntokens;
    }
    return next;
}

/* Roles in appositions after the person mention [a, b), and after "appointed X" or "X was appointed". */
static int after_name(roles_ctx *c, int person, int a, int b, int end)
{
    int first = c->d->sentences.v[c->d->tokens.v[a].sentence].first_token, i = 0;
    /* "a nommé X directeur général de Y", "X was appointed director of Y": no comma. */
    for (int s = a - 3 > first ? a - 3 : first; b < end && s < a && !i; s++)
        if (lex(c, "entity.appoint_verbs", s, a) == a - s)
            i = apposition(c, person, b, end);
    if (!i && b < end && lex(c, "entity.appointed", b, end))
        i = apposition(c, person, b + lex(c, "entity.appointed", b, end), end);
    if (i)
        return i < 0 ? i : DOSSIER_OK;
    if (b >= end || strcmp(fold_at(c, b), ",") != 0)
        return DOSSIER_OK;
    i = apposition(c, person, b + 1, end);
    /* "... and ruler of Dubai": a second title. */
    while (i > 0 && i < end) {
        while (i < end && c->owner[i] >= 0)
            i++;
        /* "..., who will become co-chairman of Y": a relative clause after the first title. */
        if (i < end && (lex(c, "entity.name_and", i, i + 1) ||
                        (strcmp(fold_at(c, i), ",") == 0 && lex(c, "statement.relatives", i + 1, i + 2) == 1)))
            i = apposition(c, person, i + 1, end);
        else
            break;
    }
    return i < 0 ? i : DOSSIER_OK;
}

/*
 * "Blue Origin, the company founded by X", "la société fondée par X":
 * X founded the organisation named last before the phrase.
 */
static int founded_by(roles_ctx *c, int person, int a, int first)
{
    const dossier_phrase *const *ft;
    for (int s = a - 1; s >= first && s >= a - 4; s--) {
        int k = lex(c, "entity.founded_by", s, a);
        if (!k || s + k != a)
            continue;
        if (!dossier_lexicon_list(c->d->lex, c->lang, "entity.founder_title", &ft))
            return DOSSIER_OK;
        for (int i = s - 1; i >= first && i >= s - WINDOW; i--) {
            int org = org_at(c, i);
            if (org >= 0 && c->d->entities.v[org].kind == DOSSIER_KIND_ORGANIZATION) {
                int rc = add_role(c, person, org, s, a);
                if (!rc && c->d->roles.n && c->d->roles.v[c->d->roles.n - 1].person == person &&
                    c->d->roles.v[c->d->roles.n - 1].organization == org)
                    c->d->roles.v[c->d->roles.n - 1].title = ft[0]->text;
                return rc;
            }
        }
        return DOSSIER_OK;
    }
    return DOSSIER_OK;
}

/* See roles.h. */
int dossier_roles_run(dossier_doc *d)
{
    dossier_lexmemo lists[DOSSIER_LEXMEMO_SLOTS] = {{0}};
    roles_ctx c = {d, dossier_doc_lang(d), NULL, lists};
    int rc = DOSSIER_OK;
    if (!d->tokens.n || !d->mentions.n)
        return DOSSIER_OK;
    c.owner = malloc(d->tokens.n * sizeof *c.owner);
    if (!c.owner)
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->tokens.n; i++)
        c.owner[i] = -1;
    for (size_t m = 0; m < d->mentions.n; m++)
        for (int k = 0; k < d->mentions.v[m].ntokens; k++)
            c.owner[d->mentions.v[m].first_token + k] = (int)m;
    size_t nmentions = d->mentions.n;
    for (size_t m = 0; !rc && m < nmentions; m++) {
        const dossier_mention mm = d->mentions.v[m];
        if (d->entities.v[mm.entity].kind != DOSSIER_KIND_PERSON || mm.how == DOSSIER_MENTION_PRONOUN ||
            mm.how == DOSSIER_MENTION_DESCRIPTION)
            continue;
        const dossier_sentence *s = &d->sentences.v[mm.sentence];
        int first = s->first_token, end = s->first_token + s->ntokens;
        rc = before_name(&c, mm.entity, mm.first_token, mm.first_token + mm.ntokens, first, end);
        if (!rc)
            rc = list_title(&c, mm.entity, mm.first_token, mm.first_token + mm.ntokens, first, end);
        if (!rc)
            rc = founded_by(&c, mm.entity, mm.first_token, first);
        if (!rc)
            rc = after_name(&c, mm.entity, mm.first_token, mm.first_token + mm.ntokens, end);
    }
    free(c.owner);
    return rc;
}

/* Non-zero when the folded role title `title` holds a head of state's title word. */
static int head_title(const dossier_doc *d, const char *lang, const char *title)
{
    const dossier_phrase *const *list = NULL;
    size_t n = dossier_lexicon_list(d->lex, lang, "statement.head_of_state_titles", &list);
    for (size_t i = 0; i < n; i++)
        if (list[i]->nwords == 1 && name_holds(d->lex, lang, title, list[i]->words[0]))
            return 1;
    return 0;
}

/* See roles.h. */
int dossier_roles_head_of_state(const dossier_doc *d, int t, int *len)
{
    const char *lang = dossier_doc_lang(d);
    *len = 0;
    if (t < 0 || (size_t)t >= d->tokens.n)
        return -1;
    size_t n = d->tokens.n - (size_t)t;
    size_t k = dossier_doc_match(d, dossier_lexicon_find(d->lex, lang, "statement.head_of_state"), (size_t)t,
                                 n > 8 ? 8 : n, NULL);
    if (!k)
        return -1;
    *len = (int)k;
    int best = -1;
    size_t at = 0;
    for (size_t i = 0; i < d->roles.n; i++) {
        const dossier_role *r = &d->roles.v[i];
        if (r->span.start >= d->tokens.v[t].span.start || !r->title ||
            (r->organization >= 0 && d->entities.v[r->organization].kind != DOSSIER_KIND_PLACE) ||
            (best >= 0 && r->span.start < at) ||
            !head_title(d, lang, r->title))
            continue;
        best = r->person;
        at = r->span.start;
    }
    return best;
}
