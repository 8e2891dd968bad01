-- 013_role_sources.sql: `dossier show` lists an entity's roles from
-- role_spans (one row per person, organisation and title, kept by the
-- triggers of 002/007) and names a few sources of each, instead of
-- grouping every roles row of the entity and printing every source.
-- These indexes let it find an organisation's spans, and the first
-- articles stating one span, without reading the other rows of a person
-- who holds many titles.

CREATE INDEX role_spans_organization ON role_spans(organization);
CREATE INDEX roles_holder ON roles(person, organization, article);
