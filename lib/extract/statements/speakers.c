/*
 * speakers.c — attribution: which entity speaks each candidate statement
 * (the shared types and token helpers are candidates.h's).
 *
 * A candidate names its speaker through a token range (the subject of the
 * cue, or the phrase after "according to").  In that range a person's name
 * wins, then a pronoun (the person last named in the paragraph, or the last
 * person speaking, of the pronoun's gender when courtesy titles tell it),
 * then an organisation's name; a role without a name
 * ("the head of X", "the agency's chief") goes to the person holding it, a
 * press service, spokesperson or "the agency" to the organisation, "the
 * statement" to whoever spoke last, "it" to the organisation or document
 * that spoke just before or opens the sentence before; with none of these, a group of people
 * or a poll named by its noun ("analysts", "a new poll") speaks words, not
 * views.  Word lists are statement.* in schema/lang.
 */
#include "extract/statements/speakers.h"
#include "extract/statements/speakernames.h"
#include "base/inflect.h"
#include "extract/roles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

/* Entity kind of mention m. */
static int mention_kind(const stm_ctx *c, int m)
{
    return c->d->entities.v[c->d->mentions.v[m].entity].kind;
}

/* The token before `t` is a preposition ("of", "de", "von"), skipping an article. */
static int after_preposition(const stm_ctx *c, int t, int first)
{
    for (int k = t - 1; k >= first && k >= t - 2; k--) {
        if (dossier_speakers_match(c, "statement.prepositions", k))
            return 1;
        if (!dossier_speakers_match(c, "statement.articles", k))
            return 0;
    }
    return 0;
}

/*
 * Non-zero when entity e is a group or a source named by a noun phrase
 * (dossier_speakernames_group()): it has no mention, and no pronoun or
 * role points back to it.
 */
static int group_speaker(const stm_ctx *c, int e)
{
    return c->d->entities.v[e].nmentions == 0 && !c->d->entities.v[e].gaz;
}

/* The most recent speaker of `kind` (-1 any), not a group, among candidates already resolved. */
static int last_speaker(const stm_ctx *c, const int *order, int upto, int kind)
{
    for (int i = upto - 1; i >= 0; i--) {
        const stm_cand *k = &c->cands.v[order[i]];
        if (k->dropped || k->speaker < 0 || group_speaker(c, k->speaker))
            continue;
        if (kind < 0 || c->d->entities.v[k->speaker].kind == kind)
            return k->speaker;
    }
    return -1;
}

/* Non-zero when the last candidate before `upto` with a speaker stands in paragraph `para`. */
static int spoke_in_para(const stm_ctx *c, const int *order, int upto, int para)
{
    for (int i = upto - 1; i >= 0; i--) {
        const stm_cand *k = &c->cands.v[order[i]];
        if (!k->dropped && k->speaker >= 0)
            return k->para == para;
    }
    return 0;
}

/*
 * The entity of `kind` last named (not described) in the paragraph of token
 * `t` before it, outside quotations; -1 when none.
 */
static int named_in_para(const stm_ctx *c, int t, int kind)
{
    const dossier_doc *d = c->d;
    int para = dossier_speakers_para(c, t), best = -1, at = -1;
    for (size_t i = 0; i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->first_token >= t || m->first_token <= at || mention_kind(c, (int)i) != kind ||
            m->how == DOSSIER_MENTION_PRONOUN || m->how == DOSSIER_MENTION_DESCRIPTION ||
            c->used[m->first_token] == 2 || dossier_speakers_para(c, m->first_token) != para)
            continue;
        best = m->entity;
        at = m->first_token;
    }
    return best;
}

/*
 * How far back in its paragraph unnamed_in_para() looks: far beyond any
 * paragraph of news, near enough that a paragraph-long file of pronouns
 * (unbalanced quotation marks make one) costs linear time.
 */
#define UNNAMED_REACH_TOKENS 2000
#define UNNAMED_REACH_SENTENCES 60

/*
 * A person written in the paragraph of token `t` before it whom the
 * entities stage did not find: a surname known from a full name earlier
 * ("Василевская, ..." after "Марина Василевская"), else a new "Firstname
 * Surname", the nearest first.  Returns the entity or -1.
 */
static int unnamed_in_para(stm_ctx *c, int t)
{
    const dossier_doc *d = c->d;
    int para = dossier_speakers_para(c, t);
    const dossier_paragraph *pa = &d->paragraphs.v[para];
    int first = d->sentences.v[pa->first_sentence].first_token;
    if (first < t - UNNAMED_REACH_TOKENS)
        first = t - UNNAMED_REACH_TOKENS;
    for (int u = t - 1; u >= first; u--) {
        if (c->used[u] == 2 || c->tok_mention[u] >= 0 || !(dossier_speakers_flags(c, u) & DOSSIER_TOK_UPPER))
            continue;
        int e = dossier_speakernames_surname(c, u);
        if (e >= 0 && d->entities.v[e].kind == DOSSIER_KIND_PERSON)
            return e;
    }
    int s_first = d->tokens.v[t].sentence - UNNAMED_REACH_SENTENCES;
    for (int s = d->tokens.v[t].sentence; s >= pa->first_sentence && s >= s_first; s--) {
        int sf = d->sentences.v[s].first_token, se = sf + d->sentences.v[s].ntokens;
        int m = dossier_speakernames_new(c, sf, se < t ? se : t, 1);
        if (m >= 0)
            return d->mentions.v[m].entity;
    }
    return -1;
}

/*
 * The person a pronoun at token `t` refers to: the last person named in the
 * paragraph outside quotations, else whoever spoke last in the paragraph,
 * else a person written there without a mention, else the last person
 * speaking, else the last person named before.
 */
/* 1 for a male, 2 for a female pronoun or title at token t (statement.*_pronouns, *_titles), else 0. */
static int gender_at(const stm_ctx *c, int t, const char *male, const char *female)
{
    if (t < 0)
        return 0;
    return dossier_speakers_match(c, male, t) ? 1 : dossier_speakers_match(c, female, t) ? 2 : 0;
}

/*
 * 1 or 2 when folded word w ends in an ending of list `male` or `female`
 * (the longer ending wins), else 0: "Ермолаева" ends in a female surname
 * ending, "сказала" in a female verb ending (Russian marks both).
 */
static int ending_gender(const stm_ctx *c, const char *w, const char *male, const char *female)
{
    size_t m = dossier_lexicon_ending(c->d->lex, c->lang, male, w, 2);
    size_t f = dossier_lexicon_ending(c->d->lex, c->lang, female, w, 2);
    return m > f ? 1 : f > m ? 2 : 0;
}

/* The gender the ending of the last word of person e's name tells (entity.*_surname_endings), or 0. */
static int surname_gender(const stm_ctx *c, int e)
{
    const char *name = c->d->entities.v[e].name, *sp = strrchr(name, ' ');
    const char *last = sp ? sp + 1 : name;
    char *f = dossier_fold(last, strlen(last));
    int g = f ? ending_gender(c, f, "entity.male_surname_endings", "entity.female_surname_endings") : 0;
    free(f);
    return g;
}

/* The gender the form of the cue at token t tells ("сказал", "сказала": statement.*_verb_endings), or 0. */
static int cue_gender(const stm_ctx *c, int t)
{
    if (t < 0 || !dossier_speakers_match(c, "statement.verbs", t))
        return 0;
    return ending_gender(c, c->d->folds.v[t], "statement.male_verb_endings", "statement.female_verb_endings");
}

/* The gender the courtesy title before mention m tells ("Mr. X", "Mrs. X", "Frau X"), or 0. */
static int title_gender(const stm_ctx *c, const dossier_mention *m)
{
    int t = m->first_token - 1;
    if (t > 0 && dossier_speakers_is(c, t, "."))
        t--;
    return gender_at(c, t, "statement.male_titles", "statement.female_titles");
}

/*
 * What the article says of person e's gender: 1 male, 2 female, 0 unknown
 * or both; from the courtesy titles before its mentions ("Mr. X", "Mrs.
 * X", "Frau X"), else from the ending of its surname where the language
 * marks gender there ("Иванова").
 */
