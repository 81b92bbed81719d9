-- Trino (Hive connector, on HDFS or object storage): one folder per table
-- holding that table's files, the parts' payments-I-of-N.parquet side by
-- side in payments/:
--   .../storm/payments/   .../storm/suspects/   .../storm/assets/   .../storm/case_info/
-- Written from the files' schema by go test ./columnar -update; do not edit.
CREATE SCHEMA IF NOT EXISTS hive.storm WITH (location = 's3a://bucket/cases/storm/');
USE hive.storm;

CREATE TABLE payments (
  part integer,
  source varchar,
  source_index integer,
  sheet varchar,
  sheet_index integer,
  row_no bigint,
  status varchar,
  reason varchar,
  reason_column varchar,
  reason_value varchar,
  payment_date date,
  amount_text varchar,
  amount decimal(38, 18),
  currency varchar,
  debit boolean,
  direction varchar,
  direction_reason varchar,
  eur decimal(38, 2),
  rate decimal(38, 18),
  rate_text varchar,
  rate_quote varchar,
  rate_date date,
  duplicate_key varchar,
  payer varchar,
  payer_account varchar,
  payee varchar,
  payee_account varchar,
  reference varchar,
  description varchar,
  channel varchar,
  row_suspect varchar,
  file_suspect varchar,
  suspect varchar,
  rule varchar,
  attributed_by varchar,
  attribution_problem varchar,
  unattributed_reason varchar,
  unattributed_value varchar,
  candidates varchar
) WITH (external_location = 's3a://bucket/cases/storm/payments/', format = 'PARQUET');

CREATE TABLE suspects (
  id varchar,
  tax_code varchar,
  surname varchar,
  name varchar,
  birth_date date,
  birth_place varchar,
  sex varchar,
  country varchar,
  role varchar,
  upline varchar,
  source varchar,
  sheet varchar,
  row_no bigint
) WITH (external_location = 's3a://bucket/cases/storm/suspects/', format = 'PARQUET');

CREATE TABLE assets (
  id varchar,
  owner varchar,
  suspect varchar,
  type varchar,
  description varchar,
  value_text varchar,
  quantity_text varchar,
  currency varchar,
  seizure_date date,
  country varchar,
  measure varchar,
  share_text varchar,
  status varchar,
  counted boolean,
  eur decimal(38, 2),
  rate decimal(38, 18),
  rate_text varchar,
  rate_quote varchar,
  rate_date date,
  report_eur decimal(38, 2),
  problem varchar,
  source varchar,
  sheet varchar,
  row_no bigint
) WITH (external_location = 's3a://bucket/cases/storm/assets/', format = 'PARQUET');

CREATE TABLE case_info (
  case_name varchar,
  report_date date,
  target_eur decimal(38, 2),
  parts integer,
  rate_lookback_days integer,
  rounding varchar,
  version varchar
) WITH (external_location = 's3a://bucket/cases/storm/case_info/', format = 'PARQUET');
