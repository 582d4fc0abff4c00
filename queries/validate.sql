-- Every reason the data cannot be trusted, one row per problem: (file, line, reason).
-- store.py refuses to start on the first row (ordered by file and line) and names it.
WITH reports_all AS (
    SELECT 'reports.csv' AS file, line, geography, geography_type, year, NULL AS period_start,
           NULL AS period_end, measure, value, qualifier, release, forces_responding, outlet, source_url
    FROM raw_reports
    UNION ALL
    SELECT 'reports_other_periods.csv', line, geography, geography_type, nullif(year, ''), period_start,
           period_end, measure, value, qualifier, release, forces_responding, outlet, source_url
    FROM raw_reports_other_periods
),
problems AS (
    -- tables the bot cannot answer without: a header and no rows is refused, not served as "no figures"
    SELECT 'reports.csv' AS file, 1 AS line, 'no figures: the file has its header line and no rows' AS reason
    WHERE NOT EXISTS (SELECT 1 FROM raw_reports)
    UNION ALL
    SELECT 'geographies.csv', 1, 'no geographies: the file has its header line and no rows'
    WHERE NOT EXISTS (SELECT 1 FROM raw_geographies)
    UNION ALL
    SELECT 'measures.csv', 1, 'no measures: the file has its header line and no rows'
    WHERE NOT EXISTS (SELECT 1 FROM raw_measures)
    UNION ALL
    -- numbers too large for the typed tables (a pasted cell, digits run together)
    SELECT 'geographies.csv', line, 'population_mid2018 ' || population_mid2018 || ' is too large to be a population'
    FROM raw_geographies
    WHERE regexp_full_match(coalesce(population_mid2018, ''), '[0-9]+') AND try_cast(population_mid2018 AS INTEGER) IS NULL
    UNION ALL
    SELECT 'releases.csv', line, 'headline_value ' || headline_value || ' is too large to be a count'
    FROM raw_releases
    WHERE regexp_full_match(coalesce(headline_value, ''), '[0-9]+') AND try_cast(headline_value AS INTEGER) IS NULL
    UNION ALL
    SELECT 'releases.csv', line, 'forces_responding ' || forces_responding || ' is too large to be a number of forces'
    FROM raw_releases
    WHERE regexp_full_match(coalesce(forces_responding, ''), '[0-9]+') AND try_cast(forces_responding AS INTEGER) IS NULL
    UNION ALL
    SELECT file, line, 'value ' || value || ' is too large to be a count'
    FROM reports_all WHERE regexp_full_match(coalesce(value, ''), '[0-9]+') AND try_cast(value AS BIGINT) IS NULL
    UNION ALL
    SELECT file, line, 'forces_responding ' || forces_responding || ' is too large to be a number of forces'
    FROM reports_all
    WHERE regexp_full_match(coalesce(forces_responding, ''), '[0-9]+') AND try_cast(forces_responding AS INTEGER) IS NULL
    UNION ALL
    -- keys the typed tables enforce, named here with their line
    SELECT 'releases.csv', line, 'series is empty' FROM raw_releases WHERE coalesce(series, '') = ''
    UNION ALL
    SELECT 'releases.csv', line, 'duplicate release ' || release || ' and series ' || series || ' (first given on line '
           || first_line || ')'
    FROM (SELECT *, min(line) OVER (PARTITION BY release, series) AS first_line FROM raw_releases)
    WHERE line > first_line AND coalesce(series, '') <> ''
    UNION ALL
    SELECT 'publishers.csv', line, 'duplicate outlet ' || outlet || ' (first given on line ' || first_line || ')'
    FROM (SELECT *, min(line) OVER (PARTITION BY outlet) AS first_line FROM raw_publishers)
    WHERE line > first_line AND coalesce(outlet, '') <> ''
    UNION ALL
    SELECT 'measures.csv', line, 'measure ' || coalesce(measure, '(empty)') || ' needs a label and a unit'
    FROM raw_measures WHERE coalesce(label, '') = '' OR coalesce(unit, '') = ''
    UNION ALL
    -- geographies.csv
    SELECT 'geographies.csv', line, 'unknown geography_type ' || coalesce('''' || geography_type || '''', '(empty)')
           || ' (expected force, region or nation)'
    FROM raw_geographies WHERE coalesce(geography_type, '') NOT IN ('force', 'region', 'nation')
    UNION ALL
    SELECT 'geographies.csv', line, 'geography name is empty' FROM raw_geographies WHERE coalesce(name, '') = ''
    UNION ALL
    SELECT 'geographies.csv', line, 'population_mid2018 ' || '''' || population_mid2018 || ''' is not a whole number'
    FROM raw_geographies WHERE coalesce(population_mid2018, '') <> '' AND NOT regexp_full_match(population_mid2018, '[0-9]+')
    UNION ALL
    SELECT 'geographies.csv', line, 'duplicate geography ' || name || ' (' || geography_type || ')'
    FROM (SELECT *, count(*) OVER (PARTITION BY name, geography_type) AS n,
                 row_number() OVER (PARTITION BY name, geography_type ORDER BY line) AS k FROM raw_geographies)
    WHERE n > 1 AND k > 1
    UNION ALL
    -- measures.csv
    SELECT 'measures.csv', line, 'measure name is empty' FROM raw_measures WHERE coalesce(measure, '') = ''
    UNION ALL
    SELECT 'measures.csv', line, 'duplicate measure ' || measure
    FROM (SELECT *, row_number() OVER (PARTITION BY measure ORDER BY line) AS k FROM raw_measures) WHERE k > 1
    UNION ALL
    -- releases.csv
    SELECT 'releases.csv', line, 'release ' || coalesce('''' || release || '''', '(empty)') || ' is not a month written YYYY-MM'
    FROM raw_releases WHERE NOT regexp_full_match(coalesce(release, ''), '(19|20)[0-9]{2}-(0[1-9]|1[0-2])')
    UNION ALL
    SELECT 'releases.csv', line, 'headline_value ''' || headline_value || ''' is not a whole number'
    FROM raw_releases WHERE coalesce(headline_value, '') <> '' AND NOT regexp_full_match(headline_value, '[0-9]+')
    UNION ALL
    SELECT 'releases.csv', line, 'forces_responding ''' || forces_responding || ''' is not a whole number'
    FROM raw_releases WHERE coalesce(forces_responding, '') <> '' AND NOT regexp_full_match(forces_responding, '[0-9]+')
    UNION ALL
    -- publishers.csv
    SELECT 'publishers.csv', line, 'outlet or publisher is empty'
    FROM raw_publishers WHERE coalesce(outlet, '') = '' OR coalesce(publisher, '') = ''
    UNION ALL
    -- reports.csv and reports_other_periods.csv
    SELECT file, line, 'unknown geography ' || coalesce('''' || geography || '''', '(empty)') || ' of type '
           || coalesce('''' || geography_type || '''', '(empty)') || ' (not in geographies.csv)'
    FROM reports_all r
    WHERE NOT EXISTS (SELECT 1 FROM raw_geographies g WHERE g.name = r.geography AND g.geography_type = r.geography_type)
    UNION ALL
    SELECT file, line, 'unknown measure ' || coalesce('''' || measure || '''', '(empty)') || ' (not in measures.csv)'
    FROM reports_all r WHERE NOT EXISTS (SELECT 1 FROM raw_measures m WHERE m.measure = r.measure)
    UNION ALL
    SELECT file, line, 'unknown qualifier ' || coalesce('''' || qualifier || '''', '(empty)')
           || ' (expected exact, at_least, approximately or not_available)'
    FROM reports_all WHERE coalesce(qualifier, '') NOT IN ('exact', 'at_least', 'approximately', 'not_available')
    UNION ALL
    SELECT file, line, 'value ''' || value || ''' is not a whole number of zero or more'
    FROM reports_all WHERE coalesce(value, '') <> '' AND NOT regexp_full_match(value, '[0-9]+')
    UNION ALL
    SELECT file, line, 'value is empty but the qualifier is ' || qualifier || ' (only not_available rows may omit it)'
    FROM reports_all WHERE coalesce(value, '') = '' AND qualifier IN ('exact', 'at_least', 'approximately')
    UNION ALL
    SELECT file, line, 'value ' || value || ' is given on a not_available row'
    FROM reports_all WHERE coalesce(value, '') <> '' AND qualifier = 'not_available'
    UNION ALL
    SELECT file, line, 'year ' || coalesce('''' || year || '''', '(empty)') || ' is not a financial year written like 2016/17'
    FROM reports_all
    WHERE file = 'reports.csv'
      AND NOT (regexp_full_match(coalesce(year, ''), '(19|20)[0-9]{2}/[0-9]{2}')
               AND (CAST(substr(year, 1, 4) AS INTEGER) + 1) % 100 = CAST(substr(year, 6, 2) AS INTEGER))
    UNION ALL
    SELECT file, line, 'period ' || coalesce(period_start, '(empty)') || ' to ' || coalesce(period_end, '(empty)')
           || ' is not two months written YYYY-MM, the first not after the second'
    FROM reports_all
    WHERE file = 'reports_other_periods.csv'
      AND NOT (regexp_full_match(coalesce(period_start, ''), '(19|20)[0-9]{2}-(0[1-9]|1[0-2])')
               AND regexp_full_match(coalesce(period_end, ''), '(19|20)[0-9]{2}-(0[1-9]|1[0-2])')
               AND period_start <= period_end)
    UNION ALL
    SELECT file, line, 'release ' || coalesce('''' || release || '''', '(empty)') || ' is not a month written YYYY-MM'
    FROM reports_all WHERE NOT regexp_full_match(coalesce(release, ''), '(19|20)[0-9]{2}-(0[1-9]|1[0-2])')
    UNION ALL
    SELECT file, line, 'forces_responding ''' || forces_responding || ''' is not a whole number'
    FROM reports_all WHERE coalesce(forces_responding, '') <> '' AND NOT regexp_full_match(forces_responding, '[0-9]+')
    UNION ALL
    SELECT file, line, 'figure has no source: outlet and an http(s) source_url are required'
    FROM reports_all
    WHERE coalesce(outlet, '') = '' OR NOT regexp_full_match(coalesce(source_url, ''), 'https?://\S+')
    UNION ALL
    SELECT file, line, 'the same source gives this figure twice (same geography, year, measure, release, page and value)'
    FROM (SELECT *, row_number() OVER (PARTITION BY geography, geography_type, year, period_start, period_end,
                                                    measure, release, source_url, value, forces_responding
                                       ORDER BY line) AS k
          FROM reports_all)
    WHERE k > 1
)
SELECT file, line, reason FROM problems ORDER BY file, line, reason
