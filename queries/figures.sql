-- The figure a reporter should be given for each (geography, year, measure), derived once at start.
--
-- 1. Within each release, settle what the release says:
--    - exact values outrank lower bounds and approximations ("more than 3,000" does not contradict 3,186);
--    - among the values left, the publisher's own page decides (publishers.csv), then the release's
--      national headline (releases.csv), then the value most outlets print;
--    - a tie with nothing to break it is 'disputed' and every tied value is kept;
--    - a release whose sources only say the force supplied nothing is 'not_available'.
-- 2. The latest release that reports the figure gives the answer; an earlier release whose settled
--    value differs is kept as a revision, and values that lost within the latest release as misprints.
CREATE TABLE figures AS
WITH yearly AS (
    SELECT * FROM reports WHERE year IS NOT NULL
),
per_release AS (
    SELECT geography, geography_type, year, measure, release,
           bool_or(qualifier = 'exact') AS has_exact,
           bool_or(value IS NOT NULL) AS has_value
    FROM yearly GROUP BY ALL
),
votes AS (
    SELECT y.geography, y.geography_type, y.year, y.measure, y.release, y.value,
           CASE WHEN bool_or(y.qualifier = 'exact') THEN 'exact'
                WHEN bool_or(y.qualifier = 'approximately') THEN 'approximately'
                ELSE 'at_least' END AS qualifier,
           bool_or(p.outlet IS NOT NULL) AS by_publisher,
           bool_or(h.release IS NOT NULL) AS is_headline,
           any_value(h.forces_responding) AS headline_forces,
           mode(y.forces_responding) AS stated_forces,
           count(DISTINCT y.outlet) AS outlets,
           list(DISTINCT y.outlet ORDER BY y.outlet) AS outlet_list,
           -- the page to cite: the publisher's own, else one that states its force count, else the first by name
           arg_min(y.source_url, (p.outlet IS NULL, y.forces_responding IS NULL, y.outlet, y.line)) AS source_url,
           arg_min(y.outlet, (p.outlet IS NULL, y.forces_responding IS NULL, y.outlet, y.line)) AS outlet,
           arg_min(y.note, (p.outlet IS NULL, y.forces_responding IS NULL, y.outlet, y.line)) AS note
    FROM yearly y
    JOIN per_release r USING (geography, geography_type, year, measure, release)
    LEFT JOIN publishers p ON p.outlet = y.outlet
    LEFT JOIN releases h
           ON h.release = y.release AND h.geography = y.geography
          AND h.covers_year = y.year AND h.headline_value = y.value
    WHERE y.value IS NOT NULL AND (y.qualifier = 'exact' OR NOT r.has_exact)
    GROUP BY ALL
),
ranked AS (
    SELECT *,
           rank() OVER (PARTITION BY geography, geography_type, year, measure, release
                        ORDER BY by_publisher DESC, is_headline DESC, outlets DESC) AS place,
           row_number() OVER (PARTITION BY geography, geography_type, year, measure, release
                              ORDER BY by_publisher DESC, is_headline DESC, outlets DESC, value) AS pos
    FROM votes
),
settled AS (
    -- one row per (key, release): what that release says
    SELECT r.geography, r.geography_type, r.year, r.measure, r.release,
           w.value, w.qualifier, coalesce(w.headline_forces, w.stated_forces) AS forces_responding,
           w.outlet, w.source_url, w.note, w.outlet_list AS outlets,
           CASE WHEN NOT r.has_value THEN 'not_available'
                WHEN (SELECT count(*) FROM ranked t
                      WHERE t.geography = r.geography AND t.geography_type = r.geography_type
                        AND t.year = r.year AND t.measure = r.measure AND t.release = r.release
                        AND t.place = 1) > 1 THEN 'disputed'
                ELSE 'reported' END AS status,
           (SELECT list({'value': t.value, 'qualifier': t.qualifier, 'outlets': t.outlet_list,
                         'source_url': t.source_url, 'note': t.note, 'tied': t.place = 1} ORDER BY t.pos)
            FROM ranked t
            WHERE t.geography = r.geography AND t.geography_type = r.geography_type
              AND t.year = r.year AND t.measure = r.measure AND t.release = r.release AND t.pos > 1) AS other_values
    FROM per_release r
    LEFT JOIN ranked w
           ON w.geography = r.geography AND w.geography_type = r.geography_type AND w.year = r.year
          AND w.measure = r.measure AND w.release = r.release AND w.pos = 1
),
not_available_sources AS (
    SELECT geography, geography_type, year, measure, release,
           arg_min(outlet, line) AS outlet, arg_min(source_url, line) AS source_url, arg_min(note, line) AS note,
           list(DISTINCT outlet ORDER BY outlet) AS outlets
    FROM yearly WHERE qualifier = 'not_available' GROUP BY ALL
),
settled_sourced AS (
    SELECT s.geography, s.geography_type, s.year, s.measure, s.release, s.value, s.qualifier,
           s.forces_responding, s.status, coalesce(s.other_values, []) AS other_values,
           coalesce(s.outlet, n.outlet) AS outlet, coalesce(s.source_url, n.source_url) AS source_url,
           coalesce(s.note, n.note) AS note, coalesce(s.outlets, n.outlets) AS outlets,
           row_number() OVER (PARTITION BY s.geography, s.geography_type, s.year, s.measure
                              ORDER BY s.release DESC) AS recency
    FROM settled s
    LEFT JOIN not_available_sources n USING (geography, geography_type, year, measure, release)
)
SELECT c.geography, c.geography_type, g.code AS geography_code, c.year, c.measure,
       c.release, c.value, c.qualifier, c.status, c.forces_responding, c.outlet, c.source_url, c.note,
       c.outlets, c.other_values,
       coalesce((SELECT list({'release': e.release, 'value': e.value, 'qualifier': e.qualifier,
                              'status': e.status, 'outlet': e.outlet, 'source_url': e.source_url}
                             ORDER BY e.release DESC)
                 FROM settled_sourced e
                 WHERE e.geography = c.geography AND e.geography_type = c.geography_type
                   AND e.year = c.year AND e.measure = c.measure AND e.recency > 1
                   AND e.value IS DISTINCT FROM c.value), []) AS revisions,
       g.population_mid2018 AS population,
       g.region
FROM settled_sourced c
JOIN geographies g ON g.name = c.geography AND g.geography_type = c.geography_type
WHERE c.recency = 1
ORDER BY c.geography, c.geography_type, c.year, c.measure;

-- The same rows keyed for the one-figure question (queries/figure.sql), each row as JSON text: one
-- equality on one column and one string to decode per answer instead of four predicates and nested
-- list/struct columns to convert (measured: 0.74 ms against 1.50 ms a query; bench/answer_bench.py).
CREATE TABLE figure_lookup AS
SELECT concat_ws('|', geography, geography_type, measure, year) AS key, to_json(f)::VARCHAR AS row_json
FROM figures f;

-- Every year of one place's series as one JSON array (queries/place_years.sql): a figure question,
-- "latest", and the reply that says which years there are when the asked year has none all read this
-- one row. Measured with the CPU caches cold, as between a reporter's sporadic questions: one query
-- costs ~1.3 ms whatever it does, so one query per answer instead of two to four is what counts.
CREATE TABLE place_lookup AS
SELECT concat_ws('|', geography, geography_type, measure) AS key, to_json(list(f ORDER BY year))::VARCHAR AS rows_json
FROM figures f
GROUP BY geography, geography_type, measure;
