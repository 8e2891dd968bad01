/*
 * events.c — events from trigger words, with dates and participants.
 *
 * A sentence reports an event of a kind when it holds one of the kind's
 * trigger phrases (event.<kind> in the language file: "launched", "signed an
 * agreement", "accord", "запущен"), or, for interviews, a verb of telling
 * followed by an organisation ("told Reuters").  Besides the kinds of space
 * news there are those of general news: elections, votes, resignations,
 * dismissals, arrests, charges, trials, verdicts, lawsuits, attacks and
 * disasters.  A word that is a noun as often as a verb
 * (event.cue.noun_or_verb: "the land", "maglev trains") is a trigger only
 * where it reads as a verb ("will land", "X lands on").  A trigger does not count when
 * it is part of an entity's name ("Jiuquan Satellite Launch Center"), when a
 * blocking phrase starts there ("launch site", "named after"), when a
 * negation precedes it in its clause, when a hypothetical word ("could",
 * "would", "if", "pourrait") stands in its clause just before or after it,
 * when it was called off (event.cue.cancelled: "scrubbed", "прервана"),
 * when it is a verb after "a mission to" ("to reach orbit"), or when the
 * clause speaks of the future or of a purpose ("will launch", "a contract
 * for the construction of") and the sentence gives no date after
 * publication (plans without a date are vague).  Headings (a paragraph of
 * one sentence without final punctuation: headline, subhead, caption) give
 * no events: the body tells them, with their dates.  Where several kinds' triggers overlap,
 * the longest phrase wins; each sentence gives at most one event per kind.
 * Launching an initiative or a campaign is an announcement, launching an
 * investigation or an attack no event (event.cue.announced_things,
 * event.cue.not_launched).  Approving a deal is the deal ("approved the
 * merger": no announcement); a briefing tied to another event ("a press
 * conference after the talks", "pre-launch") is none of its own
 * (event.cue.briefing, event.cue.attached).  Three more ways give an
 * announcement: something done "was announced" on a date of its own (a
 * trigger phrase); an organisation calling something off on a date ("In
 * June, the agency postponed the mission"; in the passive it is no event);
 * and a lede sentence with no trigger whose news an organisation reported
 * on a date ("..., teilte die Agentur am Dienstag mit").
 *
 * The event's date is the timex of its sentence nearest to the trigger,
 * counting clause breaks as far, and leaving out a date that belongs to a
 * report ("said on Monday") or lies across one from the trigger, and for
 * one-time events a date after "since" ("first since 1978").  A date after
 * "by", "bis", "d'ici" is a target: the event is a plan, dropped.  A
 * sentence that lists dated items after one trigger ("launched X in 2011, Y
 * in 2018 and Z last May") gives one event per item.  Participants are the
 * entities mentioned in the sentence (or item), else in the sentence before;
 * a dated event whose sentence names nothing ("the agreement on the project
 * was signed in 2004") takes the article's two most mentioned entities (for
 * agreements, no persons).  A planned event dated only by a date that opens
 * the next coordinated verb ("to be built and in 2012 launched") and a
 * construction to be done "by" a later date are plans, dropped.
 *
 * An event without a date of its own is dated to the publication month: the
 * news an article reports is, unless it says otherwise, of its month (a
 * timex on its trigger, marked relative, is added for those that remain).
 * Then events of one kind are merged when their dates agree at the
 * precision both give and they share a participant or agree to the month,
 * or when one without a date of its own closely follows the other in its
 * paragraph; wars and sanctions merge into one per article, dated by their
 * earliest date.  Without a publication date, an undated event merges into
 * the first event of its kind.  An event with no participant (or, for launches,
 * landings, construction and decommissioning, none but places, unless a
 * launch or landing with a date of its own) is dropped, and so is
 * construction without a date of its own (work going on).  Opening a forum
 * is the forum, not an announcement.
 */
#include "extract/events/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/events/eventtrig.h"
#include "base/token.h"
#include "base/util.h"

/* The kinds (eventtrig.c: these first, in this order, then those of the lexicon) and the indices this file needs. */
#define NKINDS DOSSIER_EVTRIG_MAX_KINDS
#define KIND_INTERVIEW 0
#define KIND_AGREEMENT 3
#define KIND_LAUNCH 4
#define KIND_CONSTRUCTION 5
#define KIND_FORUM 9
#define KIND_ANNOUNCEMENT 10
#define KIND_APPOINTMENT 13
#define KIND_ELECTION 14    /* the first kind of general news: elections, arrests, trials, disasters, ... */

