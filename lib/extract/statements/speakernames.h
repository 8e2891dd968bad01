/*
 * speakernames.h — speakers' names the entities stage did not find
 * (speakernames.c).  Internal to the statements stage.
 */
#ifndef DOSSIER_SPEAKERNAMES_H
#define DOSSIER_SPEAKERNAMES_H

#include "extract/statements/candidates.h"

/* Frees the look-ups this file made on c (c->names).  Accepts a context without them. */
void dossier_speakernames_free(stm_ctx *c);

/* Non-zero when folded words a and b are one name, allowing two inflected final letters. */
int dossier_speakernames_same_stem(const char *a, const char *b);

/*
 * The person or organisation a bare capitalised word at `t` names by its
 * last word ("Sandhu", "Israël", "the Post"), creating the person from a
 * "Firstname Surname" earlier in the text when needed; -1 when none.
 */
int dossier_speakernames_known(stm_ctx *c, int t);

/*
 * Like dossier_speakernames_known(), also for a word opening its sentence
 * ("Василевская, бывшая ..."): a surname of a full name written earlier.
 */
int dossier_speakernames_surname(stm_ctx *c, int t);

/* The place whose adjective or name stands next to a government word at `t`, or -1. */
int dossier_speakernames_government(stm_ctx *c, int t);

/*
 * A name no stage has found in tokens [first, end), added as an entity
 * with a mention; returns the mention or -1.  With `person_only`, only a
 * person's name is taken.
 */
int dossier_speakernames_new(stm_ctx *c, int first, int end, int person_only);

/*
 * A single unknown capitalised word heading a subject with an apposition
 * ("MaiaSpace, filiale d'ArianeGroup, a indiqué"): a person when the
 * apposition holds a role word, an organisation when it holds an
 * organisation word or name.  Adds it with a mention and returns the
 * mention, or -1.
 */
int dossier_speakernames_head(stm_ctx *c, int first, int end);

/*
 * A one-word organisation in [first, end) that no stage named, a compound
 * of an organisation word ("Bundeswirtschaftsministeriums" of
 * "ministerium"): added as an entity with a mention; returns the mention
 * or -1.
 */
int dossier_speakernames_compound_org(stm_ctx *c, int first, int end);

/*
 * A single capitalised word no stage named right before the cue, ending
 * the subject [first, end): "The Israeli nonprofit SpaceIL said".  A
 * person after a role word, else an organisation; added with a mention.
 * Returns the mention or -1.
 */
int dossier_speakernames_before_cue(stm_ctx *c, int first, int end);

/*
 * Non-zero when the organisation description mention m ("the company")
 * repeats a description word that every earlier description mention with
 * that word gave to the same entity: the entities stage's choice holds.
 */
int dossier_speakernames_same_description(const stm_ctx *c, int m);

/* Non-zero when token t is an organisation word, also inflected ("Центра" for "центр"). */
int dossier_speakernames_org_word(const stm_ctx *c, int t);

/*
 * An organisation mention m that no gazetteer entry names, followed by a
 * known organisation's acronym in brackets before token `end` ("Федеральное
 * управление … (FAA)" when the stage cut the name short): the acronym's
 * mention; else m.
 */
int dossier_speakernames_acronym(const stm_ctx *c, int m, int end);

/*
 * The end of the subject [first, end) of a cue after a conjunction ("NASA
 * congratulated SpaceX and said", "Администрация агентства поздравила
 * SpaceX и сообщила"): the noun phrase that names the first speaker, when
 * a predicate naming someone else follows it; else `end`.
 */
int dossier_speakernames_coordinated_end(const stm_ctx *c, int first, int end);

/*
 * "Name, the nonprofit behind …, has frozen work, the organisation said"
 * with no organisation named before: the organisation that heads the
 * reported clause (after a dateline), found or added by
 * dossier_speakernames_head(); its mention or -1.
 */
int dossier_speakernames_clause_head(stm_ctx *c, const stm_cand *k);

/*
 * A known organisation written in lower case right before the cue, after
 * an organisation word ("its operator ispace said"), which the entities
 * stage leaves alone: added with a mention; returns the mention or -1.
 */
int dossier_speakernames_gazetteer_before_cue(stm_ctx *c, int first, int end);

/*
 * An organisation's name that opens with a capitalised organisation word
 * and goes on in lower case, the whole subject [first, end) after an
 * inverted cue ("…, сообщило Министерство обороны России."), that no
 * stage named: added with a mention; returns the mention or -1.
 */
int dossier_speakernames_org_phrase(stm_ctx *c, int first, int end);

/*
 * A speaker that is a group of people or a document, named by a noun
 * phrase rather than a name ("analysts", "Republican officials", "the
 * poll"): its head is a word of statement.group_nouns (people) or
 * statement.source_nouns (polls, studies, records), the last word of the subject
 * [first, end) when `before_cue`, else the first noun phrase there.  Adds
 * an entity named by the phrase without its articles and quantifiers, an
 * organisation (a body speaking, not one person), with no mention:
 * it names nobody the article's entity list should hold.  A share of the
 * people asked ("Twenty-four percent said", "three in 10 say") is such a
 * group too.  Returns the entity or -1.
 */
int dossier_speakernames_group(stm_ctx *c, int first, int end, int before_cue);

/*
 * The name a source phrase [first, end) ends with that no stage found
 * ("according to The Guardian", "according to Pollster Inc"): after its
 * articles, capitalised words and the connectors between them, closing
 * the phrase; not a group, a role, a document or a word of grammar.  A
 * person when it opens with a known first name, else an organisation;
 * added with a mention.  Returns the mention or -1.
 */
int dossier_speakernames_source(stm_ctx *c, int first, int end);

/*
 * A subject [first, end) before its cue that is one capitalised word no
 * stage named and the article never writes in lower case ("W said", "W, a
 * teacher from Ohio, said"): not a word of grammar, a group, a role, a
 * month or a weekday, nor in statement.lone_not_names; not in a language
 * that capitalises every noun (statement.nouns_capitalised).  A person, or an
 * organisation when written in capitals; added with a mention.  Returns
 * the mention or -1.
 */
int dossier_speakernames_lone(stm_ctx *c, int first, int end);

/*
 * Non-zero when tokens [first, end) can label a speaker before a colon
 * ("SMITH: …", "Anna Berg: …"): one mention of a person or organisation,
 * or up to four capitalised words with one the article never writes in
 * lower case; no group, poll or document ("Poll: …"), no caption or
 * statement.not_labels ("Update: …").
 */
int dossier_speakernames_label(const stm_ctx *c, int first, int end);

#endif /* DOSSIER_SPEAKERNAMES_H */