static int gender_of(const stm_ctx *c, int e)
{
    int g = 0;
    for (size_t i = 0; i < c->d->mentions.n; i++) {
        const dossier_mention *m = &c->d->mentions.v[i];
        if (m->entity != e || m->how == DOSSIER_MENTION_PRONOUN)
            continue;
        int here = title_gender(c, m);
        if (here && g && here != g)
            return 0;
        if (here)
            g = here;
    }
    return g ? g : surname_gender(c, e);
}


/*
 * What gender_of() tells of every person of the article, worked out in one
 * pass over the mentions, for the many look-ups of one pronoun (gender_of
 * reads every mention each time).  g[e]: -1 titles of both genders, 0 none
 * seen (the surname tells, see gender_from), 1 or 2 the titles' gender.
 * Valid while the mentions do not change.  NULL g: out of memory, and
 * gender_from() asks gender_of().
 */
typedef struct {
    signed char *g;
    size_t n;
} genders;

/* Fills *out for the article as it is now (out->g NULL when out of memory). */
static void genders_make(genders *out, const stm_ctx *c)
{
    const dossier_doc *d = c->d;
    out->n = d->entities.n;
    out->g = calloc(out->n ? out->n : 1, 1);
    for (size_t i = 0; out->g && i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->how == DOSSIER_MENTION_PRONOUN || m->entity < 0 || (size_t)m->entity >= out->n ||
            d->entities.v[m->entity].kind != DOSSIER_KIND_PERSON || out->g[m->entity] < 0)
            continue;
        int here = title_gender(c, m);
        if (here && out->g[m->entity] && here != out->g[m->entity])
            out->g[m->entity] = -1;
        else if (here)
            out->g[m->entity] = (signed char)here;
    }
}

/* gender_of(c, e), from what genders_make() found when gs has it (gs may be NULL). */
static int gender_from(const stm_ctx *c, const genders *gs, int e)
{
    if (!gs || !gs->g || e < 0 || (size_t)e >= gs->n)
        return gender_of(c, e);
    return gs->g[e] < 0 ? 0 : gs->g[e] ? gs->g[e] : surname_gender(c, e);
}

/*
 * Non-zero when person e may be what a pronoun of gender g (0 unknown)
 * points to; gs: the article's genders (genders_make), or NULL.
 */
static int fits(const stm_ctx *c, const genders *gs, int e, int g)
{
    int h = g && e >= 0 && c->d->entities.v[e].kind == DOSSIER_KIND_PERSON ? gender_from(c, gs, e) : 0;
    return !g || !h || h == g;
}

/*
 * Mention `m` when it is no possessor, else the first person of gender g
 * named before it in its sentence, outside quotations, when there is one: "Mr. A
 * dismissed Mr. B's client. “…,” he said" is A's, the subject, not the
 * possessor's.  gs: the genders of the article's people (genders_make).
 */
static int possessor_passed(const stm_ctx *c, int m, int g, const genders *gs)
{
    const dossier_doc *d = c->d;
    if (m < 0)
        return m;
    int after = d->mentions.v[m].first_token + d->mentions.v[m].ntokens;
    if (after >= (int)d->tokens.n || (strcmp(d->folds.v[after], "'s") != 0 && strcmp(d->folds.v[after], "'") != 0))
        return m;
    int sent = d->tokens.v[d->mentions.v[m].first_token].sentence, best = m;
    for (size_t i = 0; i < d->mentions.n; i++) {   /* mentions are in the order stages found them */
        const dossier_mention *o = &d->mentions.v[i];
        if (o->first_token < d->mentions.v[best].first_token && d->tokens.v[o->first_token].sentence == sent &&
            mention_kind(c, (int)i) == DOSSIER_KIND_PERSON && o->how != DOSSIER_MENTION_PRONOUN &&
            c->used[o->first_token] != 2 && o->entity != d->mentions.v[m].entity && fits(c, gs, o->entity, g))
            best = (int)i;
    }
    return best;
}

static int person_before(stm_ctx *c, const int *order, int upto, int t)
{
    const dossier_doc *d = c->d;
    int para = dossier_speakers_para(c, t), any = -1;
    /* "she" is no Mr. X: the nearest person of the pronoun's gender, when the article tells it */
    int g = gender_at(c, t, "statement.male_pronouns", "statement.female_pronouns");
    genders gs = {0};
    if (g)
        genders_make(&gs, c);
    for (size_t i = 0; i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->first_token >= t)
            continue;
        if (mention_kind(c, (int)i) != DOSSIER_KIND_PERSON || m->how == DOSSIER_MENTION_PRONOUN)
            continue;
        if (c->used[m->first_token] == 2)
            continue;   /* inside a quotation */
        if ((any < 0 || d->mentions.v[any].first_token < m->first_token) && fits(c, &gs, m->entity, g))
            any = (int)i;
    }
    any = possessor_passed(c, any, g, &gs);
    free(gs.g); /* unnamed_in_para() below may add mentions */
    if (any >= 0 && dossier_speakers_para(c, d->mentions.v[any].first_token) == para)
        return d->mentions.v[any].entity;
    /* "A JAXA spokesperson said …. “…,” she said.": whoever spoke just before in the paragraph */
    if (spoke_in_para(c, order, upto, para) && fits(c, NULL, last_speaker(c, order, upto, -1), g))
        return last_speaker(c, order, upto, -1);
    int un = unnamed_in_para(c, t);
    if (un >= 0 && fits(c, NULL, un, g))
        return un;
    int sp = last_speaker(c, order, upto, DOSSIER_KIND_PERSON);
    if (sp >= 0 && fits(c, NULL, sp, g))
        return sp;
    return any >= 0 ? d->mentions.v[any].entity : -1;
}

/* Non-zero when one of organisation e's names holds a word of the same stem as `w` ("госкорпорация"). */
static int org_fits(const stm_ctx *c, int e, const char *w)
{
    const dossier_gaz_entry *g = c->d->entities.v[e].gaz;
    for (size_t i = 0; g && i < g->nnames; i++)
        for (size_t j = 0; j < g->names[i]->nwords; j++)
            if (dossier_speakernames_same_stem(g->names[i]->words[j], w))
                return 1;
    char *f = dossier_fold(c->d->entities.v[e].name, strlen(c->d->entities.v[e].name));
    int hit = 0;
    char *save = NULL; /* strtok_r, not strtok: articles are analysed in parallel threads */
    for (char *tok = f ? strtok_r(f, " ", &save) : NULL; tok && !hit; tok = strtok_r(NULL, " ", &save))
        hit = dossier_speakernames_same_stem(tok, w);
    free(f);
    return hit;
}

/*
 * The organisation a description word at `t` ("госкорпорации", "the
 * agency") fits by name: the last one speaking, else the last one named;
 * -1 when none.
 */
static int org_fitting(const stm_ctx *c, const int *order, int upto, int t)
{
    const dossier_doc *d = c->d;
    const char *w = d->folds.v[t];
    int described = dossier_speakers_match(c, "statement.org_descriptions", t) > 0;
    for (int i = upto - 1; described && i >= 0; i--) {
        const stm_cand *k = &c->cands.v[order[i]];
        if (!k->dropped && k->speaker >= 0 && d->entities.v[k->speaker].kind == DOSSIER_KIND_ORGANIZATION &&
            org_fits(c, k->speaker, w))
            return k->speaker;
    }
    for (size_t i = d->mentions.n; described && i-- > 0;) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->first_token < t && mention_kind(c, (int)i) == DOSSIER_KIND_ORGANIZATION && org_fits(c, m->entity, w))
            return m->entity;
    }
    return -1;
}

/*
 * The organisation "the agency", "the press service" or "they" at token `t`
 * stands for: one whose names hold the description's word, else the one
 * last named in the paragraph, else the last organisation speaking, else
 * the organisation named most often before `t`.
 */
