-- wirewatch sink: enriched stories and their explained tags.
-- One row per story id (upserted; a replay under a new taxonomy replaces the tags); the child tables hold what the
-- story's latest enrichment said and are replaced whole with it.

CREATE TABLE stories (
    id                  text        PRIMARY KEY,
    kafka_topic         text        NOT NULL,
    kafka_partition     integer     NOT NULL,
    kafka_offset        bigint      NOT NULL,
    source              text        NOT NULL,
    uri                 text,
    format              text        NOT NULL,
    source_version      text,
    headline            text,
    byline              text,
    dateline            text,
    language            text,
    published_at        timestamptz,
    received_at         timestamptz NOT NULL,
    urgency             integer,
    pub_status          text        NOT NULL,
    body                text        NOT NULL,
    paragraphs          jsonb       NOT NULL,
    subjects            jsonb       NOT NULL,
    attributes          jsonb       NOT NULL,
    content_hash        text        NOT NULL,
    provenance_location text,
    taxonomy_version    text        NOT NULL,
    enriched_at         timestamptz NOT NULL,
    defense_cooperation boolean     NOT NULL,
    defense_score       double precision NOT NULL,
    duplicate_of        text,
    ingest_instance     text        NOT NULL,
    ingest_version      text        NOT NULL,
    enrich_instance     text        NOT NULL,
    enrich_version      text        NOT NULL,
    stored_at           timestamptz NOT NULL DEFAULT now(),
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', coalesce(headline, '')), 'A')
                            || setweight(to_tsvector('english', body), 'B')) STORED
);

COMMENT ON COLUMN stories.body IS 'The paragraphs'' texts joined by blank lines.';
COMMENT ON COLUMN stories.search IS 'Full-text search over headline (weight A) and body (weight B), English.';

CREATE INDEX stories_search_idx ON stories USING gin (search);
CREATE INDEX stories_published_at_idx ON stories (published_at);
CREATE INDEX stories_defense_idx ON stories (defense_cooperation, published_at);

CREATE TABLE story_topics (
    story_id  text             NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic_id  text             NOT NULL,
    label     text             NOT NULL,
    score     double precision NOT NULL,
    PRIMARY KEY (story_id, topic_id)
);
CREATE INDEX story_topics_topic_idx ON story_topics (topic_id);

CREATE TABLE story_countries (
    story_id  text    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    code      text    NOT NULL,
    name      text    NOT NULL,
    mentions  integer NOT NULL,
    PRIMARY KEY (story_id, code)
);
CREATE INDEX story_countries_code_idx ON story_countries (code);

CREATE TABLE story_entities (
    story_id  text    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind      text    NOT NULL CHECK (kind IN ('organization', 'person')),
    ordinal   integer NOT NULL,
    name      text    NOT NULL,
    mentions  integer NOT NULL,
    country   text,
    PRIMARY KEY (story_id, kind, ordinal)
);

CREATE TABLE cooperations (
    story_id    text    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    parties_key text    NOT NULL,
    parties     text[]  NOT NULL,
    topics      text[]  NOT NULL,
    PRIMARY KEY (story_id, ordinal)
);
COMMENT ON COLUMN cooperations.parties_key IS 'Sorted party codes joined by +, e.g. IL+IN.';
CREATE INDEX cooperations_parties_idx ON cooperations (parties_key);

CREATE TABLE cooperation_parties (
    story_id     text    NOT NULL,
    cooperation  integer NOT NULL,
    country_code text    NOT NULL,
    PRIMARY KEY (story_id, cooperation, country_code),
    FOREIGN KEY (story_id, cooperation) REFERENCES cooperations (story_id, ordinal) ON DELETE CASCADE
);
CREATE INDEX cooperation_parties_country_idx ON cooperation_parties (country_code);

CREATE TABLE story_watches (
    story_id  text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    watch_id  text NOT NULL,
    PRIMARY KEY (story_id, watch_id)
);

CREATE TABLE evidence (
    story_id     text    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind         text    NOT NULL CHECK (kind IN ('topic', 'cooperation', 'watch')),
    subject      text    NOT NULL,
    ordinal      integer NOT NULL,
    paragraph    integer NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    sentence     text    NOT NULL,
    rule         text    NOT NULL,
    PRIMARY KEY (story_id, kind, subject, ordinal)
);
COMMENT ON COLUMN evidence.subject IS 'Topic id, cooperation ordinal or watch id the sentence supports.';
COMMENT ON COLUMN evidence.paragraph IS 'Paragraph index in stories.paragraphs; -1 for the headline.';
