/*
 * tagger-train.c — trains a name-tagger model (lib/extract/tagger/).
 *
 *   dossier-tagger-train --lang en --out schema/models/en.model \
 *       [--epochs N] [--heldout K] [--prune X] [--list CLASS=FILE]... FILE[:N]...
 *
 * FILEs are in the training format (tools/tagger/prepare.py writes them
 * from the open corpora); ":N" sees a file's documents N times an epoch.
 * --heldout K keeps every K-th document out of training and reports the
 * model's figures on them.  Lists feed the model's word table (see
 * tools/train-models.sh).  A maintainer's tool, built beside dossier: it
 * uses the library's internal tagger header, which the CLI does not.
 *
 *   dossier-tagger-train --eval MODEL FILE...
 *
 * tags the documents of FILEs with a model and prints its figures against
 * their tags (for corpora that may be measured on but not trained on).
 * Exit status 0 ok, 1 failure, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "extract/tagger/tagger.h"

/* Prints the usage to `out`. */
static void usage(FILE *out)
{
    fputs("usage: dossier-tagger-train --lang CODE --out FILE [--epochs N] [--heldout K] [--prune X]\n"
          "                            [--list CLASS=FILE]... FILE[:N]...\n"
          "       dossier-tagger-train --eval MODEL FILE...\n",
          out);
}

/* Prints the figures of a report. */
static void print_report(const char *what, const dossier_tagger_report *r)
{
    printf("%s (%zu tokens): token F1 %.3f; names P %.3f R %.3f F1 %.3f "
           "(person %.3f, organization %.3f, place %.3f); %.0f tokens/s\n",
           what, r->tokens, r->token_f1, r->span_p, r->span_r, r->span_f1, r->kind_f1[1], r->kind_f1[2],
           r->kind_f1[3], r->tokens_per_s);
}

/* Measures the model at `path` on training-format files; returns the exit status. */
static int evaluate(const char *path, const char *const *files)
{
    int status = 1;
    char err[512];
    unsigned char *data = NULL;
    long len = 0;
    dossier_tagger_model *m = NULL;
    dossier_tagger_report r;
    FILE *fp = fopen(path, "rb");
    if (!fp || fseek(fp, 0, SEEK_END) || (len = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) ||
        !(data = malloc((size_t)len + 1)) || fread(data, 1, (size_t)len, fp) != (size_t)len) {
        fprintf(stderr, "dossier-tagger-train: cannot read %s\n", path);
        goto done;
    }
    if (dossier_tagger_model_open(&m, data, (size_t)len, err, sizeof err) ||
        dossier_tagger_evaluate(&r, m, files, err, sizeof err)) {
        fprintf(stderr, "dossier-tagger-train: %s: %s\n", path, err);
        goto done;
    }
    print_report(path, &r);
    status = 0;
done:
    if (fp)
        fclose(fp);
    dossier_tagger_model_close(m);
    free(data);
    return status;
}

/* Parses the arguments, trains, writes the model and prints the figures. */
int main(int argc, char **argv)
{
    dossier_tagger_options opt = {.epochs = 8, .prune = 0.0};
    const char *outpath = NULL, *evalpath = NULL;
    const char **lists = calloc((size_t)argc + 1, sizeof *lists);
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nlists = 0, nfiles = 0;
    unsigned char *model = NULL;
    size_t len = 0;
    int status = 1;
    char err[512] = "";
    if (!lists || !files)
        goto done;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            status = 0;
            goto done;
        } else if (!strcmp(a, "--lang") && more)
            opt.lang = argv[++i];
        else if (!strcmp(a, "--out") && more)
            outpath = argv[++i];
        else if (!strcmp(a, "--epochs") && more)
            opt.epochs = atoi(argv[++i]);
        else if (!strcmp(a, "--heldout") && more)
            opt.heldout = atoi(argv[++i]);
        else if (!strcmp(a, "--prune") && more)
            opt.prune = atof(argv[++i]);
        else if (!strcmp(a, "--eval") && more)
            evalpath = argv[++i];
        else if (!strcmp(a, "--list") && more)
            lists[nlists++] = argv[++i];
        else if (a[0] == '-' && a[1]) {
            usage(stderr);
            status = 2;
            goto done;
        } else
            files[nfiles++] = a;
    }
    if (evalpath && nfiles) {
        status = evaluate(evalpath, files);
        goto done;
    }
    if (!opt.lang || !outpath || !nfiles) {
        usage(stderr);
        status = 2;
        goto done;
    }
    opt.lists = lists;
    dossier_tagger_report r;
    if (dossier_tagger_train(&model, &len, &r, files, &opt, err, sizeof err)) {
        fprintf(stderr, "dossier-tagger-train: %s\n", err);
        goto done;
    }
    FILE *fp = fopen(outpath, "wb");
    if (!fp || fwrite(model, 1, len, fp) != len || fclose(fp)) {
        fprintf(stderr, "dossier-tagger-train: cannot write %s\n", outpath);
        goto done;
    }
    printf("%s: %zu bytes, %zu features, %zu weights\n", outpath, len, r.features, r.weights);
    if (opt.heldout > 0)
        print_report("held-out", &r);
    status = 0;
done:
    free(model);
    free(lists);
    free(files);
    return status;
}