static int org_before(const stm_ctx *c, const int *order, int upto, int t)
{
    const dossier_doc *d = c->d;
    int fit = org_fitting(c, order, upto, t);
    if (fit < 0)
        fit = named_in_para(c, t, DOSSIER_KIND_ORGANIZATION);
    if (fit >= 0)
        return fit;
    int sp = last_speaker(c, order, upto, DOSSIER_KIND_ORGANIZATION);
    if (sp >= 0)
        return sp;
    int *count = calloc(d->entities.n + 1, sizeof *count), best = -1, first = -1;
    if (!count)
        return -1;
    for (size_t i = 0; i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->first_token >= t || mention_kind(c, (int)i) != DOSSIER_KIND_ORGANIZATION)
            continue;
        count[m->entity]++;
        if (best < 0 || count[m->entity] >= count[best])
            best = m->entity;
    }
    free(count);
    /* "S, the organisation said, and X added …" before any name: the first organisation named after it there */
    for (size_t i = 0, at = d->tokens.n; best < 0 && i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        if (m->first_token > t && (size_t)m->first_token < at && m->how == DOSSIER_MENTION_NAME &&
            dossier_speakers_para(c, m->first_token) == dossier_speakers_para(c, t) &&
            mention_kind(c, (int)i) == DOSSIER_KIND_ORGANIZATION) {
            at = (size_t)m->first_token;
            first = m->entity;
        }
    }
    return best >= 0 ? best : first;
}

/*
 * The person whose role, stated before token `t`, has the role phrase at
 * `t` as the end of its title ("the centre's director general" after "X,
 * director general of the centre"), when nothing follows the phrase in
 * the subject ("глава государства" is another head); -1 when none or
 * when two people do.
 */
static int role_by_title(const stm_ctx *c, int t, int subj_end)
{
    const dossier_doc *d = c->d;
    int len = dossier_speakers_match(c, "statement.person_roles", t), found = -1;
    len = len ? len : 1;
    if (t + len < subj_end && !(dossier_speakers_flags(c, t + len) & DOSSIER_TOK_PUNCT))
        return -1;
    char phrase[256];
    size_t n = 0;
    for (int u = t; u < t + len; u++) {
        const char *w = d->folds.v[u];
        if (n + strlen(w) + 2 > sizeof phrase)
            return -1;
        n += (size_t)snprintf(phrase + n, sizeof phrase - n, "%s%s", u > t ? " " : "", w);
    }
    for (size_t i = 0; i < d->roles.n; i++) {
        const dossier_role *r = &d->roles.v[i];
        if (r->span.start >= d->tokens.v[t].span.start || !r->title)
            continue;
        char *f = dossier_fold(r->title, strlen(r->title));
        size_t lf = f ? strlen(f) : 0;
        int hit = lf >= n && strcmp(f + lf - n, phrase) == 0 && (lf == n || f[lf - n - 1] == ' ' || f[lf - n - 1] == '-');
        free(f);
        if (hit && found >= 0 && found != r->person)
            return -1;
        if (hit)
            found = r->person;
    }
    return found;
}

/*
 * Non-zero when the title word at u stands alone: after the text's start,
 * punctuation, an article or a name ("U.S. President X"), not after a word
 * that makes another title of it ("Vice President X", "former President X").
 */
static int title_alone(const stm_ctx *c, int u)
{
    return u == 0 || dossier_speakers_sent_first(c, u) == u || (dossier_speakers_flags(c, u - 1) & DOSSIER_TOK_PUNCT) ||
           c->tok_mention[u - 1] >= 0 ||
           dossier_speakers_match(c, "statement.articles", u - 1);
}

/*
 * The person the title word at token t last stood for in the article: the
 * speaker an earlier statement's same description ("the mayor said")
 * resolved to, or the name the same title stood before ("Mayor Ann Roe");
 * the nearest before t wins.  -1 when the title was never used so.
 */
static int same_title_before(const stm_ctx *c, const int *order, int upto, int t)
{
    const dossier_doc *d = c->d;
    int best = -1, at = -1;
    for (int i = 0; i < upto; i++) {
        const stm_cand *k = &c->cands.v[order[i]];
        if (k->dropped || k->speaker < 0 || k->speaker_mention < 0)
            continue;
        const dossier_mention *m = &d->mentions.v[k->speaker_mention];
        if (m->how == DOSSIER_MENTION_DESCRIPTION && m->first_token < t && m->first_token > at &&
            strcmp(d->folds.v[m->first_token], d->folds.v[t]) == 0 &&
            d->entities.v[k->speaker].kind == DOSSIER_KIND_PERSON) {
            best = k->speaker;
            at = m->first_token;
        }
    }
    for (int u = t - 1; u > at; u--) {
        int m = c->tok_mention[u + 1];
        if (m >= 0 && d->mentions.v[m].first_token == u + 1 && d->mentions.v[m].how == DOSSIER_MENTION_NAME &&
            mention_kind(c, m) == DOSSIER_KIND_PERSON && c->tok_mention[u] < 0 &&
            strcmp(d->folds.v[u], d->folds.v[t]) == 0 && title_alone(c, u))
            return d->mentions.v[m].entity;
    }
    return best;
}

/*
 * Non-zero when the role word at t is preceded in [first, t) only by an
 * article, after the range's start or a comma: "the mayor", "It was, the
 * mayor said", not "the former mayor".
 */
static int bare_title(const stm_ctx *c, int first, int t)
{
    int u = t - 1;
    while (u >= first && u >= t - 1 && dossier_speakers_match(c, "statement.articles", u))
        u--;
    return first >= 0 && (u < first || (u < t - 1 && (dossier_speakers_flags(c, u) & DOSSIER_TOK_PUNCT)));
}

/* Non-zero when entity e has a mention inside byte span `span` (what a statement says). */
static int named_in_span(const stm_ctx *c, int e, dossier_span span)
{
    for (size_t i = 0; i < c->d->mentions.n; i++) {
        const dossier_mention *m = &c->d->mentions.v[i];
        size_t at = c->d->tokens.v[m->first_token].span.start;
        if (m->entity == e && at >= span.start && at < span.end)
            return 1;
    }
    return 0;
}

/* The person holding a role in organisation `org` stated before byte `before`, or -1. */
static int role_holder(const stm_ctx *c, int org, size_t before)
{
    for (size_t i = 0; org >= 0 && i < c->d->roles.n; i++)
        if (c->d->roles.v[i].organization == org && c->d->roles.v[i].span.start < before)
            return c->d->roles.v[i].person;
    return -1;
}

/* What a subject range names. */
typedef struct {
    int person, org, org_any, place;   /* mention indexes */
    int known, known_tok;               /* an entity named by a bare surname, and where */
    int desc, person_any;               /* a description or pronoun mention; a person after "of" */
    int gov, gov_tok;                   /* the place of "the Monaco government", and where */
    int pron_person, pron_group, pron_it; /* token indexes */
    int role, org_desc, doc_noun, relative;
    int org_of_desc;                    /* an organisation after the description: "un responsable de l'ESA" */
} subject_scan;

/* "ESA-Chef", "NASA-Chefin": a compound whose last part is a role. */
static int compound_role(const stm_ctx *c, int t)
{
    const char *w = c->d->folds.v[t], *dash = strrchr(w, '-');
    return dash && dash[1] && dossier_lexicon_has(c->d->lex, c->lang, "statement.person_roles", dash + 1);
}

static int role_word(const stm_ctx *c, int t);

/*
 * Non-zero when mention m is a possessive whose phrase names another
 * person before `end`: "X's former secretary Y said" is Y's statement.
 */
static int owner_of_next(const stm_ctx *c, int m, int end)
{
    const dossier_mention *mm = &c->d->mentions.v[m];
    int after = mm->first_token + mm->ntokens;
    if (after >= end || strcmp(c->d->folds.v[after], "'s") != 0)
        return 0;
    for (int t = after + 1; t < end && t <= after + 6; t++) {
        int n = c->tok_mention[t];
        if (n >= 0 && n != m && mention_kind(c, n) == DOSSIER_KIND_PERSON && c->d->mentions.v[n].how == DOSSIER_MENTION_NAME)
            return 1;
        if (dossier_speakers_flags(c, t) & DOSSIER_TOK_PUNCT)
            return 0;
    }
    return 0;
}

/*
 * Non-zero when mention m, after a preposition, owns what follows: "one
 * of X's aides", "a friend of X's" speak, not X.
 */
static int member_owner(const stm_ctx *c, int m, int first, int end)
{
    const dossier_mention *mm = &c->d->mentions.v[m];
    int next = mm->first_token + mm->ntokens;
    return next < end && strcmp(c->d->folds.v[next], "'s") == 0 && mm->first_token > first &&
           dossier_speakers_match(c, "statement.partitive", mm->first_token - 1);
}

