-- Every change to NanoClaw's DB and files, written before its first write and deleted once it is complete (or
-- undone). A row left behind is a change a crash interrupted: the service finishes or undoes it at the next start.
-- steps holds what will be written where and the bytes it replaces, so it is deleted as soon as it is not needed.
CREATE TABLE change_journal (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(128) NOT NULL,
  action      VARCHAR(64)  NOT NULL,
  group_id    VARCHAR(255),
  folder      VARCHAR(64),
  session_id  VARCHAR(255),
  reason      VARCHAR(1000),
  summary     VARCHAR(2000) NOT NULL,
  db_changes  CLOB,
  file_diff   CLOB,
  steps       CLOB NOT NULL
);
