/*
 * cues.c — the kind of an unknown name from the common noun just before
 * it, for the entities stage:
 *
 *   "модулем «Рассвет»", "города Тверь", "авиакомпании «Победа»" (Russian,
 *   the noun in any case), "Wüste Atacama", "Provinz Hebei" (German, the
 *   noun capitalised), "le cratère Tycho", "the rover Zhurong".
 *
 * The nouns are the lists `entity.place_heads`, `entity.program_words`
 * and `entity.org_heads` of schema/lang/<code>.yaml.  Russian words are
 * compared by their stems, so one form in the list covers its cases.
 */
#include <string.h>

#include "dossier.h"
#include "names.h"

/* Russian case endings, folded (й is и); the longest that fits is cut. */
static const char *const ru_case_endings[] = {"ями", "ами", "ого", "его", "ому", "ему", "ии", "ия", "ию", "ие",
                                              "ои", "еи", "ом", "ем", "ах", "ях", "ам", "ям", "ыи", "ую",
                                              "а", "я", "у", "ю", "е", "ы", "и", "ь", "о"};

/* The length in bytes of the stem of folded Russian word w: w without its case ending. */
static size_t ru_stem(const char *w)
{
    size_t wl = strlen(w);
    for (size_t e = 0; e < sizeof ru_case_endings / sizeof ru_case_endings[0]; e++) {
        size_t el = strlen(ru_case_endings[e]);
        if (wl >= el + 6 && strcmp(w + wl - el, ru_case_endings[e]) == 0)
            return wl - el;
    }
    return wl;
}

/* See names.h. */
int dossier_names_lex_stem(const dossier_names *c, const char *key, int i)
{
    if (dossier_names_lex(c, key, i, i + 1) == 1)
        return 1;
    if (strcmp(c->lang, "ru") != 0)
        return 0;
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t);
    const char *w = c->d->folds.v[i];
    size_t sl = ru_stem(w);
    if (sl < 6)
        return 0;
    for (size_t k = 0; k < n; k++) {
        const char *x = t[k]->words[0];
        if (t[k]->nwords == 1 && ru_stem(x) == sl && memcmp(x, w, sl) == 0)
            return 1;
    }
    return 0;
}

/* The kind a common noun at token b announces: a place, a programme or an organisation; -1 for none. */
static int noun_kind(const dossier_names *c, int b)
{
    if (dossier_names_lex_stem(c, "entity.place_heads", b))
        return DOSSIER_KIND_PLACE;
    if (dossier_names_lex_stem(c, "entity.program_words", b))
        return DOSSIER_KIND_PROGRAM;
    if (dossier_names_lex_stem(c, "entity.org_heads", b) && !dossier_names_title(c, b, b + 1))
        return DOSSIER_KIND_ORGANIZATION;
    return -1;
}

/* See names.h. */
int dossier_names_noun_before(const dossier_names *c, int p)
{
    const dossier_doc *d = c->d;
    int first = d->sentences.v[d->tokens.v[p].sentence].first_token, b = p - 1;
    if (b >= first && (d->tokens.v[b].flags & DOSSIER_TOK_QOPEN))
        b--; /* "модулем «Рассвет»" */
    if (b < first || !(d->tokens.v[b].flags & DOSSIER_TOK_WORD) || c->owner[b] >= 0)
        return -1;
    /* German capitalises the noun ("Wüste Atacama" is read as one run, see dossier_names_noun_first):
       a lower-case word there is an adjective ("eine zentrale Rolle"). */
    if ((dossier_names_is_cap(c, b) && !dossier_names_sent_first(c, b)) || strcmp(c->lang, "de") == 0)
        return -1;
    /* "конструктор программы X", "director of the mission X": the noun belongs to a title. */
    if (b - 1 >= first && (dossier_names_title(c, b - 1, b) || dossier_names_lex_stem(c, "entity.titles", b - 1)))
        return -1;
    return noun_kind(c, b);
}