/* Records what each token of [first, end) is. */
static void scan_subject(stm_ctx *c, int first, int end, subject_scan *s)
{
    memset(s, -1, sizeof *s);
    for (int t = first; t < end; t++) {
        int m = c->tok_mention[t];
        if (c->used[t] == 2)
            continue;
        if (t > first && dossier_speakers_is(c, t, ",") && dossier_speakers_match(c, "statement.relatives", t + 1) &&
            (s->person >= 0 || s->role >= 0 || s->org >= 0 || s->desc >= 0 || s->known >= 0))
            break;  /* "said the agency chief, who accompanied X": the relative clause names no speaker */
        if (m >= 0 && mention_kind(c, m) == DOSSIER_KIND_PLACE && c->d->mentions.v[m].ntokens == 1 &&
            s->known < 0 && s->person < 0) {
            int e = dossier_speakernames_known(c, t);   /* "Israël" the surname, not the country */
            if (e >= 0 && c->d->entities.v[e].kind == DOSSIER_KIND_PERSON) {
                s->known = e;
                s->known_tok = t;
                continue;
            }
        }
        if (m >= 0 && s->role < 0 && c->d->mentions.v[m].ntokens == 1 && compound_role(c, t))
            s->role = t;
        if (m >= 0 && c->d->mentions.v[m].ntokens == 1 && dossier_speakers_hyphen_adjective(c, t))
            continue;   /* "the Kremlin-backed group said": the group, not the Kremlin */
        if (m >= 0 && c->d->mentions.v[m].first_token == t) {
            int kind = mention_kind(c, m), prep = after_preposition(c, t, first);
            if (kind == DOSSIER_KIND_PERSON && dossier_speakernames_org_word(c, t))
                kind = DOSSIER_KIND_ORGANIZATION;   /* "Центра Хруничева" taken for a person's name */
            if (kind == DOSSIER_KIND_ORGANIZATION)
                m = dossier_speakernames_acronym(c, m, end);
            int how = c->d->mentions.v[m].how;
            if (how == DOSSIER_MENTION_DESCRIPTION || how == DOSSIER_MENTION_PRONOUN) {
                if (s->desc < 0 && (kind == DOSSIER_KIND_PERSON || kind == DOSSIER_KIND_ORGANIZATION))
                    s->desc = m;
            } else if (kind == DOSSIER_KIND_PERSON && prep) {
                if (s->person_any < 0 && !member_owner(c, m, first, end))
                    s->person_any = m;
            } else if (kind == DOSSIER_KIND_PERSON && s->person < 0 && s->pron_person < 0 && !owner_of_next(c, m, end))
                s->person = m;
            else if (kind == DOSSIER_KIND_ORGANIZATION && !prep && s->org < 0)
                s->org = m;
            else if (kind == DOSSIER_KIND_ORGANIZATION && (s->org_any < 0 || (s->org_desc >= 0 && s->org_of_desc < 0))) {
                if (prep && s->org_desc >= 0 && s->org_of_desc < 0)
                    s->org_of_desc = m;
                if (s->org_any < 0)
                    s->org_any = m;
            }
            else if (kind == DOSSIER_KIND_PLACE && !prep && s->place < 0)
                s->place = m;
            continue;
        }
        if (m >= 0)
            continue;
        if (s->known < 0 && s->person < 0 && !after_preposition(c, t, first)) {
            int e = dossier_speakernames_known(c, t);
            if (e < 0 && t == first && dossier_speakers_is(c, t + 1, ","))
                e = dossier_speakernames_surname(c, t);   /* "Surname, a 44-year-old pilot, replied" */
            if (e >= 0) {
                s->known = e;
                s->known_tok = t;
            }
        }
        if (s->gov < 0 && dossier_speakers_match(c, "statement.government", t)) {
            s->gov = dossier_speakernames_government(c, t);
            s->gov_tok = t;
        }
        if (s->pron_person < 0 && s->person < 0 && dossier_speakers_match(c, "statement.pronouns_person", t))
            s->pron_person = t;
        else if (s->pron_group < 0 && dossier_speakers_match(c, "statement.pronouns_group", t))
            s->pron_group = t;
        else if (s->pron_it < 0 && dossier_speakers_match(c, "statement.pronouns_it", t))
            s->pron_it = t;
        if (s->role < 0 && ((!dossier_speakers_match(c, "statement.articles", t) && role_word(c, t)) || compound_role(c, t)))
            s->role = t;
        if (s->org_desc < 0 && dossier_speakers_match(c, "statement.org_descriptions", t))
            s->org_desc = t;
        if (s->doc_noun < 0 && dossier_speakers_match(c, "statement.document_nouns", t))
            s->doc_noun = t;
        if (dossier_speakers_match(c, "statement.relatives", t))
            s->relative = t;
    }
}

/* The person or organisation just before a relative pronoun at `r`: its entity (*mention set), or -1. */
static int relative_antecedent(stm_ctx *c, int r, int floor, int *mention)
{
    *mention = -1;
    /* "…, Patti Roe and Sam Doe, who joked": the person right before the comma */
    int pm = r - 2 >= floor && dossier_speakers_is(c, r - 1, ",") ? c->tok_mention[r - 2] : -1;
    if (pm >= 0 && mention_kind(c, pm) == DOSSIER_KIND_PERSON && c->used[r - 2] != 2) {
        *mention = pm;
        return c->d->mentions.v[pm].entity;
    }
    /* "X, directeur de … l'ESA, qui juge": the person heading the apposition the comma closes */
    int sf = dossier_speakers_sent_first(c, r);
    for (int t = r - 2; dossier_speakers_is(c, r - 1, ",") && t > sf && t >= r - 20; t--) {
        if (!dossier_speakers_is(c, t, ","))
            continue;
        int m = c->tok_mention[t - 1];
        if (m >= 0 && mention_kind(c, m) == DOSSIER_KIND_PERSON && c->used[t - 1] != 2) {
            *mention = m;
            return c->d->mentions.v[m].entity;
        }
        break;
    }
    for (int t = r - 1; t >= floor && t >= r - 4; t--) {
        int m = c->tok_mention[t];
        int kind = m >= 0 ? mention_kind(c, m) : -1;
        if (kind == DOSSIER_KIND_PERSON || kind == DOSSIER_KIND_ORGANIZATION) {
            *mention = m;
            return c->d->mentions.v[m].entity;
        }
        if (m < 0 || kind == DOSSIER_KIND_PLACE) {
            int e = (dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) ? dossier_speakernames_known(c, t) : -1;
            if (e >= 0 || m >= 0)
                return e;
        }
        if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_PUNCT))
            return -1;
    }
    return -1;
}

/*
 * The entity of a description mention made by the entities stage, unless
 * its description word fits another organisation better by name.
 */
static int desc_entity(const stm_ctx *c, const int *order, int upto, int m)
{
    const dossier_mention *mm = &c->d->mentions.v[m];
    if (mm->how != DOSSIER_MENTION_DESCRIPTION || mention_kind(c, m) != DOSSIER_KIND_ORGANIZATION ||
        dossier_speakernames_same_description(c, m))
        return mm->entity;
    for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++) {
        if (!dossier_speakers_match(c, "statement.org_descriptions", t))
            continue;
        if (org_fits(c, mm->entity, c->d->folds.v[t]))
            return mm->entity;   /* "the agency" for an agency */
        int fit = org_fitting(c, order, upto, t);
        if (fit >= 0)
            return fit;
    }
    /* "В НАСА решение приветствовали. «…» — говорится в заявлении агентства": the one named just before */
    int named = named_in_para(c, mm->first_token, DOSSIER_KIND_ORGANIZATION);
    return named >= 0 ? named : mm->entity;
}

/*
 * Non-zero when token t (after an article) is a person's role, also
 * inflected ("председателя" for "председатель").
 */
