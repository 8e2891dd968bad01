/*
 * topics.c — what each statement is about.
 *
 * A statement is about the entities named inside its span (not its
 * speaker; places only as its subject or object, not after a locative
 * preposition of statement.place_adjuncts: "in Houston"), also in an
 * inflected form ("Главкосмосом", inflect.h) or as the known first part of
 * a compound name ("Shenzhou-16-Besatzung"); the gazetteer entities its
 * wording names ("the Chinese orbital station", plural forms included);
 * and the programme a bare programme word points to ("the station", "die
 * Station", "станцию"): the programme last mentioned before it whose name
 * or context holds the same word (or a compound ending with it:
 * "Raumstation"), else the last programme mentioned.  A statement that
 * names no programme continues the programmes of the statement before it
 * by the same speaker in the same or the previous paragraph, else takes
 * the programme its paragraph is about (the one named before it there,
 * most mentioned in the article); one that names nothing is about the
 * article's subject (the programme, else organisation, of the headline).
 * A direct statement where a person says "we" is also about the
 * organisation the person holds a role in; one that speaks of "a celestial
 * body" is about the place last named as one ("the moon Phobos").
 */
#include "extract/topics.h"
#include "extract/roles.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/inflect.h"
#include "base/token.h"
#include "extract/topicindex.h"

/*
 * The index of the article this thread is analysing (topicindex.h): set
 * and freed by dossier_topics_run(), so the look-ups below keep the
 * signatures they have always had.  One thread analyses one article at a
 * time, hence thread-local.
 */
static _Thread_local topic_index *ix_now;

/*
 * The lists this file asks for at many tokens, found once per article and
 * remembered by the address of their key (string constants, the
 * article's language): emptied by dossier_topics_run().
 */
static _Thread_local dossier_lexmemo lists_now[DOSSIER_LEXMEMO_SLOTS];
/* dossier_inflect_has_endings() of the article's language, worked out once per article. */
static _Thread_local int endings_now;

/* List `key` (a string constant) of the article's language. */
static const dossier_lexlist *list_now(const dossier_doc *d, const char *key)
{
    return dossier_lexicon_find_memo(d->lex, dossier_doc_lang(d), key, lists_now);
}

/* Remembered answers about one folded word (dossier_topicindex_recall). */
enum { MEMO_PROGRAMME_WORD, MEMO_BODY_WORD };

/* Adds entity e to the statement's topics unless it is there or is the speaker. */
static int add_topic(dossier_doc *d, dossier_statement *s, int e)
{
    if (e < 0 || e == s->speaker)
        return DOSSIER_OK;
    for (size_t i = 0; i < s->about.n; i++)
        if (s->about.v[i] == e)
            return DOSSIER_OK;
    return VEC_PUSH(&s->about, e) ? dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory") : DOSSIER_OK;
}

/* The first token at or after byte pos. */
static int tok_from(const dossier_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->tokens.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens.v[mid].span.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int)lo;
}

/* Index of the mention covering token t (the first of them), or -1. */
static int mention_at(const dossier_doc *d, int t)
{
    (void)d;
    return dossier_topicindex_mention_at(ix_now, t);
}

/*
 * A gazetteer name (not a place) at tokens [t, end), also with a plural
 * last word made singular; returns its length and sets *out, or 0.
 */
static int gazetteer_at(const dossier_doc *d, int t, int end, const dossier_gaz_entry **out)
{
    const char *w[8];
    int n = end - t < 8 ? end - t : 8;
    size_t k = dossier_doc_gazetteer(d, dossier_gazetteer_names(d->lex), (size_t)t, (size_t)n, out);
    if (k && (*out)->kind != DOSSIER_KIND_PLACE)
        return (int)k;
    char single[64];
    for (int len = n; len >= 2; len--) {
        const char *last = d->folds.v[t + len - 1];
        size_t ll = strlen(last);
        if (ll < 3 || ll >= sizeof single || last[ll - 1] != 's')
            continue;
        memcpy(w, &d->folds.v[t], (size_t)len * sizeof *w);
        memcpy(single, last, ll - 1);
        single[ll - 1] = '\0';
        w[len - 1] = single;
        if (dossier_gazetteer_match(d->lex, w, (size_t)len, out) == (size_t)len && (*out)->kind != DOSSIER_KIND_PLACE)
            return len;
    }
    return 0;
}

