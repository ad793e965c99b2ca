-- 002: the same tables without PRIMARY KEY constraints.
-- A key is an ART index that DuckDB keeps in memory whole: it grew with the store (about 50 MB
-- per 100,000 stories) and made ingest memory creep, and every checkpoint rewrote it. Keys are now
-- kept unique by the writer instead (store/write.py: a batch's stories are checked against the
-- stored ids inside its transaction, and every other id is derived from a story id); reads join
-- by hash, which never used these indexes.

CREATE TABLE stories_002 (
    id          VARCHAR NOT NULL,      -- content fingerprint of the story text (see store/rows.py)
    doc_id      VARCHAR,               -- the pipeline's own Doc.id
    title       VARCHAR,
    published   DATE,
    dateline    VARCHAR,
    source      VARCHAR,
    url         VARCHAR,
    origin      VARCHAR,
    language    VARCHAR,
    text        VARCHAR,
    versions    VARCHAR,               -- JSON object: rule/dictionary name -> version
    copy_of     VARCHAR,               -- id of the earlier story this one is a wire copy of
    copy_score  DOUBLE,
    minhash     UBIGINT[],
    n_events    INTEGER,
    n_claims    INTEGER,
    ingested_at TIMESTAMP
);
INSERT INTO stories_002 SELECT * FROM stories;
DROP TABLE stories;
ALTER TABLE stories_002 RENAME TO stories;

CREATE TABLE events_002 (
    id               VARCHAR NOT NULL,     -- story id ":" the event's id within its report
    story_id         VARCHAR NOT NULL,
    event_id         VARCHAR,
    sentence         INTEGER,
    source_text      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    source_name      VARCHAR,
    source_role      VARCHAR,
    source_code      VARCHAR,
    target_text      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    target_name      VARCHAR,
    target_role      VARCHAR,
    target_code      VARCHAR,
    dyad_key         VARCHAR,              -- the two countries sorted: the dedupe blocking key
    cameo            VARCHAR,
    cameo_root       VARCHAR,
    plover           VARCHAR,
    mode             VARCHAR,
    quad             INTEGER,
    intensity        DOUBLE,
    status           VARCHAR,
    date             DATE,                 -- the event's date, else the story's publication date
    date_text        VARCHAR,
    date_is          VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    said_by_text     VARCHAR,
    said_by_code     VARCHAR,
    evidence         VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    quote            VARCHAR,
    rule             VARCHAR,              -- rule name with its version, e.g. consult.v1
    confidence       DOUBLE,
    versions         VARCHAR               -- JSON: the versions of every rule set and dictionary
);
INSERT INTO events_002 SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_002 RENAME TO events;

CREATE TABLE claims_002 (
    id              VARCHAR NOT NULL,
    story_id        VARCHAR NOT NULL,
    claim_id        VARCHAR,
    sentence        INTEGER,
    subject_text    VARCHAR,
    subject_country VARCHAR,
    subject_code    VARCHAR,
    object_text     VARCHAR,
    object_country  VARCHAR,
    object_code     VARCHAR,
    cameo           VARCHAR,
    plover          VARCHAR,
    status          VARCHAR,
    claimed_by_text VARCHAR,
    claimed_by_code VARCHAR,
    denied_by_text  VARCHAR,
    denied_by_code  VARCHAR,
    evidence        VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    rule            VARCHAR,
    versions        VARCHAR
);
INSERT INTO claims_002 SELECT * FROM claims;
DROP TABLE claims;
ALTER TABLE claims_002 RENAME TO claims;

CREATE TABLE actors_002 (
    id         VARCHAR NOT NULL,
    story_id   VARCHAR NOT NULL,
    record_id  VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    text       VARCHAR,
    start_char INTEGER,
    end_char   INTEGER,
    country    VARCHAR,
    sector     VARCHAR,
    name       VARCHAR,
    title      VARCHAR,
    code       VARCHAR
);
INSERT INTO actors_002 SELECT * FROM actors;
DROP TABLE actors;
ALTER TABLE actors_002 RENAME TO actors;

CREATE TABLE event_clusters_002 (
    event_id   VARCHAR NOT NULL,
    cluster_id VARCHAR NOT NULL,
    score      DOUBLE               -- match score against the cluster (NULL: founded it)
);
INSERT INTO event_clusters_002 SELECT * FROM event_clusters;
DROP TABLE event_clusters;
ALTER TABLE event_clusters_002 RENAME TO event_clusters;

CREATE TABLE clusters_002 (
    id            VARCHAR NOT NULL,
    event_id      VARCHAR NOT NULL,  -- the representative mention (the earliest stored)
    mention_count INTEGER NOT NULL,
    source_count  INTEGER NOT NULL,  -- distinct stories reporting it
    outlet_count  INTEGER NOT NULL,  -- distinct outlets (stories.source)
    copy_count    INTEGER NOT NULL,  -- of those stories, how many are wire copies
    first_date    DATE,
    last_date     DATE
);
INSERT INTO clusters_002 SELECT * FROM clusters;
DROP TABLE clusters;
ALTER TABLE clusters_002 RENAME TO clusters;