/* Short names for the matcher of eventtrig.c. */
typedef dossier_ectx ectx;
#define list_at dossier_evtrig_list_at
#define word_in dossier_evtrig_word_in
#define trigger_at dossier_evtrig_trigger_at
#define clause_break dossier_evtrig_clause_break
#define cue_before dossier_evtrig_cue_before
#define cue_after dossier_evtrig_cue_after
#define trigger_ok dossier_evtrig_ok
#define organisation_follows dossier_evtrig_org_follows


/* An event on its way: trigger tokens, sentence, date, participants. */
typedef struct {
    int kind;
    const char *name;           /* the kind's name (eventtrig.c's or the lexicon's) */
    size_t t0, t1;
    int sentence;
    dossier_span span;
    int timex;
    VEC(int) parts;
    int dead;
} cand;

typedef VEC(cand) cand_vec;

/* ---- dates and participants -------------------------------------------------- */

static void sent_range(const dossier_doc *d, int s, size_t *s0, size_t *s1);

/* The token index where a timex starts, or ends (last token + 1). */
static size_t timex_tok(const dossier_doc *d, size_t pos)
{
    int t = dossier_doc_token_at(d, pos);
    return t < 0 ? 0 : (size_t)t;
}

/*
 * How far tokens [a, b) lie from [t0, t1): tokens between, plus 20 for each
 * clause break and 3 for each conjunction crossed.  Ties favour a date after.
 */
static size_t distance(const ectx *c, size_t a, size_t b, size_t t0, size_t t1)
{
    size_t from = b <= t0 ? b : t1, to = b <= t0 ? t0 : a;
    if (a < t1 && b > t0)
        return 0;
    size_t dist = 2 * (to - from) + (b <= t0);
    for (size_t j = from; j < to; j++) {
        if (clause_break(c, j))
            dist += 40;
        else if (word_in(c, "event.cue.and", c->w[j]))
            dist += 6;
    }
    return dist;
}

/*
 * How the timex at token a bounds rather than dates an event of a kind
 * that happens at one time: 1 after "since" ("for the first time since
 * 1978": not the event's date), 2 after "by", "bis" ("nine launches a
 * year by 2026": a target, the event a plan) and for flights after
 * "between" (a series), else 0 (event.cue.since, event.cue.until,
 * event.cue.span).  Lasting things (construction, wars, sanctions,
 * training, offices held, retirements) keep such dates: they began or end
 * then.
 */
static int bound_date(const ectx *c, int kind, size_t s0, size_t a)
{
    const char *k = c->kinds[kind];
    if (!strcmp(k, "construction") || !strcmp(k, "conflict") || !strcmp(k, "sanctions") ||
        !strcmp(k, "training") || !strcmp(k, "appointment") || !strcmp(k, "decommissioning"))
        return 0;
    if (dossier_evtrig_date_cue(c, "event.cue.since", s0, a))
        return 1;
    if ((kind == KIND_LAUNCH || !strcmp(k, "landing")) && dossier_evtrig_date_cue(c, "event.cue.span", s0, a))
        return 2; /* "flew from there between 1970 and 1975": a series, no one flight */
    size_t n = dossier_evtrig_date_cue(c, "event.cue.until", s0, a);
    if (!n)
        return 0;
    for (size_t j = a - n, back = 0; j-- > s0 && back < 2; back++) /* "vom 12. bis 15. Mai": a range */
        if (c->d->tokens.v[j].flags & DOSSIER_TOK_NUM)
            return 0;
    return 2;
}

/*
 * The timex of sentence s nearest to the trigger [t0, t1) of a kind, or
 * -1; *target is set when it is a target date (bound_date 2).
 */
static int nearest_timex(const ectx *c, int kind, int s, size_t t0, size_t t1, int *target)
{
    const dossier_doc *d = c->d;
    size_t s0, s1;
    sent_range(d, s, &s0, &s1);
    int best = -1;
    size_t bestd = (size_t)-1;
    for (int k = c->tmx_at[s]; k < c->tmx_at[s + 1]; k++) {
        size_t i = (size_t)c->tmx[k];
        const dossier_timex *t = &d->timexes.v[i];
        size_t a = timex_tok(d, t->span.start), b = timex_tok(d, t->span.end - 1) + 1;
        if (kind != KIND_INTERVIEW && kind != KIND_ANNOUNCEMENT && dossier_evtrig_dates_report(c, s0, s1, a, b))
            continue;
        int bound = bound_date(c, kind, s0, a);
        if (!bound && kind == KIND_CONSTRUCTION && dossier_evtrig_plan_deadline(c, s0, a, (int)i))
            bound = 2;
        if (dossier_evtrig_report_between(c, b <= t0 ? b : t1, b <= t0 ? t0 : a) || bound == 1)
            continue;
        size_t dist = distance(c, a, b, t0, t1);
        if (dist < bestd) {
            bestd = dist;
            best = (int)i;
            *target = bound == 2;
        }
    }
    return best;
}

