/*
 * check_tagger.c — the name tagger: the trainer learns a small invented
 * corpus and tags sentences it never saw; models are refused with a clear
 * message when damaged; training and tagging are deterministic; the
 * compiled-in models find names without cues in English, German, French
 * and Russian, and a language without a model is left to the rules.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "base/embed.h"
#include "base/util.h"
#include "extract/tagger/tagger.h"

/* An invented corpus: sentences of a few patterns, filled with invented names. */
static const char *const firsts[] = {"Varko", "Brenda", "Lena", "Dalio", "Mira", "Orin", "Tessa", "Kiro"};
static const char *const lasts[] = {"Telmin", "Oskari", "Maribo", "Ferrat", "Kostel", "Salgado", "Vorlan", "Almeda"};
static const char *const places[] = {"Kalvoria", "Ostrania", "Velmark", "Drusmark", "Pellaria", "Tornsby"};
static const char *const orgs[] = {"Quorvex", "Brintel", "Zentor", "Harlow", "Pelton", "Marvax"};
static const char *const patterns[] = {
    "P met P in L .", "The O Company hired P .", "P flew to L on Monday .",
    "Analysts at O Group said prices rose .", "Police in L arrested two men .",
    "The O Group bought a plant in L .", NULL};

/* Writes one sentence of pattern `pat`, the k-th filling, in the training format. */
static void write_sentence(FILE *fp, const char *pat, int k)
{
    int people = 0;
    fputs("-DOCSTART-\n\n", fp);
    for (const char *w = pat; *w; w++) {
        if (*w == ' ')
            continue;
        if (*w == 'P') {
            fprintf(fp, "%s\tB-PER\n%s\tI-PER\n", firsts[(k + 3 * people) % 8], lasts[(k * 5 + people) % 8]);
            people++;
        } else if (*w == 'L' && (w[1] == ' ' || !w[1])) {
            fprintf(fp, "%s\tB-LOC\n", places[k % 6]);
        } else if (*w == 'O' && (w[1] == ' ' || !w[1])) {
            fprintf(fp, "%s\tB-ORG\n", orgs[(k + 1) % 6]);
            const char *next = w + 2;
            size_t n = strcspn(next, " ");
            if (!strncmp(next, "Company", n) || !strncmp(next, "Group", n)) {
                fprintf(fp, "%.*s\tI-ORG\n", (int)n, next);
                w = next + n - 1;
            }
        } else {
            size_t n = strcspn(w, " ");
            fprintf(fp, "%.*s\tO\n", (int)n, w);
            w += n - 1;
        }
    }
    fputs("\n", fp);
}

/* Writes the invented corpus in the training format to a temporary file and returns its path. */
static char *write_corpus(void)
{
    char *path = strdup("/tmp/check_tagger_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *fp = fdopen(fd, "w");
    ck_assert_ptr_nonnull(fp);
    for (int k = 0; k < 8; k++)
        for (int p = 0; patterns[p]; p++)
            write_sentence(fp, patterns[p], k);
    fclose(fp);
    return path;
}

/* Trains a model on the invented corpus; the caller frees *out. */
static void train_tiny(unsigned char **out, size_t *len)
{
    char *path = write_corpus();
    const char *files[] = {path, NULL};
    dossier_tagger_options opt = {.lang = "xx", .epochs = 10};
    dossier_tagger_report r;
    char err[256] = "";
    int rc = dossier_tagger_train(out, len, &r, files, &opt, err, sizeof err);
    ck_assert_msg(rc == DOSSIER_OK, "train: %s", err);
    unlink(path);
    free(path);
}

/* Tags a sentence of space-separated tokens and writes its tags as "O B-PER ..." into buf. */
static void tag_sentence(const dossier_tagger_model *m, const char *sentence, char *buf, size_t cap)
{
    static const char *const names[] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
    dossier_tagger_token toks[64];
    char *folds[64];
    char *copy = strdup(sentence);
    size_t n = 0, starts[1] = {0};
    for (char *w = strtok(copy, " "); w && n < 64; w = strtok(NULL, " ")) {
        folds[n] = dossier_fold(w, strlen(w));
        toks[n] = (dossier_tagger_token){w, strlen(w), folds[n]};
        n++;
    }
    unsigned char tags[64];
    dossier_tagger_doc doc = {toks, n, starts, 1};
    ck_assert_int_eq(dossier_tagger_tag(tags, NULL, m, &doc), DOSSIER_OK);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strncat(buf, names[tags[i]], cap - strlen(buf) - 1);
        if (i + 1 < n)
            strncat(buf, " ", cap - strlen(buf) - 1);
        free(folds[i]);
    }
    free(copy);
}

