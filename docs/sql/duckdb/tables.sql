-- DuckDB: the exported folder (local; for object storage write
-- 's3://bucket/case/payments-*-of-*.parquet' and so on, after
-- CREATE SECRET (TYPE s3, PROVIDER credential_chain);).
CREATE OR REPLACE VIEW payments  AS SELECT * FROM read_parquet('ledger/payments-*-of-*.parquet');
CREATE OR REPLACE VIEW suspects  AS SELECT * FROM read_parquet('ledger/suspects.parquet');
CREATE OR REPLACE VIEW assets    AS SELECT * FROM read_parquet('ledger/assets.parquet');
CREATE OR REPLACE VIEW case_info AS SELECT * FROM read_parquet('ledger/case.parquet');