/* Adds entity e to a participant list unless it is there. */
static int add_part(cand *e, int ent)
{
    for (size_t i = 0; i < e->parts.n; i++)
        if (e->parts.v[i] == ent)
            return DOSSIER_OK;
    return VEC_PUSH(&e->parts, ent) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Adds the entities mentioned in tokens [a, b) of sentence s; counts them in *n. */
static int add_parts_in(const ectx *c, cand *e, int s, size_t a, size_t b, size_t *n)
{
    const dossier_doc *d = c->d;
    for (int k = c->ment_at[s]; k < c->ment_at[s + 1]; k++) {
        const dossier_mention *mt = &d->mentions.v[c->ment[k]];
        size_t f = (size_t)mt->first_token;
        if (f < a || f >= b)
            continue;
        if (add_part(e, mt->entity))
            return DOSSIER_ENOMEM;
        if (n)
            (*n)++;
    }
    return DOSSIER_OK;
}

/* Sentence s's token range. */
static void sent_range(const dossier_doc *d, int s, size_t *s0, size_t *s1)
{
    *s0 = (size_t)d->sentences.v[s].first_token;
    *s1 = *s0 + (size_t)d->sentences.v[s].ntokens;
}

static int has_subject(const dossier_doc *d, const cand *e);
static int own_date(const dossier_doc *d, const cand *e);

/*
 * Participants of a whole sentence, and of the sentence before in its
 * paragraph when the sentence names no subject ("Elle avait été lancée
 * depuis Vostotchny" after a sentence on the probe), or before it in the
 * paragraph before when the sentence names nothing at all and opens its
 * paragraph ("The contract is worth $3 billion.").  The trigger's own
 * region [ra, rb) of the sentence comes first (see trigger_regions); the
 * rest of the sentence only when the region names no subject.  A dated
 * event whose sentence names nothing ("The agreement on the project was
 * signed in 2004", "the cooperation of the three agencies") is about the
 * article's main actors: its TOP_ACTORS most mentioned entities join
 * (for an agreement, parties: no persons).  The events of general news
 * (elections, arrests, trials, disasters, ...) take theirs from their own
 * sentence only: a court's verdict is not the article's main actors'.
 */
#define TOP_ACTORS 2
static int sentence_parts(const ectx *c, cand *e, size_t ra, size_t rb)
{
    const dossier_doc *d = c->d;
    size_t s0, s1, own = 0;
    sent_range(d, e->sentence, &s0, &s1);
    int rc = add_parts_in(c, e, e->sentence, s0, s1, &own);
    if (!rc && own && e->parts.n) { /* named: start again with the trigger's region */
        VEC_FREE(&e->parts);
        rc = add_parts_in(c, e, e->sentence, ra, rb, NULL);
    }
    if (e->kind >= KIND_ELECTION) {
        /* general news names its participants in the event's own clause, else in its sentence */
        if (!rc && !has_subject(d, e) && (ra > s0 || rb < s1))
            rc = add_parts_in(c, e, e->sentence, s0, s1, NULL);
        return rc;
    }
    if (!rc && !own && own_date(d, e)) {
        int top[TOP_ACTORS];
        dossier_evtrig_top_entities(d, top, TOP_ACTORS, e->kind == KIND_AGREEMENT);
        for (size_t k = 0; !rc && k < TOP_ACTORS; k++)
            if (top[k] >= 0)
                rc = add_part(e, top[k]);
    }
    if (!rc && !has_subject(d, e) && (ra > s0 || rb < s1))
        rc = add_parts_in(c, e, e->sentence, s0, s1, NULL);
    int here = e->sentence > 0 ? d->sentences.v[e->sentence].paragraph : 0;
    int before = e->sentence > 0 ? d->sentences.v[e->sentence - 1].paragraph : 0;
    if (!rc && !has_subject(d, e) && e->sentence > 0 &&
        (before == here || (e->parts.n == 0 && before + 1 == here))) {
        sent_range(d, e->sentence - 1, &s0, &s1);
        rc = add_parts_in(c, e, e->sentence - 1, s0, s1, NULL);
    }
    return rc;
}

/* Non-zero when a mention not of a place starts in tokens [a, b) of sentence s. */
static int has_nonplace(const ectx *c, int s, size_t a, size_t b)
{
    const dossier_doc *d = c->d;
    for (int k = c->ment_at[s]; k < c->ment_at[s + 1]; k++) {
        const dossier_mention *mt = &d->mentions.v[c->ment[k]];
        size_t f = (size_t)mt->first_token;
        if (f >= a && f < b && d->entities.v[mt->entity].kind != DOSSIER_KIND_PLACE)
            return 1;
    }
    return 0;
}

/* Non-zero when a trigger of any kind starts in tokens [a, b). */
static int has_trigger(const ectx *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < c->nkinds; k++)
            if (trigger_at(c, (int)k, i, b))
                return 1;
    return 0;
}

