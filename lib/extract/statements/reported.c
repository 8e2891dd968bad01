/*
 * reported.c — indirect speech.
 *
 * Cues come from the language lists: speech verbs (statement.verbs), source
 * phrases ("according to", "selon", "nach Angaben", "по словам":
 * statement.according), "as X noted" clauses (statement.as_cues with a
 * verb), naming verbs whose object is the statement ("described it as",
 * "a qualifié": statement.object_cues).  The reported clause is what
 * follows the complementizer ("that", "que", "dass", "что"), or the clause
 * right after the verb (for a cue that wants a complementizer, only a clause
 * that plainly has its own subject and verb), or — when the cue closes the sentence (", X said.",
 * ", according to X.", ", wie X mitteilte.", ", so X.") — the sentence
 * before it; a cue set in the clause by commas ("The deal, X said, would
 * …") reports the whole clause, unless the speaker's own participle follows
 * it ("…, X said, adding"), whose participle is the same speaker's
 * statement ("“…,” X said, referring to Y").  A clause stops before another speaker's cue
 * ("…, Weber said").
 * A German sentence in the Konjunktiv right after a statement continues it;
 * a sentence with no cue whose person subject's predicate holds a short
 * quotation is that person's statement ("X had given it “a perfect score”");
 * "Das teilte X mit." / "Об этом сообщил X." gives X the sentence before.
 * A paragraph opening with a speaker's label and a colon ("SMITH: …") is
 * that speaker's, and so is the paragraph after one that closes with a
 * cue and a colon ("The governor added:").
 */
#include "extract/statements/reported.h"

#include <string.h>

#include "dossier.h"
#include "extract/statements/speakernames.h"

/* Shorthands over the shared helpers. */
#define MATCH(key, t) dossier_speakers_match(c, (key), (t))
#define FLAGS(t) dossier_speakers_flags(c, (t))
#define IS(t, ch) dossier_speakers_is(c, (t), (ch))
/* A preposition that is no article too (German "der", "des" are both: after a comma they open a clause). */
/* Nor a hedge before a number or a share ("said about 20 people had …", "said about half of …": "about" is no preposition there). */
#define PREP(t) (MATCH("statement.prepositions", (t)) && !MATCH("statement.articles", (t)) && \
                 !(MATCH("statement.hedges", (t)) && ((FLAGS((t) + 1) & DOSSIER_TOK_NUM) || MATCH("statement.share_words", (t) + 1))))

/* A sentence's token range, cut at the paragraph. */
typedef struct {
    int first, end;      /* tokens [first, end) */
    int trim;            /* end without the final punctuation */
} sentence;

/*
 * Where a short reported clause starts: one that follows its cue with
 * nothing but punctuation between ("has said the next flight could come
 * soon", "kündigte an, sich … einzusetzen") is worded with its verb (and
 * the auxiliary before it), as an object cue's clause is; others start
 * where they start.
 */
static int with_cue(const stm_ctx *c, const sentence *s, int from, int to, int cue, int len)
{
    if (!len || cue + len > from || dossier_speakers_words(c, from, to) >= 8 ||
        !(MATCH("statement.verbs", cue) || MATCH("statement.verbs_that", cue)))
        return from;
    for (int t = cue + len; t < from; t++)
        if (!(FLAGS(t) & DOSSIER_TOK_PUNCT))
            return from;
    return cue > s->first && MATCH("statement.aux", cue - 1) && !c->used[cue - 1] ? cue - 1 : cue;
}

/*
 * Where a reported clause [from, to) ends when its cue stands in an aside
 * opened by a relative pronoun after a comma or a dash, or after a short
 * noun phrase that follows one ("X, who endorsed Y on Monday, is …", "the
 * report — which found that S — was …", "X, a sailor who described
 * himself as …, said"): at the comma or dash that closes the aside.
 */
static int aside_end(const stm_ctx *c, const sentence *s, int cue, int from, int to)
{
    int u = cue - 1;
    while (u > s->first && (MATCH("statement.adverbs", u) || MATCH("statement.aux", u)))
        u--;
    if (u <= s->first || !MATCH("statement.relatives", u))
        return to;
    int v = u - 1;      /* "X, a sailor who described himself as …, said": a short noun phrase heads the aside */
    while (v > s->first && v >= u - 4 && (FLAGS(v) & DOSSIER_TOK_WORD) && !MATCH("statement.verbs", v) &&
           !MATCH("statement.verbs_that", v) && !MATCH("statement.finite_words", v))
        v--;
    if (!(IS(v, ",") || (FLAGS(v) & DOSSIER_TOK_DASH)))
        return to;
    for (int t = from + 1; t < to; t++)
        if (IS(t, ",") || (FLAGS(t) & DOSSIER_TOK_DASH))
            return t;
    return to;
}

/* Non-zero when quotation mark t opens (a space or the paragraph's start before it, a word after it). */
static int opening_mark(const stm_ctx *c, int t)
{
    const dossier_span *sp = &c->d->tokens.v[t].span;
    if (!(FLAGS(t) & DOSSIER_TOK_QOPEN) || !(FLAGS(t + 1) & DOSSIER_TOK_WORD))
        return 0;
    return sp->start == 0 || strchr(" \n(", c->d->body[sp->start - 1]) != NULL;
}

/*
 * Where a reported clause [from, to) ends when a quotation opened in it
 * goes on past its sentence ("X added that he had spent his life
 * “fighting for the harbour. I’ll tell you this, …”"): after the mark
 * that closes the quotation in the same paragraph; else at `to`.
 */
static int quotation_close(const stm_ctx *c, int from, int to)
{
    int open = -1;
    for (int t = from; t < to; t++)
        if (opening_mark(c, t))
            open = t;
        else if (open >= 0 && (FLAGS(t) & DOSSIER_TOK_QCLOSE))
            open = -1;
    if (open < 0)
        return to;
    int para = dossier_speakers_para(c, open);
    for (int t = to; t < (int)c->d->tokens.n && t < to + 200 && dossier_speakers_para(c, t) == para; t++) {
        if (c->used[t])
            return to;
        if (opening_mark(c, t))
            return to;
        if (FLAGS(t) & DOSSIER_TOK_QCLOSE)
            return t + 1;
    }
    return to;
}

/* Adds an indirect candidate for tokens [from, to) with its subject, when it has `min` words. */
static int add_min(stm_ctx *c, const sentence *s, int from, int to, int cue, int len, int sf, int se, int mode,
                   int min)
{
    while (from < to && (IS(from, ",") || IS(from, ":") || (FLAGS(from) & DOSSIER_TOK_DASH)))
        from++;
    if (len)
        to = aside_end(c, s, cue, from, to);
    to = quotation_close(c, from, to);
    while (to > from && (IS(to - 1, ",") || IS(to - 1, ":") || (FLAGS(to - 1) & DOSSIER_TOK_DASH)))
        to--;
    if (dossier_speakers_words(c, from, to) < min)
        return DOSSIER_OK;
    from = with_cue(c, s, from, to, cue, len);
    stm_cand k = {0};
    k.speaker = k.speaker_mention = -1;
    k.kind = DOSSIER_STATEMENT_INDIRECT;
    k.span.start = c->d->tokens.v[from].span.start;
    k.span.end = c->d->tokens.v[to - 1].span.end;
    k.cue = len ? dossier_speakers_cue(c, cue, len) : NULL;
    k.cue_tok = len ? cue : -1;
    k.subj_first = sf;
    k.subj_end = se;
    k.mode = mode;
    k.para = dossier_speakers_para(c, from);
    k.sentence = c->d->tokens.v[len ? cue : s->first].sentence;
    return dossier_speakers_add(c, &k);
}

/* Non-zero when a quotation opens among tokens [from, to). */
static int quoted(const stm_ctx *c, int from, int to)
{
    for (int t = from; t < to; t++)
        if (opening_mark(c, t))
            return 1;
    return 0;
}

/* Adds an indirect candidate of four words or more. */
static int add(stm_ctx *c, const sentence *s, int from, int to, int cue, int len, int sf, int se, int mode)
{
    return add_min(c, s, from, to, cue, len, sf, se, mode, 4);
}

/* Marks tokens [from, to) as taken by a cue, so that no other cue reads them. */
static void claim(stm_ctx *c, int from, int to)
{
    for (int t = from; t < to; t++)
        if (!c->used[t])
            c->used[t] = 1;
}

/* Non-zero when a speech verb is among tokens [from, to). */
static int has_verb(const stm_ctx *c, int from, int to)
{
    for (int t = from; t < to; t++)
        if (MATCH("statement.verbs", t))
            return 1;
    return 0;
}

static int bare_clause(const stm_ctx *c, const sentence *s, int from);

/*
 * Non-zero when a reported clause opens at token t: a complementizer
 * (within four tokens: "said in a statement that"), a subject pronoun or
 * a clause with its own subject and verb (a quotation right after the
 * verb goes with the clause before: "said S but said “…”").
 */
static int clause_follows(const stm_ctx *c, const sentence *s, int t)
{
    for (int u = t; u < s->trim && u < t + 4; u++) {
        if (MATCH("statement.complementizers", u))
            return 1;
        if (FLAGS(u) & DOSSIER_TOK_PUNCT)
            break;
    }
    return t < s->trim && (MATCH("statement.subject_pronouns", t) || bare_clause(c, s, t));
}

/*
 * Non-zero when token t is "and" (or ", but") before a second cue of the
 * same subject ("praised the plan and called for …", "cited his wealth
 * and said it …"): the first reported clause ends there.
 */
static int own_predicate(const stm_ctx *c, const sentence *s, int t)
{
    if (t + 1 >= s->trim || !MATCH("statement.clause_joins", t))
        return 0;
    int u = t + 1;
    while (u < s->trim && (MATCH("statement.adverbs", u) || MATCH("statement.aux", u)))
        u++;
    /* "…, but noted that …" is a second cue; without the comma only a plain "but" before a speech verb and its
       own clause ("… but argued that …", "… but described it as …"), not "was elated but still feared …",
       "… but revealed nothing new", "… while saying …" */
    if (MATCH("statement.contrast_joins", t) && !IS(t - 1, ","))
        return !MATCH("statement.subordinators", t) &&
               (MATCH("statement.object_cues", u) ||
                (MATCH("statement.verbs", u) && !MATCH("statement.belief_verbs", u) && clause_follows(c, s, u + 1)));
    return MATCH("statement.verbs", u) || MATCH("statement.verbs_that", u) || MATCH("statement.object_cues", u);
}

