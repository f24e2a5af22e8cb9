CREATE TABLE operators (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL UNIQUE,
  password_hash VARCHAR(255) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_tokens (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(64)  NOT NULL UNIQUE,
  token_hash   VARCHAR(64)  NOT NULL UNIQUE,
  role         VARCHAR(16)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE
);

-- The bytes each container.json write replaced; content NULL = there was no file.
CREATE TABLE config_versions (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  folder       VARCHAR(64)  NOT NULL,
  version      VARCHAR(64)  NOT NULL,
  content      VARBINARY(1048576),
  replaced_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  replaced_by  VARCHAR(128) NOT NULL
);
CREATE INDEX idx_config_versions_folder ON config_versions(folder, replaced_at);