/* The token after timex x: is it a separator of list items ("," ";" ":" "and")? */
static int item_separator(const ectx *c, size_t b, size_t s1)
{
    if (b >= s1)
        return 0;
    const char *w = c->w[b];
    return strcmp(w, ",") == 0 || strcmp(w, ";") == 0 || strcmp(w, ":") == 0 || word_in(c, "event.cue.and", w);
}

/*
 * The dated items of a sentence that follow its trigger ("launched X in
 * 2011, Y in 2018 and Z last May"): fills tx with their timexes and returns
 * how many, or 0 when the sentence is no such list (fewer than two dates,
 * an item without a named thing, another trigger inside the items).  The
 * first item may hold only places; then its date gives way to the second's
 * (and a list of two is one event with the second date).
 */
static size_t list_items(const ectx *c, const cand *base, int *tx, size_t max)
{
    const dossier_doc *d = c->d;
    size_t s0, s1, n = 0;
    sent_range(d, base->sentence, &s0, &s1);
    for (int k = c->tmx_at[base->sentence]; k < c->tmx_at[base->sentence + 1] && n < max; k++) {
        size_t i = (size_t)c->tmx[k];
        const dossier_timex *t = &d->timexes.v[i];
        if (t->value[0] && timex_tok(d, t->span.start) >= base->t1 &&
            (n == 0 || strcmp(d->timexes.v[tx[n - 1]].value, t->value) != 0))
            tx[n++] = (int)i;
    }
    if (n < 2)
        return 0;
    size_t a = s0;
    for (size_t k = 0; k < n; k++) {
        size_t b = timex_tok(d, d->timexes.v[tx[k]].span.end - 1) + 1;
        if (k + 1 < n && !item_separator(c, b, s1))
            return 0;
        if (k > 0 && (!has_nonplace(c, base->sentence, a, b) || has_trigger(c, a, b)))
            return 0;
        a = b;
    }
    size_t b0 = timex_tok(d, d->timexes.v[tx[0]].span.end - 1) + 1;
    if (!has_nonplace(c, base->sentence, s0, b0)) {
        memmove(tx, tx + 1, (n - 1) * sizeof *tx);
        n--;
    }
    return n;
}

/* Pushes one event per dated item of a listing sentence; *pushed counts them. */
static int split_items(const ectx *c, const cand *base, cand_vec *out, int *pushed)
{
    const dossier_doc *d = c->d;
    int tx[16];
    size_t s0, s1, n = list_items(c, base, tx, 16);
    sent_range(d, base->sentence, &s0, &s1);
    *pushed = 0;
    size_t a = s0;
    for (size_t k = 0; k < n; k++) {
        size_t b = k + 1 == n ? s1 : timex_tok(d, d->timexes.v[tx[k]].span.end - 1) + 1;
        cand e = *base;
        memset(&e.parts, 0, sizeof e.parts);
        e.timex = tx[k];
        e.span.start = d->tokens.v[a].span.start;
        e.span.end = d->tokens.v[b - 1].span.end;
        if (add_parts_in(c, &e, base->sentence, a, b, NULL) || VEC_PUSH(out, e)) {
            VEC_FREE(&e.parts);
            return DOSSIER_ENOMEM;
        }
        a = b;
    }
    *pushed = (int)n;
    return DOSSIER_OK;
}

/*
 * Non-zero when timex x is earlier than the publication date at the
 * precision both give: the date of something else than a coming event.
 */
static int before_publication(const dossier_doc *d, int x)
{
    if (x < 0 || !d->published[0] || !d->timexes.v[x].value[0])
        return 0;
    const char *v = d->timexes.v[x].value;
    size_t n = strlen(v);
    return strncmp(v, d->published, n < 10 ? n : 10) < 0;
}

/*
 * Turns a trigger found in a sentence into one event or several.  An
 * event spoken of in the future whose date lies before publication is no
 * event ("Today we announce it will build"; "in 2021 it won a contract to
 * land"), nor one whose date opens the next coordinated verb ("will be
 * built in Toulouse and in 2012 launched").
 */