/*
 * Non-zero when folded word `v` is the programme word `w`: inflected, or a
 * compound ending with it.  `inflects`: dossier_inflect_has_endings() of
 * the article's language (without endings, inflected is equal).
 */
static int same_word(const dossier_doc *d, const char *v, const char *w, int inflects)
{
    return (inflects ? dossier_inflect_same(d->lex, dossier_doc_lang(d), v, w) : strcmp(v, w) == 0) ||
           dossier_inflect_compound(v, w);
}

/*
 * The programme a bare programme word at token t points to: the last one
 * before t whose name or context holds the word (inflected, or as a
 * compound's head, within 3 tokens of a mention), else (unless `fit_only`)
 * the last one mentioned; -1 when none.
 */
static int programme_for(const dossier_doc *d, int t, const char *word, int fit_only)
{
    (void)d;
    return dossier_topicindex_programme_for(ix_now, t, word, fit_only);
}

/* Folded words [t, t+k) joined by spaces into buf; 0 when they do not fit. */
static int join_folds(const dossier_doc *d, int t, int k, char *buf, size_t cap)
{
    size_t n = 0;
    for (int i = t; i < t + k; i++) {
        const char *w = d->folds.v[i];
        size_t l = strlen(w);
        if (n + l + 2 > cap)
            return 0;
        if (i > t)
            buf[n++] = ' ';
        memcpy(buf + n, w, l);
        n += l;
    }
    buf[n] = '\0';
    return 1;
}

/* An entity of the doc (not a place) named at capitalised tokens [t, ...): its index, *len set. */
static int known_name_at(const dossier_doc *d, int t, int end, int *len)
{
    char buf[256];
    if (!(d->tokens.v[t].flags & DOSSIER_TOK_UPPER))
        return -1;
    for (int k = end - t < 4 ? end - t : 4; k >= 1; k--) {
        if (!join_folds(d, t, k, buf, sizeof buf))
            continue;
        int e = dossier_topicindex_known_name(ix_now, buf);   /* names with '-' and '.' read as spaces */
        if (e >= 0) {
            *len = k;
            return e;
        }
    }
    return -1;
}

/*
 * A programme word at tokens [t, end) ("station", "orbital stations"),
 * plural forms included: its length, with *out the list's phrase, or 0.
 */
static int programme_word_at(const dossier_doc *d, int t, int end, const dossier_phrase **out)
{
    const char *lang = dossier_doc_lang(d);
    const char *const *fw = (const char *const *)d->folds.v;
    size_t k = dossier_doc_match(d, list_now(d, "statement.program_words"), (size_t)t, (size_t)(end - t), out);
    if (k)
        return (int)k;
    char single[64];
    for (int len = 3; len >= 1; len--) {
        if (t + len > end)
            continue;
        const char *w[3];
        const char *last = fw[t + len - 1];
        size_t ll = strlen(last);
        if (ll < 4 || ll >= sizeof single || last[ll - 1] != 's')
            continue;
        for (int i = 0; i < len; i++)
            w[i] = fw[t + i];
        memcpy(single, last, ll - 1);
        single[ll - 1] = '\0';
        w[len - 1] = single;
        if (dossier_lexlist_match(list_now(d, "statement.program_words"), w, (size_t)len, out) == (size_t)len)
            return len;
    }
    /* an inflected single word: "станцию", "Stationen" (the answer remembered per word); in a
       language without endings a word is only itself, which the first match tried */
    if (t < end && !endings_now)
        return 0;
    const dossier_phrase *const *list = NULL;
    size_t nlist = dossier_lexlist_phrases(list_now(d, "statement.program_words"), &list);
    int found = -1;
    if (!dossier_topicindex_recall(ix_now, MEMO_PROGRAMME_WORD, fw[t], &found)) {
        found = (int)dossier_inflect_in_list(d->lex, lang, fw[t], list, nlist);
        dossier_topicindex_remember(ix_now, MEMO_PROGRAMME_WORD, fw[t], found);
    }
    if (found < 0 || (size_t)found >= nlist)
        return 0;
    *out = list[found];
    return 1;
}

