/*
 * known.c — known names in the forms the text gives them, for the
 * entities stage: gazetteer names in Russian cases ("Роскосмосу",
 * "Индийской организации космических исследований"), German endings
 * and compounds ("ESA-Chef", "Shenzhou-Kapsel"), demonyms ("Chinese",
 * "russe") and first names.  Look-ups only: recording mentions is the
 * caller's (entities.c, unknown.c).  A known person named by one word
 * needs agreeing evidence (person_evidence): a title, a prefix or the full
 * name, so a surname in a score card is not the known person.
 */
#include "extract/entities/finder.h"

#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/util.h"

/* Russian case endings, and the nominative endings that may replace them, folded (й is и). */
static const char *const ru_endings[] = {"ами", "ями", "ого", "его", "ому", "ему", "ои", "еи", "ым",
                                         "им", "ом", "ем", "ую", "юю", "ы", "и", "а", "я", "у", "ю",
                                         "е", "ь", ""};
static const char *const ru_nominative[] = {"", "а", "я", "и", "ь", "ия", "ии", "ая", "ое", "ыи", "о"};

/* The gazetteer entry of a Russian word in another case, or 0. */
static size_t gaz_russian(const dossier_names *c, int i, const dossier_gaz_entry **out)
{
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w);
    char buf[256];
    if (wl >= sizeof buf - 16)
        return 0;
    for (size_t e = 0; e < sizeof ru_endings / sizeof ru_endings[0]; e++) {
        size_t el = strlen(ru_endings[e]);
        if (wl < el + 6 || strcmp(w + wl - el, ru_endings[e]) != 0)
            continue;
        for (size_t r = 0; r < sizeof ru_nominative / sizeof ru_nominative[0]; r++) {
            memcpy(buf, w, wl - el);
            strcpy(buf + wl - el, ru_nominative[r]);
            const char *words[1] = {buf};
            const dossier_gaz_entry *g = NULL;
            if (dossier_gazetteer_match(c->d->lex, words, 1, &g) == 1 && g->nnames) {
                *out = g;
                return 1;
            }
        }
    }
    return 0;
}

/*
 * A known German name whose first word is in another case or gender
 * ("Deutsche Zentrum" for "Deutsches Zentrum", "Europäischen" for
 * "Europäische"): tries the usual endings; returns the length, or 0.
 */
static size_t gaz_german(const dossier_names *c, int i, int end, const dossier_gaz_entry **out)
{
    const char *words[16];
    char buf[128];
    const char *w = c->d->folds.v[i];
    size_t wl = strlen(w), n = (size_t)(end - i) < 16 ? (size_t)(end - i) : 16;
    if (wl < 4 || wl + 2 >= sizeof buf)
        return 0;
    for (size_t k = 0; k < n; k++)
        words[k] = c->d->folds.v[i + k];
    for (int v = 0; v < 4; v++) {
        size_t bl = wl;
        memcpy(buf, w, wl);
        if (v == 0 || v == 2) {
            if (!strchr("nsrm", w[wl - 1]))
                continue;
            bl--;
        }
        if (v == 1 || v == 2)
            buf[bl++] = 's';
        if (v == 3) {
            if (wl < 6 || strcmp(w + wl - 2, "en") != 0)
                continue;
            bl -= 2; /* "Europäischen" -> "Europäisch" + "e" */
            buf[bl++] = 'e';
        }
        buf[bl] = '\0';
        words[0] = buf;
        size_t k = dossier_gazetteer_match(c->d->lex, words, n, out);
        if (k >= 2 || (k == 1 && v == 0 && w[wl - 1] == 's'))
            return k; /* one word only as a genitive: "Russlands", "Frankreichs" */
    }
    return 0;
}

/* A known name before the last hyphen of a compound ("ESA-Chef", "Shenzhou-Kapsel"). */
static size_t gaz_compound(const dossier_names *c, int i, const dossier_gaz_entry **out)
{
    const dossier_token *t = &c->d->tokens.v[i];
    const char *s = c->d->body + t->span.start;
    size_t len = t->span.end - t->span.start, cut = len;
    while (cut > 0 && s[cut - 1] != '-')
        cut--;
    if (cut < 2 || cut >= len)
        return 0;
    if (s[cut] >= '0' && s[cut] <= '9')
        return 0; /* "Sentinel-3" is not "Sentinel" */
    int upper_tail = s[cut] >= 'A' && s[cut] <= 'Z';
    if (upper_tail && strcmp(c->lang, "de") != 0)
        return 0;
    char *f = dossier_fold(s, cut - 1);
    if (!f)
        return 0;
    const char *words[1] = {f};
    size_t k = dossier_gazetteer_match(c->d->lex, words, 1, out);
    free(f);
    return k == 1 && (*out)->kind != DOSSIER_KIND_PLACE ? 1 : 0;
}