static int role_word(const stm_ctx *c, int t)
{
    while (dossier_speakers_match(c, "statement.articles", t))
        t++;
    if (dossier_speakers_match(c, "statement.person_roles", t))
        return 1;
    if (!dossier_inflect_has_endings(c->d->lex, c->lang))
        return 0; /* a word is only itself, which the match tried */
    const dossier_phrase *const *roles = NULL;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, "statement.person_roles", &roles);
    return (size_t)t < c->d->tokens.n && dossier_inflect_in_list(c->d->lex, c->lang, c->d->folds.v[t], roles, n) >= 0;
}

/*
 * Non-zero when the sentence before token `t` in its paragraph and its
 * own sentence up to `t` name two people or more: a role word after
 * them ("the former secretary of state") could be either.
 */
static int two_people_before(const stm_ctx *c, int t)
{
    const dossier_doc *d = c->d;
    int s = d->tokens.v[t].sentence, first = d->sentences.v[s].first_token;
    if (s > 0 && dossier_speakers_para(c, d->sentences.v[s - 1].first_token) == dossier_speakers_para(c, t))
        first = d->sentences.v[s - 1].first_token;
    int one = -1;
    for (int u = first; u < t; u++) {
        int m = c->tok_mention[u];
        if (m < 0 || c->used[u] == 2 || mention_kind(c, m) != DOSSIER_KIND_PERSON || d->mentions.v[m].first_token != u ||
            (d->mentions.v[m].how != DOSSIER_MENTION_NAME && d->mentions.v[m].how != DOSSIER_MENTION_SHORT))
            continue;
        if (one >= 0 && d->mentions.v[m].entity != one)
            return 1;
        one = d->mentions.v[m].entity;
    }
    return 0;
}

/*
 * "The airline said" after "Northwind Airlines …": the organisation
 * named last before token `t` that one of whose names holds a word of
 * the noun's stem, for a subject [first, end) that is a definite article
 * and one lower-case noun; -1 when none.
 */
static int org_by_noun(const stm_ctx *c, int first, int end)
{
    if (end - first != 2 || !dossier_speakers_match(c, "statement.articles", first) ||
        (dossier_speakers_flags(c, first + 1) & (DOSSIER_TOK_UPPER | DOSSIER_TOK_PUNCT)) || c->tok_mention[first + 1] >= 0 ||
        dossier_speakers_match(c, "entity.indefinite_articles", first))
        return -1;
    for (size_t i = c->d->mentions.n; i-- > 0;) {
        const dossier_mention *m = &c->d->mentions.v[i];
        if (m->first_token < first && mention_kind(c, (int)i) == DOSSIER_KIND_ORGANIZATION &&
            m->how != DOSSIER_MENTION_PRONOUN && org_fits(c, m->entity, c->d->folds.v[first + 1]))
            return m->entity;
    }
    return -1;
}

/* Non-zero when tokens [first, last] are words of one phrase: no punctuation, at most eight. */
static int one_phrase(const stm_ctx *c, int first, int last)
{
    for (int t = first; t <= last; t++)
        if (dossier_speakers_flags(c, t) & DOSSIER_TOK_PUNCT)
            return 0;
    return last - first < 8;
}

/* Non-zero when description mention m opens with an indefinite article, or follows one ("a former chairman"). */
static int indefinite(const stm_ctx *c, int m)
{
    int t = c->d->mentions.v[m].first_token;
    return dossier_speakers_match(c, "entity.indefinite_articles", t) ||
           (t > 0 && dossier_speakers_match(c, "entity.indefinite_articles", t - 1));
}

/* See speakers.h. */
int dossier_speakers_closing_clause(const stm_ctx *c, int first, int end)
{
    int comma = -1;
    for (int t = end - 1; t > first && comma < 0; t--)
        if (dossier_speakers_is(c, t, ","))
            comma = t;
    if (comma < 0 || end - comma - 1 < 1 || end - comma - 1 > 5 || dossier_speakers_match(c, "statement.relatives", comma + 1))
        return first;
    if (end - comma - 1 == 1 && dossier_speakers_match(c, "statement.pronouns_person", comma + 1))
        return comma + 1;   /* "…, he said" */
    int m = c->tok_mention[end - 1];
    if (m < 0 || c->used[end - 1] == 2)
        return first;
    const dossier_mention *mm = &c->d->mentions.v[m];
    int kind = mention_kind(c, m);
    if ((mm->how != DOSSIER_MENTION_NAME && mm->how != DOSSIER_MENTION_SHORT) || mm->first_token + mm->ntokens != end ||
        mm->first_token <= comma || (kind != DOSSIER_KIND_PERSON && kind != DOSSIER_KIND_ORGANIZATION))
        return first;
    for (int t = comma + 1; t < mm->first_token; t++)
        if (!(dossier_speakers_flags(c, t) & (DOSSIER_TOK_UPPER | DOSSIER_TOK_PUNCT)) && !role_word(c, t))
            return first;   /* only a title before the name: "spokesman Sean X", "Sen. X" */
    return comma + 1;
}

/*
 * Non-zero when candidate k's subject asks a question ("Which members said
 * so is unclear", "… what commentators have said"): an interrogative opens
 * it, and it opens the sentence or is no relative pronoun.  After a noun
 * "which" is a relative ("the mine, which Ms. Berg says she will keep
 * open"), and the subject is the name after it.
 */
static int asks(const stm_ctx *c, const stm_cand *k)
{
    return k->subj_first >= 0 && k->subj_first < k->subj_end &&
           dossier_speakers_match(c, "statement.interrogatives", k->subj_first) &&
           (k->subj_first == dossier_speakers_sent_first(c, k->subj_first) ||
            !dossier_speakers_match(c, "statement.relatives", k->subj_first));
}

/*
 * Non-zero when candidate k's cue is a belief (statement.belief_verbs)
 * in a subordinate clause: a subordinator or a word that opens a
 * clause's own subject ("where", "because": statement.subordinators,
 * statement.subject_openers) stands right before the subject.
 */
static int background_view(const stm_ctx *c, const stm_cand *k)
{
    int t = k->subj_first - 1;
    if (!dossier_speakers_match(c, "statement.belief_verbs", k->cue_tok))
        return 0;
    return t < 0 || dossier_speakers_match(c, "statement.subject_openers", t) || dossier_speakers_match(c, "statement.subordinators", t);
}

/*
 * The relative pronoun after a comma that opens the cue's own clause
 * ("…, who in 2010 said"): no comma between it and the cue.  -1 when
 * the subject of candidate k holds none.
 */
static int relative_before_cue(const stm_ctx *c, const stm_cand *k)
{
    if (k->mode != STM_SUBJ_CLAUSE || k->subj_end != k->cue_tok || k->subj_first < 0)
        return -1;
    for (int t = k->subj_end - 1; t > k->subj_first; t--) {
        if (dossier_speakers_is(c, t, ",") || (dossier_speakers_flags(c, t) & (DOSSIER_TOK_SENTEND | DOSSIER_TOK_DASH)))
            return -1;  /* the relative clause closed before the cue */
        if (dossier_speakers_match(c, "statement.relatives", t) && dossier_speakers_is(c, t - 1, ","))
            return t;
    }
    return -1;
}

/* Non-zero when token t is a verb, an auxiliary or a pronoun: no part of a noun phrase that speaks. */
static int no_name_word(const stm_ctx *c, int t)
{
    return dossier_speakers_match(c, "statement.verbs", t) || dossier_speakers_match(c, "statement.verbs_that", t) ||
           dossier_speakers_match(c, "statement.finite_words", t) || dossier_speakers_match(c, "statement.aux", t) ||
           dossier_speakers_match(c, "statement.passive_aux", t) || dossier_speakers_match(c, "statement.subject_pronouns", t) ||
           dossier_speakers_match(c, "statement.relatives", t) || dossier_speakers_participle(c, t);
}

/*
 * The relative pronoun right before candidate k's cue (only adverbs,
 * auxiliaries and negations between) that binds a group noun before it
 * with no comma ("economists who argue", "experts who warn"), or -1.
 */
