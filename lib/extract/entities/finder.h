/*
 * finder.h — the inside of the entity finder, shared by its files and by
 * nobody else (the stage's interface is entities.h):
 *
 *   entities.c   the stage: sentences cut into runs of capitalised words,
 *                runs read piece by piece (candidates), word tests
 *   known.c      gazetteer names in the forms the text gives them
 *                (Russian cases, German endings and compounds), demonyms,
 *                first names
 *   unknown.c    names no list holds: where they end and their kind from
 *                cues (titles, speech verbs, appositions, head words)
 *   cues.c       the kind from the common noun before a name ("the rover X")
 *   compounds.c  names found from their shape ("ESA-Chef", "Falcon 9")
 *   tagged.c     names the statistical tagger proposes where the rules found none
 *   teams.c      sports teams named after places, from results and fixtures
 *   repeats.c    the second pass: surnames, repeats, acronyms, descriptions
 */
#ifndef DOSSIER_FINDER_H
#define DOSSIER_FINDER_H

#include "base/doc.h"
#include "base/token.h"
#include "extract/tagger/tagger.h"

/* c->score of the token after a dateline's place ("LONDON 1996-08-30"). */
#define DATELINE 3

/* The state of one entities run over a doc. */
typedef struct {
    dossier_doc *d;
    const char *lang;
    int *owner;          /* per token: the mention that covers it, or -1 */
    int org_from, org_until; /* tokens [org_from, org_until): a list of organisations ("Hersteller A, B und C") */
    unsigned char *tags; /* per token: the tagger's tag (enum dossier_tag), or NULL without a model */
    float *margin;       /* per token: how far the tagger's tag outscored O */
    const dossier_tagger_model *model; /* the model that gave them */
    unsigned char *score; /* per token: 1 a score after a name in a result, 2 in a table row,
                             DATELINE what follows the place of a dateline line, else 0 */
    dossier_lexmemo *lists, *lists_any; /* DOSSIER_LEXMEMO_SLOTS each: the lists dossier_names_lex and
                             dossier_names_lex_any found (keys are constants); NULL: found each time */
    struct dossier_names_title_memo {
        int end, len;    /* dossier_names_title(c, i, end) is len; end -1: not asked yet */
    } *titles;           /* per token (a run asks about the same words again and again), or NULL */
    int have_calendar;   /* calendar is set: */
    uint64_t calendar[8]; /* the first-word bits of the month and weekday names (dossier_names_is_calendar) */
    int have_plural;     /* plural_last is set: */
    uint64_t plural_last[4]; /* the last bytes of the plural endings of c->lang (entity.plural_endings) */
} dossier_names;

/*
 * A title's field of several items after token i ("of Culture, Sport and
 * Youth", "de l'Innovation, des Sciences et de l'Industrie"), opening with
 * a small word: returns where it ends, or 0.  `need_comma`: three items
 * or more.
 */
int dossier_names_field_list(const dossier_names *c, int i, int end, int need_comma);

/*
 * Length of the longest phrase of list `key` (doc language) at tokens [i,
 * end), or 0.  Inline: asked some 6,700 times an article, and most answers
 * are the list's first test, which a call would cost several times over.
 */
static inline size_t dossier_names_lex(const dossier_names *c, const char *key, int i, int end)
{
    if (i < 0 || i >= end)
        return 0;
    const dossier_lexlist *l = c->lists ? dossier_lexicon_find_memo(c->d->lex, c->lang, key, c->lists)
                                        : dossier_lexicon_find(c->d->lex, c->lang, key);
    return dossier_doc_match(c->d, l, (size_t)i, (size_t)(end - i), NULL);
}

/* The same over every language (inline likewise). */
static inline size_t dossier_names_lex_any(const dossier_names *c, const char *key, int i, int end)
{
    if (i < 0 || i >= end)
        return 0;
    const dossier_lexlist *l = c->lists_any ? dossier_lexicon_find_memo(c->d->lex, NULL, key, c->lists_any)
                                            : dossier_lexicon_find(c->d->lex, NULL, key);
    return dossier_doc_match(c->d, l, (size_t)i, (size_t)(end - i), NULL);
}