/* See finder.h. */
int dossier_names_compound_title(const dossier_names *c, int i)
{
    const dossier_token *t = &c->d->tokens.v[i];
    const char *s = c->d->body + t->span.start, *h = NULL;
    for (const char *x = s; x < c->d->body + t->span.end; x++)
        if (*x == '-')
            h = x;
    if (!h)
        return 0;
    char *f = dossier_fold(h + 1, (size_t)(c->d->body + t->span.end - h - 1));
    const char *w[1] = {f};
    int title = f && (dossier_lexicon_match(c->d->lex, c->lang, "entity.titles", w, 1, NULL) == 1 ||
                      dossier_lexicon_match(c->d->lex, c->lang, "entity.occupations", w, 1, NULL) == 1);
    free(f);
    return title;
}

/* See finder.h. */
int dossier_names_suffix_after(const dossier_names *c, int t)
{
    int n = (int)c->d->tokens.n;
    if (t < n && c->d->folds.v[t][0] == ',' && c->d->folds.v[t][1] == '\0')
        t++;
    return t < n && dossier_names_lex_any(c, "entity.name_suffixes", t, t + 1) == 1;
}

#define FULL_NAME_AHEAD 400   /* tokens ahead where a full name confirms a surname before it */

/* Non-zero when the known person's name of several words `ph` starts at token i. */
static int phrase_at(const dossier_names *c, int i, const dossier_phrase *ph)
{
    if ((size_t)i + ph->nwords > c->d->tokens.n)
        return 0;
    for (size_t w = 0; w < ph->nwords; w++)
        if (strcmp(c->d->folds.v[i + (int)w], ph->words[w]) != 0)
            return 0;
    return 1;
}

/*
 * Non-zero when the one word at token i names the known person g with
 * evidence that agrees: g goes by that word alone (no name of several
 * words), or the article has named g in full already, or a title or a
 * person prefix stands before it ("Vice President Venn", "Mr Venn"),
 * or g's full name follows within FULL_NAME_AHEAD tokens (a headline
 * before the body).  A surname in a score card or a ship's name ("Venn
 * Star", a capitalised word after it) is not evidence.
 */
static int person_evidence(const dossier_names *c, int i, const dossier_gaz_entry *g)
{
    const dossier_doc *d = c->d;
    int full = 0;
    for (size_t n = 0; n < g->nnames; n++)
        full |= g->names[n]->nwords >= 2;
    if (!full)
        return 1;
    if ((size_t)i + 1 < d->tokens.n && d->tokens.v[i + 1].sentence == d->tokens.v[i].sentence &&
        dossier_names_is_cap(c, i + 1))
        return 0;
    for (size_t e = 0; e < d->entities.n; e++)
        if (d->entities.v[e].gaz == g && d->entities.v[e].nmentions > 0)
            return 1;
    for (int j = i - 1; j >= 0 && j >= i - 3; j--)
        if (dossier_names_title(c, j, i) == (size_t)(i - j) || dossier_names_lex(c, "entity.person_prefixes", j, i) == (size_t)(i - j))
            return 1;
    int end = (size_t)i + FULL_NAME_AHEAD < d->tokens.n ? i + FULL_NAME_AHEAD : (int)d->tokens.n;
    for (int t = i + 1; t < end; t++)
        for (size_t n = 0; n < g->nnames; n++)
            if (g->names[n]->nwords >= 2 && phrase_at(c, t, g->names[n]))
                return 1;
    return 0;
}