static int add_candidate(const ectx *c, cand_vec *out, int kind, int s, size_t t0, size_t t1, int future,
                         size_t ra, size_t rb)
{
    const dossier_doc *d = c->d;
    cand e = {0};
    e.kind = kind;
    e.name = c->kinds[kind];
    e.t0 = t0;
    e.t1 = t1;
    e.sentence = s;
    e.span = d->sentences.v[s].span;
    int pushed = 0;
    if (split_items(c, &e, out, &pushed))
        return DOSSIER_ENOMEM;
    if (pushed)
        return DOSSIER_OK;
    int target = 0;
    e.timex = nearest_timex(c, kind, s, t0, t1, &target);
    if (target || (future && (e.timex < 0 || before_publication(d, e.timex) ||
                              dossier_evtrig_next_verb_date(c, t1, timex_tok(d, d->timexes.v[e.timex].span.start)))))
        return DOSSIER_OK; /* a target date makes a plan; a plan needs a date of its own */
    if (sentence_parts(c, &e, ra, rb) || VEC_PUSH(out, e)) {
        VEC_FREE(&e.parts);
        return DOSSIER_ENOMEM;
    }
    return DOSSIER_OK;
}

/*
 * The kind of a launch trigger: an announcement when an initiative, a
 * campaign or a programme is launched (event.cue.announced_things within
 * three tokens), none (-1) when an investigation, an attack or a website is
 * (event.cue.not_launched just after it), else a launch.
 */
static int launch_kind(const ectx *c, size_t s0, size_t s1, size_t t0, size_t t1)
{
    if (cue_after(c, "event.cue.not_launched", t1, s1, 3))
        return -1;
    size_t a = t0 >= s0 + 3 ? t0 - 3 : s0, b = t1 + 3 < s1 ? t1 + 3 : s1;
    for (size_t j = a; j < b; j++)
        if (word_in(c, "event.cue.announced_things", c->w[j]))
            return KIND_ANNOUNCEMENT;
    return KIND_LAUNCH;
}

/* A trigger accepted in a sentence, before it becomes an event. */
typedef struct {
    int kind, future;
    size_t at, len;
} trig;

/*
 * Where each of the n triggers of sentence [s0, s1) takes its participants:
 * between two triggers the border is the first clause break after the
 * earlier one ("ispace's lander crashed in April, and Astrobotic's
 * Peregrine burned up"); without one both take the whole sentence ("said
 * in an interview with the BBC that talks went on").  Fills ra[k], rb[k].
 */
static void trigger_regions(const ectx *c, const trig *t, size_t n, size_t s0, size_t s1, size_t *ra, size_t *rb)
{
    ra[0] = s0;
    for (size_t k = 0; k + 1 < n; k++) {
        size_t a = t[k].at + t[k].len, b = t[k + 1].at, border = s0;
        for (size_t j = a; j < b; j++)
            if (clause_break(c, j)) {
                border = j;
                break;
            }
        rb[k] = border == s0 ? s1 : border;
        ra[k + 1] = border;
    }
    rb[n - 1] = s1;
}

/*
 * Approving or adopting a deal is the deal: an announcement trigger with an
 * agreement trigger at most APPROVED_GAP tokens after it ("approved the
 * merger", "ont approuvé jeudi la fusion") gives no announcement.
 */
#define APPROVED_GAP 4
static void drop_approval(trig *t, size_t *nt)
{
    for (size_t k = 0; k < *nt; k++) {
        if (t[k].kind != KIND_ANNOUNCEMENT)
            continue;
        for (size_t j = 0; j < *nt; j++)
            if (t[j].kind == KIND_AGREEMENT && t[j].at >= t[k].at + t[k].len &&
                t[j].at <= t[k].at + t[k].len + APPROVED_GAP) {
                memmove(t + k, t + k + 1, (*nt - k - 1) * sizeof *t);
                (*nt)--;
                return;
            }
    }
}