/*
 * Non-zero when the writer takes the sentence back at token t, after the
 * reported clause: a semicolon, or a comma (and the closing quotation
 * mark of a partial quotation) before a speech verb's participle and its
 * clause ("…, saying that …", "…, adding it …"), which open the speaker's
 * next statement.
 */
static int writer_resumes(const stm_ctx *c, const sentence *s, int t)
{
    if (IS(t, ";"))
        return 1;
    if (!IS(t, ","))
        return 0;
    int u = t + 1;
    while (u < s->trim && (FLAGS(u) & DOSSIER_TOK_QUOTE))
        u++;
    while (u < s->trim && MATCH("statement.adverbs", u))
        u++;
    if (u + 1 >= s->trim || !dossier_speakers_participle(c, u))
        return 0;
    if (MATCH("statement.object_cues", u) && !MATCH("statement.verbs", u) && !MATCH("statement.verbs_that", u))
        return 1;
    if (!(MATCH("statement.verbs", u) || MATCH("statement.verbs_that", u)))
        return 0;
    /* the participle's own clause follows ("saying that …", "saying it …", "saying “…”"), not its object
       ("…, estimant les chances à 70 %" goes on with the same statement) */
    int v = u + 1;
    return MATCH("statement.complementizers", v) || MATCH("statement.subject_pronouns", v) ||
           MATCH("statement.pronouns_clause", v) || (FLAGS(v) & DOSSIER_TOK_QOPEN) || bare_clause(c, s, v);
}

/*
 * Non-zero when a speaker and a cue follow token t: a name, a pronoun or
 * a group within four tokens, then a speech verb ("Weber said …", "he
 * warned that …", "rights groups argued …").
 */
static int another_speaker(const stm_ctx *c, const sentence *s, int t)
{
    int named = 0;
    for (int u = t; u < s->trim && u <= t + 3; u++) {
        if (c->tok_mention[u] >= 0 || (FLAGS(u) & DOSSIER_TOK_UPPER) || MATCH("statement.subject_pronouns", u) ||
            MATCH("statement.group_nouns", u))
            named = 1;
        else if (named && (MATCH("statement.verbs", u) || MATCH("statement.verbs_that", u)) && u + 1 < s->trim)
            return 1;
        else if (!MATCH("statement.articles", u) && !(named && MATCH("statement.adverbs", u)))
            return 0;
    }
    return 0;
}

/*
 * The comma that closes a clause opening the sentence with a
 * subordinator ("While X talked about S, Y …", "When the poll asked
 * about S, …"), or -1.
 */
static int opening_clause_end(const stm_ctx *c, const sentence *s)
{
    if (!MATCH("statement.subordinators", s->first))
        return -1;
    for (int t = s->first + 1; t < s->trim; t++)
        if (IS(t, ","))
            return t;
    return -1;
}

/*
 * Where the reported clause ends: the sentence end, the first quotation
 * kept as direct, a comma before a contrasting clause with
 * its own subject ("…, but he said …", "…,” but analysts …"; not "…, but
 * not …"), "and" or ", but" before the subject's next cue ("… and called
 * for …"), a comma before another speaker's cue ("…, Weber said Europe
 * needed …", "…, and he warned that …"), or where the writer resumes
 * (writer_resumes()).
 */
static int clause_end(const stm_ctx *c, const sentence *s, int from)
{
    int opening = opening_clause_end(c, s);
    for (int t = from; t < s->trim; t++) {
        if (t == opening && t > from)
            return t;   /* "While X said S, Y …": the opening clause ends at its comma */
        if (c->used[t])
            return t;
        if (t > from && (own_predicate(c, s, t) || writer_resumes(c, s, t)))
            return t;
        if (!IS(t, ",") || t == from)
            continue;
        int j = t + 1;     /* "…,” but …": past the closing mark of a partial quotation */
        while (j < s->trim && (FLAGS(j) & DOSSIER_TOK_QUOTE))
            j++;
        /* "…, but he said the talks should wait": a contrasting clause with its own subject */
        int lc = MATCH("statement.contrast_joins", j);
        if (lc && (MATCH("statement.pronouns_clause", j + lc) || MATCH("statement.subject_pronouns", j + lc) ||
                   MATCH("statement.articles", j + lc) || c->tok_mention[j + lc] >= 0 || (FLAGS(j + lc) & DOSSIER_TOK_UPPER) ||
                   MATCH("statement.group_nouns", j + lc)))
            return t;
        if (another_speaker(c, s, j + MATCH("statement.clause_joins", j)))
            return t;
        /* "…, and they …": a clause of its own, with a person or a group for subject */
        if (MATCH("statement.clause_joins", j) && MATCH("statement.subject_pronouns", j + 1) &&
            (MATCH("statement.pronouns_person", j + 1) || MATCH("statement.pronouns_group", j + 1)))
            return t;
    }
    return s->trim;
}

/* Where the subject of a cue at `t` begins: after the last boundary before it. */
static int subject_start(const stm_ctx *c, const sentence *s, int t)
{
    int first = s->first;
    for (int u = t - 1; u >= s->first; u--) {
        if (c->used[u] || IS(u, ":") || IS(u, ";") || MATCH("statement.subject_openers", u) ||
            (IS(u, ",") && (MATCH("statement.clause_joins", u + 1) || has_verb(c, s->first, u)))) {
            first = u + 1;
            break;
        }
    }
    while (first < t && (MATCH("statement.clause_joins", first) || (FLAGS(first) & DOSSIER_TOK_PUNCT)))
        first++;
    /* "Back when he wrote his book, X said": a short phrase naming someone after the last comma */
    for (int u = t - 1; u > first && u >= t - 7; u--) {
        if (!IS(u, ","))
            continue;
        int names = 0, list = 1;
        for (int v = u + 1; v < t; v++)
            names |= (FLAGS(v) & DOSSIER_TOK_UPPER) || c->tok_mention[v] >= 0 || MATCH("statement.pronouns_person", v);
        /* "A, B and C said": the comma is a list's, and the phrase before it one of the speakers */
        for (int v = first; v < u && list; v++)
            list = c->tok_mention[v] >= 0 || IS(v, ",");
        if (names && u + 1 < t && !list)
            first = u + 1;
        break;
    }
    return first;
}

/*
 * Where the subject of a participle cue at `t` that follows its noun with
 * no comma begins ("… after X unleashed a series of posts criticizing Y"):
 * the participle qualifies that noun, so its speaker is the subject of the
 * clause holding the noun, which starts after the last subordinator
 * before it that a name or a pronoun follows; subject_start() when there
 * is none, or when an auxiliary, an adverb, a preposition or a comma
 * stands before the cue ("X is again criticizing Y", "under questioning").
 */
static int noun_participle_subject(const stm_ctx *c, const sentence *s, int t)
{
    int first = subject_start(c, s, t), u = t - 1;
    while (u > first && MATCH("statement.adverbs", u))
        u--;
    if (u <= first || !dossier_speakers_participle(c, t) || !(FLAGS(u) & DOSSIER_TOK_WORD) || PREP(u) ||
        MATCH("statement.aux", u) || MATCH("statement.passive_aux", u) || MATCH("statement.finite_words", u) ||
        MATCH("statement.adverbs", u))
        return first;
    for (int v = u - 1; v > first; v--)
        if (MATCH("statement.subordinators", v) &&
            (c->tok_mention[v + 1] >= 0 || MATCH("statement.subject_pronouns", v + 1)))
            return v + 1;
    return first;
}

/* The comma that closes a source phrase starting at `t` (skipping relative clauses), or -1. */
static int source_comma(const stm_ctx *c, const sentence *s, int t)
{
    for (int u = t; u < s->trim && u < t + 28; u++) {
        if (c->used[u])
            return -1;
        if (IS(u, ",")) {
            if (!MATCH("statement.relatives", u + 1))
                return u;
            for (u = u + 1; u < s->trim && !IS(u, ","); u++)
                ;
            return u < s->trim ? u : -1;
        }
    }
    return -1;
}

/*
 * Non-zero when token t cannot be in a source's noun phrase: a lower-case
 * word (a verb) that is no article and no adjective before a capitalised
 * noun ("Nach Angaben des Ministeriums erhält das Unternehmen").
 */
static int phrase_ends(const stm_ctx *c, int t)
{
    unsigned f = FLAGS(t);
    return (f & DOSSIER_TOK_WORD) && !(f & DOSSIER_TOK_UPPER) && !MATCH("statement.articles", t) &&
           !MATCH("statement.prepositions", t) && !(FLAGS(t + 1) & DOSSIER_TOK_UPPER) && c->tok_mention[t] < 0;
}

/*
 * Where a source's noun phrase that no stage named ends, without a comma
 * ("Laut dem Bundesverband BDLI sind …"): after articles, capitalised words
 * and the lower-case words before one, at the first lower-case word that
 * no capitalised word follows; -1 when there is none or no word before it.
 */
static int noun_phrase_end(const stm_ctx *c, const sentence *s, int np)
{
    int t = np, upper = 0;
    while (t < s->trim && t < np + 8) {
        if (FLAGS(t) & DOSSIER_TOK_UPPER)
            upper++;
        else if (!MATCH("statement.articles", t) && !(FLAGS(t + 1) & DOSSIER_TOK_UPPER))
            break;
        else if (FLAGS(t) & DOSSIER_TOK_PUNCT)
            return -1;
        t++;
    }
    return upper && t < s->trim && t < np + 8 && !(FLAGS(t) & DOSSIER_TOK_PUNCT) ? t : -1;
}