/* See finder.h. */
size_t dossier_names_gazetteer(const dossier_names *c, int i, int end, const dossier_gaz_entry **out)
{
    size_t k = dossier_doc_gazetteer(c->d, dossier_gazetteer_names(c->d->lex), (size_t)i, (size_t)(end - i), out);
    if (k) {
        int cap = 0;
        for (int t = i; t < i + (int)k; t++)
            cap |= dossier_names_is_cap(c, t);
        if (!cap)
            return 0;
        if (k == 1 && !(c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) && dossier_gaz_acronym_only(*out, c->d->folds.v[i]))
            return 0;   /* "Así lo dijo …" does not name the agency ASI */
        /* A lone capitalised common word opening a sentence is not a name. */
        if (k == 1 && dossier_names_sent_first(c, i) && (*out)->kind != DOSSIER_KIND_PLACE &&
            dossier_names_is_stop(c, i))
            return 0;
        if ((*out)->kind == DOSSIER_KIND_PERSON && dossier_names_suffix_after(c, i + (int)k))
            return 0;   /* "X Y Jr." is another person than the known X Y */
        if ((*out)->kind == DOSSIER_KIND_PERSON && k == 1 && !person_evidence(c, i, *out))
            return 0;   /* "b Venn 45": a surname alone is no known person without evidence */
        return k;
    }
    if (!dossier_names_is_cap(c, i))
        return 0;
    if (dossier_names_cyrillic(c->d->folds.v[i]) && dossier_names_adjective_ending(c, i) && i + 1 < end && !dossier_names_is_cap(c, i + 1) &&
        (k = dossier_names_gaz_russian_phrase(c, i, end, 0, out)))
        return k; /* "Индийской организации космических исследований" */
    if (dossier_names_cyrillic(c->d->folds.v[i]) && i + 1 < end && dossier_names_is_cap(c, i + 1) &&
        (k = dossier_names_gaz_russian_phrase(c, i, end, 1, out)))
        return k; /* "Центра Келдыша": a noun in another case, then a name */
    if (dossier_names_cyrillic(c->d->folds.v[i]) && (k = gaz_russian(c, i, out)))
        return k;
    if (strcmp(c->lang, "de") == 0 && (k = gaz_german(c, i, end, out)))
        return k;
    return gaz_compound(c, i, out);
}

/* See finder.h.  A compound of demonyms ("Russian-Chinese", "sino-brésilien") counts as one. */
size_t dossier_names_adjective(const dossier_names *c, int i, int end)
{
    const dossier_gaz_entry *g = NULL;
    size_t k = dossier_doc_gazetteer(c->d, dossier_gazetteer_adjectives(c->d->lex), (size_t)i, (size_t)(end - i), &g);
    if (k || i >= end)
        return k;
    const char *w = c->d->folds.v[i], *h = strchr(w, '-');
    if (!h || h == w)
        return 0;
    char first[64];
    size_t n = (size_t)(h - w);
    if (n >= sizeof first)
        return 0;
    memcpy(first, w, n);
    first[n] = '\0';
    const char *one[1] = {first};
    return dossier_gazetteer_match_adjective(c->d->lex, one, 1, &g) == 1 ? 1 : 0;
}

/* See finder.h. */
int dossier_names_first_name(const dossier_names *c, int i)
{
    if (dossier_names_lex_any(c, "entity.first_names", i, i + 1))
        return 1;
    const char *w = c->d->folds.v[i], *h = strchr(w, '-');
    char buf[64];
    if (!h || h == w || (size_t)(h - w) >= sizeof buf || !dossier_names_is_cap(c, i))
        return 0;
    memcpy(buf, w, (size_t)(h - w));
    buf[h - w] = '\0';
    const char *one[1] = {buf};
    return dossier_lexicon_match(c->d->lex, NULL, "entity.first_names", one, 1, NULL) == 1;
}

/* See finder.h. */
int dossier_names_given_name(const dossier_names *c, int i)
{
    if (dossier_names_first_name(c, i))
        return 1;
    const dossier_tagger_model *m = NULL;
    char err[64];
    if (!dossier_names_is_cap(c, i) || (c->d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) ||
        dossier_tagger_builtin(&m, "en", err, sizeof err) != DOSSIER_OK || !m)
        return 0;
    const char *f = c->d->folds.v[i];
    unsigned wc = dossier_tagger_word_class(dossier_tagger_model_words(m), f, strlen(f));
    return (wc & DOSSIER_WC_FIRST) && !(wc & (DOSSIER_WC_LOWER | DOSSIER_WC_REGION));
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

/* See finder.h. */
size_t dossier_names_gaz_russian_phrase(const dossier_names *c, int i, int end, int caps, const dossier_gaz_entry **out)
{
    char v[RU_MAXW][RU_MAXV][96];
    int nv[RU_MAXW], n = 0;
    const char *words[RU_MAXW];
    /* A capitalised adjective, then lower-case words: "Индийской организации космических исследований". */
    for (int t = i; t < end && n < RU_MAXW; t++, n++) {
        const char *w = c->d->folds.v[t];
        size_t wl = strlen(w);
        if (!(c->d->tokens.v[t].flags & DOSSIER_TOK_WORD) || (unsigned char)w[0] < 0xD0 || wl >= 90 ||
            (t > i && dossier_names_is_cap(c, t) != caps))
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
