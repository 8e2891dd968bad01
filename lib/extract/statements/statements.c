/*
 * statements.c — direct quotations and reported speech, with their speakers.
 *
 * The stage runs in four steps over one context (candidates.h): quotations
 * (quotes.c) claim their tokens and attribution clauses first; reported
 * speech (reported.c) is then looked for in what is left; candidates that
 * a larger one contains are merged away; and every candidate is attributed
 * (speakers.c).  Reported speech whose speaker cannot be found is dropped,
 * unless a noun phrase that names nobody says it ("The bank said") or the
 * writer does ("I believe"): that is kept with no speaker;
 * a group of people or a poll may say something ("analysts said", "police
 * fear that"), but what "commentators have described", or what scientists
 * believe in a clause that sets a scene ("where scientists believe"), is a
 * view, not anybody's statement.
 * Headlines, list items and captions (paragraphs without final
 * punctuation, or opening with a bullet) hold no statements.
 */
#include "extract/statements/statements.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/statements/quotes.h"
#include "extract/statements/reported.h"
#include "extract/statements/speakernames.h"
#include "extract/statements/speakers.h"

/*
 * Non-zero when paragraph pa is written in title case, as a headline
 * repeated in the body is ("Senator Calls Plan ‘A Disgrace’ Over Cuts."):
 * one sentence of at most 25 words, five or more words of four letters,
 * four in five of them capitalised.
 */
static int title_case(const stm_ctx *c, const dossier_paragraph *pa)
{
    if (pa->nsentences != 1)
        return 0;
    const dossier_sentence *ss = &c->d->sentences.v[pa->first_sentence];
    int long_words = 0, capitals = 0, words = 0;
    for (int t = ss->first_token; t < ss->first_token + ss->ntokens; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        if (!(f & DOSSIER_TOK_WORD))
            continue;
        words++;
        if (strlen(c->d->folds.v[t]) < 4)
            continue;
        long_words++;
        capitals += (f & DOSSIER_TOK_UPPER) != 0;
    }
    return words <= 25 && long_words >= 5 && capitals * 5 >= long_words * 4;
}

/* Non-zero when paragraph p is a headline, a list item or a caption. */
static int skip_paragraph(const stm_ctx *c, size_t p)
{
    const dossier_doc *d = c->d;
    const dossier_paragraph *pa = &d->paragraphs.v[p];
    if (!pa->nsentences)
        return 1;
    const char *s = d->body + pa->span.start;
    size_t len = pa->span.end - pa->span.start, pos = 0;
    int32_t ch = dossier_utf8_next(s, len, &pos);
    int32_t next = pos < len ? dossier_utf8_next(s, len, &pos) : ' ';
    if ((ch == 0x2022 || ch == 0x203A || ch == 0x00B7 || ch == '-' || ch == 0x2013 || ch == '*' ||
         ch == 0x00BB || ch == 0x25B8 || ch == 0x25BA) && dossier_uc_is_space(next))
        return 1;
    if (dossier_uc_is_digit(ch) && (next == '.' || next == ')') && len < 200)
        return 1;
    if (title_case(c, pa))
        return 1;
    /* a headline, subhead or caption: no sentence punctuation at all, short or first, or no quotation */
    const dossier_sentence *ls = &d->sentences.v[pa->first_sentence + pa->nsentences - 1];
    int end = ls->first_token + ls->ntokens, first = d->sentences.v[pa->first_sentence].first_token;
    int quotes = 0;
    for (int t = first; t < end; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        if (f & DOSSIER_TOK_SENTEND)
            return 0;
        quotes |= (f & DOSSIER_TOK_QUOTE) != 0;
    }
    return p == 0 || !quotes || dossier_speakers_words(c, first, end) < 12;
}

/*
 * Hides from the speaker look-ups a one-word mention that is an
 * abbreviated title before its period and a name ("Rep. Jane Doe",
 * "Gov. X"): the name after it is the speaker, never the title.
 */
static void hide_titles(stm_ctx *c)
{
    const dossier_doc *d = c->d;
    for (size_t t = 0; t + 2 < d->tokens.n; t++) {
        int m = c->tok_mention[t], next = c->tok_mention[t + 2];
        if (m >= 0 && d->mentions.v[m].ntokens == 1 && next >= 0 && next != m && dossier_speakers_is(c, (int)t + 1, ".") &&
            dossier_lexicon_has(d->lex, c->lang, "abbreviations", d->folds.v[t]))
            c->tok_mention[t] = -1;
    }
}

