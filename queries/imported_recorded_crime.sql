-- One imported recorded-crime Parquet file into the table (columns by name, so a file written with
-- another column order still loads; a missing column or a wrong type stops the load naming the file).
INSERT INTO recorded_crime
SELECT publisher, source_table, edition, edition_end, published, period_start, period_end, period_months,
       area_code, area_name, area_type, offence_group, offence_as_published, value, status, source_file,
       source_line, source_url
FROM read_parquet($file);
