/*
 * doc.c — the article being ingested: lifetime, failure recording, and
 * the entity and mention helpers every extractor shares.  The order of
 * the stages is extract/pipeline.c's.
 */
#include "base/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

/* See doc.h. */
void dossier_doc_init(dossier_doc *d, const dossier_lexicon *lex, const char *source)
{
    memset(d, 0, sizeof *d);
    d->lex = lex;
    d->source = source;
    d->language = "en";
}

/* See doc.h. */
void dossier_doc_shed(dossier_doc *d)
{
    VEC_FREE(&d->line_folds);
    VEC_FREE(&d->line_flags);
    VEC_FREE(&d->line_spans);
    VEC_FREE(&d->line_hashes);
    VEC_FREE(&d->tokens);
    VEC_FREE(&d->folds);
    VEC_FREE(&d->fold_hashes);
    VEC_FREE(&d->fold_bits);
}

/* See doc.h. */
void dossier_doc_free(dossier_doc *d)
{
    free(d->raw);
    free(d->text);
    free(d->body);
    VEC_FREE(&d->lines);
    VEC_FREE(&d->line_folds);
    VEC_FREE(&d->line_flags);
    VEC_FREE(&d->line_spans);
    VEC_FREE(&d->line_hashes);
    VEC_FREE(&d->paragraphs);
    VEC_FREE(&d->sentences);
    VEC_FREE(&d->tokens);
    VEC_FREE(&d->folds);
    VEC_FREE(&d->fold_hashes);
    VEC_FREE(&d->fold_bits);
    for (size_t i = 0; i < d->entities.n; i++) {
        VEC_FREE(&d->entities.v[i].aliases);
        VEC_FREE(&d->entities.v[i].alias_folds);
    }
    VEC_FREE(&d->entities);
    VEC_FREE(&d->mentions);
    VEC_FREE(&d->roles);
    for (size_t i = 0; i < d->statements.n; i++)
        VEC_FREE(&d->statements.v[i].about);
    VEC_FREE(&d->statements);
    VEC_FREE(&d->timexes);
    for (size_t i = 0; i < d->events.n; i++)
        VEC_FREE(&d->events.v[i].participants);
    VEC_FREE(&d->events);
    dossier_arena_free(&d->arena);
}

/* See doc.h. */
int dossier_doc_fail(dossier_doc *d, int code, const char *fmt, ...)
{
    if (d->err)
        return code;
    d->err = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
    return code;
}

/* See doc.h. */
const char *dossier_doc_strndup(dossier_doc *d, const char *s, size_t len)
{
    return dossier_arena_strndup(&d->arena, s, len);
}

/* Non-zero when folded forms fa and fb (each NULL when it could not be made) are equal. */
static int same_folded(const char *fa, const char *fb)
{
    return fa && fb && strcmp(fa, fb) == 0;
}

/* s[0, len) folded, in the doc's arena; NULL when out of memory.  `fold` is the caller's scratch. */
static const char *keep_folded(dossier_doc *d, dbuf *fold, const char *s, size_t len)
{
    const char *f = dossier_fold_into(fold, s, len);
    return f ? dossier_doc_strndup(d, f, strlen(f)) : NULL;
}

/* See doc.h. */
int dossier_doc_entity(dossier_doc *d, const char *name, size_t len, int kind,
                       const dossier_gaz_entry *gaz)
{
    dbuf fold = {0}, other = {0};
    const char *f = dossier_fold_into(&fold, name, len);
    int idx = -1;
    for (size_t i = 0; idx < 0 && i < d->entities.n; i++) {
        dossier_entity *e = &d->entities.v[i];
        if (gaz ? e->gaz == gaz : (e->kind == kind && !e->gaz && same_folded(e->fold, f)))
            idx = (int)i;
    }
    if (idx < 0) {
        dossier_entity e = {0};
        e.name = gaz ? dossier_doc_strndup(d, gaz->name, strlen(gaz->name)) : dossier_doc_strndup(d, name, len);
        e.kind = gaz ? gaz->kind : kind;
        e.gaz = gaz;
        e.fold = e.name ? keep_folded(d, &other, e.name, strlen(e.name)) : NULL;
        if (!e.name || VEC_PUSH(&d->entities, e))
            idx = dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
        else
            idx = (int)d->entities.n - 1;
        if (idx >= 0 && gaz && !same_folded(e.fold, f) && dossier_doc_alias(d, idx, name, len))
            idx = DOSSIER_ENOMEM;
    }
    dossier_buf_free(&fold);
    dossier_buf_free(&other);
    return idx;
}

/* See doc.h. */
int dossier_doc_alias(dossier_doc *d, int e, const char *alias, size_t len)
{
    dossier_entity *ent = &d->entities.v[e];
    dbuf fold = {0};
    const char *f = dossier_fold_into(&fold, alias, len);
    int known = same_folded(ent->fold, f);
    for (size_t i = 0; !known && i < ent->aliases.n; i++)
        known = same_folded(ent->alias_folds.v[i], f);
    const char *kept = !known && f ? dossier_doc_strndup(d, f, strlen(f)) : NULL;
    dossier_buf_free(&fold);
    if (known)
        return DOSSIER_OK;
    const char *copy = dossier_doc_strndup(d, alias, len);
    if (!copy || VEC_PUSH(&ent->aliases, copy) || VEC_PUSH(&ent->alias_folds, kept))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    return DOSSIER_OK;
}

/* See doc.h. */
int dossier_doc_mention(dossier_doc *d, int entity, int how, int first_token, int ntokens)
{
    dossier_mention m = {0};
    m.entity = entity;
    m.how = how;
    m.first_token = first_token;
    m.ntokens = ntokens;
    m.span.start = d->tokens.v[first_token].span.start;
    m.span.end = d->tokens.v[first_token + ntokens - 1].span.end;
    m.sentence = d->tokens.v[first_token].sentence;
    if (VEC_PUSH(&d->mentions, m))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    d->entities.v[entity].nmentions++;
    return (int)d->mentions.n - 1;
}

/* See doc.h.  Binary search over the tokens, which are in text order. */
int dossier_doc_token_at(const dossier_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->tokens.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const dossier_span *s = &d->tokens.v[mid].span;
        if (pos < s->start)
            hi = mid;
        else if (pos >= s->end)
            lo = mid + 1;
        else
            return (int)mid;
    }
    return -1;
}

/* See doc.h. */
const char *dossier_doc_lang(const dossier_doc *d)
{
    return d->language ? d->language : "en";
}
