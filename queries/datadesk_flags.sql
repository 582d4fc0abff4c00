-- offences data check: the figures a data editor should look at, one line each: disputed (a tie in the
-- latest release), revised (an earlier release gave another number) and misprinted (an outlet printed
-- another number than the one the release settled on).
SELECT 'disputed' AS kind, geography, geography_type, year, measure, release, value,
       list_transform(list_filter(other_values, lambda o: o.tied), lambda o: o.value) AS others,
       NULL::VARCHAR[] AS earlier
FROM figures WHERE status = 'disputed'
UNION ALL
SELECT 'revised', geography, geography_type, year, measure, release, value, NULL,
       list_transform(revisions, lambda r: r.release || ': ' || coalesce(CAST(r.value AS VARCHAR), 'not supplied'))
FROM figures WHERE len(revisions) > 0
UNION ALL
SELECT 'misprint', geography, geography_type, year, measure, release, value,
       list_transform(list_filter(other_values, lambda o: NOT o.tied AND o.qualifier = 'exact'), lambda o: o.value),
       list_transform(list_filter(other_values, lambda o: NOT o.tied AND o.qualifier = 'exact'),
                      lambda o: array_to_string(o.outlets, ', '))
FROM figures WHERE len(list_filter(other_values, lambda o: NOT o.tied AND o.qualifier = 'exact')) > 0
ORDER BY kind, measure, geography, year
