/*
 * tagged.c — the statistical tagger's names, where the rules found none.
 *
 * The rules of this stage wait for a cue: a title, an apposition, a head
 * word, a known name.  Most names come without one ("Javier Pertile, Paolo
 * Vaccari, ..."), so the tagger (extract/tagger/) reads the whole article
 * first (dossier_names_tag), and after the rules' first pass each name it
 * tags in tokens no mention covers becomes an entity of the tagger's kind
 * (dossier_names_tagged).  The rules keep the last word: what they found
 * stands.  The tagger's names are checked against what is never a name
 * (months, weekdays, times, lone numbers, demonyms, a name ending on a
 * small word), and a lone common word of the model's dictionary ("État",
 * "Western") needs a cue, not the tagger alone.  The second pass
 * (repeats.c) joins surnames and repeats to these names as to any other.
 * A language without a model is left to the rules.
 */
#include <stdlib.h>
#include <string.h>

#include "base/doc.h"
#include "dossier.h"
#include "extract/entities/finder.h"
#include "extract/tagger/tagger.h"

/* Non-zero when tokens [i, j) may be a name: a capitalised word, nothing of a date or a clock. */
static int plausible(const dossier_names *c, int i, int j)
{
    const dossier_doc *d = c->d;
    int cap = 0;
    for (int k = i; k < j; k++) {
        unsigned fl = d->tokens.v[k].flags;
        if ((fl & DOSSIER_TOK_NUM) && j - i == 1)
            return 0;
        if (dossier_names_is_calendar(c, k) && j - i == 1)
            return 0;
        if (dossier_names_lex_any(c, "entity.clock_words", k, k + 1))
            return 0;
        cap |= dossier_names_is_cap(c, k);
    }
    /* A title is not part of a name the tagger proposes ("Russian Prime Minister X"), nor is
       "Mr" or an abbreviation ("Sen.", "Gov.") one by itself. */
    for (int k = i; k < j; k++)
        if (dossier_names_title(c, k, dossier_names_sent_end(c, k)))
            return 0;
    if (j - i == 1 && (dossier_names_lex_any(c, "entity.person_prefixes", i, j) ||
                       (j < (int)d->tokens.n && !strcmp(d->folds.v[j], ".") &&
                        dossier_lexicon_has(d->lex, c->lang, "abbreviations", d->folds.v[i]))))
        return 0;
    /* Nor is a clock's zone ("9:12 p.m. CDT"). */
    if (i > 0 && dossier_names_lex_any(c, "entity.clock_words", i - 1, i))
        return 0;
    if (i > 1 && dossier_names_lex_any(c, "entity.clock_words", i - 2, i) == 2)
        return 0;
    /* A demonym ("Russian", "Russian-Chinese") names no entity by itself. */
    if (j - i == 1 && dossier_names_adjective(c, i, j))
        return 0;
    /* A name opens and closes on a capitalised word or a number ("Conseil de l'" is not one), not on
       an adjective ("Hong Kong-based"). */
    if (!(d->tokens.v[i].flags & DOSSIER_TOK_WORD) || dossier_names_adjective_compound(c, j - 1) ||
        !(dossier_names_is_cap(c, j - 1) || (d->tokens.v[j - 1].flags & DOSSIER_TOK_NUM)))
        return 0;
    return cap && dossier_names_is_cap(c, i);
}

/* The entity kind of a tagger tag. */
static int kind_of(int tag)
{
    switch (DOSSIER_TAG_KIND(tag)) {
    case 1:
        return DOSSIER_KIND_PERSON;
    case 2:
        return DOSSIER_KIND_ORGANIZATION;
    default:
        return DOSSIER_KIND_PLACE;
    }
}

/* The classes of the model's word table that token i's folded word belongs to (DOSSIER_WC_*). */
static unsigned word_class(const dossier_names *c, int i)
{
    const char *f = c->d->folds.v[i];
    return dossier_tagger_word_class(dossier_tagger_model_words(c->model), f, strlen(f));
}

/* Non-zero when token i is a common word: lower case in the model's dictionary, on no list of names. */
static int common_word(const dossier_names *c, int i)
{
    unsigned wc = word_class(c, i);
    return (wc & DOSSIER_WC_LOWER) &&
           !(wc & (DOSSIER_WC_CAPITAL | DOSSIER_WC_FIRST | DOSSIER_WC_CITY | DOSSIER_WC_REGION | DOSSIER_WC_PERSON |
                   DOSSIER_WC_ORG | DOSSIER_WC_PLACE));
}

/*
 * How far a lone word on no list of names must outscore O to be a name
 * (in the units of the shipped models: sums of averaged perceptron
 * weights; measured on CoNLL eng.testa, where it is worth half a point).
 */
#define SURE 40.0f