/*
 * A place's programme named by its adjective: "China's space station",
 * "the Chinese orbital stations", "la station spatiale chinoise", when the
 * gazetteer holds "<adjective> <programme word>" as a programme's name.
 * Returns the tokens used and sets *out, or 0.
 */
static int place_programme(const dossier_doc *d, int t, int end, const dossier_gaz_entry **out)
{
    const dossier_gaz_entry *place = NULL;
    const char *const *fw = (const char *const *)d->folds.v;
    int after = t;
    size_t k = dossier_doc_gazetteer(d, dossier_gazetteer_adjectives(d->lex), (size_t)t, (size_t)(end - t), &place);
    if (k) {
        after = t + (int)k;
    } else if ((k = dossier_doc_gazetteer(d, dossier_gazetteer_names(d->lex), (size_t)t, (size_t)(end - t), &place)) &&
               place->kind == DOSSIER_KIND_PLACE) {
        after = t + (int)k;
        if (after < end && strcmp(fw[after], "'s") == 0)
            after++;
    } else {
        return 0;
    }
    const dossier_phrase *word = NULL;
    int pk = after < end ? programme_word_at(d, after, end, &word) : 0;
    if (!pk)
        return 0;
    /* the adjective with the word, or with another programme word of the same head ("space station") */
    const dossier_phrase *const *list = NULL;
    size_t nlist = dossier_lexlist_phrases(list_now(d, "statement.program_words"), &list);
    const char *head = word->words[word->nwords - 1];
    for (size_t a = 0; a < place->nadjectives; a++) {
        const dossier_phrase *adj = place->adjectives[a];
        for (size_t q = 0; q <= nlist; q++) {
            const dossier_phrase *ph = q ? list[q - 1] : word;
            if (strcmp(ph->words[ph->nwords - 1], head) != 0)
                continue;
            const char *w[12];
            size_t n = 0;
            for (size_t i = 0; i < adj->nwords && n < 12; i++)
                w[n++] = adj->words[i];
            for (size_t i = 0; i < ph->nwords && n < 12; i++)
                w[n++] = ph->words[i];
            if (dossier_gazetteer_match(d->lex, w, n, out) == n && (*out)->kind == DOSSIER_KIND_PROGRAM)
                return after + pk - t;
        }
    }
    return 0;
}

/* The names of one entity as folded words, for inflected matching. */
typedef struct {
    int entity;
    const char *w[8];
    int n;
} folded_name;

typedef VEC(folded_name) name_list;

