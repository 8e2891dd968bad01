/*
 * compounds.c — names found from their shape, for the entities stage.
 *
 *   "VKRT-Geschäftsführerin X", "Apollo-11-Kommandant X": the part before
 *   the last hyphen is an organisation (capitals) or a programme (a
 *   number in it), and the part after it a title that makes X a person.
 *   "die Rückkehr der Tianzhou-4-Besatzung" (German): a programme and a
 *   common noun.  "Wuhan-Universität": a compound ending in a head word
 *   is an organisation.  "Satelliten-Hersteller A, B und C", "das
 *   Start-up A": a describing noun makes the names after it organisations.
 *   "Langer Marsch 7A", "Ariane VI", "Прогресс МС-19": a known programme
 *   and a designator after it name a new programme.
 *   "the Silver Arrow lander": capitalised words before a programme word.
 *   "Lunar Reconnaissance Orbiter (LRO)": words whose initials spell a
 *   known acronym are its name.
 *   "Luft- und Raumfahrt": an elided compound stays inside a name.
 *   "Boeing, X and Y", "ESA/X": names listed with an organisation.
 *   "MONTRÉAL —": a dateline is a place.
 *
 * Lists: schema/lang/<code>.yaml `entity.titles`, `entity.occupations`,
 * `entity.org_descriptors`, `entity.org_heads`, `entity.program_words`.
 */
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/entities/finder.h"
#include "base/util.h"

/* Where the last inner hyphen of token i lies (a byte offset into its text), or 0. */
static size_t last_hyphen(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    const char *s = c->d->body + t->span.start;
    size_t len = t->span.end - t->span.start, cut = len;
    while (cut > 1 && s[cut - 1] != '-')
        cut--;
    return cut > 1 && cut < len ? cut - 1 : 0;
}

/* Non-zero when the folded word `w` is a phrase of list `key` (doc language). */
static int word_in(const dossier_names *c, const char *key, const char *w)
{
    const char *words[1] = {w};
    return dossier_lexicon_match(c->d->lex, c->lang, key, words, 1, NULL) == 1;
}