/* Non-zero when token i is on one of the model's lists of names (first names, places, known entities). */
static int listed(const dossier_names *c, int i)
{
    unsigned wc = word_class(c, i);
    return (wc & (DOSSIER_WC_FIRST | DOSSIER_WC_CITY | DOSSIER_WC_REGION | DOSSIER_WC_PERSON | DOSSIER_WC_ORG |
                  DOSSIER_WC_PLACE)) != 0;
}

/* Non-zero when the folded words `f` are a region (or, with `cities`, a city) of the model's lists, and no name of a person or organisation. */
static int listed_place(const dossier_names *c, const char *f, size_t len, int cities)
{
    unsigned wc = dossier_tagger_word_class(dossier_tagger_model_words(c->model), f, len);
    return (wc & (DOSSIER_WC_REGION | (cities ? DOSSIER_WC_CITY : 0))) &&
           !(wc & (DOSSIER_WC_FIRST | DOSSIER_WC_PERSON | DOSSIER_WC_ORG));
}

/* See finder.h. */
int dossier_names_listed_place(const dossier_names *c, int p, int q, int cities)
{
    char buf[128];
    size_t len = 0;
    if (!c->model || q <= p || q - p > 4)
        return 0;
    for (int k = p; k < q; k++) {
        const char *f = c->d->folds.v[k];
        size_t n = strlen(f);
        if (len + n + 2 > sizeof buf)
            return 0;
        if (k > p)
            buf[len++] = ' ';
        memcpy(buf + len, f, n);
        len += n;
    }
    return listed_place(c, buf, len, cities);
}

/* See finder.h. */
int dossier_names_listed_region(const dossier_names *c, const char *name)
{
    char *f = c->model ? dossier_fold(name, strlen(name)) : NULL;
    int hit = f && listed_place(c, f, strlen(f), 0);
    free(f);
    return hit;
}

/* See finder.h. */
int dossier_names_tag(dossier_names *c)
{
    dossier_doc *d = c->d;
    const dossier_tagger_model *m = NULL;
    char err[200];
    int rc = DOSSIER_OK;
    size_t n = d->tokens.n;
    c->tags = NULL;
    c->margin = NULL;
    if (dossier_tagger_builtin(&m, d->language ? d->language : "", err, sizeof err))
        return dossier_doc_fail(d, DOSSIER_ERROR, "%s", err);
    if (!m || !n)
        return DOSSIER_OK;
    c->model = m;

    dossier_tagger_token *toks = malloc(n * sizeof *toks);
    size_t *starts = malloc((d->sentences.n + 1) * sizeof *starts);
    c->tags = malloc(n);
    c->margin = malloc(n * sizeof *c->margin);
    if (!toks || !starts || !c->tags || !c->margin) {
        rc = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const dossier_token *t = &d->tokens.v[i];
        toks[i] = (dossier_tagger_token){d->body + t->span.start, t->span.end - t->span.start, d->folds.v[i]};
    }
    /* Sentences cover the tokens from the first; a gap joins the sentence before it. */
    size_t ns = 0;
    starts[ns++] = 0;
    for (size_t s = 0; s < d->sentences.n; s++) {
        size_t f = (size_t)d->sentences.v[s].first_token;
        if (f > starts[ns - 1] && f < n)
            starts[ns++] = f;
    }
    dossier_tagger_doc doc = {toks, n, starts, ns};
    if ((rc = dossier_tagger_tag(c->tags, c->margin, m, &doc)))
        rc = dossier_doc_fail(d, rc, "out of memory");
done:
    if (rc) {
        free(c->tags);
        free(c->margin);
        c->tags = NULL;
        c->margin = NULL;
    }
    free(toks);
    free(starts);
    return rc;
}

/* Non-zero when token i is one capital letter (an initial). */
static int initial(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    return t->span.end - t->span.start == 1 && (t->flags & DOSSIER_TOK_UPPER);
}

/* Where the tagger's name that starts at token i ends (within its sentence). */
static int name_end(const dossier_names *c, int i)
{
    int j = i + 1, n = (int)c->d->tokens.n;
    int person = DOSSIER_TAG_KIND(c->tags[i]) == 1;
    while (j < n && DOSSIER_TAG_INSIDE(c->tags[j]) && c->d->tokens.v[j].sentence == c->d->tokens.v[i].sentence &&
           !(person && (c->d->tokens.v[j].flags & DOSSIER_TOK_NUM))) /* a person's name holds no number */
        j++;
    return j;
}

/* See finder.h. */
int dossier_names_tagger_none(const dossier_names *c, int p, int q)
{
    if (!c->tags)
        return 0;
    for (int k = p; k < q; k++)
        if (c->tags[k] != DOSSIER_TAG_O)
            return 0;
    return 1;
}

/* Non-zero when token i is a lower-case word of the model's dictionary, even if a town bears it ("Goes"). */
static int lower_word(const dossier_names *c, int i)
{
    unsigned wc = word_class(c, i);
    return (wc & DOSSIER_WC_LOWER) && !(wc & (DOSSIER_WC_CAPITAL | DOSSIER_WC_FIRST | DOSSIER_WC_PERSON | DOSSIER_WC_ORG));
}