START_TEST(learns_invented_names)
{
    unsigned char *bytes = NULL;
    size_t len = 0;
    train_tiny(&bytes, &len);
    dossier_tagger_model *m = NULL;
    char err[256] = "", tags[512];
    ck_assert_msg(dossier_tagger_model_open(&m, bytes, len, err, sizeof err) == DOSSIER_OK, "%s", err);
    ck_assert_str_eq(dossier_tagger_model_lang(m), "xx");
    /* Names it never saw, in the patterns it learnt. */
    tag_sentence(m, "Pavel Dunkirt met Sonia Relmar in Kalvoria .", tags, sizeof tags);
    ck_assert_str_eq(tags, "B-PER I-PER O B-PER I-PER O B-LOC O");
    tag_sentence(m, "The Morvant Company hired Ilse Brandow .", tags, sizeof tags);
    ck_assert_str_eq(tags, "O B-ORG I-ORG O B-PER I-PER O");
    tag_sentence(m, "Police in Ostrania arrested two men .", tags, sizeof tags);
    ck_assert_str_eq(tags, "O O B-LOC O O O O");
    dossier_tagger_model_close(m);
    free(bytes);
}
END_TEST

START_TEST(deterministic)
{
    unsigned char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    train_tiny(&a, &alen);
    train_tiny(&b, &blen);
    ck_assert_uint_eq(alen, blen);
    ck_assert(memcmp(a, b, alen) == 0);
    dossier_tagger_model *m = NULL;
    char err[256], t1[512], t2[512];
    ck_assert_int_eq(dossier_tagger_model_open(&m, a, alen, err, sizeof err), DOSSIER_OK);
    tag_sentence(m, "Kiro Almeda met Orin Salgado in Velmark .", t1, sizeof t1);
    tag_sentence(m, "Kiro Almeda met Orin Salgado in Velmark .", t2, sizeof t2);
    ck_assert_str_eq(t1, t2);
    dossier_tagger_model_close(m);
    free(a);
    free(b);
}
END_TEST

/* Tags a sentence of space-separated tokens; its margins into margin[] (64 at most), their count returned. */
static size_t tag_margins(const dossier_tagger_model *m, const char *sentence, float *margin)
{
    dossier_tagger_token toks[64];
    char *folds[64];
    char *copy = strdup(sentence);
    size_t n = 0, starts[1] = {0};
    for (char *w = strtok(copy, " "); w && n < 64; w = strtok(NULL, " ")) {
        folds[n] = dossier_fold(w, strlen(w));
        toks[n] = (dossier_tagger_token){w, strlen(w), folds[n]};
        n++;
    }
    unsigned char tags[64];
    dossier_tagger_doc doc = {toks, n, starts, 1};
    ck_assert_int_eq(dossier_tagger_tag(tags, margin, m, &doc), DOSSIER_OK);
    for (size_t i = 0; i < n; i++)
        free(folds[i]);
    free(copy);
    return n;
}

/*
 * A word's features are summed once per thread and model (the thread's
 * word memo): a sentence tagged again after others that share its words,
 * in other places and capitals, has the same margins to the bit.
 */
START_TEST(word_memo_same_scores)
{
    unsigned char *bytes = NULL;
    size_t len = 0;
    train_tiny(&bytes, &len);
    dossier_tagger_model *m = NULL;
    char err[256];
    ck_assert_int_eq(dossier_tagger_model_open(&m, bytes, len, err, sizeof err), DOSSIER_OK);
    const char *s = "Kiro Almeda met Orin Salgado in Velmark .";
    float first[64], again[64], other[64];
    size_t n = tag_margins(m, s, first);
    tag_margins(m, "Velmark met KIRO almeda in Salgado .", other);
    tag_margins(m, "In Velmark Kiro met Orin Almeda .", other);
    ck_assert_uint_eq(tag_margins(m, s, again), n);
    ck_assert(memcmp(first, again, n * sizeof *first) == 0);
    dossier_tagger_model_close(m);
    free(bytes);
}
END_TEST

/* Opens `len` bytes as a model and returns the error message (empty when it opened). */
static const char *open_error(const unsigned char *bytes, size_t len)
{
    static char err[256];
    dossier_tagger_model *m = NULL;
    err[0] = '\0';
    if (dossier_tagger_model_open(&m, bytes, len, err, sizeof err) == DOSSIER_OK) {
        dossier_tagger_model_close(m);
        err[0] = '\0';
    } else {
        ck_assert_ptr_null(m);
    }
    return err;
}