/* Adds `name` of entity e, split and folded, to the list (words in the doc's arena). */
static int add_name(dossier_doc *d, name_list *l, int e, const char *name)
{
    folded_name f = {.entity = e};
    size_t pos = 0, st, en, len = strlen(name);
    while (f.n < 8 && dossier_token_next(name, len, &pos, &st, &en)) {
        char *w = dossier_fold(name + st, en - st);
        f.w[f.n] = w ? dossier_doc_strndup(d, w, strlen(w)) : NULL;
        free(w);
        if (!f.w[f.n])
            return DOSSIER_ENOMEM;
        f.n++;
    }
    return f.n && VEC_PUSH(l, f) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Every name, alias and gazetteer name of the doc's entities. */
static int collect_names(dossier_doc *d, name_list *l)
{
    for (size_t e = 0; e < d->entities.n; e++) {
        const dossier_entity *en = &d->entities.v[e];
        int rc = add_name(d, l, (int)e, en->name);
        for (size_t a = 0; !rc && a < en->aliases.n; a++)
            rc = add_name(d, l, (int)e, en->aliases.v[a]);
        for (size_t g = 0; !rc && en->gaz && g < en->gaz->nnames; g++) {
            folded_name f = {.entity = (int)e};
            const dossier_phrase *ph = en->gaz->names[g];
            for (size_t i = 0; i < ph->nwords && f.n < 8; i++)
                f.w[f.n++] = ph->words[i];
            if (f.n && VEC_PUSH(l, f))
                rc = DOSSIER_ENOMEM;
        }
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < l->n; i++)
        dossier_topicindex_add_name(ix_now, (int)i, l->v[i].w[0]);
    return DOSSIER_OK;
}

/*
 * An entity named at capitalised tokens [t, end) in an inflected form
 * ("Российской орбитальной станции" for "Российская орбитальная
 * станция"): the longest name matching word by word; *len set, or -1.
 */
static int inflected_name_at(const dossier_doc *d, const name_list *l, int t, int end, int *len)
{
    const char *lang = dossier_doc_lang(d);
    int best = -1, best_n = 0;
    if (!(d->tokens.v[t].flags & DOSSIER_TOK_UPPER))
        return -1;
    /* only names whose first word may be this one inflected, in list order */
    size_t nc = 0;
    const int *cand = dossier_topicindex_name_candidates(ix_now, d->folds.v[t], &nc);
    for (size_t c = 0; c < nc; c++) {
        const folded_name *f = &l->v[cand[c]];
        if (f->n <= best_n || t + f->n > end)
            continue;
        int k = 0;
        while (k < f->n && dossier_inflect_same(d->lex, lang, d->folds.v[t + k], f->w[k]))
            k++;
        if (k == f->n) {
            best = f->entity;
            best_n = k;
        }
    }
    *len = best_n;
    return best;
}

/*
 * A name found from text whose first part is a known name: "Shenzhou-16-
 * Besatzung" (a gazetteer name before a hyphen), "Kleinraketen-Hersteller
 * Isar Aerospace" (another entity's name inside).  Returns that entity or -1.
 */
static int inner_known(dossier_doc *d, const dossier_mention *mm)
{
    if (d->entities.v[mm->entity].gaz)
        return -1;
    for (int t = mm->first_token; t < mm->first_token + mm->ntokens; t++) {
        const char *w = d->folds.v[t];
        char part[128];
        const char *h = strrchr(w, '-');
        size_t n = h ? (size_t)(h - w) : 0;
        if (h && n > 1 && n < sizeof part && dossier_uc_is_letter(dossier_utf8_next(h + 1, strlen(h + 1), &(size_t){0}))) {
            /* the compound's last part is a common noun: the name is what comes before it */
            memcpy(part, w, n);
            part[n] = '\0';
            const char *one[1] = {part};
            const dossier_gaz_entry *g = NULL;
            if (dossier_gazetteer_match(d->lex, one, 1, &g) == 1)
                return dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
            if (mm->ntokens == 1 && strchr(part, '-'))
                return dossier_doc_entity(d, d->body + d->tokens.v[t].span.start, n, d->entities.v[mm->entity].kind, NULL);
        }
        int len = 0, e = t > mm->first_token ? known_name_at(d, t, mm->first_token + mm->ntokens, &len) : -1;
        if (e >= 0 && e != mm->entity && t + len == mm->first_token + mm->ntokens)
            return e;
    }
    return -1;
}

/* A place mention at token t after a locative preposition ("in Houston", "aus Köln"), an article between. */
static int place_adjunct(const dossier_doc *d, int t, int first)
{
    for (int k = t - 1; k >= first && k >= t - 2; k--) {
        if (dossier_doc_match(d, list_now(d, "statement.place_adjuncts"), (size_t)k, (size_t)(t - k), NULL) ==
            (size_t)(t - k))
            return 1;
        if (dossier_doc_match(d, list_now(d, "statement.articles"), (size_t)k, 1, NULL) != 1)
            return 0;
    }
    return 0;
}

/* The topic of a mention inside a statement, or -1 when it gives none. */
static int mention_topic(dossier_doc *d, const dossier_mention *mm, int first)
{
    if (mm->how == DOSSIER_MENTION_PRONOUN)
        return -1;
    if (d->entities.v[mm->entity].kind == DOSSIER_KIND_PLACE && place_adjunct(d, mm->first_token, first))
        return -1;
    int inner = inner_known(d, mm);
    return inner >= 0 ? inner : mm->entity;
}

/*
 * "the agreement" after "an agreement on … GLONASS and BeiDou": the
 * programmes named in the last sentence before the statement where the
 * same word (inflected, or the head of a compound) was written.  Adds them
 * and returns 1, or returns 0 when no such sentence names a programme, or
 * a negative code.
 */
static int antecedent_sentence(dossier_doc *d, dossier_statement *s, const char *word)
{
    int sent = dossier_topicindex_antecedent(ix_now, tok_from(d, s->span.start), word), found = 0;
    size_t n = 0;
    const int *ms = sent >= 0 ? dossier_topicindex_sentence_mentions(ix_now, sent, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        const dossier_mention *mm = &d->mentions.v[ms[i]];
        if (d->entities.v[mm->entity].kind != DOSSIER_KIND_PROGRAM || mm->how == DOSSIER_MENTION_PRONOUN)
            continue;
        int rc = add_topic(d, s, mm->entity);
        if (rc)
            return rc;
        found = 1;
    }
    return found;
}

/* The programme word at t and the programme it points to, added as a topic; its length or 0. */
static int programme_word_topic(dossier_doc *d, dossier_statement *s, int t, int end, int *rc)
{
    const dossier_phrase *ph = NULL;
    int k = programme_word_at(d, t, end < t + 4 ? end : t + 4, &ph);
    if (!k)
        return 0;
    int near = mention_at(d, t + k);
    if (t > 0 && near < 0)
        near = mention_at(d, t - 1);
    if (near >= 0 && d->entities.v[d->mentions.v[near].entity].kind == DOSSIER_KIND_PROGRAM)
        *rc = add_topic(d, s, d->mentions.v[near].entity);
    else {
        const char *w = d->folds.v[t + k - 1];
        int fit = programme_for(d, t, w, 1), a = fit >= 0 ? 0 : antecedent_sentence(d, s, w);
        *rc = a < 0 ? a : a ? DOSSIER_OK : add_topic(d, s, fit >= 0 ? fit : programme_for(d, t, w, 0));
    }
    return k;
}

/* Topics of one statement from its own words. */
static int own_topics(dossier_doc *d, dossier_statement *s, const name_list *names)
{
    int first = tok_from(d, s->span.start), end = tok_from(d, s->span.end);
    int rc = DOSSIER_OK;
    for (int t = first; t < end && !rc; t++) {
        const dossier_gaz_entry *g = NULL;
        int k = place_programme(d, t, end, &g);
        if (k) {
            int e = dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
            if (e < 0)
                return e;
            rc = add_topic(d, s, e);
            t += k - 1;
            continue;
        }
        int m = mention_at(d, t);
        if (m >= 0) {
            const dossier_mention *mm = &d->mentions.v[m];
            rc = add_topic(d, s, mention_topic(d, mm, first));
            t = mm->first_token + mm->ntokens - 1;
            continue;
        }
        k = gazetteer_at(d, t, end, &g);
        if (k == 1 && (!(d->tokens.v[t].flags & DOSSIER_TOK_UPPER) ||
                       (!(d->tokens.v[t].flags & DOSSIER_TOK_ALLCAPS) && dossier_gaz_acronym_only(g, d->folds.v[t]))))
            k = 0;  /* "progress", "hope", "Así": a name only when written as one */
        if (k) {
            int e = dossier_doc_entity(d, g->name, strlen(g->name), g->kind, g);
            if (e < 0)
                return e;
            if (dossier_doc_mention(d, e, DOSSIER_MENTION_DESCRIPTION, t, k) < 0)
                return DOSSIER_ENOMEM;
            rc = add_topic(d, s, e);
            t += k - 1;
            continue;
        }
        int known = known_name_at(d, t, end, &k);
        if (known < 0)
            known = inflected_name_at(d, names, t, end, &k);
        if (known >= 0 && !(d->entities.v[known].kind == DOSSIER_KIND_PLACE && place_adjunct(d, t, first))) {
            rc = add_topic(d, s, known);
            t += k - 1;
            continue;
        }
        /* "глава государства лично следил"; most words start no phrase of the list, which is asked
           here through the article's memo rather than found again by dossier_roles_head_of_state */
        size_t left = d->tokens.n - (size_t)t;
        int head = dossier_doc_match(d, list_now(d, "statement.head_of_state"), (size_t)t, left > 8 ? 8 : left, NULL)
                       ? dossier_roles_head_of_state(d, t, &k)
                       : -1;
        if (head >= 0) {
            rc = add_topic(d, s, head);
            t += k - 1;
            continue;
        }
        k = programme_word_topic(d, s, t, end, &rc);
        if (k)
            t += k - 1;
    }
    return rc;
}

/*
 * "JAXA congratulated ISRO, calling the landing “…”": a statement
 * worded from its cue after a comma is also about what the clause before
 * the comma names after its speaker.
 */
static int clause_object_topics(dossier_doc *d, dossier_statement *s)
{
    int first = tok_from(d, s->span.start), rc = DOSSIER_OK;
    size_t cl = s->cue ? strlen(s->cue) : 0;
    if (!cl || first < 2 || s->speaker_mention < 0 || s->span.end - s->span.start < cl ||
        strncmp(d->body + s->span.start, s->cue, cl) != 0 || strcmp(d->folds.v[first - 1], ",") != 0)
        return DOSSIER_OK;
    const dossier_mention *sp = &d->mentions.v[s->speaker_mention];
    int from = sp->first_token + sp->ntokens;
    if (from >= first || d->tokens.v[from].sentence != d->tokens.v[first].sentence)
        return DOSSIER_OK;
    for (int t = from; t < first - 1 && !rc; t++) {
        int m = mention_at(d, t);
        if (m >= 0 && d->entities.v[d->mentions.v[m].entity].kind != DOSSIER_KIND_PLACE &&
            d->mentions.v[m].how != DOSSIER_MENTION_PRONOUN)
            rc = add_topic(d, s, d->mentions.v[m].entity);
    }
    return rc;
}

/*
 * "Today we are creating …", said the chief executive of X: a direct
 * statement whose speaker says "we" (statement.pronouns_we) is also about
 * the organisation the speaker holds a role in.
 */
static int we_topic(dossier_doc *d, dossier_statement *s)
{
    int first = tok_from(d, s->span.start), end = tok_from(d, s->span.end), we = 0;
    if (s->kind != DOSSIER_STATEMENT_DIRECT || s->speaker < 0 ||
        d->entities.v[s->speaker].kind != DOSSIER_KIND_PERSON)
        return DOSSIER_OK;
    for (int t = first; t < end && !we; t++)
        we = dossier_doc_match(d, list_now(d, "statement.pronouns_we"), (size_t)t, 1, NULL) == 1;
    for (size_t r = 0; we && r < d->roles.n; r++) {
        const dossier_role *ro = &d->roles.v[r];
        if (ro->person == s->speaker && ro->organization >= 0 &&
            d->entities.v[ro->organization].kind == DOSSIER_KIND_ORGANIZATION)
            return add_topic(d, s, ro->organization);
    }
    return DOSSIER_OK;
}

/* Length of the celestial-body word (statement.body_words) at token t: "Himmelskörper", "Marsmond"; or 0. */
static int body_word_at(const dossier_doc *d, int t, int end)
{
    const dossier_phrase *const *list = NULL;
    const dossier_lexlist *body_words = list_now(d, "statement.body_words");
    size_t n = dossier_lexlist_phrases(body_words, &list);
    size_t k = dossier_doc_match(d, body_words, (size_t)t, (size_t)(end - t), NULL);
    if (k)
        return (int)k;
    int hit = -1;
    int inflects = n ? endings_now : 0;
    /* where a word is only itself, the list match just tried it: only a compound of a body word is left
       ("Marsmond"), and a word too short for one is none */
    if (!inflects && strlen(d->folds.v[t]) < DOSSIER_INFLECT_COMPOUND_MIN)
        return 0;
    if (!dossier_topicindex_recall(ix_now, MEMO_BODY_WORD, d->folds.v[t], &hit)) {
        hit = 0;
        for (size_t i = 0; !hit && i < n; i++)
            hit = list[i]->nwords == 1 && same_word(d, d->folds.v[t], list[i]->words[0], inflects);
        dossier_topicindex_remember(ix_now, MEMO_BODY_WORD, d->folds.v[t], hit);
    }
    return hit;
}

/*
 * "… on so small a celestial body": a statement with a body word that
 * names no place of its own is about the place last mentioned before it
 * with such a word next to it ("the Martian moon Phobos"); -1 if none.
 */
static int body_topic(dossier_doc *d, dossier_statement *s)
{
    int first = tok_from(d, s->span.start), end = tok_from(d, s->span.end), found = 0, best = -1;
    for (int t = first; t < end && !found; t++)
        found = mention_at(d, t) < 0 && body_word_at(d, t, end);
    for (size_t m = 0; found && m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        if (mm->first_token >= first || d->entities.v[mm->entity].kind != DOSSIER_KIND_PLACE)
            continue;
        int from = mm->first_token - 2, to = mm->first_token + mm->ntokens + 2, hit = 0;
        for (int t = from < 0 ? 0 : from; t < to && (size_t)t < d->tokens.n && !hit; t++)
            hit = (t < mm->first_token || t >= mm->first_token + mm->ntokens) && body_word_at(d, t, to);
        if (hit)
            best = mm->entity;
    }
    return best >= 0 ? add_topic(d, s, best) : DOSSIER_OK;
}

/* Paragraph of byte pos. */
static int para_of(const dossier_doc *d, size_t pos)
{
    int t = tok_from(d, pos);
    if ((size_t)t >= d->tokens.n)
        return -1;
    return d->sentences.v[d->tokens.v[t].sentence].paragraph;
}

/* Non-zero when the statement names a programme. */
static int has_programme(const dossier_doc *d, const dossier_statement *s)
{
    for (size_t i = 0; i < s->about.n; i++)
        if (d->entities.v[s->about.v[i]].kind == DOSSIER_KIND_PROGRAM)
            return 1;
    return 0;
}

/*
 * The programme paragraph `p` is about before token `before`: of the
 * programmes named there, the one the article mentions most; -1 if none.
 */
static int paragraph_programme(const dossier_doc *d, int p, int before)
{
    int best = -1;
    size_t n = 0;
    const int *ms = dossier_topicindex_paragraph_mentions(ix_now, p, &n);
    for (size_t i = 0; i < n; i++) {
        const dossier_mention *mm = &d->mentions.v[ms[i]];
        if (mm->first_token >= before ||
            mm->how == DOSSIER_MENTION_PRONOUN || d->entities.v[mm->entity].kind != DOSSIER_KIND_PROGRAM)
            continue;
        if (best < 0 || d->entities.v[mm->entity].nmentions > d->entities.v[best].nmentions)
            best = mm->entity;
    }
    return best;
}

/*
 * The article's subject: of the programmes named in the headline (the
 * first paragraph) the most mentioned, else of its organisations; -1.
 */
static int article_subject(const dossier_doc *d)
{
    int best[2] = {-1, -1};
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mm = &d->mentions.v[m];
        int kind = d->entities.v[mm->entity].kind, i = kind == DOSSIER_KIND_PROGRAM ? 0 : 1;
        if (d->sentences.v[mm->sentence].paragraph != 0 || (kind != DOSSIER_KIND_PROGRAM && kind != DOSSIER_KIND_ORGANIZATION))
            continue;
        if (best[i] < 0 || d->entities.v[mm->entity].nmentions > d->entities.v[best[i]].nmentions)
            best[i] = mm->entity;
    }
    return best[0] >= 0 ? best[0] : best[1];
}