/* Non-zero when the word at token i ends in a one-word phrase of `key` of five letters or more. */
static int ends_in(const dossier_names *c, const char *key, int i)
{
    const dossier_phrase *const *t;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &t);
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    if (strchr(w, '-'))
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t xl = strlen(t[k]->words[0]);
        if (t[k]->nwords == 1 && xl >= 5 && wl > xl + 2 && strcmp(w + wl - xl, t[k]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* See names.h. */
int dossier_names_noun_first(const dossier_names *c, int p, int q)
{
    if (strcmp(c->lang, "de") != 0 || q - p < 2 || !dossier_names_is_cap(c, p + 1))
        return -1;
    /* "Universität Stuttgart" names the university: only places and programmes, or their compounds
       ("Wettersatellit Meteosat-9", "Raumfahrtbahnhof Kiruna"). */
    if (dossier_names_lex(c, "entity.place_heads", p, p + 1) == 1 || ends_in(c, "entity.place_heads", p))
        return DOSSIER_KIND_PLACE;
    if (dossier_names_lex(c, "entity.program_words", p, p + 1) == 1 || ends_in(c, "entity.program_words", p))
        return DOSSIER_KIND_PROGRAM;
    return -1;
}

/* Case endings and the nominative endings that may replace them, folded (й is и): adjectives, then nouns. */
static const char *const ru_forms[][2] = {
    {"ои", "ая"}, {"ои", "ыи"}, {"ого", "ыи"}, {"ого", "ии"}, {"ого", "ое"}, {"его", "ии"}, {"его", "ее"},
    {"ому", "ыи"}, {"ому", "ое"}, {"ым", "ыи"}, {"ым", "ое"}, {"ом", "ыи"}, {"ую", "ая"}, {"еи", "яя"},
    {"ии", "ия"}, {"ии", "ие"}, {"ию", "ия"}, {"иеи", "ия"}, {"ва", "во"}, {"ву", "во"}, {"ве", "во"},
    {"вом", "во"}, {"ра", "р"}, {"ру", "р"}, {"ре", "р"}, {"ром", "р"}, {"ы", "а"}, {"е", "а"}, {"у", "а"},
    {"ои", "а"}, {"и", "я"}};

#define RU_MAXW 4
#define RU_MAXV 6

/*
 * Tries every choice of one form per word (variants v[w][0 .. nv[w]))
 * for words [w, n) and returns the longest gazetteer match of all n
 * words found, or 0.
 */
static size_t ru_try(const dossier_lexicon *lx, char v[RU_MAXW][RU_MAXV][96], const int *nv, const char **words,
                     int w, int n, const dossier_gaz_entry **out)
{
    if (w == n)
        return dossier_gazetteer_match(lx, words, (size_t)n, out) == (size_t)n ? (size_t)n : 0;
    for (int k = 0; k < nv[w]; k++) {
        words[w] = v[w][k];
        size_t r = ru_try(lx, v, nv, words, w + 1, n, out);
        if (r)
            return r;
    }
    return 0;
}

/* See names.h. */
size_t dossier_names_gaz_russian_phrase(const dossier_names *c, int i, int end, const dossier_gaz_entry **out)
{
    char v[RU_MAXW][RU_MAXV][96];
    int nv[RU_MAXW], n = 0;
    const char *words[RU_MAXW];
    /* A capitalised adjective, then lower-case words: "Индийской организации космических исследований". */
    for (int t = i; t < end && n < RU_MAXW; t++, n++) {
        const char *w = c->d->folds.v[t];
        size_t wl = strlen(w);
        if (!(c->d->tokens.v[t].flags & DOSSIER_TOK_WORD) || (unsigned char)w[0] < 0xD0 || wl >= 90 ||
            (t > i && dossier_names_is_cap(c, t)))
            break;
        memcpy(v[n][0], w, wl + 1);
        nv[n] = 1;
        for (size_t f = 0; f < sizeof ru_forms / sizeof ru_forms[0] && nv[n] < RU_MAXV; f++) {
            size_t el = strlen(ru_forms[f][0]);
            if (wl < el + 6 || strcmp(w + wl - el, ru_forms[f][0]) != 0)
                continue;
            memcpy(v[n][nv[n]], w, wl - el);
            strcpy(v[n][nv[n]] + wl - el, ru_forms[f][1]);
            nv[n]++;
        }
    }
    for (int k = n; k >= 2; k--) {
        size_t r = ru_try(c->d->lex, v, nv, words, 0, k, out);
        if (r)
            return r;
    }
    return 0;
}

/*
 * See names.h.  A one-word known place spelt like a first name
 * (`entity.first_names`: "Dominique" is also a country in French), then a
 * capitalised word no list holds: the two are a person's name.
 */
int dossier_names_place_first_name(const dossier_names *c, int p, int end)
{
    const dossier_gaz_entry *g = NULL, *h = NULL;
    if (p + 1 >= end || !dossier_names_first_name(c, p) || dossier_names_gazetteer(c, p, end, &g) != 1 ||
        g->kind != DOSSIER_KIND_PLACE || !dossier_names_is_cap(c, p + 1) ||
        (c->d->tokens.v[p + 1].flags & DOSSIER_TOK_ALLCAPS) || dossier_names_gazetteer(c, p + 1, end, &h) ||
        dossier_names_is_head(c, p + 1) || dossier_names_title(c, p + 1, end))
        return 0;
    return 1;
}
