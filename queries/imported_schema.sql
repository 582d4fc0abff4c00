-- The official recorded-crime tables and populations imported by `offences data import` (the data
-- contract: one row per published cell). Created empty on every load, so every query works on a fresh
-- clone; bot/imported.py then fills them from <data>/imported/*/*.parquet, one file at a time.
CREATE TABLE recorded_crime (
    publisher            VARCHAR NOT NULL,
    source_table         VARCHAR NOT NULL,
    edition              VARCHAR NOT NULL,
    edition_end          DATE NOT NULL,
    published            VARCHAR,
    period_start         DATE NOT NULL,
    period_end           DATE NOT NULL,
    period_months        INTEGER NOT NULL,
    area_code            VARCHAR NOT NULL,
    area_name            VARCHAR NOT NULL,
    area_type            VARCHAR NOT NULL,
    offence_group        VARCHAR NOT NULL,
    offence_as_published VARCHAR NOT NULL,
    value                BIGINT,
    status               VARCHAR NOT NULL CHECK (status IN ('published', 'not available', 'not applicable')),
    source_file          VARCHAR NOT NULL,
    source_line          INTEGER NOT NULL,
    source_url           VARCHAR NOT NULL
);
CREATE TABLE populations (
    area_code    VARCHAR NOT NULL,
    area_name    VARCHAR NOT NULL,
    mid_year     INTEGER NOT NULL,
    population   BIGINT NOT NULL,
    publisher    VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL,
    edition      VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    source_line  INTEGER NOT NULL,
    source_url   VARCHAR NOT NULL
);
