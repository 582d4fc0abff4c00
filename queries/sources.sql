-- Every source behind one figure (all releases), newest release first, with the role each row plays
-- in the answer: the figure given, agreeing copies, another value in the same release, an earlier release.
SELECT r.release, r.outlet, r.source_url, r.value, r.qualifier, r.forces_responding, r.note,
       rel.series,
       CASE WHEN r.release <> f.release THEN
                CASE WHEN r.value IS NOT DISTINCT FROM f.value THEN 'earlier release, same figure'
                     ELSE 'earlier release, revised since' END
            WHEN f.status = 'disputed' AND list_contains([f.value] || list_transform(list_filter(f.other_values, lambda x: x.tied), lambda x: x.value), r.value)
                THEN 'disputed'
            WHEN r.value IS NOT DISTINCT FROM f.value THEN 'figure given'
            WHEN r.qualifier IN ('at_least', 'approximately') THEN 'rounded or lower bound'
            ELSE 'other figure in the same release' END AS role
FROM reports r
JOIN figures f USING (geography, geography_type, year, measure)
LEFT JOIN (SELECT release, string_agg(series, ', ' ORDER BY series) AS series FROM releases GROUP BY release) rel
       ON rel.release = r.release
WHERE r.geography = $geography AND r.geography_type = $geography_type AND r.measure = $measure AND r.year = $year
ORDER BY r.release DESC, role, r.outlet