/* Candidate a's span holds candidate b's. */
static int contains(const stm_cand *a, const stm_cand *b)
{
    return a->span.start <= b->span.start && b->span.end <= a->span.end;
}

/*
 * Non-zero when candidate b, inside another candidate's clause that
 * starts at token `first`, reports a statement of its own: a speech verb
 * or an object cue whose subject stands inside that clause past its
 * opening ("X said he was calm because she doubted S", "X described Y as
 * a disgrace after she attacked Z"): PolNeAR and readers count it apart.
 * Not one: a subject opening the clause ("X said he thought that S"), a
 * relative or a join in it ("…, which she said were …", "… but said …"),
 * a lone "they", a participle the clause kept.
 */
static int own_clause(const stm_ctx *c, const stm_cand *b, int first)
{
    if (b->cue_tok < 0 || dossier_speakers_participle(c, b->cue_tok) || b->subj_end <= b->subj_first ||
        b->subj_first < first + 3)
        return 0;   /* "X said he thought that S": the outer statement is this one */
    for (int t = b->subj_first - 1; t < b->subj_end; t++)
        if (dossier_speakers_match(c, "statement.relatives", t) || dossier_speakers_match(c, "statement.clause_joins", t))
            return 0;   /* "…, which she said were …" and "… but said …" are the outer speaker's still */
    if (b->subj_end == b->subj_first + 1 && dossier_speakers_match(c, "statement.pronouns_group", b->subj_first))
        return 0;   /* "they" inside someone's statement names nobody sure enough */
    return dossier_speakers_match(c, "statement.verbs", b->cue_tok) ||
           dossier_speakers_match(c, "statement.object_cues", b->cue_tok);
}

/* One step of merge(): candidate i against candidate j. */
static void merge_pair(stm_ctx *c, size_t i, size_t j)
{
    stm_cand *a = &c->cands.v[i], *b = &c->cands.v[j];
    if (i == j || b->dropped || !contains(a, b))
        return;
    if (a->span.start == b->span.start && a->span.end == b->span.end && i > j) {
        a->dropped = 1;
        return;
    }
    if (b->kind == DOSSIER_STATEMENT_DIRECT && a->kind == DOSSIER_STATEMENT_INDIRECT) {
        b->dropped = 1;
        return;
    }
    if (b->kind != DOSSIER_STATEMENT_INDIRECT || a->kind != DOSSIER_STATEMENT_INDIRECT)
        return;
    int first = dossier_speakers_tok_from(c, a->span.start);
    int opens = b->subj_first >= first && b->subj_end > b->subj_first && b->subj_first <= first + 2 &&
                b->cue_tok >= 0 && c->d->tokens.v[b->cue_tok].span.start >= a->span.start;
    /* "S, which Y says is T, …": a cue whose speaker is named inside the outer clause reports T on its own
       ("…, which she said were …" is the outer speaker's still) */
    int nested = 0;
    /* an act a source phrase closing the sentence reports ("A and B have agreed to …, according to X") is
       its content ("Selon X, Y a qualifié …" opening it is Y's) */
    int act = a->mode == STM_SUBJ_SOURCE && a->cue_tok >= 0 && dossier_speakers_match(c, "statement.according", a->cue_tok) &&
              b->cue_tok >= 0 && b->cue_tok < a->cue_tok && dossier_speakers_match(c, "statement.object_cues", b->cue_tok);
    for (int t = b->subj_first; !act && b->cue_tok >= 0 && c->d->tokens.v[b->cue_tok].span.start > a->span.start &&
                                t >= first && t < b->subj_end && !nested; t++)
        nested = (c->tok_mention[t] >= 0 && c->d->mentions.v[c->tok_mention[t]].how != DOSSIER_MENTION_PRONOUN) ||
                 dossier_speakers_match(c, "statement.group_nouns", t);
    if (act) {
        b->dropped = 1;
    } else if (opens) {
        /* the inner statement starts at its subject: keep its cue inside */
        a->dropped = 1;
    } else if (!nested && !own_clause(c, b, first)) {
        b->dropped = 1;
    }
}

/* merge() without its index, when there is no memory for one: every pair. */
static void merge_scan(stm_ctx *c)
{
    for (size_t i = 0; i < c->cands.n; i++)
        for (size_t j = 0; j < c->cands.n && !c->cands.v[i].dropped; j++)
            merge_pair(c, i, j);
}