static int bound_relative(const stm_ctx *c, const stm_cand *k)
{
    if (k->mode != STM_SUBJ_CLAUSE || k->subj_first < 0 || k->cue_tok < 0 || k->subj_end != k->cue_tok)
        return -1;
    int r = k->subj_end - 1;
    while (r > k->subj_first && (dossier_speakers_match(c, "statement.adverbs", r) || dossier_speakers_match(c, "statement.aux", r) ||
                                 dossier_speakers_match(c, "statement.finite_words", r)))
        r--;
    if (r <= k->subj_first || !dossier_speakers_match(c, "statement.relatives", r) ||
        !dossier_speakers_match(c, "statement.group_nouns", r - 1) || c->tok_mention[r - 1] >= 0)
        return -1;
    return r;
}

/*
 * Non-zero when the thing pronoun at `t` ("it") is the whole subject of
 * candidate k's cue: it opens the subject (or follows a comma or a join)
 * and only adverbs and auxiliaries stand between it and the cue.
 */
static int thing_subject(const stm_ctx *c, const stm_cand *k, int t)
{
    if (k->mode != STM_SUBJ_CLAUSE || k->cue_tok < 0 || t < k->subj_first || t >= k->subj_end)
        return 0;
    if (t > k->subj_first && !(dossier_speakers_flags(c, t - 1) & DOSSIER_TOK_PUNCT) &&
        !dossier_speakers_match(c, "statement.clause_joins", t - 1))
        return 0;
    for (int u = t + 1; u < k->subj_end; u++)
        if (!dossier_speakers_match(c, "statement.adverbs", u) && !dossier_speakers_match(c, "statement.aux", u))
            return 0;
    return 1;
}

/* Non-zero when entity e is a group of people named by its noun ("aides", "people briefed"): "they", not "it". */
static int people(const stm_ctx *c, int e)
{
    if (!group_speaker(c, e))
        return 0;
    char *f = dossier_fold(c->d->entities.v[e].name, strlen(c->d->entities.v[e].name));
    const char *last = f ? strrchr(f, ' ') : NULL;
    int hit = f && dossier_lexicon_has(c->d->lex, c->lang, "statement.group_nouns", last ? last + 1 : f);
    free(f);
    return hit;
}

/*
 * What "it" at token `t` stands for when it speaks ("It said …", "It
 * also accuses …"): the speaker of the statement just before in the
 * paragraph, when that is no person (an organisation, a document); else the organisation that opens the sentence before in
 * the paragraph ("The union filed a complaint. It says …"); else the poll
 * or document that opens it ("A new poll … . It also found …"); -1 when
 * none, a person ("he" is no "it") or a quotation stands there.
 */
static int thing_before(stm_ctx *c, const int *order, int upto, int t)
{
    const dossier_doc *d = c->d;
    int para = dossier_speakers_para(c, t);
    for (int i = upto - 1; i >= 0; i--) {
        const stm_cand *k = &c->cands.v[order[i]];
        if (k->dropped || k->speaker < 0)
            continue;
        if (k->para == para && d->entities.v[k->speaker].kind != DOSSIER_KIND_PERSON && !people(c, k->speaker))
            return k->speaker;
        break;
    }
    int sent = d->tokens.v[t].sentence;
    if (sent == 0 || dossier_speakers_para(c, d->sentences.v[sent - 1].first_token) != para)
        return -1;
    int sf = d->sentences.v[sent - 1].first_token, se = sf + d->sentences.v[sent - 1].ntokens;
    int u = sf;
    while (u < se && (dossier_speakers_match(c, "statement.articles", u) || (dossier_speakers_flags(c, u) & DOSSIER_TOK_PUNCT)))
        u++;
    if (u >= se || c->used[u] == 2)
        return -1;
    int m = c->tok_mention[u];
    if (m >= 0 && d->mentions.v[m].first_token == u) {
        int kind = mention_kind(c, m);
        return kind == DOSSIER_KIND_ORGANIZATION ? d->mentions.v[m].entity : -1;
    }
    /* a poll or a document heads the sentence before, not a group of people ("People briefed … said") */
    int end = se < sf + 8 ? se : sf + 8;
    for (int v = u; v < end; v++) {
        if (dossier_speakers_match(c, "statement.group_nouns", v) || (dossier_speakers_flags(c, v) & DOSSIER_TOK_PUNCT))
            return -1;
        if (dossier_speakers_match(c, "statement.source_nouns", v))
            return dossier_speakernames_group(c, sf, end, 0);
    }
    return -1;
}

