-- 001: stories, per-report event mentions, claims, actor mentions, wire-copy bands, clusters.
-- Dates are DATE; lists of codes are joined with "|" so every export format can carry them.

CREATE TABLE stories (
    id          VARCHAR PRIMARY KEY,   -- content fingerprint of the story text (see store/rows.py)
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

-- Locality-sensitive hashing bands of each story's MinHash: equal band => candidate copy.
CREATE TABLE story_bands (
    band     UBIGINT NOT NULL,
    story_id VARCHAR NOT NULL
);

CREATE TABLE events (
    id               VARCHAR PRIMARY KEY,  -- story id ":" the event's id within its report
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

CREATE TABLE claims (
    id              VARCHAR PRIMARY KEY,
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

-- One row per actor mention in an event or claim (role: source, target, said_by, subject...).
CREATE TABLE actors (
    id         VARCHAR PRIMARY KEY,
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

-- Each mention (events row) belongs to one cluster: one real-world event, many reports.
CREATE TABLE event_clusters (
    event_id   VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,
    score      DOUBLE               -- match score against the cluster (NULL: founded it)
);

CREATE TABLE clusters (
    id            VARCHAR PRIMARY KEY,
    event_id      VARCHAR NOT NULL,  -- the representative mention (the earliest stored)
    mention_count INTEGER NOT NULL,
    source_count  INTEGER NOT NULL,  -- distinct stories reporting it
    outlet_count  INTEGER NOT NULL,  -- distinct outlets (stories.source)
    copy_count    INTEGER NOT NULL,  -- of those stories, how many are wire copies
    first_date    DATE,
    last_date     DATE
);
