-- Drift over time, kept for nanoclaw.history.retention. One point per full scan, and per re-check that changed the
-- counts: groups by status, findings by severity.
CREATE TABLE drift_points (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  cause            VARCHAR(16) NOT NULL,
  groups_aligned   INT NOT NULL,
  groups_drifted   INT NOT NULL,
  groups_broken    INT NOT NULL,
  findings_error   INT NOT NULL,
  findings_warning INT NOT NULL,
  findings_info    INT NOT NULL
);
CREATE INDEX idx_drift_points_at ON drift_points(at);

-- Each finding from the moment it was first seen until it was resolved (resolved_at NULL while it stands).
-- finding_key is its identity across scans (kind|group|folder|session|detail).
CREATE TABLE finding_history (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  finding_key  VARCHAR(1200) NOT NULL,
  kind         VARCHAR(64)   NOT NULL,
  severity     VARCHAR(16)   NOT NULL,
  group_id     VARCHAR(255),
  folder       VARCHAR(255),
  session_id   VARCHAR(255),
  message      VARCHAR(2000) NOT NULL,
  first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_finding_history_open ON finding_history(resolved_at, finding_key);
CREATE INDEX idx_finding_history_group ON finding_history(group_id, first_seen);

-- Changes to a group the watcher saw that were not made through this service.
CREATE TABLE outside_changes (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  at        TIMESTAMP WITH TIME ZONE NOT NULL,
  group_id  VARCHAR(255) NOT NULL,
  folder    VARCHAR(255),
  summary   VARCHAR(2000) NOT NULL
);
CREATE INDEX idx_outside_changes_group ON outside_changes(group_id, at);