/* Sets the speaker of candidate `k` from its subject range; *how the mention kind to add. */
static int resolve_one(stm_ctx *c, const int *order, int upto, stm_cand *k, int *tok, int *how)
{
    const dossier_doc *d = c->d;
    subject_scan s;
    *tok = -1;
    *how = -1;
    if (k->mode == STM_SUBJ_CLAUSE && k->subj_end == k->cue_tok && k->subj_first >= 0)
        k->subj_first = dossier_speakers_closing_clause(c, k->subj_first, k->subj_end);
    if (k->mode == STM_SUBJ_CLAUSE && k->subj_end == k->cue_tok)
        k->subj_end = dossier_speakernames_coordinated_end(c, k->subj_first, k->subj_end);
    if (asks(c, k))
        return -1;  /* "Which members said so is unclear": a question, nobody's statement */
    int rel = relative_before_cue(c, k);
    if (rel >= 0) {
        /* "Velden met Brenner, now the party leader, who in 2010 said …": the relative's antecedent
           speaks; when that is no name we know, nobody before it does */
        int rm, e = relative_antecedent(c, rel, k->subj_first, &rm);
        if (e >= 0) {
            if (rm >= 0)
                k->speaker_mention = rm;
            return e;
        }
        /* "the Saudi government, which has denied": the noun phrase before the comma, up to a
           preposition ("immersed himself in the literature, which": no speaker) */
        int q = rel - 1;
        while (q - 1 > k->subj_first && q > rel - 6 && !dossier_speakers_is(c, q - 1, ",") &&
               !dossier_speakers_match(c, "statement.prepositions", q - 1) &&
               (dossier_speakers_flags(c, q - 1) & DOSSIER_TOK_WORD))
            q--;
        k->subj_first = q;
        k->subj_end = rel - 1;
    }
    int bound = bound_relative(c, k);
    if (bound >= 0) {
        /* "some economists who argue …", "met legal experts who warn …": the group the relative binds
           speaks, not the sentence's subject */
        int q = bound;
        while (q - 1 >= k->subj_first && q > bound - 4 && (dossier_speakers_flags(c, q - 1) & DOSSIER_TOK_WORD) &&
               !dossier_speakers_match(c, "statement.prepositions", q - 1) && !no_name_word(c, q - 1)) {
            q--;
            if (dossier_speakers_match(c, "statement.articles", q) || dossier_speakers_match(c, "statement.quantifiers", q))
                break;
        }
        k->subj_first = q;
        k->subj_end = bound;
        return -1;
    }
    scan_subject(c, k->subj_first, k->subj_end, &s);
    if (k->mode == STM_SUBJ_SOURCE && s.person >= 0 && d->mentions.v[s.person].how == DOSSIER_MENTION_NAME &&
        role_word(c, k->subj_first)) {
        /* "по словам председателя Президиума X Владимира Гусакова": the person, not the body they chair */
        k->speaker_mention = s.person;
        return d->mentions.v[s.person].entity;
    }
    for (int pass = 0; k->mode == STM_SUBJ_SOURCE && pass < 2; pass++) {
        for (int t = k->subj_first; t < k->subj_end; t++) {
            int m = c->tok_mention[t];
            if (m < 0 || c->used[t] == 2 || (mention_kind(c, m) != DOSSIER_KIND_PERSON &&
                                            mention_kind(c, m) != DOSSIER_KIND_ORGANIZATION))
                continue;
            if (!pass && d->mentions.v[m].how != DOSSIER_MENTION_NAME && d->mentions.v[m].how != DOSSIER_MENTION_SHORT)
                continue;
            if (owner_of_next(c, m, k->subj_end) || member_owner(c, m, k->subj_first, k->subj_end))
                continue;   /* "according to X's former secretary Y": Y; "one of X's aides": not X */
            if (mention_kind(c, m) == DOSSIER_KIND_ORGANIZATION) {
                /* "NASA chief Bill Nelson", "so der ESA-Chef": the person, or the role holder, speaks */
                const dossier_mention *mm = &d->mentions.v[m];
                int u = mm->first_token + mm->ntokens, role = compound_role(c, mm->first_token + mm->ntokens - 1);
                int b = mm->first_token - 1;    /* "по словам главы госкорпорации": the head, not the body */
                while (b > k->subj_first && (dossier_speakers_match(c, "statement.articles", b) ||
                                             dossier_speakers_match(c, "statement.prepositions", b)))
                    b--;
                role |= b >= k->subj_first && c->tok_mention[b] < 0 && role_word(c, b);
                while (u < k->subj_end && u < mm->first_token + mm->ntokens + 3 && c->tok_mention[u] < 0 &&
                       dossier_speakers_match(c, "statement.person_roles", u)) {
                    role = 1;
                    u++;
                }
                int pm = u < k->subj_end ? c->tok_mention[u] : -1;
                if (pm >= 0 && mention_kind(c, pm) == DOSSIER_KIND_PERSON) {   /* "BDLI-Geschäftsführerin X" */
                    k->speaker_mention = pm;
                    return d->mentions.v[pm].entity;
                }
                if (role)
                    break;
            }
            k->speaker_mention = m;
            return desc_entity(c, order, upto, m);
        }
    }
    if (k->mode == STM_SUBJ_SOURCE && s.known < 0 && s.pron_person < 0) {
        int nm = dossier_speakernames_new(c, k->subj_first, k->subj_end, 0);
        if (nm < 0)
            nm = dossier_speakernames_compound_org(c, k->subj_first, k->subj_end);
        if (nm >= 0) {
            k->speaker_mention = nm;
            return d->mentions.v[nm].entity;
        }
    }
    int gm = s.person < 0 && s.org < 0 && k->mode == STM_SUBJ_CLAUSE && k->subj_end == k->cue_tok
                 ? dossier_speakernames_gazetteer_before_cue(c, k->subj_first, k->subj_end) : -1;
    if (gm >= 0) {
        k->speaker_mention = gm;
        return d->mentions.v[gm].entity;
    }
    /* "the donations, which he said were …": a pronoun after the relative is its clause's subject */
    if (s.relative >= 0 && s.person < 0 && s.pron_person < s.relative) {
        int rm, e = relative_antecedent(c, s.relative, 0, &rm);
        if (e >= 0) {
            k->speaker_mention = rm;
            return e;
        }
    }
    int m = s.person >= 0 ? s.person : -1;
    if (m >= 0 && (s.pron_person < 0 || d->mentions.v[m].first_token < s.pron_person)) {
        k->speaker_mention = m;
        return d->mentions.v[m].entity;
    }
    if (s.known >= 0 && (s.pron_person < 0 || s.known_tok < s.pron_person) &&
        (d->entities.v[s.known].kind == DOSSIER_KIND_PERSON || (s.org < 0 && s.role < 0))) {
        *tok = s.known_tok;
        *how = DOSSIER_MENTION_SHORT;
        return s.known;
    }
    if (s.pron_person >= 0) {
        *tok = s.pron_person;
        *how = DOSSIER_MENTION_PRONOUN;
        return person_before(c, order, upto, s.pron_person);
    }
    if (s.pron_it >= 0 && s.person < 0 && s.org < 0 && s.known < 0 && s.desc < 0 && thing_subject(c, k, s.pron_it))
        return thing_before(c, order, upto, s.pron_it);
    if (s.gov >= 0) {
        *tok = s.gov_tok;
        *how = DOSSIER_MENTION_DESCRIPTION;
        return s.gov;
    }
    if (k->subj_first >= 0) {
        /* with an organisation named too, only a person's name is its speaker ("DLR chief Anke X") */
        int nm = dossier_speakernames_new(c, k->subj_first, k->subj_end, s.org >= 0);
        if (nm >= 0) {
            k->speaker_mention = nm;
            return d->mentions.v[nm].entity;
        }
    }
    if (s.person < 0 && s.org < 0 && s.desc < 0 && (s.org_desc < 0 || s.org_desc == k->subj_end - 2) &&
        s.pron_group < 0 && k->mode == STM_SUBJ_CLAUSE &&
        k->subj_end <= k->cue_tok) {
        int bm = dossier_speakernames_before_cue(c, k->subj_first, k->subj_end);
        if (bm >= 0) {
            k->speaker_mention = bm;
            return d->mentions.v[bm].entity;
        }
    }
    if (s.person < 0 && s.desc < 0 && s.org < 0 && s.known < 0 && s.pron_person < 0 && k->mode == STM_SUBJ_CLAUSE &&
        k->subj_end == k->cue_tok) {
        int lm = dossier_speakernames_lone(c, k->subj_first, k->subj_end);
        if (lm >= 0) {
            k->speaker_mention = lm;
            return d->mentions.v[lm].entity;
        }
    }
    if (s.person < 0 && s.desc < 0 && k->mode == STM_SUBJ_CLAUSE) {
        int hm = dossier_speakernames_head(c, k->subj_first, k->subj_end);
        if (hm >= 0) {
            k->speaker_mention = hm;
            return d->mentions.v[hm].entity;
        }
    }
    for (int t = k->subj_first; t >= 0 && t < k->subj_end && s.person < 0; t++) {
        int len, head = c->used[t] == 2 ? -1 : dossier_roles_head_of_state(d, t, &len);
        if (head >= 0) {    /* "как отметил глава государства": the head of state named before */
            *tok = t;
            *how = DOSSIER_MENTION_DESCRIPTION;
            return head;
        }
    }
    if (s.role >= 0 && dossier_speakers_match(c, "entity.indefinite_articles", k->subj_first) &&
        !dossier_speakers_match(c, "statement.org_descriptions", s.role) && one_phrase(c, k->subj_first, s.role))
        return -1;  /* "a former party chairman says": someone new, nobody named before */
    if (s.role >= 0) {
        /* an organisation after a preposition is the role's only right after it ("head of X", not "in X") */
        int any = s.org_any >= 0 && d->mentions.v[s.org_any].first_token <= s.role + 3 ? s.org_any : -1;
        int org = s.org >= 0 ? d->mentions.v[s.org].entity
                : any >= 0 ? d->mentions.v[any].entity
                : s.desc >= 0 && mention_kind(c, s.desc) == DOSSIER_KIND_ORGANIZATION ? d->mentions.v[s.desc].entity
                : s.org_desc >= 0 ? org_before(c, order, upto, s.org_desc) : -1;
        int p = role_holder(c, org, d->tokens.v[s.role].span.start);
        *tok = s.role;
        *how = DOSSIER_MENTION_DESCRIPTION;
        if (p < 0)
            p = role_by_title(c, s.role, k->subj_end);
        if (p < 0 && bare_title(c, k->subj_first, s.role))
            p = same_title_before(c, order, upto, s.role);   /* "the mayor said" again: the same mayor */
        if (p < 0 && two_people_before(c, s.role))
            return -1;  /* "A and B arrived. The former secretary of state said": either, so nobody */
        if (p < 0 && !spoke_in_para(c, order, upto, dossier_speakers_para(c, s.role))) {
            p = named_in_para(c, s.role, DOSSIER_KIND_PERSON);  /* "Minister X verteidigte …, sagte der FDP-Chef" */
            if (p >= 0 && named_in_span(c, p, k->span))
                return -1;  /* "X spoke. The senator said the party should drop X": X is talked about */
        }
        /* "the GOP nominee" whom no stated role names: not whoever spoke last (an apposition, "X,
           directrice de l'agence, qui juge", is X's) */
        if (p < 0 && org >= 0 && dossier_speakers_match(c, "statement.articles", k->subj_first))
            return -1;
        if (p < 0)
            p = last_speaker(c, order, upto, DOSSIER_KIND_PERSON);
        if (p < 0)
            p = person_before(c, order, upto, s.role);
        return p;
    }
    if (s.org >= 0) {
        k->speaker_mention = s.org;
        return d->mentions.v[s.org].entity;
    }
    if (s.desc >= 0 && mention_kind(c, s.desc) == DOSSIER_KIND_PERSON &&
        (indefinite(c, s.desc) || two_people_before(c, d->mentions.v[s.desc].first_token)))
        return -1;  /* "a former party chairman says": someone new; after "A and B …", either of them */
    if (s.desc >= 0 && mention_kind(c, s.desc) == DOSSIER_KIND_PERSON) {
        /* "Президент X следил за стартом. …, глава государства назвал …": the person just named */
        int at = d->mentions.v[s.desc].first_token, p = named_in_para(c, at, DOSSIER_KIND_PERSON);
        if (p >= 0 && p != d->mentions.v[s.desc].entity && !spoke_in_para(c, order, upto, dossier_speakers_para(c, at)))
            return p;
    }
    if (s.desc >= 0) {
        k->speaker_mention = s.desc;
        return desc_entity(c, order, upto, s.desc);
    }
    if (s.person_any >= 0 && s.org_desc < 0) {
        k->speaker_mention = s.person_any;
        return d->mentions.v[s.person_any].entity;
    }
    int pm = s.org_desc == k->subj_first && k->subj_first > k->cue_tok && k->mode == STM_SUBJ_CLAUSE
                 ? dossier_speakernames_org_phrase(c, k->subj_first, k->subj_end) : -1;
    if (pm >= 0) {
        k->speaker_mention = pm;
        return d->mentions.v[pm].entity;
    }
    if (s.org_desc >= 0 || s.pron_group >= 0) {
        int any = s.org_of_desc >= 0 ? s.org_of_desc : s.org_any;
        if (any >= 0) {
            k->speaker_mention = any;
            return d->mentions.v[any].entity;
        }
        *tok = s.org_desc >= 0 ? s.org_desc : s.pron_group;
        *how = s.org_desc >= 0 ? DOSSIER_MENTION_DESCRIPTION : DOSSIER_MENTION_PRONOUN;
        return org_before(c, order, upto, *tok);
    }
    if (s.doc_noun >= 0)
        return last_speaker(c, order, upto, -1);
    if (s.org_any >= 0) {
        k->speaker_mention = s.org_any;   /* "сообщили в Центре управления полетами" */
        return d->mentions.v[s.org_any].entity;
    }
    if (s.place >= 0 && k->mode == STM_SUBJ_CLAUSE && s.org_any < 0) {
        k->speaker_mention = s.place;
        return d->mentions.v[s.place].entity;
    }
    if (k->mode == STM_SUBJ_CLAUSE && k->subj_first >= 0) {
        int e = org_by_noun(c, k->subj_first, k->subj_end);
        if (e >= 0) {
            *tok = k->subj_first + 1;
            *how = DOSSIER_MENTION_DESCRIPTION;
            return e;
        }
    }
    return -1;
}