/*
 * Where capitals tell nothing, a common word is no part of a name: trims
 * the tagger's name [*i, *j) of the common word that opens a sentence
 * ("Whether X gains"), and in a headline in title case cuts it before its
 * first common word ("X Speaks To Voters", "X Calls Y A Disgrace": the
 * rest is read from there on).  A name of another kind than a person that
 * holds common words in a headline is dropped whole: its pieces have no
 * kind ("Double Standard X And Y Face").  Returns non-zero when nothing is
 * left of it, with *i past the words dropped.
 */
static int trim_common(const dossier_names *c, size_t *i, size_t *j, int kind)
{
    const dossier_sentence *s = &c->d->sentences.v[c->d->tokens.v[*i].sentence];
    size_t i0 = *i, j0 = *j;
    if (*j - *i >= 2 && (int)*i == s->first_token && common_word(c, (int)*i) && dossier_names_is_cap(c, (int)*i + 1))
        (*i)++;
    if (!dossier_names_title_case(c, s))
        return 0;
    while (*i < *j && lower_word(c, (int)*i))
        (*i)++;
    for (size_t k = *i + 1; k < *j; k++)
        if (lower_word(c, (int)k)) {
            *j = k;
            break;
        }
    if (kind != DOSSIER_KIND_PERSON && (*i != i0 || *j != j0))
        *i = *j = j0;
    return *i == *j;
}

/* See finder.h. */
int dossier_names_tagged(dossier_names *c, int people)
{
    size_t n = c->d->tokens.n;
    if (!c->tags)
        return DOSSIER_OK;
    for (size_t i = 0; i < n;) {
        if (c->tags[i] == DOSSIER_TAG_O) {
            i++;
            continue;
        }
        size_t j = (size_t)name_end(c, (int)i);
        int kind = kind_of(c->tags[i]);
        if ((kind == DOSSIER_KIND_PERSON) != people) {
            i = j;
            continue;
        }
        if (trim_common(c, &i, &j, kind))
            continue;
        /* A person's name holds no lower-case word but its particles: "X met Mr. Y on Monday" is two names,
           read on after the word. */
        size_t next = j;
        for (size_t k = i + 1; kind == DOSSIER_KIND_PERSON && k < j; k++)
            if ((c->d->tokens.v[k].flags & DOSSIER_TOK_WORD) && !dossier_names_is_cap(c, (int)k) &&
                !dossier_names_lex_any(c, "entity.name_particles", (int)k, (int)k + 1)) {
                j = k;
                next = k + 1;
                break;
            }
        /* A person's initials and first name the tagger left out ("R. Kumaraswamy", "Jan Kowalski"). */
        while (kind == DOSSIER_KIND_PERSON && i > 0 && c->owner[i - 1] < 0 &&
               c->d->tokens.v[i - 1].sentence == c->d->tokens.v[i].sentence) {
            if (i > 1 && c->owner[i - 2] < 0 && !strcmp(c->d->folds.v[i - 1], ".") && initial(c, (int)i - 2))
                i -= 2;
            else if (c->tags[i - 1] == DOSSIER_TAG_O && dossier_names_is_cap(c, (int)i - 1) &&
                     dossier_names_first_name(c, (int)i - 1))
                i -= 1;
            else
                break;
        }
        /* "Mr. Weber": the name is what follows the prefix. */
        while (i + 1 < j && dossier_names_lex_any(c, "entity.person_prefixes", (int)i, (int)i + 1)) {
            i++;
            if (i + 1 < j && !strcmp(c->d->folds.v[i], "."))
                i++;
        }
        int free_span = 1;
        for (size_t k = i; k < j; k++)
            if (c->owner[k] >= 0)
                free_span = 0;
        /* A lone common word ("État", "Western") needs more than the tagger's word; a lone
           word on no list of names ("who leads X") needs the tagger to be sure. */
        if (j - i == 1 && (common_word(c, (int)i) || (!listed(c, (int)i) && c->margin[i] < SURE)))
            free_span = 0;
        /* "the University of California, Irvine,": the place after an organisation and a comma is its campus. */
        if (j - i == 1 && i >= 2 && !strcmp(c->d->folds.v[i - 1], ",") && c->owner[i - 2] >= 0 &&
            c->d->entities.v[c->d->mentions.v[c->owner[i - 2]].entity].kind == DOSSIER_KIND_ORGANIZATION &&
            (j >= n || !strcmp(c->d->folds.v[j], ",")))
            free_span = 0;
        if (free_span && plausible(c, (int)i, (int)j)) {
            int rc = dossier_names_add(c, (int)i, (int)j, kind, NULL, DOSSIER_MENTION_NAME);
            if (rc)
                return rc;
        }
        i = next;
    }
    return DOSSIER_OK;
}