/* "according to X, S" / "S, according to X" / "nach Angaben der X S". */
static int source_phrase(stm_ctx *c, const sentence *s, int t, int len, int self)
{
    int sub = subject_start(c, s, t);
    int at_start = sub == t || (t > s->first && c->used[t - 1]);
    if (!at_start && !self && !IS(t - 1, ",")) {
        /* "Ihr Budget beträgt nach Angaben des Ministeriums rund 758 Milliarden": the whole sentence */
        for (int u = t + len; u < t + len + 4 && u < s->trim; u++) {
            int m = c->tok_mention[u];
            if (m < 0)
                continue;
            int after = c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens;
            if (after < s->trim && !IS(after, ",") && !(FLAGS(after) & DOSSIER_TOK_PUNCT)) {
                claim(c, t, after);
                return add(c, s, sub, clause_end(c, s, after), t, len, t + len, after, STM_SUBJ_SOURCE);
            }
            break;
        }
    }
    if (!at_start) {
        int comma = source_comma(c, s, t + len);
        int se = comma > 0 ? comma : s->trim;
        /* "S1, and S2, according to X.": the source closing the sentence reports all of it */
        if (IS(t - 1, ",") && se == s->trim)
            for (sub = t - 1; sub > s->first && !c->used[sub - 1]; sub--)
                ;
        /* "For X, according to Y, the speech represents …": the clause goes on after the source */
        int to = IS(t - 1, ",") && se < s->trim && IS(se, ",") && !c->used[se + 1] ? clause_end(c, s, se + 1) : t;
        /* "…, according to a new poll that shows …": the source is the noun phrase before its relative clause */
        int named = se;
        for (int u = t + len + 1; u < se && named == se; u++)
            if (MATCH("statement.relatives", u) || MATCH("statement.complementizers", u))
                named = u;
        claim(c, t, se);
        return add(c, s, sub, to, t, len, self ? t : t + len, named, self ? STM_SUBJ_CLAUSE : STM_SUBJ_SOURCE);
    }
    int np = t + len, from;
    if (self) {
        from = np;
    } else {
        int comma = source_comma(c, s, np);
        int pm = comma > 0 ? c->tok_mention[comma + 1] : -1;
        if (pm >= 0 && c->d->mentions.v[pm].first_token == comma + 1 &&
            c->d->entities.v[c->d->mentions.v[pm].entity].kind == DOSSIER_KIND_PERSON &&
            IS(comma + 1 + c->d->mentions.v[pm].ntokens, ","))
            comma += 1 + c->d->mentions.v[pm].ntokens;  /* "D'après le PDG de X, Pierre Y, S": the name too */
        from = comma;
        /* a name right before the comma ends the source: "По словам председателя … Владимира Гусакова, S" */
        int named_end = comma > np && c->tok_mention[comma - 1] >= 0;
        /* "Laut der Polnischen Raumfahrtagentur POLSA wird …": up to four words of its noun phrase */
        for (int u = np; !named_end && u < np + 5 && u < s->trim && !phrase_ends(c, u); u++) {
            int m = c->tok_mention[u];
            if (m < 0)
                continue;
            int after = c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens, pm = c->tok_mention[after];
            if ((c->d->mentions.v[m].how == DOSSIER_MENTION_DESCRIPTION ||
                 c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PERSON) && pm >= 0 &&
                c->d->mentions.v[pm].first_token == after && c->d->mentions.v[pm].how == DOSSIER_MENTION_NAME &&
                c->d->entities.v[c->d->mentions.v[pm].entity].kind == DOSSIER_KIND_PERSON)
                after += c->d->mentions.v[pm].ntokens;  /* "Laut Avio-Chef X verhinderte": the name too */
            if (!(FLAGS(after) & DOSSIER_TOK_PUNCT) && after < s->trim && !MATCH("statement.org_descriptions", after) &&
                !MATCH("statement.source_nouns", after) &&
                !MATCH("statement.person_roles", after) && !MATCH("statement.document_nouns", after))
                from = after;
            break;
        }
        if (from < 0) {
            /* no comma (German): the source is the first name after the phrase */
            for (int u = np; u < np + 4 && u < s->trim && !phrase_ends(c, u); u++) {
                int m = c->tok_mention[u];
                if (m >= 0) {
                    from = c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens;
                    break;
                }
            }
            if (from < 0)
                from = noun_phrase_end(c, s, np);
            if (from < 0)
                return DOSSIER_OK;
        }
    }
    int sf = self ? t : np, se = self ? np : from;
    claim(c, t, from);
    return add(c, s, from, clause_end(c, s, from), t, len, sf, se, self ? STM_SUBJ_CLAUSE : STM_SUBJ_SOURCE);
}

/* "as X noted, S" / "S, wie X mitteilte": the as-clause names the source. */
static int as_clause(stm_ctx *c, const sentence *s, int t)
{
    int verb = -1, len = 0, end = t + 1;
    for (; end < s->trim && end < t + 10 && !IS(end, ","); end++)
        if (verb < 0 && (len = MATCH("statement.verbs", end)) > 0)
            verb = end;
    if (verb < 0)
        return DOSSIER_OK;
    int sub = subject_start(c, s, t), rc = DOSSIER_OK;
    size_t before = c->cands.n;
    if (sub == t && end < s->trim)
        rc = add(c, s, end + 1, clause_end(c, s, end + 1), verb, len, t + 1, end, STM_SUBJ_SOURCE);
    else if (t > s->first && IS(t - 1, ","))
        rc = add(c, s, sub, t - 1, verb, len, t + 1, end, STM_SUBJ_SOURCE);
    if (c->cands.n > before)
        claim(c, t, end);
    return rc;
}

/* Skips the hearer after "told": "told reporters in Beijing", "told the X (Y)". */
static int skip_hearer(const stm_ctx *c, const sentence *s, int t)
{
    int depth = 0, read = 0;
    while (t < s->trim) {
        if (IS(t, "("))
            depth++;
        else if (IS(t, ")"))
            depth--;
        else if (!depth && read && MATCH("statement.articles", t))
            break;
        else if (!depth && !(FLAGS(t) & DOSSIER_TOK_UPPER) && !MATCH("statement.articles", t) &&
                 !MATCH("statement.audience", t))
            break;
        else if (!MATCH("statement.articles", t))
            read = 1;
        t++;
    }
    return t;
}

/*
 * Skips up to two short prepositional phrases after a cue ("said in a
 * statement it was", "said on Friday the launch") when a clause follows;
 * returns where the clause starts, or `t` unchanged.
 */
static int skip_adverbials(const stm_ctx *c, const sentence *s, int t)
{
    /* "said on Monday the satellite …", "said in a statement the agency …": a preposition, its
       articles and one word, twice at most, then an article or a name opens the clause */
    int w = t;
    for (int pp = 0; pp < 2 && PREP(w); pp++) {
        w++;
        while (w < s->trim && MATCH("statement.articles", w))
            w++;
        if (w >= s->trim || !(FLAGS(w) & DOSSIER_TOK_WORD) || MATCH("statement.prepositions", w))
            break;
        w++;
        if (w + 2 < s->trim && !MATCH("statement.prepositions", w) &&
            (MATCH("statement.articles", w) || ((FLAGS(w) & DOSSIER_TOK_UPPER) && c->tok_mention[w] >= 0)))
            return w;
    }
    int u = t;
    for (int pp = 0; pp < 2 && MATCH("statement.prepositions", u); pp++) {
        int v = u + 1;
        while (v < s->trim && v < u + 5 && !(FLAGS(v) & DOSSIER_TOK_PUNCT) && !MATCH("statement.prepositions", v) &&
               !MATCH("statement.pronouns_person", v) && !MATCH("statement.pronouns_clause", v))
            v++;
        u = v;
        if (MATCH("statement.pronouns_person", u) || MATCH("statement.pronouns_clause", u))
            return u;
    }
    return t;
}

/* Non-zero when token t is a quotation mark that opens a quotation ("said he “was …”"), not one that closes the sentence. */
static int opens_quote(const stm_ctx *c, int t, int end)
{
    return (FLAGS(t) & DOSSIER_TOK_QOPEN) && t + 1 < end && (FLAGS(t + 1) & DOSSIER_TOK_WORD);
}

/* A speaker is named in the four tokens from `t`: a name, a pronoun, a role or an organisation word. */
static int names_near(const stm_ctx *c, int t, int end)
{
    for (int u = t; u < end && u < t + 4; u++) {
        if (MATCH("statement.pronouns_person", u) || MATCH("statement.pronouns_group", u)) {
            /* "…, said he." — a pronoun closes the sentence; "said he was" is not inverted, and a
               name after it ("said he would welcome X") is in the clause */
            return u + 1 >= end || ((FLAGS(u + 1) & DOSSIER_TOK_PUNCT) && !opens_quote(c, u + 1, end));
        }
        if ((c->tok_mention[u] >= 0 &&
             c->d->entities.v[c->d->mentions.v[c->tok_mention[u]].entity].kind != DOSSIER_KIND_PLACE) ||
            MATCH("statement.person_roles", u) || MATCH("statement.org_descriptions", u) ||
            ((FLAGS(u) & DOSSIER_TOK_UPPER) && u > t))
            return 1;
    }
    return 0;
}

/*
 * Non-zero when the name right after a cue at `after` is the cue's own
 * subject, inverted ("…, said Anna Berg, the director", "…, said Berg in
 * a statement", "…, said Berg's spokesman"), not the subject of the
 * reported clause ("…, said Berg had left", "said Berg's plan would …"):
 * after the run of capitalised words the sentence ends, or punctuation, a
 * preposition, a relative pronoun or a role follows, or a short tail
 * closing on a capitalised word ends the sentence.  Phrases that do not
 * open with a capitalised word are names_near()'s.
 */