/* Where a candidate is anchored in the text, for ordering. */
static size_t anchor(const stm_ctx *c, const stm_cand *k)
{
    if (k->subj_first >= 0 && k->subj_first < k->subj_end)
        return c->d->tokens.v[k->subj_first].span.start;
    return k->span.start;
}

/* A candidate's index and anchor, sorted by anchor. */
typedef struct {
    size_t at;
    int index;
} anchored;

/* qsort comparator: by anchor, then by index. */
static int by_anchor(const void *a, const void *b)
{
    const anchored *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* The speaker of the candidate before, when `k` may inherit it. */
static int inherit(const stm_ctx *c, const int *order, int upto, const stm_cand *k)
{
    for (int i = upto - 1; i >= 0; i--) {
        const stm_cand *p = &c->cands.v[order[i]];
        if (p->dropped)
            continue;
        if (p->sentence == k->sentence || p->para == k->para || (k->continues && p->para == k->para - 1) ||
            (k->mode == STM_SUBJ_NONE && k->kind == DOSSIER_STATEMENT_DIRECT && p->para == k->para - 1 &&
             p->kind == DOSSIER_STATEMENT_DIRECT))
            return p->speaker;
        return -1;
    }
    return -1;
}

/*
 * A quotation left open at the end of its paragraph with no speaker takes
 * the speaker of the quotation that opens the next paragraph and goes on
 * with it ("“… space. ¶ “We will not stop here,” X said."), last first so
 * that a chain over several paragraphs is followed.
 */
static void inherit_forward(stm_ctx *c)
{
    for (size_t i = c->cands.n; i-- > 0;) {
        stm_cand *k = &c->cands.v[i];
        if (k->dropped || k->speaker >= 0 || !k->open_end || k->kind != DOSSIER_STATEMENT_DIRECT)
            continue;
        const stm_cand *next = NULL;
        for (size_t j = 0; j < c->cands.n; j++) {
            const stm_cand *n = &c->cands.v[j];
            if (!n->dropped && n->para == k->para + 1 && (!next || n->span.start < next->span.start))
                next = n;
        }
        if (next && next->kind == DOSSIER_STATEMENT_DIRECT && next->opens_para && next->speaker >= 0) {
            k->speaker = next->speaker;
            k->speaker_mention = -1;
        }
    }
}

/* See speakers.h. */
int dossier_speakers_resolve(stm_ctx *c)
{
    int n = (int)c->cands.n;
    int *order = malloc((size_t)(n ? n : 1) * sizeof *order);
    anchored *by = malloc((size_t)(n ? n : 1) * sizeof *by);
    if (!order || !by) {
        free(order);
        free(by);
        return dossier_doc_fail(c->d, DOSSIER_ENOMEM, "out of memory");
    }
    for (int i = 0; i < n; i++) {
        by[i].at = anchor(c, &c->cands.v[i]);
        by[i].index = i;
    }
    qsort(by, (size_t)n, sizeof *by, by_anchor);
    for (int i = 0; i < n; i++)
        order[i] = by[i].index;
    free(by);
    int rc = DOSSIER_OK;
    for (int i = 0; i < n && !rc; i++) {
        stm_cand *k = &c->cands.v[order[i]];
        if (k->dropped)
            continue;
        int tok = -1, how = -1;
        k->speaker = -1;
        k->speaker_mention = -1;
        if (k->mode != STM_SUBJ_NONE)
            k->speaker = resolve_one(c, order, i, k, &tok, &how);
        int asked = asks(c, k);
        if (k->speaker < 0 && !asked && k->speaker_mention < 0 && (k->speaker_mention = dossier_speakernames_clause_head(c, k)) >= 0)
            k->speaker = c->d->mentions.v[k->speaker_mention].entity;
        /* a group may say, report, urge, accuse, and fear or know in a clause of its own ("police
           fear that …"); what "commentators have described" is their view, and what scientists
           believe in a clause that sets a scene ("the crater, where scientists believe …") is
           background, not a statement of theirs */
        if (k->speaker < 0 && !asked && k->mode != STM_SUBJ_NONE && k->subj_first >= 0 &&
            (k->cue_tok < 0 || (!background_view(c, k) && !dossier_speakers_match(c, "statement.view_cues", k->cue_tok)))) {
            k->speaker = dossier_speakernames_group(c, k->subj_first, k->subj_end,
                                                    k->cue_tok >= 0 && k->subj_end <= k->cue_tok);
            tok = -1;   /* a group has no mention */
        }
        if (k->speaker < 0 && !asked && k->mode == STM_SUBJ_SOURCE && (k->speaker_mention = dossier_speakernames_source(c, k->subj_first, k->subj_end)) >= 0)
            k->speaker = c->d->mentions.v[k->speaker_mention].entity;
        if (k->speaker < 0 && (k->mode == STM_SUBJ_NONE || dossier_speakers_words(c, k->subj_first, k->subj_end) == 0 ||
                               k->kind == DOSSIER_STATEMENT_DIRECT || k->continues))
            k->speaker = inherit(c, order, i, k);
        /* "…, сказала она" is no man's: a cue whose form tells a gender the speaker lacks has none */
        if (k->speaker >= 0 && c->d->entities.v[k->speaker].kind == DOSSIER_KIND_PERSON && k->cue_tok >= 0) {
            int g = cue_gender(c, k->cue_tok), h = g ? gender_of(c, k->speaker) : 0;
            if (g && h && g != h) {
                k->speaker = -1;
                k->speaker_mention = -1;
            }
        }
        if (k->speaker >= 0 && tok >= 0 && k->speaker_mention < 0) {
            int m = dossier_doc_mention(c->d, k->speaker, how, tok, 1);
            if (m < 0)
                rc = m;
            else
                k->speaker_mention = m;
        }
    }
    free(order);
    if (!rc)
        inherit_forward(c);
    return rc;
}