/* A candidate's start and index, to order candidates by where they start. */
typedef struct {
    size_t start, index;
} cand_at;

/* Orders cand_at by start, for qsort. */
static int by_cand_start(const void *x, const void *y)
{
    const cand_at *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Orders candidate indexes, for qsort. */
static int by_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/*
 * Drops candidates a larger one contains: a quotation inside reported
 * speech belongs to it; reported speech inside reported speech goes with
 * the outer clause, unless the inner cue opens the outer clause ("Selon
 * Xinhua, Xi a qualifié ..."), where the inner speaker is the one quoted,
 * or the inner speaker is named inside the outer clause ("X said the
 * tolls, which Y says are too high, will stay") or the inner cue has a
 * clause of its own (own_clause()): then both are kept.
 * Only candidates starting inside a can be inside it: they are found
 * through the candidates ordered by start, then visited in index order,
 * as a scan of every pair would visit them.
 */
static void merge(stm_ctx *c)
{
    size_t nc = c->cands.n;
    cand_at *at = malloc((nc + 1) * sizeof *at);
    size_t *inside = malloc((nc + 1) * sizeof *inside);
    if (!at || !inside) {
        free(at);
        free(inside);
        merge_scan(c);
        return;
    }
    for (size_t i = 0; i < nc; i++)
        at[i] = (cand_at){c->cands.v[i].span.start, i};
    qsort(at, nc, sizeof *at, by_cand_start);
    for (size_t i = 0; i < nc; i++) {
        stm_cand *a = &c->cands.v[i];
        size_t lo = 0, hi = nc, n = 0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (at[mid].start < a->span.start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < nc && at[k].start <= a->span.end; k++)
            inside[n++] = at[k].index;
        qsort(inside, n, sizeof *inside, by_index);
        for (size_t k = 0; k < n && !a->dropped; k++)
            merge_pair(c, i, inside[k]);
    }
    free(at);
    free(inside);
}

/*
 * Non-zero when the speaker's mention is no name: it opens with a
 * preposition or holds a weekday ("On Thursday"), as a time phrase does.
 */
static int time_phrase(const stm_ctx *c, int m)
{
    if (m < 0)
        return 0;
    const dossier_mention *mm = &c->d->mentions.v[m];
    if (dossier_speakers_match(c, "statement.prepositions", mm->first_token))
        return 1;
    for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++)
        for (int w = 1; w <= 7; w++)
            if (dossier_speakers_match(c, dossier_lexicon_weekday_key(w), t))
                return 1;
    return 0;
}

/*
 * The speaker of candidate k checked against its own subject: a person
 * named last in it speaks ("Calloway campaign spokesman Ed Tarrant told":
 * Tarrant, not Calloway); a possessor does not ("the candidate's former
 * doctor maintains", statement.kin_nouns), unless what it owns speaks for
 * it ("X's spokesman", "X's claim that"); nor does a place before a
 * person's title ("the South Carolina senator said").  Sets k's speaker to the named person or to none.
 */
static void check_subject(stm_ctx *c, stm_cand *k)
{
    const dossier_doc *d = c->d;
    int m = k->speaker_mention, end = k->subj_end;
    if (m < 0 || k->subj_first < 0 || end <= k->subj_first || end > (int)d->tokens.n)
        return;
    while (end > k->subj_first && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_PUNCT))
        end--;
    const dossier_mention *mm = &d->mentions.v[m];
    int after = mm->first_token + mm->ntokens;
    if (mm->first_token < k->subj_first || after >= end)
        return;     /* the speaker is not inside the subject, or closes it */
    if (d->entities.v[mm->entity].kind == DOSSIER_KIND_PLACE &&
        (dossier_speakers_match(c, "statement.person_roles", end - 1) || dossier_speakers_match(c, "entity.titles", end - 1))) {
        k->speaker = -1;    /* "the South Carolina senator said": the senator, not the state */
        k->speaker_mention = -1;
        return;
    }
    int last = c->tok_mention[end - 1];
    if (last >= 0 && last != m && d->mentions.v[last].how == DOSSIER_MENTION_NAME &&
        d->entities.v[d->mentions.v[last].entity].kind == DOSSIER_KIND_PERSON &&
        d->mentions.v[last].first_token + d->mentions.v[last].ntokens == end) {
        for (int t = after; t < d->mentions.v[last].first_token; t++)
            if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_WORD) || dossier_speakers_match(c, "statement.articles", t) ||
                dossier_speakers_match(c, "statement.prepositions", t) || dossier_speakers_match(c, "statement.clause_joins", t))
                return;     /* "X and Y", "X, Y", "released by X after talks with Y": not one phrase */
        k->speaker = d->mentions.v[last].entity;
        k->speaker_mention = last;
        return;
    }
    if (strcmp(d->folds.v[after], "'s") != 0 || (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_UPPER) ||
        dossier_speakers_match(c, "statement.org_descriptions", end - 1) ||
        dossier_speakers_match(c, "statement.group_nouns", end - 1) ||
        !(dossier_speakers_match(c, "statement.kin_nouns", end - 1) || dossier_speakers_match(c, "entity.occupations", end - 1)))
        return;     /* "X's claim", "X's spokesman": X's words */
    k->speaker = -1;
    k->speaker_mention = -1;
}

