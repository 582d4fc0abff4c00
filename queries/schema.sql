-- The explicit schema of the dataset, built from the validated raw_* tables (see validate.sql).
CREATE TABLE geographies (
    code               VARCHAR,
    name               VARCHAR NOT NULL,
    geography_type     VARCHAR NOT NULL CHECK (geography_type IN ('force', 'region', 'nation')),
    region             VARCHAR,
    nation             VARCHAR,
    population_mid2018 INTEGER,
    aliases            VARCHAR[],
    PRIMARY KEY (name, geography_type)
);
INSERT INTO geographies
SELECT nullif(code, ''), name, geography_type, nullif(region, ''), nullif(nation, ''),
       CAST(nullif(population_mid2018, '') AS INTEGER),
       CASE WHEN coalesce(aliases, '') = '' THEN []::VARCHAR[] ELSE string_split(aliases, '|') END
FROM raw_geographies;

CREATE TABLE measures (
    measure     VARCHAR PRIMARY KEY,
    label       VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    description VARCHAR
);
INSERT INTO measures SELECT measure, label, unit, description FROM raw_measures;

CREATE TABLE releases (
    release           VARCHAR NOT NULL,
    series            VARCHAR NOT NULL,
    covers_year       VARCHAR,
    geography         VARCHAR,
    headline_value    INTEGER,
    forces_responding INTEGER,
    note              VARCHAR,
    PRIMARY KEY (release, series)
);
INSERT INTO releases
SELECT release, series, nullif(covers_year, ''), nullif(geography, ''),
       CAST(nullif(headline_value, '') AS INTEGER), CAST(nullif(forces_responding, '') AS INTEGER),
       nullif(note, '')
FROM raw_releases;

-- Outlets whose pages are the publisher's own (they settle disagreements within a release).
CREATE TABLE publishers (
    outlet    VARCHAR PRIMARY KEY,
    publisher VARCHAR NOT NULL
);
INSERT INTO publishers SELECT outlet, publisher FROM raw_publishers;

-- One row per figure per source. value is NULL exactly when qualifier = 'not_available'.
CREATE TABLE reports (
    file              VARCHAR NOT NULL,
    line              INTEGER NOT NULL,
    geography         VARCHAR NOT NULL,
    geography_type    VARCHAR NOT NULL,
    year              VARCHAR,            -- 2016/17; NULL for other periods
    period_start      VARCHAR,            -- YYYY-MM, other periods only
    period_end        VARCHAR,
    measure           VARCHAR NOT NULL,
    value             BIGINT CHECK (value >= 0),
    qualifier         VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'approximately', 'not_available')),
    release           VARCHAR NOT NULL,
    forces_responding INTEGER,
    outlet            VARCHAR NOT NULL,
    source_url        VARCHAR NOT NULL,
    note              VARCHAR
);
INSERT INTO reports
SELECT 'reports.csv', line, geography, geography_type, year, NULL, NULL, measure,
       CAST(nullif(value, '') AS BIGINT), qualifier, release,
       CAST(nullif(forces_responding, '') AS INTEGER), outlet, source_url, nullif(note, '')
FROM raw_reports;
INSERT INTO reports
SELECT 'reports_other_periods.csv', line, geography, geography_type, NULL, period_start, period_end, measure,
       CAST(nullif(value, '') AS BIGINT), qualifier, release,
       CAST(nullif(forces_responding, '') AS INTEGER), outlet, source_url, nullif(note, '')
FROM raw_reports_other_periods;