static int inverted_name(const stm_ctx *c, const sentence *s, int after)
{
    if (!names_near(c, after, s->trim))
        return 0;
    if (!(FLAGS(after) & DOSSIER_TOK_UPPER))
        return 1;
    int e = after;
    while (e < s->trim && ((FLAGS(e) & DOSSIER_TOK_UPPER) || IS(e, ".") ||
                           (c->tok_mention[e] >= 0 && c->tok_mention[e] == c->tok_mention[after])))
        e++;
    if (e < s->trim && strcmp(c->d->folds.v[e], "'s") == 0)
        e++;
    else if (e >= s->trim || (FLAGS(e) & DOSSIER_TOK_PUNCT) || PREP(e) || MATCH("statement.relatives", e) ||
             MATCH("statement.audience", e))
        return 1;
    if (e >= s->trim || MATCH("statement.person_roles", e) || MATCH("entity.titles", e) ||
        MATCH("statement.org_descriptions", e) || MATCH("statement.group_nouns", e))
        return 1;
    /* "…, сообщило Министерство обороны России.": a short tail that ends the sentence on a capital */
    int u = e;
    while (u < s->trim && u < e + 3 && !(FLAGS(u) & DOSSIER_TOK_PUNCT))
        u++;
    return (u >= s->trim || (FLAGS(u) & DOSSIER_TOK_PUNCT)) && (FLAGS(u - 1) & DOSSIER_TOK_UPPER);
}

/*
 * Non-zero when token g opens a clause's subject: a subject pronoun
 * (statement.subject_pronouns) or a person's name, neither after a
 * preposition, an article nor a possessive.
 */
static int own_subject(const stm_ctx *c, const sentence *s, int g)
{
    if (g > s->first && (MATCH("statement.prepositions", g - 1) || MATCH("statement.articles", g - 1) ||
                         MATCH("statement.possessives", g - 1)))
        return 0;
    if (MATCH("statement.subject_pronouns", g))
        return 1;
    int m = c->tok_mention[g];
    return m >= 0 && c->d->mentions.v[m].first_token == g &&
           c->d->entities.v[c->d->mentions.v[m].entity].kind == DOSSIER_KIND_PERSON;
}

/*
 * "X said on Monday that S": the clause after a complementizer within ten
 * tokens of the cue, with no verb of another clause between them.
 * Returns 1 when one was found (and *rc set), else 0.
 */
static int that_clause(stm_ctx *c, const sentence *s, int t, int len, int sub, int *rc)
{
    int after = t + len;
    int hearer = MATCH("statement.tell_verbs", t) ? skip_hearer(c, s, after) : after;
    int reach = after + 10;
    for (int g = after; g < s->trim && g <= reach; g++) {
        if (c->used[g] || (FLAGS(g) & (DOSSIER_TOK_SENTEND | DOSSIER_TOK_QUOTE)))
            break;
        /* "said he meets families in a city that …": the clause has its own subject, and the
           "that" is a relative pronoun in it */
        if (g >= hearer && own_subject(c, s, g))
            break;
        int lc = MATCH("statement.complementizers", g);
        if (lc) {
            size_t n = c->cands.n;
            *rc = add_min(c, s, g + lc, clause_end(c, s, g + lc), t, len, sub, t, STM_SUBJ_CLAUSE, 3);
            /* "…, qui juge qu'un lancement …": a relative clause is worded from its pronoun, and one set
               in by commas ends at its comma ("the report, which concluded that S, …"); a second
               cue of the subject ("… and suggested that …") from the cue */
            if (!*rc && c->cands.n > n && t > s->first && MATCH("statement.relatives", t - 1)) {
                c->cands.v[n].span.start = c->d->tokens.v[t - 1].span.start;
                for (int u = g + lc; IS(t - 2, ",") && u < s->trim; u++)
                    if (IS(u, ",")) {
                        if (u > g + lc)
                            c->cands.v[n].span.end = c->d->tokens.v[u - 1].span.end;
                        break;
                    }
            }
            else if (!*rc && c->cands.n > n && own_predicate(c, s, t - 1))
                c->cands.v[n].span.start = c->d->tokens.v[t].span.start;
            return 1;
        }
        if (IS(g, ",") && !MATCH("statement.complementizers", g + 1)) {
            /* "says at a stop in Dayton, Ohio, that …": a place set in by commas before the complementizer */
            int e = g + 1;
            while (e < s->trim && e <= g + 3 && (FLAGS(e) & DOSSIER_TOK_UPPER))
                e++;
            /* "insisted, most recently in an interview with X, that …": an aside right after the cue */
            if (g == after && (e == g + 1 || !IS(e, ",")))
                for (e = g + 1; e < s->trim && e <= g + 12 && !IS(e, ",") && !c->used[e] &&
                                !MATCH("statement.verbs", e) && !MATCH("statement.finite_words", e);
                     e++)
                    ;
            if (e == g + 1 || !IS(e, ",") || !MATCH("statement.complementizers", e + 1))
                break;
            g = e - 1;
            reach = e + 1;
            continue;
        }
        /* "says the plan would fail in the states that …": another clause's verb comes first, and
           the "that" is a relative pronoun of its noun */
        if (g > after && (MATCH("statement.verbs", g) || MATCH("statement.verbs_that", g) ||
                          MATCH("statement.finite_words", g)))
            break;
    }
    return 0;
}

/* Non-zero when the sentence opens with a name and its apposition: "Name, the agency's director, said". */
static int opens_with_apposition(const stm_ctx *c, const sentence *s, int comma)
{
    int before = comma > s->first ? c->tok_mention[comma - 1] : -1;
    if (before >= 0 && c->d->entities.v[c->d->mentions.v[before].entity].kind != DOSSIER_KIND_PLACE)
        return 1;
    /* "Senator Anna Berg, Democrat of Oregon, said": a title the name's mention leaves out */
    int f = s->first;
    while (f < comma && f < s->first + 3 && c->tok_mention[f] < 0 &&
           (MATCH("entity.titles", f) || MATCH("statement.male_titles", f) || MATCH("statement.female_titles", f) ||
            IS(f, ".")))
        f++;
    int lead = c->tok_mention[f];
    if (lead >= 0 && c->d->mentions.v[lead].first_token == f &&
        IS(c->d->mentions.v[lead].first_token + c->d->mentions.v[lead].ntokens, ","))
        return 1;
    return lead < 0 && (FLAGS(s->first) & DOSSIER_TOK_UPPER) && (FLAGS(s->first + 1) & DOSSIER_TOK_UPPER) &&
           IS(s->first + 2, ",");
}

/* Non-zero when token t is the period of a title ("Mr.", "Sen."), not a sentence's end. */
static int title_period(const stm_ctx *c, int t)
{
    return IS(t, ".") && (MATCH("entity.titles", t - 1) || MATCH("statement.male_titles", t - 1) ||
                          MATCH("statement.female_titles", t - 1));
}

/*
 * Non-zero when the reported clause goes on after a cue set in it by
 * commas ("The deal, she said, would help …"): a lower-case word follows
 * the comma after the cue, not a participle of the speaker's ("…, she said,
 * adding …") nor a preposition or an "as" clause.
 */
static int goes_after(const stm_ctx *c, const sentence *s, int after)
{
    int u = after + 1;
    if (!IS(after, ",") || u >= s->trim || !(FLAGS(u) & DOSSIER_TOK_WORD) || c->used[u] ||
        MATCH("statement.prepositions", u) || MATCH("statement.as_cues", u) ||
        MATCH("statement.participle_cues", u) || MATCH("statement.verbs", u))
        return 0;
    /* a capitalised word opens the clause's subject ("…, she said, Syria remains …"), not another
       speaker's cue ("…, she said, Weber added") */
    for (int v = u + 1; (FLAGS(u) & DOSSIER_TOK_UPPER) && v < s->trim && v <= u + 3; v++)
        if (MATCH("statement.verbs", v) || ((FLAGS(v) & DOSSIER_TOK_PUNCT) && !title_period(c, v)))
            return 0;
    return !dossier_speakers_participle(c, u);
}

/*
 * Where the hearer of a tell verb at t ends ("…, X told the court in
 * her filing.", "…, X told The Daily Star."): after up to five words that
 * are no verb, pronoun, preposition or complementizer; `after` itself
 * for other verbs.
 */
static int past_hearer(const stm_ctx *c, const sentence *s, int t, int after)
{
    if (!MATCH("statement.tell_verbs", t))
        return after;
    int u = after;
    while (u < s->trim && u < after + 5 && (FLAGS(u) & DOSSIER_TOK_WORD) && !MATCH("statement.complementizers", u) &&
           !MATCH("statement.finite_words", u) && !MATCH("statement.subject_pronouns", u) &&
           !MATCH("statement.verbs", u) && !MATCH("statement.prepositions", u))
        u++;
    return u;
}

/*
 * Tokens of a time phrase at t with no preposition ("Tuesday", "last
 * week", "yesterday"), as a closing cue's adverbial ("…, X said Tuesday in
 * Paris."): its length, or 0.
 */
static int time_words(const stm_ctx *c, int t)
{
    static const char *const keys[] = {"weekdays.1", "weekdays.2", "weekdays.3", "weekdays.4", "weekdays.5",
                                       "weekdays.6", "weekdays.7", "date.today", "date.yesterday", "date.week.last",
                                       "date.week.this", "date.month.last", "date.month.this", "date.year.last"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        int n = MATCH(keys[i], t);
        if (n > 0)
            return n + MATCH("statement.day_parts", t + n);   /* "Friday afternoon" */
    }
    return 0;
}

/*
 * "S, X said." / "S, said X." / "S, a annoncé X, …": a cue that closes
 * the sentence reports what comes before its comma.  Returns 1 when it
 * did (and *rc set), else 0.
 */
/*
 * Non-zero when tokens [from, comma) are one clause that sets the scene for
 * the sentence rather than stating something: opened (past "But", "And")
 * by a subordinator or by a participle and its preposition, with no comma
 * inside ("When Congress cut funding, Mexico said …", "Campaigning against
 * X in 2012, he barely mentioned …"; not "If elected, she will win, he
 * said", nor a gerund subject: "Shifting monsoons could …, he said").
 */
static int sets_scene(const stm_ctx *c, int from, int comma)
{
    int u = from + MATCH("statement.clause_joins", from);
    for (int v = u; v < comma; v++)
        if (IS(v, ","))
            return 0;
    return u < comma && (MATCH("statement.subordinators", u) ||
                         ((FLAGS(u) & DOSSIER_TOK_UPPER) && dossier_speakers_participle(c, u) &&
                          MATCH("statement.prepositions", u + 1)));
}

