-- Run once after loading: from here on no query can read or write files or change a setting.
SET enable_external_access = false;
SET lock_configuration = true;