/*
 * Non-zero when token i is a word with a capital first letter (or all
 * capitals).  Inline: it is asked some 600,000 times an ingest of forty
 * articles.
 */
static inline int dossier_names_is_cap(const dossier_names *c, int i)
{
    if (i < 0 || i >= (int)c->d->tokens.n)
        return 0;
    unsigned f = c->d->tokens.v[i].flags;
    return (f & DOSSIER_TOK_WORD) && (f & (DOSSIER_TOK_UPPER | DOSSIER_TOK_ALLCAPS));
}
/* The token index just past the sentence of token i. */
int dossier_names_sent_end(const dossier_names *c, int i);
/* Non-zero when token i opens its sentence (or a quotation, or follows a colon). */
int dossier_names_sent_first(const dossier_names *c, int i);
/* Length of a title or occupation phrase at [i, end) ("director general", "astronaut"), or 0. */
size_t dossier_names_title(const dossier_names *c, int i, int end);
/* Non-zero when token i is a stop word (entity.stopwords) or an elided article ("l'", "d'"). */
int dossier_names_is_stop(const dossier_names *c, int i);
/* Non-zero when token i is a small word inside names ("of", "de", "l'"). */
int dossier_names_is_connector(const dossier_names *c, int i);
/* Non-zero when token i is a month or weekday name. */
int dossier_names_is_calendar(const dossier_names *c, int i);
/* Non-zero when token i is an organisation head word ("Agency", "...behörde"). */
int dossier_names_is_head(const dossier_names *c, int i);

/*
 * A gazetteer name at [i, end) written with at least one capital (Russian
 * case endings tried too); returns its length and sets *out, or 0.
 */
size_t dossier_names_gazetteer(const dossier_names *c, int i, int end, const dossier_gaz_entry **out);
/* Non-zero when token i is an organisation-title compound ("ESA-Chef", "JAXA-Präsident"). */
int dossier_names_compound_title(const dossier_names *c, int i);
/* Length of a demonym ("Chinese", "russe") at [i, end), or 0. */
size_t dossier_names_adjective(const dossier_names *c, int i, int end);

/* Non-zero when token i is a lower-case adjective (a demonym, or by its ending in the doc language). */
int dossier_names_adjective_like(const dossier_names *c, int i);

/* Records entity (kind, gaz) for tokens [i, j) unless a mention covers them already. */
int dossier_names_add(dossier_names *c, int i, int j, int kind, const dossier_gaz_entry *gaz, int how);

/* Records [i, j) like dossier_names_add, but names the entity `name` (len bytes). */
int dossier_names_add_named(dossier_names *c, int i, int j, int kind, const dossier_gaz_entry *gaz, int how,
                            const char *name, size_t len);
/* An entity found from text with this name or alias, whatever its kind, or -1. */
int dossier_names_find(const dossier_doc *d, const char *text, size_t len);

/* Non-zero when the folded word is a title or occupation (German: or ends in a title). */
int dossier_names_word_title(const dossier_names *c, const char *w);
/* Non-zero when token i ends in "-<title>" ("ESA-Chef", "VKRT-Geschäftsführerin"). */
int dossier_names_tail_title(const dossier_names *c, int i);
/*
 * A describing noun ("Start-up", "Hersteller": the names after it are
 * organisations) or a hyphenated compound at capitalised token p
 * (compounds.c): "ACRONYM-Title",
 * "Name-12-Title", German "Name-12-Noun", "X-Hersteller" (a list of
 * organisations follows).  Records the entity before the hyphen, sets
 * *title when the tail is a title; returns 1 when the token is used, 0
 * when it is no such compound, or a negative code.
 */
int dossier_names_compound(dossier_names *c, int p, int *title);
/*
 * A known programme [p, p+k) followed by a designator ("Langer Marsch 2F",
 * "Союз МС-25"): records the whole as a new programme and returns where
 * it ends, 0 when there is none, or a negative code.
 */
int dossier_names_designated(dossier_names *c, int p, int k, const dossier_gaz_entry *g, int end);