static int cue_closes(stm_ctx *c, const sentence *s, int t, int len, int *rc)
{
    int after = t + len, comma = -1;
    int h = past_hearer(c, s, t, after);
    h += time_words(c, h);
    int tail = s->trim - h;
    for (int u = t - 1; u >= s->first && u >= t - 12; u--) {
        if (c->used[u])
            break;
        if (IS(u, ",")) {
            comma = u;
            break;
        }
    }
    /* "…, saying the ministry had …": a participle has no inverted subject; "…, a annoncé lundi la
       direction": a day may stand before it */
    int subj = after + time_words(c, after);
    int inverted = comma == t - 1 && !dossier_speakers_participle(c, t) && !opens_with_apposition(c, s, comma) &&
                   subj < s->trim && inverted_name(c, s, subj);
    /* "S, X said in a statement." closes; "…, X said in a statement the agency would …" goes on */
    int clause = MATCH("statement.prepositions", h) ? skip_adverbials(c, s, h) : h;
    int goes_on = clause != h && dossier_speakers_words(c, clause, s->trim) >= 3;
    /* "…, he barely mentioned the climate": an article after the cue opens its object */
    int final = comma > s->first && comma < t - 1 && !goes_on &&
                ((tail <= 2 && !MATCH("statement.articles", h)) || IS(h, ",") || MATCH("statement.prepositions", h) ||
                 MATCH("statement.audience", h));
    if (!(inverted || final))
        return 0;
    int from = s->first;
    for (int u = comma - 1; u >= s->first; u--)
        if (c->used[u]) {
            from = u + 1;
            break;
        }
    if (!inverted && sets_scene(c, from, comma))
        return 0;
    int se = s->trim < subj + 15 ? s->trim : subj + 15, to = comma;
    if (!inverted && goes_after(c, s, after))
        to = clause_end(c, s, after + 1);   /* "Acts of protest, X said, are acts of …": one statement */
    else if (dossier_speakers_words(c, from, comma) < 3) {
        /* "Sales were great, he said, wiping …": too short, yet the cue's, not what follows it */
        *rc = DOSSIER_OK;
        return dossier_speakers_words(c, from, comma) > 0;
    }
    *rc = add_min(c, s, from, to, t, len, inverted ? subj : comma + 1, inverted ? se : t, STM_SUBJ_CLAUSE, 3);
    return 1;
}

/* "X said the station would …", "X told the Y (Z) he …", "X erklärte gegenüber Journalisten, S". */
static int clause_after(stm_ctx *c, const sentence *s, int t, int len, int sub)
{
    int after = t + len;
    int from = MATCH("statement.tell_verbs", t) ? skip_hearer(c, s, after) : after;
    if (IS(from, ",") && !PREP(from + 1))
        from++;
    from = skip_adverbials(c, s, from);
    if (PREP(from) || MATCH("statement.audience", from)) {
        for (int u = from + 1; u < s->trim && u <= from + 5; u++) {
            if (IS(u, ",")) {
                from = u + 1;
                break;
            }
            if (FLAGS(u) & DOSSIER_TOK_PUNCT)
                break;
        }
    }
    /* a quotation may open the clause: "s'est dite « très satisfaite » du résultat"; or follow the
       preposition: "s'est félicité d'une décision qui « rend … »" */
    int quoted = 0;
    for (int u = from; u < s->trim && !quoted; u++)
        quoted = (FLAGS(u) & DOSSIER_TOK_QOPEN) != 0;
    if (from >= s->trim || (PREP(from) && !quoted) ||
        ((FLAGS(from) & DOSSIER_TOK_PUNCT) && !(FLAGS(from) & DOSSIER_TOK_QOPEN)))
        return DOSSIER_OK;
    /* "the FBI said it would cooperate": a pronoun subject and its verb make a clause of three words */
    int min = (MATCH("statement.pronouns_clause", from) && MATCH("statement.finite_words", from + 1)) ||
              MATCH("statement.subject_pronouns", from) ? 3 : 4;
    return add_min(c, s, from, clause_end(c, s, from), t, len, sub, t, STM_SUBJ_CLAUSE, min);
}

/*
 * After a possessive ("X's campaign manager Y"), where the name of the
 * person possessed ends, when one stands within six words from t (before
 * `limit` and any punctuation); -1 when none does.
 */
static int possessed_name(const stm_ctx *c, int t, int limit)
{
    for (int v = t; v < limit && v < t + 6 && !(FLAGS(v) & DOSSIER_TOK_PUNCT); v++) {
        int n = c->tok_mention[v];
        if (n >= 0 && c->d->mentions.v[n].first_token == v && c->d->mentions.v[n].how == DOSSIER_MENTION_NAME &&
            c->d->entities.v[c->d->mentions.v[n].entity].kind == DOSSIER_KIND_PERSON)
            return v + c->d->mentions.v[n].ntokens;
    }
    return -1;
}

/*
 * "Ms. Berg toured the plant, which closed in 2015, and said S": a cue
 * right after "and" or "but" (and adverbs), or a participle after a comma
 * ("…, even threatening to …"), shares the subject of the sentence's
 * first predicate.  When the sentence opens with a name (and
 * its apposition), a subject pronoun or a capitalised noun ("Democrats"),
 * sets [*sf, *se) to it and returns 1; else 0.
 */
static int shared_subject(const stm_ctx *c, const sentence *s, int t, int *sf, int *se)
{
    int u = t - 1;
    while (u > s->first && MATCH("statement.adverbs", u))
        u--;
    if (u <= s->first || c->used[u] ||
        !(MATCH("statement.clause_joins", u) || (IS(u, ",") && dossier_speakers_participle(c, t))))
        return 0;
    int first = s->first, end;
    while (first < u && (FLAGS(first) & DOSSIER_TOK_PUNCT) && !c->used[first])
        first++;
    if (c->used[first])
        return 0;
    int m = c->tok_mention[first];
    /* "Mr. Berg", "Sen. Berg": the name after a title the entities stage left out */
    for (int v = first; m < 0 && v < first + 3 && v < u &&
                        (MATCH("entity.titles", v) || MATCH("statement.male_titles", v) ||
                         MATCH("statement.female_titles", v) || IS(v, ".")); v++)
        if (c->tok_mention[v + 1] >= 0 && c->d->mentions.v[c->tok_mention[v + 1]].first_token == v + 1)
            m = c->tok_mention[v + 1];
    if (m >= 0 && c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PLACE &&
        c->d->mentions.v[m].first_token <= first + 3) {
        end = c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens;
        if (end < u && strcmp(c->d->folds.v[end], "'s") == 0 && (end = possessed_name(c, end + 1, u)) < 0)
            return 0;   /* "X's aides …, saying": not X; "X's manager Y …, arguing": Y */
        int r = end;
        while (r < u && r < end + 3 && MATCH("statement.person_roles", r))
            r++;
        if (r > end && c->d->entities.v[c->d->mentions.v[m].entity].kind == DOSSIER_KIND_ORGANIZATION) {
            int pe = possessed_name(c, r, r + 1 < u ? r + 1 : u);
            if (pe < 0)
                return 0;   /* "Dorvale chairman …": the holder, whom no name tells */
            end = pe;       /* "Dorvale chairman Elise Brandt called … and said": Brandt */
        }
    }
    else if (MATCH("statement.subject_pronouns", first) && MATCH("statement.pronouns_person", first))
        end = first + 1;
    else if ((FLAGS(first) & DOSSIER_TOK_UPPER) && m < 0 && !(FLAGS(first + 1) & DOSSIER_TOK_UPPER) &&
             MATCH("statement.group_nouns", first))
        end = first + 1;
    else
        return 0;
    /* "X, her opponent, bemoaned …": the apposition belongs to the name */
    if (IS(end, ",") && !MATCH("statement.relatives", end + 1))
        for (int v = end + 1; v < u && v <= end + 8; v++)
            if (IS(v, ",")) {
                end = v + 1;
                break;
            }
    if (end >= u || (FLAGS(end) & DOSSIER_TOK_PUNCT) || MATCH("statement.verbs", end) ||
        MATCH("statement.verbs_that", end))
        return 0;   /* no predicate of its own before the join: "X and Y said" */
    *sf = first;
    *se = end;
    return 1;
}

/* Non-zero when token t is a subject pronoun fused with its verb ("she'll", "they'd", "he's"). */
static int contracted_subject(const stm_ctx *c, int t)
{
    const char *w = c->d->folds.v[t], *apo = strchr(w, '\'');
    if (!apo || apo == w || !apo[1] || !(FLAGS(t) & DOSSIER_TOK_WORD))
        return 0;
    char head[16];
    size_t n = (size_t)(apo - w);
    if (n >= sizeof head)
        return 0;
    memcpy(head, w, n);
    head[n] = 0;
    return dossier_lexicon_has(c->d->lex, c->lang, "statement.subject_pronouns", head);
}

/*
 * Non-zero when a clause with its own subject and finite verb opens at
 * `from`, with no complementizer ("suggested the city should send …",
 * "agreed there are …", "admitted he was …", "suggested they tweet …"):
 * a subject pronoun and a lower-case word, or a noun phrase of one to
 * seven words and then an auxiliary, modal or negation
 * (statement.finite_words).  An object is no clause ("found a group of
 * friends", "acknowledged the appeal of the race"), nor is a noun with a
 * relative clause that lost its "that" ("noted the problems the city has
 * faced": a second article inside the phrase).
 */
