-- One place, one year: the figure a reporter should use, with its revisions and misprints.
SELECT * FROM figures
WHERE geography = $geography AND geography_type = $geography_type AND measure = $measure AND year = $year