START_TEST(damaged_models)
{
    unsigned char *bytes = NULL;
    size_t len = 0;
    train_tiny(&bytes, &len);
    unsigned char *copy = malloc(len);
    ck_assert_str_eq(open_error(bytes, len), "");

    ck_assert_ptr_nonnull(strstr(open_error(bytes, 10), "not a dossier tagger model"));
    memcpy(copy, bytes, len);
    copy[0] = 'X';
    ck_assert_ptr_nonnull(strstr(open_error(copy, len), "not a dossier tagger model"));
    memcpy(copy, bytes, len);
    copy[8] = 9; /* format version */
    ck_assert_ptr_nonnull(strstr(open_error(copy, len), "format 9"));
    memcpy(copy, bytes, len);
    copy[12] = 99; /* features version */
    ck_assert_ptr_nonnull(strstr(open_error(copy, len), "retrain"));
    ck_assert_ptr_nonnull(strstr(open_error(bytes, len - 8), "truncated"));
    memcpy(copy, bytes, len);
    copy[len - 1] ^= 0x55; /* a weight */
    ck_assert_ptr_nonnull(strstr(open_error(copy, len), "damaged"));
    free(copy);
    free(bytes);
}
END_TEST

START_TEST(bad_training_file)
{
    char path[] = "/tmp/check_tagger_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "Alpha\tO\nBeta\tB-THING\n", 21), 21);
    close(fd);
    const char *files[] = {path, NULL};
    dossier_tagger_options opt = {.lang = "xx"};
    dossier_tagger_report r;
    unsigned char *out = NULL;
    size_t len = 0;
    char err[256] = "";
    ck_assert_int_eq(dossier_tagger_train(&out, &len, &r, files, &opt, err, sizeof err), DOSSIER_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, ":2:"));
    ck_assert_ptr_null(out);
    const char *missing[] = {"/nonexistent/corpus.conll", NULL};
    ck_assert_int_eq(dossier_tagger_train(&out, &len, &r, missing, &opt, err, sizeof err), DOSSIER_EIO);
    unlink(path);
}
END_TEST

START_TEST(builtin_models)
{
    const char *langs[] = {"en", "de", "fr", "ru"};
    char err[256];
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
        const dossier_tagger_model *m = NULL;
        ck_assert_msg(dossier_tagger_builtin(&m, langs[i], err, sizeof err) == DOSSIER_OK, "%s", err);
        ck_assert_ptr_nonnull(m);
        ck_assert_str_eq(dossier_tagger_model_lang(m), langs[i]);
    }
    /* dossier_tagger_builtin checks no checksum and no order: every compiled-in model is checked here. */
    size_t opened = 0;
    for (size_t i = 0; i < dossier_embedded_nmodels; i++) {
        dossier_tagger_model *full = NULL;
        const dossier_embedded_file *e = &dossier_embedded_models[i];
        if (!strstr(e->path, ".model"))
            continue;
        ck_assert_msg(dossier_tagger_model_open(&full, e->data, e->len, err, sizeof err) == DOSSIER_OK, "%s: %s",
                      e->path, err);
        dossier_tagger_model_close(full);
        opened++;
    }
    ck_assert_uint_ge(opened, 4);
    const dossier_tagger_model *none = NULL;
    ck_assert_int_eq(dossier_tagger_builtin(&none, "es", err, sizeof err), DOSSIER_OK);
    ck_assert_ptr_null(none); /* Spanish: the rules alone */
}
END_TEST

/* The kind of the entity named `name` that the text mentions, in an analysed text, or -1. */
static int kind_of(const char *text, const char *name)
{
    dossier_doc *d = dossier_test_doc(text);
    int kind = -1;
    for (size_t e = 0; kind < 0 && e < d->entities.n; e++)
        if (d->entities.v[e].nmentions > 0 && strcmp(d->entities.v[e].name, name) == 0)
            kind = d->entities.v[e].kind;
    dossier_test_doc_free(d);
    return kind;
}

START_TEST(names_without_cues)
{
    /* Invented people in a list, with nothing but the list around them. */
    ck_assert_int_eq(kind_of("---\nlanguage: en\n---\nThe squad: Tomas Wexler, Irina Bolkova, Dario Menconi and "
                             "Pieter Vandam.\n",
                             "Dario Menconi"),
                     DOSSIER_KIND_PERSON);
    ck_assert_int_eq(kind_of("---\nlanguage: de\n---\nZum Kader gehören Jörg Wendlinger, Tobias Hartkamp und "
                             "Anselm Gruber.\n",
                             "Tobias Hartkamp"),
                     DOSSIER_KIND_PERSON);
    ck_assert_int_eq(kind_of("---\nlanguage: fr\n---\nHier, Paulette Vernier et Jacques Fontanel sont arrivés "
                             "à Montbrison.\n",
                             "Jacques Fontanel"),
                     DOSSIER_KIND_PERSON);
    ck_assert_int_eq(kind_of("---\nlanguage: ru\n---\nВчера Игорь Семенцов и Ольга Лапшина прилетели в Тамбов.\n",
                             "Игорь Семенцов"),
                     DOSSIER_KIND_PERSON);
}
END_TEST