static int bare_clause(const stm_ctx *c, const sentence *s, int from)
{
    if (from >= s->trim)
        return 0;
    if (contracted_subject(c, from))
        return 1;
    if (MATCH("statement.subject_pronouns", from))
        return from + 1 < s->trim && (FLAGS(from + 1) & DOSSIER_TOK_WORD) && !(FLAGS(from + 1) & DOSSIER_TOK_UPPER) &&
               !MATCH("statement.prepositions", from + 1) && !MATCH("statement.complementizers", from + 1) &&
               !MATCH("statement.clause_joins", from + 1) && !MATCH("statement.relatives", from + 1);
    int u = from;
    for (; u < s->trim && u < from + 7; u++) {
        unsigned f = FLAGS(u);
        if (MATCH("statement.finite_words", u))
            break;
        if (strcmp(c->d->folds.v[u], "'s") == 0 && u > from)
            continue;
        if (IS(u, ".") && u > from && (FLAGS(u - 1) & DOSSIER_TOK_UPPER))
            continue;   /* "Mr. X", "U.S." */
        if (!(f & DOSSIER_TOK_WORD) || c->used[u] || MATCH("statement.verbs", u) || MATCH("statement.verbs_that", u) ||
            MATCH("statement.complementizers", u) || MATCH("statement.relatives", u) ||
            MATCH("statement.interrogatives", u) || MATCH("statement.subject_pronouns", u))
            return 0;
        if (MATCH("statement.clause_joins", u) && !(u > from && (FLAGS(u - 1) & DOSSIER_TOK_UPPER) && (FLAGS(u + 1) & DOSSIER_TOK_UPPER)))
            return 0;   /* "A and B would", not "the mistake and the cost" */
        if (MATCH("statement.prepositions", u) && !(FLAGS(u + 1) & DOSSIER_TOK_UPPER) && !MATCH("statement.articles", u + 1))
            return 0;   /* "the head of the party would", not "a way to do" */
        if (u > from && MATCH("statement.articles", u) && !MATCH("statement.articles", u - 1) &&
            !MATCH("statement.prepositions", u - 1))
            return 0;
    }
    return u > from && u < s->trim && MATCH("statement.finite_words", u) && u + 1 < s->trim &&
           (FLAGS(u + 1) & DOSSIER_TOK_WORD);
}

/* A speech verb at `t`: the clause after its complementizer, before it, or right after it. */
static int speech_verb(stm_ctx *c, const sentence *s, int t, int len, int that_only)
{
    int rc = DOSSIER_OK, sub = subject_start(c, s, t), sf, se;
    size_t before = c->cands.n;
    /* a cue that wants "that" takes a clause without it only when one plainly opens */
    if (!(that_clause(c, s, t, len, sub, &rc) || (that_only && !bare_clause(c, s, t + len)) ||
          (!that_only && cue_closes(c, s, t, len, &rc))))
        rc = clause_after(c, s, t, len, sub);
    if (!rc && shared_subject(c, s, t, &sf, &se))
        for (size_t k = before; k < c->cands.n; k++)
            if (c->cands.v[k].subj_end == t) {
                c->cands.v[k].subj_first = sf;
                c->cands.v[k].subj_end = se;
            }
    return rc;
}

/* "Pour M. X, S": a sentence-initial preposition, a person, a comma. */
static int person_source(stm_ctx *c, const sentence *s, int t, int len)
{
    int u = t + len;
    while (u < s->trim && u < t + len + 3 && c->tok_mention[u] < 0 &&
           (MATCH("entity.titles", u) || IS(u, ".") ||
            ((FLAGS(u) & DOSSIER_TOK_UPPER) && c->d->tokens.v[u].span.end - c->d->tokens.v[u].span.start <= 4)))
        u++;
    int m = c->tok_mention[u < s->trim ? u : t];
    if (m < 0 || c->d->entities.v[c->d->mentions.v[m].entity].kind != DOSSIER_KIND_PERSON)
        return DOSSIER_OK;
    int after = c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens;
    if (!IS(after, ","))
        return DOSSIER_OK;
    return add(c, s, after + 1, clause_end(c, s, after + 1), t, len, u, after, STM_SUBJ_SOURCE);
}

/*
 * Non-zero when the verb at t and the word that closes its clause (before
 * a comma or the sentence end) are one speech verb of statement.verbs
 * ("…, teilte das Unternehmen X mit.", "teilte am Abend mit, …"): a
 * separable verb and its particle.
 */
static int separable(const stm_ctx *c, const sentence *s, int t)
{
    int last = t + 1;   /* the word before the first comma ("teilte am Abend mit, …"), or the last */
    while (last < s->trim && !IS(last, ","))
        last++;
    last--;
    if (last <= t + 1 || (FLAGS(last) & DOSSIER_TOK_PUNCT))
        return 0;
    const char *w[2] = {c->d->folds.v[t], c->d->folds.v[last]};
    return dossier_lexicon_match(c->d->lex, c->lang, "statement.verbs", w, 2, NULL) == 2;
}

/*
 * Non-zero when the cue at t (of len tokens) is a participle of the
 * passive or of an apposition: "was (widely) criticized for", "X,
 * criticized for …" (not the progressive "is blasting") (a preposition after it, where "X, who …, described
 * it" has an object).
 */
static int passive(const stm_ctx *c, const sentence *s, int t, int len)
{
    int u = t - 1;
    while (u > s->first && MATCH("statement.adverbs", u))
        u--;
    return u >= s->first && ((MATCH("statement.passive_aux", u) && !dossier_speakers_participle(c, t)) ||
                             (IS(u, ",") && PREP(t + len)));
}

/*
 * Where the subject of the verb at t ends when a poll, a study or a
 * document heads it ("A Monmouth poll out Monday showed", "the report
 * found", "un sondage Ifop publié lundi montre"): after its source or
 * document noun and the capitalised words right after it; 0 when none.
 */
static int document_subject(const stm_ctx *c, const sentence *s, int t)
{
    for (int u = subject_start(c, s, t); u < t; u++)
        if (MATCH("statement.source_nouns", u) || MATCH("statement.document_nouns", u)) {
            int end = u + 1;    /* "un sondage Ifop": the name after the noun too */
            while (end < t && (FLAGS(end) & DOSSIER_TOK_UPPER))
                end++;
            return end;
        }
    return 0;
}

/*
 * A document verb at t whose subject ends with its noun at `noun_end`:
 * the speech verb's clause, its speaker named by the subject up to the
 * noun ("A Monmouth poll", not "out Monday").
 */
static int document_verb(stm_ctx *c, const sentence *s, int t, int len, int noun_end)
{
    size_t before = c->cands.n;
    int rc = speech_verb(c, s, t, len, 0);
    for (size_t k = before; !rc && k < c->cands.n; k++)
        if (c->cands.v[k].subj_first >= 0 && c->cands.v[k].subj_first < noun_end && c->cands.v[k].subj_end > noun_end)
            c->cands.v[k].subj_end = noun_end;
    return rc;
}

/*
 * Non-zero when the cue at t is a plural noun that folds like a verb
 * (statement.noun_cues: "faces questions about", "pollution credits",
 * "our worst fears"): the word before it is a lower-case word that names
 * no speaker — no pronoun, relative, group, role or organisation word —
 * where a verb would have its subject.
 */
static int noun_cue(const stm_ctx *c, const sentence *s, int t)
{
    if (t <= s->first || !MATCH("statement.noun_cues", t))
        return 0;
    int u = t - 1;
    while (u > s->first && MATCH("statement.adverbs", u))
        u--;
    unsigned f = FLAGS(u);
    if (!(f & DOSSIER_TOK_WORD) || (f & DOSSIER_TOK_UPPER) || c->tok_mention[u] >= 0)
        return 0;
    return !(MATCH("statement.pronouns_clause", u) || MATCH("statement.subject_pronouns", u) ||
             MATCH("statement.pronouns_group", u) || MATCH("statement.relatives", u) ||
             MATCH("statement.group_nouns", u) || MATCH("statement.org_descriptions", u) ||
             MATCH("statement.person_roles", u) || MATCH("statement.document_nouns", u) ||
             MATCH("statement.source_nouns", u) || MATCH("statement.complementizers", u));
}

/*
 * Non-zero when a person is the subject right before the cue at t (adverbs
 * and auxiliaries between): a person's name ends there, or a person pronoun
 * stands there ("X hopes to", "she has long wanted to").
 */
static int person_subject(const stm_ctx *c, const sentence *s, int t)
{
    int u = t - 1;
    while (u > s->first && (MATCH("statement.adverbs", u) || MATCH("statement.aux", u)))
        u--;
    if (u < s->first || c->used[u])
        return 0;
    if (MATCH("statement.pronouns_person", u) && (MATCH("statement.subject_pronouns", u) || MATCH("statement.pronouns_clause", u)))
        return 1;
    int m = c->tok_mention[u];
    return m >= 0 && c->d->mentions.v[m].first_token + c->d->mentions.v[m].ntokens == u + 1 &&
           c->d->entities.v[c->d->mentions.v[m].entity].kind == DOSSIER_KIND_PERSON;
}

/*
 * Non-zero when the comma at `comma` closes the attribution of a statement
 * already found, its cue among the tokens right before ("“…,” X said,
 * referring to …", "…, she added, citing …"): a participle after it is the
 * same speaker's, who goes on speaking.
 */
static int after_attribution(const stm_ctx *c, const sentence *s, int comma)
{
    if (comma <= s->first || !IS(comma, ",") || c->used[comma - 1] != 1)
        return 0;
    for (size_t k = 0; k < c->cands.n; k++) {
        const stm_cand *p = &c->cands.v[k];
        if (p->dropped || p->cue_tok < s->first || p->cue_tok >= comma || p->cue_tok < comma - 8)
            continue;
        int t = p->cue_tok;
        while (t < comma && c->used[t] == 1)
            t++;
        if (t == comma)
            return 1;
    }
    return 0;
}

/*
 * "X praised the plan, citing …": the candidate of this sentence whose
 * clause the comma at `comma` closed (writer_resumes()), so that a cue
 * participle after it speaks for the same subject.  Sets [*sf, *se) and
 * *mode to that candidate's subject and returns 1; else 0.
 */
static int resumed_subject(const stm_ctx *c, const sentence *s, int comma, int *sf, int *se, int *mode)
{
    if (comma <= s->first || !IS(comma, ","))
        return 0;
    size_t end = c->d->tokens.v[comma - 1].span.end;
    for (size_t k = c->cands.n; k-- > 0;) {
        const stm_cand *p = &c->cands.v[k];
        if (p->dropped || p->kind != DOSSIER_STATEMENT_INDIRECT || p->cue_tok < s->first || p->cue_tok >= comma ||
            p->span.end != end)
            continue;
        *sf = p->subj_first;
        *se = p->subj_end;
        *mode = p->mode;
        return 1;
    }
    return 0;
}