/*
 * "Le bras principal … sera capable … Selon l'ASC, il sera piloté …": a
 * statement that opens with a pronoun and names no programme is about the
 * programme that heads the sentence before it in its paragraph (a name or
 * a programme word among its first four tokens).
 */
static int pronoun_topic(dossier_doc *d, dossier_statement *s)
{
    int first = tok_from(d, s->span.start), rc = DOSSIER_OK;
    if ((size_t)first >= d->tokens.n || has_programme(d, s) ||
        (!dossier_doc_match(d, list_now(d, "statement.pronouns_clause"), (size_t)first, 1, NULL) &&
         !dossier_doc_match(d, list_now(d, "statement.pronouns_person"), (size_t)first, 1, NULL)))
        return DOSSIER_OK;
    int sent = d->tokens.v[first].sentence;
    if (sent == 0 || d->sentences.v[sent - 1].paragraph != d->sentences.v[sent].paragraph)
        return DOSSIER_OK;
    const dossier_sentence *ps = &d->sentences.v[sent - 1];
    int end = ps->first_token + (ps->ntokens < 4 ? ps->ntokens : 4);
    for (int t = ps->first_token; t < end && !rc; t++) {
        int m = mention_at(d, t);
        if (m >= 0) {
            if (d->entities.v[d->mentions.v[m].entity].kind == DOSSIER_KIND_PROGRAM)
                return add_topic(d, s, d->mentions.v[m].entity);
            return DOSSIER_OK;  /* a person or organisation heads it */
        }
        if (programme_word_topic(d, s, t, end, &rc))
            break;
    }
    return rc;
}

