-- One imported population Parquet file into the table (see imported_recorded_crime.sql).
INSERT INTO populations
SELECT area_code, area_name, mid_year, population, publisher, source_table, edition, source_file, source_line,
       source_url
FROM read_parquet($file);