/* The lists sentence_cues() matches at its token t, in its chain of cues (MATCH(key, t) there). */
static const char *const cue_keys[] = {
    "statement.according_self", "statement.according", "statement.according_after",
    "statement.according_person", "statement.as_cues", "statement.intent_cues", "statement.object_cues",
    "statement.document_verbs", "statement.verbs", "statement.verbs_that",
};

/* Sets c->cue_starts: the first-word bits of the cue_keys lists (as MATCH finds them), or-ed. */
static void cue_starts(stm_ctx *c)
{
    memset(c->cue_starts, 0, sizeof c->cue_starts);
    for (size_t k = 0; c->lists && c->d->lex && k < sizeof cue_keys / sizeof *cue_keys; k++) {
        const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)
            dossier_lexicon_find_memo(c->d->lex, c->lang, cue_keys[k], c->lists);
        for (int b = 0; h && h->frozen && b < 8; b++)
            c->cue_starts[b] |= h->starts[b];
    }
    c->have_cue_starts = 1;
}

/*
 * Zero when no list of the cue chain can match at token t: MATCH takes its
 * quick way there (no elided word ahead, the memo of lists, the token's
 * bit), and no list has a phrase starting with the token's first-word bit.
 */
static int may_cue(const stm_ctx *c, int t)
{
    const dossier_doc *d = c->d;
    size_t n = d->tokens.n - (size_t)t;
    if (n > 8)
        n = 8;
    if (!c->lists || !c->next_elided || (size_t)c->next_elided[t] < (size_t)t + n || (size_t)t >= d->fold_bits.n)
        return 1;
    unsigned bit = d->fold_bits.v[t];
    return (c->cue_starts[bit / 64] >> (bit % 64)) & 1;
}

/* Looks for cues in one sentence; returns 0 or a negative code. */
static int sentence_cues(stm_ctx *c, const sentence *s)
{
    int rc = DOSSIER_OK;
    if (!c->have_cue_starts)
        cue_starts(c);
    for (int t = s->first; t < s->trim && !rc; t++) {
        if (c->used[t] || !may_cue(c, t))
            continue;
        int len, noun_end;
        if ((len = MATCH("statement.according_self", t)) > 0) {
            rc = source_phrase(c, s, t, len, 1);
        } else if ((len = MATCH("statement.according", t)) > 0) {
            rc = source_phrase(c, s, t, len, 0);
        } else if (t > s->first && IS(t - 1, ",") && (len = MATCH("statement.according_after", t)) > 0 &&
                   s->trim - t <= 10 && names_near(c, t + len, s->trim)) {
            rc = source_phrase(c, s, t, len, 0);
        } else if (t == s->first && (len = MATCH("statement.according_person", t)) > 0) {
            rc = person_source(c, s, t, len);
            len = 1;
        } else if (MATCH("statement.as_cues", t)) {
            rc = as_clause(c, s, t);
            len = 1;
        } else if ((len = MATCH("statement.intent_cues", t)) > 0) {
            /* "X hopes to work across the aisle": what a person means to do, worded with its verb */
            if (person_subject(c, s, t))
                rc = add(c, s, t, clause_end(c, s, t), t, len, subject_start(c, s, t), t, STM_SUBJ_CLAUSE);
        } else if ((len = MATCH("statement.object_cues", t)) > 0) {
            /* "the calls for", "Calloway's plans to": a noun after an article or a possessive */
            if (passive(c, s, t, len) || noun_cue(c, s, t) ||
                (t > s->first && (MATCH("statement.articles", t - 1) || MATCH("statement.possessives", t - 1))))
                continue;
            int from = t > s->first && MATCH("statement.aux", t - 1) && !c->used[t - 1] ? t - 1 : t, sf, se, mode;
            int u = t - 1;
            while (u > s->first && MATCH("statement.adverbs", u))
                u--;
            /* "X called Y “unhinged”": three words are enough with a quotation */
            /* "X defended the plan, citing …": a short object is enough before the same speaker's next cue */
            int end = clause_end(c, s, t), min = end < s->trim && writer_resumes(c, s, end) ? 2 : quoted(c, t, end) ? 3 : 4;
            for (int v = t + len; v + 1 < end; v++)
                if (IS(v, ",") && MATCH("statement.according", v + 1)) {
                    end = v;    /* "A and B agreed to …, according to X": the act is what X reports */
                    break;
                }
            if (!IS(u, ",") || !dossier_speakers_participle(c, t))
                rc = add_min(c, s, from, end, t, len, noun_participle_subject(c, s, from), from, STM_SUBJ_CLAUSE, min);
            else if (shared_subject(c, s, t, &sf, &se))   /* "X toured the mine, promising to …": X's */
                rc = add_min(c, s, from, end, t, len, sf, se, STM_SUBJ_CLAUSE, min);
            else if (after_attribution(c, s, u))   /* "“…,” X said, referring to Y": X's, naming Y */
                rc = add_min(c, s, from, end, t, len, -1, -1, STM_SUBJ_NONE, 2);
            else if (resumed_subject(c, s, u, &sf, &se, &mode))   /* "X praised the plan, citing …": X's */
                rc = add_min(c, s, from, end, t, len, sf, se, mode, min);
        } else if ((len = MATCH("statement.document_verbs", t)) > 0 && !passive(c, s, t, len) &&
                   (noun_end = document_subject(c, s, t)) > 0) {
            rc = document_verb(c, s, t, len, noun_end);
        } else if ((len = MATCH("statement.verbs", t)) > 0 || (len = MATCH("statement.verbs_that", t)) > 0) {
            /* "la note de « 60 sur 100 »": after an article (not a relative "…, die sagte") "noté" is a noun */
            /* "is insisting that" is no passive */
            int passive = MATCH("statement.passive_aux", t - 1) && !dossier_speakers_participle(c, t);
            if (noun_cue(c, s, t) || (t > s->first && (passive || (MATCH("statement.articles", t - 1) && !IS(t - 2, ",")))))
                continue;
            rc = speech_verb(c, s, t, len, !MATCH("statement.verbs", t) && !separable(c, s, t));
        } else {
            len = 1;
        }
        t += len - 1;
    }
    return rc;
}

/*
 * Non-zero when folded word w (n bytes, ending in "e") has the shape of a
 * weak preterite, not of a Konjunktiv I: "-tte" ("hatte"), "-sste"/"-ßte"
 * ("musste"), or "-te" after a consonant that ends no verb stem taking
 * "-e" there ("sagte", "machte", "plante"); "halte", "starte", "biete"
 * and "leiste" stay possible.
 */
static int preterite(const char *w, size_t n)
{
    if (n < 3 || w[n - 2] != 't')
        return 0;
    if (w[n - 3] == 't' || (n >= 4 && w[n - 3] == 's' && w[n - 4] == 's') ||
        (n >= 5 && (unsigned char)w[n - 4] == 0xc3 && (unsigned char)w[n - 3] == 0x9f))
        return 1;
    return strchr("bcfghkmnpvwxz", w[n - 3]) != NULL;
}

/*
 * A verb in the Konjunktiv I that no list holds, in second place after a
 * one-word subject or a preposition and a name: "Deutschland laufe
 * Gefahr", "Im Orbit bleibe" (stem + e, where the
 * indicative ends in -t).  Only for languages with a statement.konjunktiv
 * list; the subject is a name or noun, not an article.
 */
static int konjunktiv_form(const stm_ctx *c, const sentence *s, int t)
{
    const dossier_phrase *const *list = NULL;
    const char *w = c->d->folds.v[t];
    size_t n = strlen(w);
    /* the first part: one capitalised word, or an article and a capitalised noun ("Die Entscheidung falle"),
       or a preposition and a noun ("Im Orbit bleibe"; the verb stands second) */
    int subj = t == s->first + 1 ? s->first
             : t == s->first + 2 && (MATCH("statement.articles", s->first) || MATCH("statement.prepositions", s->first))
                 ? t - 1 : -1;
    if (subj < 0 || !dossier_lexicon_list(c->d->lex, c->lang, "statement.konjunktiv", &list) || n < 4 || w[n - 1] != 'e' ||
        preterite(w, n) ||
        (FLAGS(t) & (DOSSIER_TOK_UPPER | DOSSIER_TOK_PUNCT)) || !(FLAGS(subj) & DOSSIER_TOK_UPPER) ||
        MATCH("statement.articles", subj) || MATCH("statement.prepositions", subj) ||
        MATCH("statement.articles", t) || MATCH("statement.prepositions", t) || MATCH("statement.clause_joins", t) ||
        MATCH("statement.relatives", t))
        return 0;
    return 1;
}

/* The token after the apposition that follows a name ending at `end`: "X, director of Y, had given". */
static int after_apposition(const stm_ctx *c, int end, int limit)
{
    if (!IS(end, ","))
        return end;
    for (int t = end + 1; t < limit && t <= end + 16; t++)
        if (IS(t, ","))
            return t + 1;
    return MATCH("statement.relatives", end + 1) ? -1 : end + 1;
}

/*
 * Non-zero when tokens [first, end) are one to three capitalised words no
 * stage named, titles or roles before a name that opens its sentence
 * ("Ministerpräsidentin Giorgia Meloni hatte …", "President X had …").
 */
static int title_prefix(const stm_ctx *c, int first, int end)
{
    if (end - first < 1 || end - first > 3)
        return 0;
    for (int t = first; t < end; t++)
        if (!(FLAGS(t) & DOSSIER_TOK_UPPER) || c->tok_mention[t] >= 0 || MATCH("statement.prepositions", t) ||
            MATCH("statement.articles", t))
            return 0;
    return 1;
}

/*
 * "X, director of Y, had given the landing a score of “60 points out of
 * 100”": a sentence with no cue whose subject is a person's name and
 * whose predicate holds a short quotation (two to ten words, not a title)
 * reports that person's words: the predicate is the statement.
 */
