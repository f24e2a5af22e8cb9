-- Every change made through the service: who, when, what, why, and the exact before/after.
CREATE TABLE audit_events (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(128) NOT NULL,
  action      VARCHAR(64)  NOT NULL,
  group_id    VARCHAR(255),
  folder      VARCHAR(64),
  session_id  VARCHAR(255),
  reason      VARCHAR(1000),
  summary     VARCHAR(2000) NOT NULL,
  db_changes  CLOB,
  file_diff   CLOB
);
CREATE INDEX idx_audit_events_at ON audit_events(at);
CREATE INDEX idx_audit_events_group ON audit_events(group_id, at);
