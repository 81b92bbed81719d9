-- Spark SQL (spark-sql or a notebook): the parts' folder on HDFS, S3
-- (s3a://bucket/case/...) or a local path; the schema is read from the files.
CREATE OR REPLACE TEMPORARY VIEW payments  USING parquet OPTIONS (path 'hdfs:///cases/storm/ledger/payments-*-of-*.parquet');
CREATE OR REPLACE TEMPORARY VIEW suspects  USING parquet OPTIONS (path 'hdfs:///cases/storm/ledger/suspects.parquet');
CREATE OR REPLACE TEMPORARY VIEW assets    USING parquet OPTIONS (path 'hdfs:///cases/storm/ledger/assets.parquet');
CREATE OR REPLACE TEMPORARY VIEW case_info USING parquet OPTIONS (path 'hdfs:///cases/storm/ledger/case.parquet');