static int partial_quote(stm_ctx *c, const sentence *s)
{
    int q = -1, qend = -1, upper = 0;
    for (int t = s->first; t < s->trim; t++) {
        if (c->used[t])
            return DOSSIER_OK;
        if (q < 0 && (FLAGS(t) & DOSSIER_TOK_QOPEN))
            q = t;
        else if (q >= 0 && qend < 0 && (FLAGS(t) & DOSSIER_TOK_QCLOSE))
            qend = t;
        else if (q >= 0 && qend < 0)
            upper += (FLAGS(t) & DOSSIER_TOK_UPPER) != 0;
    }
    int words = q >= 0 && qend > q ? dossier_speakers_words(c, q + 1, qend) : 0;
    if (words < 2 || words > 10 || upper * 2 > words || MATCH("statement.title_cues", q - 1) ||
        MATCH("statement.title_cues", q - 2))
        return DOSSIER_OK;
    int m = -1;
    for (int t = s->first; t < q && m < 0; t++) {
        int mm = c->tok_mention[t];
        if (mm >= 0 && c->d->entities.v[c->d->mentions.v[mm].entity].kind == DOSSIER_KIND_PERSON &&
            c->d->mentions.v[mm].how == DOSSIER_MENTION_NAME && c->d->mentions.v[mm].first_token == t)
            m = mm;
    }
    if (m < 0)
        return DOSSIER_OK;
    const dossier_mention *mm = &c->d->mentions.v[m];
    if (mm->first_token != s->first && !IS(mm->first_token - 1, ",") && !title_prefix(c, s->first, mm->first_token))
        return DOSSIER_OK;      /* the name is the sentence's subject, not an object */
    int end = mm->first_token + mm->ntokens, from = after_apposition(c, end, q);
    if (from < 0 || from >= q || (FLAGS(from) & (DOSSIER_TOK_UPPER | DOSSIER_TOK_PUNCT)))
        return DOSSIER_OK;
    return add(c, s, from, s->trim, from, 0, mm->first_token, end, STM_SUBJ_CLAUSE);
}

/* A sentence in the Konjunktiv with no cue, right after a statement: the speaker goes on. */
static int konjunktiv(stm_ctx *c, const sentence *s, int had_before)
{
    if (!had_before)
        return DOSSIER_OK;
    for (int t = s->first; t < s->trim; t++) {
        if (c->used[t])
            return DOSSIER_OK;
    }
    for (int t = s->first; t < s->trim; t++)
        if (MATCH("statement.konjunktiv", t) || (t <= s->first + 2 && konjunktiv_form(c, s, t)))
            return add(c, s, s->first, s->trim, t, 0, -1, -1, STM_SUBJ_NONE);
    return DOSSIER_OK;
}

/* The token range of sentence i, without its final punctuation. */
static sentence sentence_at(const stm_ctx *c, size_t i)
{
    const dossier_sentence *ds = &c->d->sentences.v[i];
    sentence s = {ds->first_token, ds->first_token + ds->ntokens, ds->first_token + ds->ntokens};
    while (s.trim > s.first && ((FLAGS(s.trim - 1) & DOSSIER_TOK_SENTEND) || IS(s.trim - 1, ",") ||
                                IS(s.trim - 1, ":") || IS(s.trim - 1, ";")))
        s.trim--;
    return s;
}

/*
 * "Das teilte X mit." / "Об этом сообщил X." / "C'est ce qu'a indiqué X.":
 * the sentence before (same paragraph, free) is X's statement.  Returns
 * 1 when the sentence was such a pointer, 0 when not, or a negative code.
 */
static int anaphora(stm_ctx *c, const sentence *s, size_t i)
{
    int la = MATCH("statement.anaphora", s->first);
    if (!la || i == 0)
        return 0;
    int cue = -1, len = 0;
    for (int t = s->first + la; t < s->trim && t <= s->first + la + 1 && cue < 0; t++)
        if ((len = MATCH("statement.verbs", t)) > 0 || (len = MATCH("statement.anaphora_verbs", t)) > 0)
            cue = t;
    const dossier_sentence *ps = &c->d->sentences.v[i - 1];
    if (cue < 0 || ps->paragraph != c->d->sentences.v[i].paragraph)
        return 0;
    sentence prev = sentence_at(c, i - 1);
    for (int t = prev.first; t < prev.trim; t++)
        if (c->used[t])
            return 0;
    for (size_t k = 0; k < c->cands.n; k++)
        if (c->cands.v[k].sentence == (int)i - 1)
            return 0;
    int rc = add(c, &prev, prev.first, prev.trim, cue, len, cue + len, s->trim, STM_SUBJ_CLAUSE);
    if (rc)
        return rc;
    c->cands.v[c->cands.n - 1].sentence = (int)i - 1;
    claim(c, s->first, s->trim);
    return 1;
}

/*
 * "SMITH: And obviously, you are …" / "Anna Berg: The plan will fail.": a
 * paragraph opening with a speaker's label and a colon (a transcript, a
 * line of an interview) is that speaker's, to the paragraph's end.
 */
static int labelled(stm_ctx *c, const sentence *s, size_t i)
{
    const dossier_doc *d = c->d;
    const dossier_paragraph *pa = &d->paragraphs.v[d->sentences.v[i].paragraph];
    if ((size_t)pa->first_sentence != i)
        return DOSSIER_OK;
    int colon = -1;
    for (int t = s->first + 1; t < s->trim && t <= s->first + 5 && colon < 0; t++)
        if (IS(t, ":"))
            colon = t;
    if (colon < 0 || c->used[colon] || c->used[colon + 1] || !dossier_speakernames_label(c, s->first, colon))
        return DOSSIER_OK;
    const dossier_sentence *ls = &d->sentences.v[pa->first_sentence + pa->nsentences - 1];
    sentence all = {s->first, ls->first_token + ls->ntokens, ls->first_token + ls->ntokens};
    while (all.trim > colon + 1 && (FLAGS(all.trim - 1) & DOSSIER_TOK_SENTEND))
        all.trim--;
    for (int t = colon + 1; t < all.trim; t++)
        if (c->used[t])
            return DOSSIER_OK;      /* a quotation or another cue is there: theirs */
    size_t before = c->cands.n;
    int rc = add(c, &all, colon + 1, all.trim, colon, 1, s->first, colon, STM_SUBJ_CLAUSE);
    if (!rc && c->cands.n > before) {
        c->cands.v[before].cue = NULL;
        claim(c, s->first, all.end);
    }
    return rc;
}

/*
 * "The governor added:" closing its paragraph: the next paragraph, when
 * no quotation or cue has taken any of it, is the statement of the cue's
 * subject (a block quotation set off without quotation marks).
 */
static int colon_block(stm_ctx *c, const sentence *s, size_t i)
{
    const dossier_doc *d = c->d;
    int para = d->sentences.v[i].paragraph, colon = s->end - 1;
    const dossier_paragraph *pa = &d->paragraphs.v[para];
    if ((size_t)(pa->first_sentence + pa->nsentences) != i + 1 || (size_t)para + 1 >= d->paragraphs.n ||
        !IS(colon, ":") || c->para_skip[para + 1] || colon - 1 <= s->first)
        return DOSSIER_OK;
    int cue = colon - 1, len = 1;
    while (cue > s->first && MATCH("statement.verbs", cue) != colon - cue)
        cue--;
    if (MATCH("statement.verbs", cue) != colon - cue || cue - s->first > 8)
        return DOSSIER_OK;
    len = colon - cue;
    const dossier_paragraph *next = &d->paragraphs.v[para + 1];
    if (!next->nsentences)
        return DOSSIER_OK;
    const dossier_sentence *fs = &d->sentences.v[next->first_sentence];
    const dossier_sentence *ls = &d->sentences.v[next->first_sentence + next->nsentences - 1];
    sentence all = {fs->first_token, ls->first_token + ls->ntokens, ls->first_token + ls->ntokens};
    while (all.trim > all.first && (FLAGS(all.trim - 1) & DOSSIER_TOK_SENTEND))
        all.trim--;
    for (int t = all.first; t < all.end; t++)
        if (c->used[t] || (FLAGS(t) & DOSSIER_TOK_QUOTE))
            return DOSSIER_OK;
    size_t before = c->cands.n;
    int rc = add(c, &all, all.first, all.trim, cue, len, subject_start(c, s, cue), cue, STM_SUBJ_CLAUSE);
    if (!rc && c->cands.n > before) {
        c->cands.v[before].sentence = (int)i;
        claim(c, s->first, s->end);
        claim(c, all.first, all.end);
    }
    return rc;
}

/* See reported.h. */
int dossier_reported_find(stm_ctx *c)
{
    const dossier_doc *d = c->d;
    int rc = DOSSIER_OK, prev_para = -1;
    for (size_t i = 0; i < d->sentences.n && !rc; i++) {
        const dossier_sentence *ds = &d->sentences.v[i];
        if (!ds->ntokens)
            continue;
        sentence s = sentence_at(c, i);
        if (c->para_skip[ds->paragraph]) {
            rc = colon_block(c, &s, i);     /* "The governor added:" has no sentence punctuation */
            continue;
        }
        /* was there a statement in the sentence before, in this paragraph? */
        int had = 0;
        for (size_t k = 0; k < c->cands.n; k++)
            if (c->cands.v[k].sentence == (int)i - 1 && ds->paragraph == prev_para)
                had = 1;
        prev_para = ds->paragraph;
        rc = labelled(c, &s, i);
        if (!rc)
            rc = anaphora(c, &s, i);
        if (rc)
            rc = rc < 0 ? rc : DOSSIER_OK;
        else {
            size_t before = c->cands.n;
            rc = sentence_cues(c, &s);
            if (!rc && c->cands.n == before && !c->used[s.first])
                rc = konjunktiv(c, &s, had);
            if (!rc && c->cands.n == before)
                rc = partial_quote(c, &s);
            if (!rc && c->cands.n == before)
                rc = colon_block(c, &s, i);
        }
    }
    return rc;
}