/*
 * Topics from the context of statement i: the programmes of the same
 * speaker's statement just before, else of its paragraph; the article's
 * subject when it has no topic at all.
 */
static int context_topics(dossier_doc *d, size_t i, int subject)
{
    dossier_statement *s = &d->statements.v[i];
    int rc = pronoun_topic(d, s), ps = para_of(d, s->span.start);
    if (!rc && i > 0 && !has_programme(d, s) && s->speaker >= 0 && d->statements.v[i - 1].speaker == s->speaker) {
        const dossier_statement *p = &d->statements.v[i - 1];
        int pp = para_of(d, p->span.start);
        for (size_t j = 0; ps >= 0 && pp >= 0 && ps - pp <= 1 && j < p->about.n && !rc; j++)
            if (d->entities.v[p->about.v[j]].kind == DOSSIER_KIND_PROGRAM)
                rc = add_topic(d, s, p->about.v[j]);
    }
    if (!rc && !has_programme(d, s) && ps >= 0)
        rc = add_topic(d, s, paragraph_programme(d, ps, tok_from(d, s->span.start)));
    if (!rc && !s->about.n)
        rc = add_topic(d, s, subject);
    return rc;
}

/* See topics.h. */
int dossier_topics_run(dossier_doc *d)
{
    name_list names = {0};
    ix_now = dossier_topicindex_new(d);
    memset(lists_now, 0, sizeof lists_now);
    endings_now = dossier_inflect_has_endings(d->lex, dossier_doc_lang(d));
    if (!ix_now)
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    int rc = collect_names(d, &names);
    for (size_t i = 0; i < d->statements.n && !rc; i++) {
        rc = own_topics(d, &d->statements.v[i], &names);
        if (!rc)
            rc = clause_object_topics(d, &d->statements.v[i]);
        if (!rc)
            rc = we_topic(d, &d->statements.v[i]);
        if (!rc)
            rc = body_topic(d, &d->statements.v[i]);
    }
    int subject = article_subject(d);
    for (size_t i = 0; i < d->statements.n && !rc; i++)
        rc = context_topics(d, i, subject);
    VEC_FREE(&names);
    if (!rc && dossier_topicindex_failed(ix_now))
        rc = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    dossier_topicindex_free(ix_now);
    ix_now = NULL;
    return rc < 0 ? rc : DOSSIER_OK;
}