/* Non-zero when folded `w` ends with a one-word phrase of `key` of five letters or more. */
static int word_ends_in(const dossier_names *c, const char *key, const char *w)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t), wl = strlen(w);
    for (size_t k = 0; k < n; k++) {
        size_t xl = strlen(t[k]->words[0]);
        if (t[k]->nwords == 1 && xl >= 5 && wl > xl && strcmp(w + wl - xl, t[k]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* See finder.h. */
int dossier_names_word_title(const dossier_names *c, const char *w)
{
    if (word_in(c, "entity.titles", w) || word_in(c, "entity.occupations", w))
        return 1;
    return strcmp(c->lang, "de") == 0 && word_ends_in(c, "entity.titles", w);
}

/* The folded text of token i after its last hyphen, or NULL (caller frees). */
static char *tail_of(const dossier_names *c, int i, size_t *cut)
{
    const dossier_token *t = &c->d->tokens.v[i];
    *cut = last_hyphen(c, i);
    if (!*cut)
        return NULL;
    return dossier_fold(c->d->body + t->span.start + *cut + 1, t->span.end - t->span.start - *cut - 1);
}

/* See finder.h. */
int dossier_names_tail_title(const dossier_names *c, int i)
{
    size_t cut;
    char *f = tail_of(c, i, &cut);
    int r = f && dossier_names_word_title(c, f);
    free(f);
    return r;
}

/* Non-zero when bytes [s, s+n) hold a digit; *caps: every letter is a capital (two or more). */
static int shape(const char *s, size_t n, int *caps)
{
    int digit = 0, letters = 0, lower = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)s[k];
        digit |= ch >= '0' && ch <= '9';
        letters += (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch >= 0xC0;
        lower |= ch >= 'a' && ch <= 'z';
        /* Cyrillic small letters: а-п (D0 B0-BF), р-я (D1 80-8F). */
        if (ch == 0xD0 && k + 1 < n && (unsigned char)s[k + 1] >= 0xB0)
            lower = 1;
        if (ch == 0xD1 && k + 1 < n && (unsigned char)s[k + 1] >= 0x80 && (unsigned char)s[k + 1] <= 0x9F)
            lower = 1;
    }
    *caps = letters >= 2 && !lower;
    return digit;
}

/*
 * Records the part of token i before its last hyphen as an entity: one
 * the doc knows by that name, a gazetteer name, an acronym (an
 * organisation) or a name with a number (a programme).  Returns 1 when
 * recorded, 0 when the part is none of these, or a negative code.
 * `program`: the tail is a programme word, so an acronym is a programme.
 */
static int record_prefix(dossier_names *c, int i, size_t cut, int is_title, int program)
{
    dossier_doc *d = c->d;
    const char *s = d->body + d->tokens.v[i].span.start;
    int caps, digit = shape(s, cut, &caps);
    const dossier_gaz_entry *g = NULL;
    char *f = dossier_fold(s, cut);
    if (!f)
        return DOSSIER_ENOMEM;
    const char *w[1] = {f};
    size_t k = dossier_gazetteer_match(d->lex, w, 1, &g);
    free(f);
    int ent = dossier_names_find(d, s, cut), rc;
    if (ent < 0 && k == 1 && g->kind == DOSSIER_KIND_PLACE)
        return 0; /* "US-Raumfahrtbehörde": a country, no organisation */
    if (ent < 0 && k != 1 && !digit && !is_title && cut < 3)
        return 0; /* "KI-Modelle": too short to be an acronym */
    if (ent >= 0)
        rc = dossier_names_add_named(c, i, i + 1, d->entities.v[ent].kind, NULL, DOSSIER_MENTION_SHORT, s, cut);
    else if (k == 1 && g->kind != DOSSIER_KIND_PLACE)
        rc = dossier_names_add_named(c, i, i + 1, g->kind, g, DOSSIER_MENTION_SHORT, g->name, strlen(g->name));
    else if (!digit && !caps)
        return 0;
    else
        rc = dossier_names_add_named(c, i, i + 1, digit || program ? DOSSIER_KIND_PROGRAM : DOSSIER_KIND_ORGANIZATION,
                                     NULL, DOSSIER_MENTION_NAME, s, cut);
    return rc < 0 ? rc : 1;
}

/*
 * Marks the list of names after token i ("A, B und C") as organisations:
 * sets c->org_until to where the list ends.
 */
static void org_list_after(dossier_names *c, int i)
{
    int end = dossier_names_sent_end(c, i), k = i + 1;
    while (k < end && (dossier_names_is_cap(c, k) || strcmp(c->d->folds.v[k], ",") == 0 ||
                       dossier_names_lex_any(c, "entity.name_and", k, k + 1) ||
                       (c->d->tokens.v[k].flags & DOSSIER_TOK_NUM)))
        k++;
    c->org_from = i + 1;
    c->org_until = k;
}

/*
 * "Tsinghua-Universität", "Max-Planck-Institut": compound token p whose
 * tail is a head word names an organisation, unless the part before the
 * hyphen is a country or a known name ("China-Agentur", "ESA-Zentrale").
 * Returns 1 when recorded, 0 when not, or a negative code.
 */
static int whole_org(dossier_names *c, int p, size_t cut)
{
    dossier_doc *d = c->d;
    const char *s = d->body + d->tokens.v[p].span.start;
    const dossier_gaz_entry *g = NULL;
    char *f = dossier_fold(s, cut);
    if (!f)
        return DOSSIER_ENOMEM;
    const char *w[1] = {f};
    int country = dossier_gazetteer_match(d->lex, w, 1, &g) == 1 && g->kind == DOSSIER_KIND_PLACE && g->nadjectives;
    free(f);
    if (country || dossier_names_find(d, s, cut) >= 0)
        return 0;
    int rc = dossier_names_add(c, p, p + 1, DOSSIER_KIND_ORGANIZATION, NULL, DOSSIER_MENTION_NAME);
    return rc < 0 ? rc : 1;
}

/* See finder.h. */
int dossier_names_compound(dossier_names *c, int p, int *title)
{
    dossier_doc *d = c->d;
    size_t cut;
    if (!(d->tokens.v[p].flags & DOSSIER_TOK_UPPER))
        return 0;
    if (dossier_names_descriptor(c, p)) {
        org_list_after(c, p); /* "das Start-up X", "der Hersteller X" */
        return 1;
    }
    char *tail = tail_of(c, p, &cut);
    if (!tail)
        return 0;
    if (strspn(d->body + d->tokens.v[p].span.start, "0123456789") == cut) {
        free(tail);
        return 0; /* "53-Jährige" */
    }
    const char *s = d->body + d->tokens.v[p].span.start;
    int tcap = (unsigned char)s[cut + 1] >= 'A' && (unsigned char)s[cut + 1] <= 'Z';
    int is_title = dossier_names_word_title(c, tail);
    int head_tail = strcmp(c->lang, "de") == 0 && tcap && !is_title &&
                    (word_in(c, "entity.org_heads", tail) || word_ends_in(c, "entity.org_heads", tail));
    int descr = strcmp(c->lang, "de") == 0 && tcap && !is_title &&
                (word_in(c, "entity.org_descriptors", tail) || word_ends_in(c, "entity.org_descriptors", tail));
    int caps, digit = shape(s, cut, &caps);
    /* German nouns after a programme or acronym: "Tianzhou-4-Besatzung", "ISS-Training". */
    int noun = strcmp(c->lang, "de") == 0 && tcap && (digit || caps) && !(tail[0] >= '0' && tail[0] <= '9');
    /* "ZORA-Satelliten", "XYZ-Mission": an acronym before a programme word names a programme. */
    int program = noun && (word_in(c, "entity.program_words", tail) || word_ends_in(c, "entity.program_words", tail));
    free(tail);
    if (head_tail && !caps && !digit)
        return whole_org(c, p, cut);
    if (descr) {
        org_list_after(c, p);
        return 1;
    }
    if (!is_title && !noun)
        return 0;
    int rc = record_prefix(c, p, cut, is_title, program);
    if (rc < 0)
        return rc;
    if (is_title)
        *title = 1;
    return rc > 0 || is_title ? 1 : 0;
}

/* Non-zero when token i is a designator after a programme name: "7A", "10", "VI", "MS-19". */
static int designator(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    const char *s = c->d->body + t->span.start;
    size_t n = t->span.end - t->span.start;
    if (t->span.start - c->d->tokens.v[i - 1].span.end != 1 || s[-1] != ' ')
        return 0;
    if ((t->flags & DOSSIER_TOK_NUM) || (s[0] >= '0' && s[0] <= '9')) {
        if (n == 4 && (s[0] == '1' || s[0] == '2'))
            return 0; /* a year */
        for (size_t k = 0; k < n; k++)
            if (!((s[k] >= '0' && s[k] <= '9') || (s[k] >= 'A' && s[k] <= 'Z')))
                return 0; /* "10,5", "3D" counts, "12th" does not */
        return n <= 4;
    }
    if (n <= 4 && strspn(s, "IVX") == n)
        return 1;
    int caps, digit = shape(s, n, &caps);
    return digit && (t->flags & DOSSIER_TOK_UPPER) && n <= 8 && (caps || (t->flags & DOSSIER_TOK_ALLCAPS));
}

/* See finder.h. */
int dossier_names_designated(dossier_names *c, int p, int k, const dossier_gaz_entry *g, int end)
{
    int q = p + k;
    if (!g || g->kind != DOSSIER_KIND_PROGRAM || q >= end || !designator(c, q))
        return 0;
    int rc = dossier_names_add(c, p, q + 1, DOSSIER_KIND_PROGRAM, NULL, DOSSIER_MENTION_NAME);
    return rc ? rc : q + 1;
}

/* Non-zero when a place head or organisation head lies in [i, j). */
static int heads_within(const dossier_names *c, int i, int j)
{
    for (int q = i; q < j; q++)
        if (dossier_names_is_head(c, q) || dossier_names_lex(c, "entity.place_heads", q, j))
            return 1;
    return 0;
}

/* See finder.h. */
int dossier_names_before_program_word(dossier_names *c, int p, int end)
{
    const dossier_gaz_entry *g = NULL;
    int sentend = dossier_names_sent_end(c, p);
    if (end - p < 2 || end >= sentend || dossier_names_is_cap(c, end) ||
        !(c->d->tokens.v[end].flags & DOSSIER_TOK_WORD) || !dossier_names_lex(c, "entity.program_words", end, sentend))
        return 0;
    if (dossier_names_gazetteer(c, p, end, &g) || dossier_names_adjective(c, p, end) ||
        dossier_names_is_calendar(c, p) || heads_within(c, p, end))
        return 0;
    for (int q = p; q < end; q++)
        if (!dossier_names_is_cap(c, q) || dossier_names_title(c, q, end) || c->owner[q] >= 0)
            return 0;
    int rc = dossier_names_add(c, p, end, DOSSIER_KIND_PROGRAM, NULL, DOSSIER_MENTION_NAME);
    return rc ? rc : end;
}

/* The initial of token i, folded, or 0. */
static char initial(const dossier_names *c, int i)
{
    return c->d->folds.v[i][0];
}

/* See finder.h. */
int dossier_names_expansion(dossier_names *c, int i, int j, int end)
{
    dossier_doc *d = c->d;
    if (j + 2 >= end || strcmp(d->folds.v[j], "(") || strcmp(d->folds.v[j + 2], ")") ||
        !(d->tokens.v[j + 1].flags & DOSSIER_TOK_ALLCAPS))
        return -1;
    const char *acr = d->folds.v[j + 1];
    int n = (int)strlen(acr), s = j, got = 0;
    if (n < 3 || n > 8)
        return -1;
    /* Capitalised words back from the acronym, small words between them skipped. */
    while (s > i && got < n) {
        s--;
        if (dossier_names_is_cap(c, s)) {
            if (initial(c, s) != acr[n - 1 - got])
                return -1;
            got++;
        } else if (!dossier_names_is_connector(c, s)) {
            return -1;
        }
    }
    if (got < n || !dossier_names_is_cap(c, s))
        return -1;
    const dossier_gaz_entry *g = NULL;
    const char *one[1] = {acr};
    if (dossier_gazetteer_match(d->lex, one, 1, &g) != 1 || g->kind == DOSSIER_KIND_PLACE)
        return -1; /* an unknown acronym: the head words decide, see head_piece */
    for (int q = s; q < j; q++)
        if (c->owner[q] >= 0)
            return -1;
    int rc = dossier_names_add(c, s, j, g->kind, g, DOSSIER_MENTION_NAME);
    return rc ? rc : s;
}

/* See finder.h. */
int dossier_names_elided_and(const dossier_names *c, int j)
{
    const dossier_doc *d = c->d;
    int end = dossier_names_sent_end(c, j);
    return j > 0 && j + 2 < end && (d->tokens.v[j].flags & DOSSIER_TOK_DASH) &&
           d->tokens.v[j].span.start == d->tokens.v[j - 1].span.end && dossier_names_is_cap(c, j - 1) &&
           dossier_names_lex_any(c, "entity.name_and", j + 1, j + 2) && dossier_names_is_cap(c, j + 2);
}

/* See finder.h. */
int dossier_names_letter_compound(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    const char *s = c->d->body + t->span.start;
    return t->span.end - t->span.start > 2 && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z';
}

/* The organisation mentioned at token i, or -1. */
static int org_mention(const dossier_names *c, int i)
{
    if (i < 0 || c->owner[i] < 0)
        return -1;
    int e = c->d->mentions.v[c->owner[i]].entity;
    return c->d->entities.v[e].kind == DOSSIER_KIND_ORGANIZATION ? e : -1;
}

/* See finder.h. */
int dossier_names_in_org_list(const dossier_names *c, int p, int q)
{
    const dossier_doc *d = c->d;
    const dossier_gaz_entry *g = NULL;
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token, end = dossier_names_sent_end(c, p);
    int b = p - 1;
    /* "l'espagnole X", "the Japanese X": an article and a demonym may stand before the name. */
    if (b > first && dossier_names_adjective(c, b, p))
        b--;
    if (b > first && dossier_names_is_stop(c, b) && !dossier_names_lex_any(c, "entity.name_and", b, b + 1))
        b--;
    /* A credit line: "JAXA/X/Y". */
    if ((p - 1 > first && strcmp(d->folds.v[p - 1], "/") == 0 && org_mention(c, p - 2) >= 0) ||
        (q + 1 < end && strcmp(d->folds.v[q], "/") == 0 && dossier_names_gazetteer(c, q + 1, end, &g) &&
         g->kind == DOSSIER_KIND_ORGANIZATION))
        return 1;
    int and_word = b > first && dossier_names_lex_any(c, "entity.name_and", b, b + 1);
    if (b > first && (and_word || strcmp(d->folds.v[b], ",") == 0) && org_mention(c, b - 1) >= 0) {
        /* After a comma only inside a longer list: "A, B, X", not "University of California, Berkeley". */
        int m = d->mentions.v[c->owner[b - 1]].first_token;
        if (and_word || (m - 1 > first && strcmp(d->folds.v[m - 1], ",") == 0) ||
            (q < end && dossier_names_lex_any(c, "entity.name_and", q, q + 1)))
            return 1;
    }
    /* "X, Boeing and Y": a known organisation after the comma. */
    return q + 1 < end && (strcmp(d->folds.v[q], ",") == 0 || dossier_names_lex_any(c, "entity.name_and", q, q + 1)) &&
           dossier_names_gazetteer(c, q + 1, end, &g) && g->kind == DOSSIER_KIND_ORGANIZATION;
}

/* See finder.h. */
int dossier_names_dateline(const dossier_names *c, int p, int q)
{
    const dossier_doc *d = c->d;
    if (c->score && q < (int)d->tokens.n && c->score[q] == DATELINE)
        return 1;
    if (q >= dossier_names_sent_end(c, p) || !(d->tokens.v[q].flags & DOSSIER_TOK_DASH))
        return 0;
    for (int i = p; i < q; i++)
        if (!(d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS))
            return 0;
    return dossier_names_sent_first(c, p);
}

/* See finder.h. */
int dossier_names_descriptor(const dossier_names *c, int i)
{
    const char *w = c->d->folds.v[i];
    return strcmp(c->lang, "de") == 0 && dossier_names_is_cap(c, i) &&
           (word_in(c, "entity.org_descriptors", w) || (!strchr(w, '-') && word_ends_in(c, "entity.org_descriptors", w)));
}
