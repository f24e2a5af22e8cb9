-- The container_configs rows (NanoClaw's DB-config era) that changes through the service replaced: each whole row as
-- it was, so any version can be compared with the row now and restored. NanoClaw's DB never receives this table.
CREATE TABLE config_row_versions (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  agent_group_id  VARCHAR(255)  NOT NULL,
  folder          VARCHAR(64)   NOT NULL,
  -- SHA-256 of the columns in the table's order: the row half of the editor's ETag, so a stale edit finds its base.
  row_version     VARCHAR(64)   NOT NULL,
  -- {"provider": …, …, "cli_scope": …}: every column as stored (text, a whole number, a real, or NULL).
  row_columns     CLOB          NOT NULL,
  -- The columns the replacing change wrote, comma-separated (updated_at included).
  changed_columns VARCHAR(400)  NOT NULL,
  action          VARCHAR(64)   NOT NULL,
  replaced_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  replaced_by     VARCHAR(128)  NOT NULL
);
CREATE INDEX idx_config_row_versions_group ON config_row_versions(agent_group_id, id);
CREATE INDEX idx_config_row_versions_version ON config_row_versions(agent_group_id, row_version);