/* Non-zero when token i is a one-word phrase of list `key`; Russian words in any case (cues.c). */
int dossier_names_lex_stem(const dossier_names *c, const char *key, int i);
/* The kind a lower-case common noun before unknown name p gives it ("модулем «X»", "the crater X"), or -1. */
int dossier_names_noun_before(const dossier_names *c, int p);
/* A known Russian name of several words in another case ("Индийской организации ...", or with caps set,
   capitalised words after the first: "Центра Келдыша"): its length, or 0 (known.c). */
size_t dossier_names_gaz_russian_phrase(const dossier_names *c, int i, int end, int caps, const dossier_gaz_entry **out);
/* German: the kind the capitalised noun that opens [p, q) gives the rest ("Wüste X", "Mission X"), or -1. */
int dossier_names_noun_first(const dossier_names *c, int p, int q);
/* Non-zero when known place p is rather a first name before an unknown capitalised word ("Jordan X") (cues.c). */
int dossier_names_place_first_name(const dossier_names *c, int p, int end);
/* German: non-zero when the word at p stands after an article elsewhere in the text ("der Auftrag"): a noun (cues.c). */
int dossier_names_common_noun(const dossier_names *c, int p);
/* The kind of a word in lower case with capitals inside after a noun ("das Radiometer hyperSCAN"), or -1 (cues.c). */
int dossier_names_camel(const dossier_names *c, int i);
/* Non-zero when token i is a hyphenated adjective ("Deutsch-japanischer", "Leeds-based"): see dossier_inflect_hyphen_adjective (cues.c). */
int dossier_names_adjective_compound(const dossier_names *c, int i);
/* Where a quoted name right after an organisation at q ends ("центром «Гранит»"), or q (cues.c). */
int dossier_names_quoted_tail(const dossier_names *c, int q, int sentend);
/* German: non-zero for one word ending in a place word after "in", "im" ("im Orinocodelta") (cues.c). */
int dossier_names_place_compound(const dossier_names *c, int p);

/*
 * Capitalised words [p, end) right before a lower-case programme word
 * ("the Blue Moon lander"): records them as a programme and returns end,
 * 0 when they are not such, or a negative code.
 */
int dossier_names_before_program_word(dossier_names *c, int p, int end);
/*
 * The run [i, j) followed by "(ACRONYM)" of a known entity whose letters
 * are the initials of its last capitalised words ("Smart Lander for
 * Investigating Moon (SLIM)"): records those words as that entity and
 * returns where they start, -1 when there is none, or a negative code
 * below -1.
 */
int dossier_names_expansion(dossier_names *c, int i, int j, int end);

/* Non-zero when token j is the hyphen of an elided compound before "and" ("Luft- und Raumfahrt"). */
int dossier_names_elided_and(const dossier_names *c, int j);

/* German: non-zero when token i is a describing noun for companies ("Satellitenhersteller", "Start-up"). */
int dossier_names_descriptor(const dossier_names *c, int i);
/* Non-zero when token i is one letter, a hyphen and a lower-case word ("X-ray", "T-shirt"). */
int dossier_names_letter_compound(const dossier_names *c, int i);
/* Non-zero when [p, q) stands in a list next to an organisation ("Boeing, X and Y", "SES et l'allemande X"). */
int dossier_names_in_org_list(const dossier_names *c, int p, int q);

/* Non-zero when [p, q) is a dateline: words in capitals that open a sentence before a dash ("MONTRÉAL —"),
   or the place of a dateline line ("LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29"). */
int dossier_names_dateline(const dossier_names *c, int p, int q);

/*
 * Non-zero when a generational suffix ("Jr.", "Sr", "III":
 * entity.name_suffixes) stands at token t, or after a comma there: the
 * name before it is another person than the one without it.
 */
int dossier_names_suffix_after(const dossier_names *c, int t);

/* Non-zero when token i is a first name (or a hyphenated one: "Marie-Claire"). */
int dossier_names_first_name(const dossier_names *c, int i);
/*
 * Non-zero when token i is a first name: of entity.first_names, or,
 * capitalised, of the open list of given names the English model's word
 * table carries (about 8,400 names of many origins: "Marta", "Nina"), and
 * no dictionary word or region there ("Will", "Georgia").  For names
 * of two words or more, where a first name tells a person.
 */