/* Finds the triggers of sentence s and adds their events. */
static int scan_sentence(const ectx *c, cand_vec *out, int s)
{
    const dossier_doc *d = c->d;
    size_t s0, s1;
    sent_range(d, s, &s0, &s1);
    int seen[NKINDS] = {0};
    trig t[NKINDS];
    size_t nt = 0, ra[NKINDS], rb[NKINDS];
    for (size_t i = s0; i < s1; i++) {
        int kind;
        size_t len = dossier_evtrig_best_at(c, i, s1, &kind);
        if (kind < 0) {
            len = list_at(c, "event.cue.told", i, s1);
            if (len && organisation_follows(c, i + len, s1))
                kind = KIND_INTERVIEW;
            else if ((len = dossier_evtrig_decision(c, s, s0, i, s1)))
                kind = KIND_ANNOUNCEMENT;
        }
        if (kind < 0)
            continue;
        size_t at = i;
        i += len - 1; /* a trigger's words are no other trigger ("press conference") */
        int future;
        if (!trigger_ok(c, s0, s1, at, len, &future) ||
            (kind == KIND_ANNOUNCEMENT && dossier_evtrig_attached(c, s0, at, len, s1)))
            continue;
        if (kind == KIND_LAUNCH)
            kind = launch_kind(c, s0, s1, at, at + len);
        if (kind < 0 || seen[kind])
            continue;
        seen[kind] = 1;
        t[nt++] = (trig){kind, future, at, len};
    }
    for (size_t k = 0; seen[KIND_FORUM] && k < nt; k++)
        if (t[k].kind == KIND_ANNOUNCEMENT && word_in(c, "event.cue.opening", c->w[t[k].at])) {
            memmove(t + k, t + k + 1, (nt - k - 1) * sizeof *t); /* opening a congress is the congress */
            nt--;
            break;
        }
    drop_approval(t, &nt);
    size_t at, len;
    if (!nt && dossier_evtrig_dated_report(c, s, s0, s1, &at, &len))
        t[nt++] = (trig){KIND_ANNOUNCEMENT, 0, at, len}; /* the lede's news, told on a date */
    if (nt)
        trigger_regions(c, t, nt, s0, s1, ra, rb);
    for (size_t k = 0; k < nt; k++)
        if (add_candidate(c, out, t[k].kind, s, t[k].at, t[k].at + t[k].len, t[k].future, ra[k], rb[k]))
            return DOSSIER_ENOMEM;
    return DOSSIER_OK;
}

/* ---- merging ------------------------------------------------------------------ */

/* The date of an event: its timex's value, else the publication month, else "". */
static const char *value_of(const dossier_doc *d, const cand *e, char month[8])
{
    if (e->timex >= 0 && d->timexes.v[e->timex].value[0])
        return d->timexes.v[e->timex].value;
    month[0] = '\0';
    if (d->published[0]) {
        memcpy(month, d->published, 7);
        month[7] = '\0';
    }
    return month;
}

/* Non-zero when the event has a date of its own. */
static int own_date(const dossier_doc *d, const cand *e)
{
    return e->timex >= 0 && d->timexes.v[e->timex].value[0];
}

/* Non-zero when two events have a participant in common. */
static int share_part(const cand *a, const cand *b)
{
    for (size_t i = 0; i < a->parts.n; i++)
        for (size_t j = 0; j < b->parts.n; j++)
            if (a->parts.v[i] == b->parts.v[j])
                return 1;
    return 0;
}

/*
 * Non-zero when two events of a kind report the same thing: their dates
 * agree at the precision both give, and they share a participant or agree
 * to the month; or one has no date of its own and follows the other closely
 * in its paragraph.  Without any date (no publication date), they always do.
 */
static int same_event(const dossier_doc *d, const cand *a, const cand *b)
{
    char ma[8], mb[8];
    const char *va = value_of(d, a, ma), *vb = value_of(d, b, mb);
    size_t la = strlen(va), lb = strlen(vb), n = la < lb ? la : lb;
    if (!la || !lb)
        return !own_date(d, a) || !own_date(d, b);
    if (own_date(d, a) != own_date(d, b)) {
        const cand *dated = own_date(d, a) ? a : b, *other = own_date(d, a) ? b : a;
        if (other->sentence > dated->sentence && other->sentence - dated->sentence <= 2 &&
            d->sentences.v[other->sentence].paragraph == d->sentences.v[dated->sentence].paragraph)
            return 1;
    }
    return strncmp(va, vb, n) == 0 && (n >= 7 || share_part(a, b));
}

/* Merges event `from` into `into`: the participants join, the finer date wins. */
static int merge(const dossier_doc *d, cand *into, cand *from)
{
    char mi[8], mf[8];
    for (size_t i = 0; i < from->parts.n; i++)
        if (add_part(into, from->parts.v[i]))
            return DOSSIER_ENOMEM;
    if (own_date(d, from) &&
        (!own_date(d, into) || strlen(value_of(d, from, mf)) > strlen(value_of(d, into, mi))))
        into->timex = from->timex;
    from->dead = 1;
    return DOSSIER_OK;
}

/* Non-zero when date value a is earlier than b (or the same, given finer). */
static int earlier(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int c = strncmp(a, b, la < lb ? la : lb);
    return c ? c < 0 : la > lb;
}

/*
 * A war or a sanctions regime is one lasting state however often an article
 * mentions it: all events of these kinds merge into the first, dated by the
 * earliest date given (when it began).
 */