START_TEST(never_names)
{
    dossier_doc *d = dossier_test_doc("---\nlanguage: en\n---\nOn Friday at 10 GMT the market opened, "
                                      "and in December it closed.\n");
    ck_assert_int_lt(dossier_test_entity(d, "Friday"), 0);
    ck_assert_int_lt(dossier_test_entity(d, "December"), 0);
    dossier_test_doc_free(d);
}
END_TEST

START_TEST(teams_from_results)
{
    /* Invented towns: in a result they are teams. */
    const char *t = "---\nlanguage: en\n---\nFans travelled from Grelford to Tanwick by train.\n\n"
                    "Results on Saturday: Grelford 2 Tanwick 1, Osbury 0 Marlcombe 3.\n";
    ck_assert_int_eq(kind_of(t, "Grelford"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_eq(kind_of(t, "Tanwick"), DOSSIER_KIND_ORGANIZATION);
    /* A table row: the figures are no part of the name (no programme "Grelford 4"). */
    const char *table = "---\nlanguage: en\n---\nLeague standings after Saturday's matches:\n\n"
                        "Grelford 4 3 1 0 7 4 10\n\nTanwick 4 2 1 1 6 4 7\n\nOsbury 4 1 0 3 2 8 3\n";
    ck_assert_int_eq(kind_of(table, "Grelford"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_eq(kind_of(table, "Osbury"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_lt(kind_of(table, "Grelford 4"), 0);
    /* A known town in a result is its club; a country stays a place (a national side). */
    const char *known = "---\nlanguage: en\n---\nResults on Saturday: Texas 3 Grelford 1, Germany 2 Tanwick 0.\n";
    ck_assert_int_eq(kind_of(known, "Texas"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_eq(kind_of(known, "Germany"), DOSSIER_KIND_PLACE);
}
END_TEST

START_TEST(dateline_places)
{
    /* The place of a dateline line is a place; its date is no part of it, and the date is the article's. */
    const char *t = "TRADE - GRELFORD MILLS REOPEN.\n\nTANWICK 1996-08-30\n\n"
                    "The mills of Grelford reopened on Friday after a strike of two weeks.\n";
    ck_assert_int_eq(kind_of(t, "TANWICK"), DOSSIER_KIND_PLACE);
    ck_assert_int_lt(kind_of(t, "TANWICK 1996-08-30"), 0);
    const char *r = "OSBURY, Marlshire 1996-08-29\n\nThe mills of Grelford reopened on Friday after a strike.\n";
    ck_assert_int_eq(kind_of(r, "OSBURY"), DOSSIER_KIND_PLACE);
    dossier_doc *d = dossier_test_doc(t);
    ck_assert_str_eq(d->published, "1996-08-30");
    dossier_test_doc_free(d);
    /* A table row in capitals is no dateline (no year). */
    const char *table = "Standings after Thursday's games:\n\nGRELFORD 74 59 .556 -\n\nTANWICK 70 63 .526 4\n";
    ck_assert_int_ne(kind_of(table, "GRELFORD"), DOSSIER_KIND_PLACE);
}
END_TEST

START_TEST(company_names)
{
    /* Invented companies: an ampersand inside, a short name later, a head word of trade. */
    const char *t = "---\nlanguage: en\n---\nQuorvane International Inc said on Friday it would buy "
                    "Varlow & Pemberton Co for $12 a share.\n\nQuorvane shares rose 3 percent, "
                    "analysts at Brisk Tallow Bros said.\n";
    ck_assert_int_eq(kind_of(t, "Varlow & Pemberton Co"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_lt(kind_of(t, "Varlow"), 0);
    ck_assert_int_eq(kind_of(t, "Quorvane International Inc"), DOSSIER_KIND_ORGANIZATION);
    ck_assert_int_lt(kind_of(t, "Quorvane"), 0); /* an alias of the company, not a person */
    ck_assert_int_eq(kind_of(t, "Brisk Tallow Bros"), DOSSIER_KIND_ORGANIZATION);
}
END_TEST

/* The suite. */
static Suite *tagger_suite(void)
{
    Suite *s = suite_create("tagger");
    TCase *tc = tcase_create("tagger");
    tcase_add_test(tc, learns_invented_names);
    tcase_add_test(tc, deterministic);
    tcase_add_test(tc, word_memo_same_scores);
    tcase_add_test(tc, damaged_models);
    tcase_add_test(tc, bad_training_file);
    tcase_add_test(tc, builtin_models);
    tcase_add_test(tc, names_without_cues);
    tcase_add_test(tc, never_names);
    tcase_add_test(tc, teams_from_results);
    tcase_add_test(tc, dateline_places);
    tcase_add_test(tc, company_names);
    suite_add_tcase(s, tc);
    return s;
}

/* Runs the suite. */
int main(void)
{
    return dossier_test_run(tagger_suite());
}
