-- Read one CSV from data/ as text, keeping each row's line number in the file (header = line 1),
-- so that validation can name the exact line. Typed tables are built from these after validation.
-- $path: the CSV file.  $table_name is not a parameter: store.py runs this once per file into raw_<name>.
SELECT row_number() OVER () + 1 AS line, *
FROM read_csv($path, header = true, all_varchar = true, strict_mode = true, null_padding = false)