/* Non-zero when token t is a word no noun phrase holds: a pronoun, a verb, an auxiliary, a participle. */
static int no_noun_word(const stm_ctx *c, int t)
{
    static const char *const keys[] = {"statement.subject_pronouns", "statement.pronouns_clause",
                                       "statement.pronouns_person", "statement.pronouns_group", "statement.relatives",
                                       "statement.interrogatives", "statement.finite_words", "statement.verbs",
                                       "statement.verbs_that", "statement.aux", "statement.passive_aux"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (dossier_speakers_match(c, keys[i], t))
            return 1;
    return dossier_speakers_participle(c, t);
}

/* Non-zero when token t can head a noun phrase that names a speaker: a group, role, organisation or document word. */
static int speaker_noun(const stm_ctx *c, int t)
{
    return dossier_speakers_match(c, "statement.group_nouns", t) || dossier_speakers_match(c, "statement.org_descriptions", t) ||
           dossier_speakers_match(c, "statement.person_roles", t) || dossier_speakers_match(c, "entity.titles", t) ||
           dossier_speakers_match(c, "statement.document_nouns", t) || dossier_speakers_match(c, "statement.source_nouns", t);
}

/* Non-zero when only auxiliaries and adverbs lie between token e and the cue at t ("has long rejected"). */
static int next_to_cue(const stm_ctx *c, int e, int t)
{
    while (e < t && (dossier_speakers_match(c, "statement.aux", e) || dossier_speakers_match(c, "statement.adverbs", e)))
        e++;
    return e == t;
}

/*
 * Non-zero when candidate k, indirect speech nobody could be named for, is
 * said by a noun phrase all the same ("The bank said", "Many Republicans
 * believe", "a federal judge found", "according to the union"): kept with
 * no speaker, since someone is said to speak.  The phrase opens its clause,
 * holds one to five words, opens with an article, a quantifier, a number
 * or a capitalised word (at the sentence's start, a name or a group),
 * holds no pronoun, verb, auxiliary nor participle, and ends with a
 * lower-case noun: a group, role, organisation or document word (with any
 * cue but a view's: "a federal judge rejected the request", not what
 * "commentators described"); or, as a subject with
 * a cue that is no object cue (what unnamed "sailors praised" is a view),
 * a lone quantifier ("Some said", not "according to some"), a
 * share ("47 percent said", "Two in three said"), or one or two lower-case
 * words after an article or a quantifier ("The bank", "some families").
 * A capitalised head is a name, the speaker stage's to find.
 */
static int described_subject(const stm_ctx *c, const stm_cand *k)
{
    int f = k->subj_first, e = k->subj_end;
    if (k->kind != DOSSIER_STATEMENT_INDIRECT || k->cue_tok < 0 || f < 0 || e <= f ||
        !(k->mode == STM_SUBJ_SOURCE || (k->mode == STM_SUBJ_CLAUSE && next_to_cue(c, e, k->cue_tok))))
        return 0;
    while (e > f && (dossier_speakers_match(c, "statement.adverbs", e - 1) || dossier_speakers_match(c, "statement.aux", e - 1) ||
                     (k->mode == STM_SUBJ_SOURCE && (dossier_speakers_flags(c, e - 1) & DOSSIER_TOK_PUNCT))))
        e--;
    for (int t = e - 1; t > f && k->mode == STM_SUBJ_CLAUSE; t--)
        if (dossier_speakers_is(c, t, ",")) {
            f = t + 1;      /* "In the end, some families said": the phrase after the opening adverbial */
            break;
        }
    int words = dossier_speakers_words(c, f, e), first = dossier_speakers_sent_first(c, f);
    if (words < 1 || words > 5)
        return 0;
    if (k->mode == STM_SUBJ_CLAUSE && f > first && !dossier_speakers_is(c, f - 1, ",") && !dossier_speakers_is(c, f - 1, ";") &&
        !dossier_speakers_is(c, f - 1, ":") && !(dossier_speakers_flags(c, f - 1) & DOSSIER_TOK_DASH) &&
        !dossier_speakers_match(c, "statement.clause_joins", f - 1))
        return 0;
    int article = dossier_speakers_match(c, "statement.articles", f) > 0;
    int quantifier = dossier_speakers_match(c, "statement.quantifiers", f) > 0;
    int upper = (dossier_speakers_flags(c, f) & DOSSIER_TOK_UPPER) &&
                (f > first || c->tok_mention[f] >= 0 || speaker_noun(c, f));
    int number = (dossier_speakers_flags(c, f) & DOSSIER_TOK_NUM) != 0;
    if (!article && !quantifier && !upper && !number)
        return 0;
    int lower = 0;
    for (int t = f; t < e; t++) {
        unsigned fl = dossier_speakers_flags(c, t);
        if (((fl & DOSSIER_TOK_PUNCT) && strcmp(c->d->folds.v[t], "'s") != 0) || no_noun_word(c, t) || c->used[t] == 2)
            return 0;
        /* a determiner inside the phrase opens another one ("faced some steep", "taped an hourlong"),
           but after a preposition ("Many of his supporters") */
        if (t > f && (dossier_speakers_match(c, "statement.articles", t) || dossier_speakers_match(c, "statement.quantifiers", t)) &&
            !dossier_speakers_match(c, "statement.prepositions", t - 1) && !dossier_speakers_match(c, "statement.share_words", t))
            return 0;
        if (!(fl & DOSSIER_TOK_UPPER) && !dossier_speakers_match(c, "statement.articles", t) &&
            !dossier_speakers_match(c, "statement.quantifiers", t) && strcmp(c->d->folds.v[t], "'s") != 0)
            lower++;
    }
    int head = e - 1;
    if ((dossier_speakers_flags(c, head) & DOSSIER_TOK_UPPER) && (head > first || c->tok_mention[head] >= 0))
        return 0;   /* a capitalised head is a name: the speaker stage's to find, or nobody's */
    if (speaker_noun(c, head))   /* "a federal judge rejected", not what "commentators described" */
        return !dossier_speakers_match(c, "statement.view_cues", k->cue_tok);
    if (k->mode != STM_SUBJ_CLAUSE || dossier_speakers_match(c, "statement.object_cues", k->cue_tok))
        return 0;   /* what unnamed "sailors praised" is a view */
    /* "Some said", "47 percent said", "Two in three said": a share of the people asked */
    if ((quantifier && words == 1) || ((quantifier || number) && (dossier_speakers_match(c, "statement.share_words", head) ||
                                                                 dossier_speakers_match(c, "statement.quantifiers", head))))
        return 1;
    return (article || quantifier) && lower >= 1 && lower <= 2;
}

/*
 * Non-zero when candidate k, indirect speech with nobody named, is said by
 * the writer's own "I" or "we" ("I believe the plan will fail", "Yes, we
 * know the count is late"): the whole subject, after an opening adverbial,
 * is one pronoun of statement.pronouns_first, and only auxiliaries,
 * adverbs and negations ("don't") stand before the cue.  Kept with no
 * speaker: the article's author speaks, whom no stage names.  "I" in a
 * quotation is the quoted speaker's, and a quotation's words are claimed
 * before reported speech is looked for.
 */
static int first_person(const stm_ctx *c, const stm_cand *k)
{
    int f = k->subj_first, e = k->subj_end;
    if (k->kind != DOSSIER_STATEMENT_INDIRECT || k->mode != STM_SUBJ_CLAUSE || k->cue_tok < 0 || f < 0 || e <= f)
        return 0;
    while (e > f && (dossier_speakers_match(c, "statement.adverbs", e - 1) || dossier_speakers_match(c, "statement.aux", e - 1) ||
                     dossier_speakers_match(c, "statement.finite_words", e - 1)))
        e--;
    for (int t = e - 1; t > f; t--)
        if (dossier_speakers_is(c, t, ",")) {
            f = t + 1;
            break;
        }
    if (e - f != 1 || !dossier_speakers_match(c, "statement.pronouns_first", f) || c->used[f])
        return 0;
    for (int t = e; t < k->cue_tok; t++)
        if (!dossier_speakers_match(c, "statement.adverbs", t) && !dossier_speakers_match(c, "statement.aux", t) &&
            !dossier_speakers_match(c, "statement.finite_words", t))
            return 0;
    return 1;
}

/* Adds the kept candidates to d->statements. */
static int emit(stm_ctx *c)
{
    dossier_doc *d = c->d;
    for (size_t i = 0; i < c->cands.n; i++) {
        stm_cand *k = &c->cands.v[i];
        if (k->dropped)
            continue;   /* never resolved: its speaker fields were never set */
        if (time_phrase(c, k->speaker_mention)) {
            k->speaker = -1;    /* a wrong speaker is worse than none */
            k->speaker_mention = -1;
        }
        check_subject(c, k);
        if (k->kind == DOSSIER_STATEMENT_INDIRECT && k->speaker < 0 && !described_subject(c, k) && !first_person(c, k))
            continue;
        dossier_statement s = {0};
        s.span = k->span;
        while (s.span.start < s.span.end && (d->body[s.span.start] == ' ' || d->body[s.span.start] == '\n'))
            s.span.start++;
        while (s.span.end > s.span.start && strchr(" \n,:", d->body[s.span.end - 1]))
            s.span.end--;
        if (s.span.end <= s.span.start)
            continue;
        s.kind = k->kind;
        s.cue = k->cue;
        s.speaker = k->speaker;
        s.speaker_mention = k->speaker_mention;
        if (VEC_PUSH(&d->statements, s))
            return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    return DOSSIER_OK;
}

/* Orders the kept statements by position in the text. */
static int by_start(const void *a, const void *b)
{
    const dossier_statement *x = a, *y = b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

/* See statements.h. */
int dossier_statements_run(dossier_doc *d)
{
    stm_ctx c = {0};
    int rc = DOSSIER_OK;
    c.d = d;
    c.lang = dossier_doc_lang(d);
    if (!d->tokens.n || !d->sentences.n)
        return DOSSIER_OK;
    c.used = calloc(d->tokens.n + 1, 1);
    c.tok_mention = malloc((d->tokens.n + 1) * sizeof *c.tok_mention);
    c.para_skip = calloc(d->paragraphs.n + 1, 1);
    c.next_elided = malloc((d->tokens.n + 1) * sizeof *c.next_elided);
    c.lists = calloc(DOSSIER_LEXMEMO_SLOTS, sizeof *c.lists);
    if (!c.used || !c.tok_mention || !c.para_skip || !c.next_elided || !c.lists) {
        rc = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t t = 0; t <= d->tokens.n; t++)
        c.tok_mention[t] = -1;
    /* dossier_speakers_match asks for every cue list at every token whether an
     * elided word follows within eight tokens: answered once here. */
    c.next_elided[d->tokens.n] = (int)d->tokens.n;
    for (size_t t = d->tokens.n; t-- > 0;)
        c.next_elided[t] = dossier_speakers_elided(d->folds.v[t]) ? (int)t : c.next_elided[t + 1];
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++)
            if (c.tok_mention[t] < 0 || d->mentions.v[c.tok_mention[t]].ntokens < mm->ntokens)
                c.tok_mention[t] = (int)m;
    }
    hide_titles(&c);
    for (size_t p = 0; p < d->paragraphs.n; p++)
        c.para_skip[p] = (unsigned char)skip_paragraph(&c, p);
    rc = dossier_quotes_find(&c);
    if (!rc)
        rc = dossier_reported_find(&c);
    if (rc)
        goto done;
    merge(&c);
    rc = dossier_speakers_resolve(&c);
    if (!rc)
        rc = emit(&c);
    if (!rc && d->statements.n > 1)
        qsort(d->statements.v, d->statements.n, sizeof *d->statements.v, by_start);
done:
    free(c.used);
    free(c.tok_mention);
    free(c.next_elided);
    free(c.lists);
    free(c.para_skip);
    VEC_FREE(&c.cands);
    dossier_speakernames_free(&c);
    return rc;
}
