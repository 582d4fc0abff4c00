-- Police recorded crime figures, one row per (edition, area, offence group, period): the published cells,
-- plus totals composed from their published leaves where an edition does not publish the total itself
-- (the Home Office rolling table has no total, no violence against the person, no theft, no burglary).
-- A published total always wins over a composed one within the same edition. 'not applicable' cells
-- (the rolling table's structural zeros either side of the April 2017 burglary change) are never shown
-- and never summed. composed_from says how: 'offence codes' (the open data table's codes in a group),
-- 'quarters' (a financial year from the four quarters an edition publishes) or 'offence groups'.
-- A composed total is 'not available' when any part it needs is.
-- answer_rank = 1 is the figure that answers: the latest edition_end, then a published cell before a
-- composed one, then the latest publication month; rank > 1 rows are earlier editions (revisions).
-- Needs recorded_group_leaves(group_id, leaf), written from bot/offence_groups.py at load.
CREATE OR REPLACE TABLE recorded_figures AS
WITH published_cells AS (
    -- one row per group and period: the open data table publishes several offence codes per group
    SELECT publisher, source_table, edition, max(edition_end) AS edition_end, max(published) AS published,
           period_start, period_end, max(period_months) AS period_months,
           max(area_code) AS area_code, area_name, area_type, offence_group,
           CASE WHEN bool_or(status = 'not available') THEN NULL ELSE sum(value) END AS value,
           CASE WHEN bool_or(status = 'not available') THEN 'not available' ELSE 'published' END AS status,
           min(source_file) AS source_file, CASE WHEN count(*) = 1 THEN min(source_line) END AS source_line,
           max(source_url) AS source_url, count(*) > 1 AS composed, count(*)::INTEGER AS parts,
           CASE WHEN count(*) > 1 THEN 'offence codes' END AS composed_from
    FROM recorded_crime
    WHERE status <> 'not applicable'
    GROUP BY publisher, source_table, edition, period_start, period_end, area_name, area_type, offence_group
),
financial_years AS (
    -- a financial year from an edition that publishes its four quarters (the open data table)
    SELECT publisher, source_table, edition, max(edition_end) AS edition_end, max(published) AS published,
           make_date(year(min(period_start)), 4, 1) AS period_start, max(period_end) AS period_end,
           12 AS period_months, max(area_code) AS area_code, area_name, area_type, offence_group,
           CASE WHEN bool_or(status = 'not available') THEN NULL ELSE sum(value) END AS value,
           CASE WHEN bool_or(status = 'not available') THEN 'not available' ELSE 'published' END AS status,
           min(source_file) AS source_file, NULL::INTEGER AS source_line, max(source_url) AS source_url,
           true AS composed, sum(parts)::INTEGER AS parts, 'quarters' AS composed_from
    FROM published_cells
    WHERE period_months = 3
    GROUP BY publisher, source_table, edition, area_name, area_type, offence_group,
             year(period_start - INTERVAL 3 MONTH)
    HAVING count(DISTINCT period_start) = 4
),
cells AS (
    SELECT * FROM published_cells
    UNION ALL
    SELECT * FROM financial_years
),
composed AS (
    SELECT c.publisher, c.source_table, c.edition, max(c.edition_end) AS edition_end, max(c.published) AS published,
           c.period_start, c.period_end, max(c.period_months) AS period_months,
           max(c.area_code) AS area_code, c.area_name, c.area_type, l.group_id AS offence_group,
           CASE WHEN bool_or(c.status = 'not available') THEN NULL ELSE sum(c.value) END AS value,
           CASE WHEN bool_or(c.status = 'not available') THEN 'not available' ELSE 'published' END AS status,
           min(c.source_file) AS source_file, NULL::INTEGER AS source_line, max(c.source_url) AS source_url,
           true AS composed, count(*)::INTEGER AS parts,
           CASE WHEN bool_or(c.composed_from = 'quarters') THEN 'quarters' ELSE 'offence groups' END AS composed_from
    FROM cells c
    JOIN recorded_group_leaves l ON l.leaf = c.offence_group AND l.group_id <> l.leaf
    GROUP BY c.publisher, c.source_table, c.edition, c.period_start, c.period_end, c.area_name, c.area_type, l.group_id
),
together AS (
    SELECT * FROM cells
    UNION ALL
    SELECT k.* FROM composed k
    WHERE NOT EXISTS (SELECT 1 FROM cells c
                      WHERE c.edition = k.edition AND c.source_table = k.source_table AND c.publisher = k.publisher
                        AND c.area_name = k.area_name AND c.area_type = k.area_type
                        AND c.offence_group = k.offence_group
                        AND c.period_start = k.period_start AND c.period_end = k.period_end)
)
SELECT *,
       row_number() OVER (PARTITION BY area_name, area_type, offence_group, period_start, period_end
                          ORDER BY edition_end DESC, composed, published DESC NULLS LAST, publisher, source_table)::INTEGER
           AS answer_rank
FROM together;

-- The answering figure of every cell with its earlier editions' values, newest first.
CREATE OR REPLACE TABLE recorded_answers AS
SELECT a.*,
       coalesce(e.earlier, []) AS earlier
FROM recorded_figures a
LEFT JOIN (
    SELECT area_name, area_type, offence_group, period_start, period_end,
           list({'edition': edition, 'publisher': publisher, 'value': value, 'status': status,
                 'edition_end': edition_end, 'published': published}
                ORDER BY edition_end DESC, published DESC NULLS LAST) AS earlier
    FROM recorded_figures
    WHERE answer_rank > 1
    GROUP BY ALL
) e USING (area_name, area_type, offence_group, period_start, period_end)
WHERE a.answer_rank = 1
ORDER BY area_name, offence_group, period_end;  -- stored in lookup order: a figure's scan touches less