int dossier_names_given_name(const dossier_names *c, int i);

/* Where an unknown name starting at p ends within the run [p, end). */
int dossier_names_unknown_end(const dossier_names *c, int p, int end);
/*
 * Decides the kind of the unknown name [p, q) from its cues and records
 * it, or leaves it when no cue speaks.  `title`, `prefix`: a title or
 * "Mr" came before it.
 */
int dossier_names_unknown(dossier_names *c, int p, int q, int title, int prefix);

/*
 * Names that start with a lower-case word at token i ("lunar Gateway",
 * "ministère chinois des Affaires étrangères"): returns the tokens used,
 * 0 when none, or a negative code.
 */
int dossier_names_lowercase(dossier_names *c, int i, int end);

/*
 * An organisation written in sentence case from capitalised token p:
 * a head and adjectives ("Agence spatiale algérienne") or adjectives and
 * a head ("Европейское космическое агентство").  Returns where it ends,
 * or 0; *kind is a place when the head is a place's ("Centre spatial").
 */
int dossier_names_sentence_case_org(const dossier_names *c, int p, int sentend, int *kind);

/* In a title-case headline run [i, j): only gazetteer names. */
int dossier_names_known_only(dossier_names *c, int i, int j);

/*
 * Non-zero when most words of sentence s are capitalised: a headline in
 * title case or capitals, where capitals tell nothing of names.
 */
int dossier_names_headline(const dossier_names *c, const dossier_sentence *s);

/*
 * Non-zero when sentence s is a headline in title case, not capitals nor a
 * list of names: most words capitalised, small words too ("Speaks To
 * Voters After The Debate"), some in lower case.  German is never.
 */
int dossier_names_title_case(const dossier_names *c, const dossier_sentence *s);

/*
 * After the first pass: other mentions of what was found (repeats of a
 * name, surnames, "Mr X", acronyms) and descriptions ("the agency").
 */
int dossier_names_second_pass(dossier_names *c);

/*
 * Tags the doc with the model of its language into c->tags (left NULL
 * when the language has none).  A damaged model fails the doc with a
 * message (tagged.c).
 */
int dossier_names_tag(dossier_names *c);
/* Non-zero when the tagger tags no word of [p, q) as a name (0 without a model). */
int dossier_names_tagger_none(const dossier_names *c, int p, int q);
/*
 * Non-zero when the words [p, q) are, as a whole, a region (or, with
 * `cities`, a city) on the model's lists and no first name, person or
 * organisation there ("Arizona", "North Carolina"); 0 without a model.
 */
int dossier_names_listed_place(const dossier_names *c, int p, int q, int cities);
/* Non-zero when the name, folded, is a region on the model's lists (as dossier_names_listed_place). */
int dossier_names_listed_region(const dossier_names *c, const char *name);
/*
 * The names the tagger finds in tokens no mention covers, recorded with
 * the tagger's kind: people (`people` set) between the passes, so that
 * the second pass joins their surnames to them; organisations and places
 * after it, so that its cues ("X, the nonprofit behind ...") speak first.
 */
int dossier_names_tagged(dossier_names *c, int people);

/*
 * Sports teams: names in results ("Blackburn 2 Southampton 1") and
 * fixtures ("Kent v Surrey") that are no person become organisations,
 * places found from the text included (teams.c).
 */
int dossier_names_teams(dossier_names *c);
/*
 * Marks the numbers after names in results and table rows in c->score
 * (which it allocates; the caller frees it), so that a score is never
 * read as part of a name ("Stoke 4" is no programme) (teams.c).
 */
int dossier_names_scores(dossier_names *c);

/* Non-zero when the folded word holds Cyrillic letters. */
int dossier_names_cyrillic(const char *w);
/* Non-zero when the word at token i ends like an adjective of the doc language (entity.adjective_suffixes). */
int dossier_names_adjective_ending(const dossier_names *c, int i);

#endif /* DOSSIER_FINDER_H */