static int merge_ongoing(const dossier_doc *d, cand_vec *v)
{
    for (size_t i = 0; i < v->n; i++) {
        cand *o = &v->v[i];
        if (o->dead || (strcmp(o->name, "conflict") && strcmp(o->name, "sanctions")))
            continue;
        for (size_t j = i + 1; j < v->n; j++) {
            cand *e = &v->v[j];
            if (e->dead || e->kind != o->kind)
                continue;
            int t = o->timex;
            if (merge(d, o, e))
                return DOSSIER_ENOMEM;
            o->timex = t;
            char me[8], mo[8];
            if (own_date(d, e) && (!own_date(d, o) || earlier(value_of(d, e, me), value_of(d, o, mo))))
                o->timex = e->timex;
        }
    }
    return DOSSIER_OK;
}

/* Merges events of one kind that report the same thing into the earliest. */
static int merge_all(const dossier_doc *d, cand_vec *v)
{
    if (merge_ongoing(d, v))
        return DOSSIER_ENOMEM;
    for (size_t j = 0; j < v->n; j++) {
        cand *e = &v->v[j];
        for (size_t i = 0; i < j && !e->dead; i++) {
            cand *o = &v->v[i];
            if (!o->dead && o->kind == e->kind && same_event(d, o, e) && merge(d, o, e))
                return DOSSIER_ENOMEM;
        }
    }
    return DOSSIER_OK;
}

/* ---- the stage ------------------------------------------------------------------ */

/* Adds a timex of the publication month on the trigger of an undated event. */
static int date_to_publication(dossier_doc *d, cand *e)
{
    if (!d->published[0] || own_date(d, e))
        return DOSSIER_OK;
    dossier_timex t = {0};
    t.span.start = d->tokens.v[e->t0].span.start;
    t.span.end = d->tokens.v[e->t1 - 1].span.end;
    value_of(d, e, t.value);
    t.precision = DOSSIER_DATE_MONTH;
    t.relative = 1;
    t.sentence = e->sentence;
    if (VEC_PUSH(&d->timexes, t))
        return DOSSIER_ENOMEM;
    e->timex = (int)d->timexes.n - 1;
    return DOSSIER_OK;
}

/*
 * Non-zero when the event names what it is about: a person for an
 * appointment (companies "designated" for a site are no appointment), any
 * participant for other kinds, and for
 * things done to a craft or a station (launch, landing, construction,
 * decommissioning) one that is not a place ("construction of spacecraft"
 * between two countries is no event).
 */
static int has_subject(const dossier_doc *d, const cand *e)
{
    if (e->kind == KIND_APPOINTMENT) {
        for (size_t i = 0; i < e->parts.n; i++)
            if (d->entities.v[e->parts.v[i]].kind == DOSSIER_KIND_PERSON)
                return 1;
        return 0;
    }
    const char *k = e->name;
    int object = !strcmp(k, "launch") || !strcmp(k, "landing") || !strcmp(k, "construction") ||
                 !strcmp(k, "decommissioning");
    for (size_t i = 0; i < e->parts.n; i++)
        if (!object || d->entities.v[e->parts.v[i]].kind != DOSSIER_KIND_PLACE)
            return 1;
    return 0;
}

/*
 * Non-zero for a launch or a landing with a date of its own and a place
 * ("the first test launch took place in December 2014 from Plesetsk"):
 * dated, where from or where to, it is news even when the craft goes unnamed.
 */
static int dated_flight(const dossier_doc *d, const cand *e)
{
    return (e->kind == KIND_LAUNCH || !strcmp(e->name, "landing")) && own_date(d, e) && e->parts.n > 0;
}

/* Moves the surviving candidates that name their subject, or dated flights, into d->events. */
static int emit(dossier_doc *d, cand_vec *v)
{
    for (size_t i = 0; i < v->n; i++) {
        cand *e = &v->v[i];
        if (e->dead || (!has_subject(d, e) && !dated_flight(d, e)) || (e->kind == KIND_CONSTRUCTION && !own_date(d, e)))
            continue; /* building without a date is work going on, not news */
        if (date_to_publication(d, e))
            return DOSSIER_ENOMEM;
        dossier_event ev = {0};
        ev.span = e->span;
        ev.kind = e->name;
        size_t a = d->tokens.v[e->t0].span.start, b = d->tokens.v[e->t1 - 1].span.end;
        ev.trigger = dossier_doc_strndup(d, d->body + a, b - a);
        ev.timex = e->timex;
        if (!ev.trigger || VEC_PUSH(&d->events, ev))
            return DOSSIER_ENOMEM;
        dossier_event *out = &d->events.v[d->events.n - 1];
        out->participants.v = e->parts.v;
        out->participants.n = e->parts.n;
        out->participants.cap = e->parts.cap;
        memset(&e->parts, 0, sizeof e->parts);
    }
    return DOSSIER_OK;
}

/* The lexicon language for event lists: the article's, else every language. */
static const char *event_lang(const dossier_doc *d)
{
    const dossier_phrase *const *l;
    const char *lang = dossier_doc_lang(d);
    return dossier_lexicon_list(d->lex, lang, "event.launch", &l) > 0 ? lang : NULL;
}

/*
 * Files the mentions and timexes of each sentence (c->ment, c->tmx), in
 * index order, so that a sentence's are found without a scan of all.
 * Returns DOSSIER_ENOMEM or DOSSIER_OK.
 */
static int by_sentence(const dossier_doc *d, ectx *c)
{
    size_t ns = d->sentences.n;
    c->ment = malloc((d->mentions.n + 1) * sizeof *c->ment);
    c->tmx = malloc((d->timexes.n + 1) * sizeof *c->tmx);
    c->ment_at = calloc(ns + 2, sizeof *c->ment_at);
    c->tmx_at = calloc(ns + 2, sizeof *c->tmx_at);
    if (!c->ment || !c->tmx || !c->ment_at || !c->tmx_at)
        return DOSSIER_ENOMEM;
    for (size_t m = 0; m < d->mentions.n; m++)
        if ((size_t)d->mentions.v[m].sentence < ns)
            c->ment_at[d->mentions.v[m].sentence + 2]++;
    for (size_t t = 0; t < d->timexes.n; t++)
        if ((size_t)d->timexes.v[t].sentence < ns)
            c->tmx_at[d->timexes.v[t].sentence + 2]++;
    for (size_t s = 2; s < ns + 2; s++) {
        c->ment_at[s] += c->ment_at[s - 1];
        c->tmx_at[s] += c->tmx_at[s - 1];
    }
    /* ment_at[s + 1] is where sentence s's entries go, then where they end */
    for (size_t m = 0; m < d->mentions.n; m++)
        if ((size_t)d->mentions.v[m].sentence < ns)
            c->ment[c->ment_at[d->mentions.v[m].sentence + 1]++] = (int)m;
    for (size_t t = 0; t < d->timexes.n; t++)
        if ((size_t)d->timexes.v[t].sentence < ns)
            c->tmx[c->tmx_at[d->timexes.v[t].sentence + 1]++] = (int)t;
    return DOSSIER_OK;
}

/* Orders token indexes, for qsort. */
static int by_token(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

/* See events.h. */
int dossier_events_run(dossier_doc *d)
{
    if (!d->lex || d->tokens.n == 0)
        return DOSSIER_OK;
    int rc = DOSSIER_OK;
    cand_vec v = {0};
    ectx c = {.d = d, .lang = event_lang(d), .w = d->folds.v, .in_mention = calloc(d->tokens.n, 1), .lede = -1,
              .lists = calloc(DOSSIER_LEXMEMO_SLOTS, sizeof(dossier_lexmemo))};
    dossier_evtrig_kinds(&c);
    if (!c.in_mention || !c.lists) {
        rc = DOSSIER_ENOMEM;
        goto done;
    }
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mt = &d->mentions.v[m];
        if (mt->how == DOSSIER_MENTION_PRONOUN)
            continue;
        for (int t = mt->first_token; t < mt->first_token + mt->ntokens && (size_t)t < d->tokens.n; t++)
            c.in_mention[t] = 1;
    }
    c.timex_tok = malloc((d->timexes.n + 1) * sizeof *c.timex_tok);
    if (!c.timex_tok || by_sentence(d, &c)) {
        rc = DOSSIER_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < d->timexes.n; k++) {
        int a = dossier_doc_token_at(d, d->timexes.v[k].span.start);
        if (d->timexes.v[k].value[0] && a >= 0)
            c.timex_tok[c.ntimex_tok++] = a;
    }
    qsort(c.timex_tok, c.ntimex_tok, sizeof *c.timex_tok, by_token);
    c.lede = -1;
    for (size_t s = 0; c.lede < 0 && s < d->sentences.n; s++)
        if (!dossier_evtrig_heading(&c, (int)s))
            c.lede = d->sentences.v[s].paragraph;
    for (size_t s = 0; !rc && s < d->sentences.n; s++)
        if (!dossier_evtrig_heading(&c, (int)s))
            rc = scan_sentence(&c, &v, (int)s);
    if (!rc)
        rc = merge_all(d, &v);
    if (!rc)
        rc = emit(d, &v);
done:
    for (size_t i = 0; i < v.n; i++)
        VEC_FREE(&v.v[i].parts);
    VEC_FREE(&v);
    free(c.in_mention);
    free(c.lists);
    free(c.timex_tok);
    free(c.ment);
    free(c.ment_at);
    free(c.tmx);
    free(c.tmx_at);
    if (rc == DOSSIER_ENOMEM)
        return dossier_doc_fail(d, rc, "out of memory");
    return rc;
}
