-- NanoClaw's tables of the DB-config era (migrations 001 to 015), in H2 types: TEXT becomes VARCHAR so that columns
-- can be indexed. container_configs is migration 014 (container-configs) plus 015 (cli-scope), cli_scope last.
CREATE TABLE schema_version (
  version INTEGER PRIMARY KEY,
  name    VARCHAR NOT NULL,
  applied VARCHAR NOT NULL
);
CREATE UNIQUE INDEX idx_schema_version_name ON schema_version(name);
CREATE TABLE agent_groups (
  id               VARCHAR PRIMARY KEY,
  name             VARCHAR NOT NULL,
  folder           VARCHAR NOT NULL UNIQUE,
  agent_provider   VARCHAR,
  created_at       VARCHAR NOT NULL
);
CREATE TABLE messaging_groups (
  id                    VARCHAR PRIMARY KEY,
  channel_type          VARCHAR NOT NULL,
  platform_id           VARCHAR NOT NULL,
  name                  VARCHAR,
  is_group              INTEGER DEFAULT 0,
  unknown_sender_policy VARCHAR DEFAULT 'strict' NOT NULL,
  created_at            VARCHAR NOT NULL,
  denied_at             VARCHAR,
  UNIQUE(channel_type, platform_id)
);
CREATE TABLE messaging_group_agents (
  id                 VARCHAR PRIMARY KEY,
  messaging_group_id VARCHAR NOT NULL REFERENCES messaging_groups(id),
  agent_group_id     VARCHAR NOT NULL REFERENCES agent_groups(id),
  session_mode       VARCHAR DEFAULT 'shared',
  priority           INTEGER DEFAULT 0,
  created_at         VARCHAR NOT NULL,
  engage_mode            VARCHAR,
  engage_pattern         VARCHAR,
  sender_scope           VARCHAR,
  ignored_message_policy VARCHAR,
  UNIQUE(messaging_group_id, agent_group_id)
);
CREATE TABLE sessions (
  id                 VARCHAR PRIMARY KEY,
  agent_group_id     VARCHAR NOT NULL REFERENCES agent_groups(id),
  messaging_group_id VARCHAR REFERENCES messaging_groups(id),
  thread_id          VARCHAR,
  agent_provider     VARCHAR,
  status             VARCHAR DEFAULT 'active',
  container_status   VARCHAR DEFAULT 'stopped',
  last_active        VARCHAR,
  created_at         VARCHAR NOT NULL
);
CREATE INDEX idx_sessions_agent_group ON sessions(agent_group_id);
CREATE INDEX idx_sessions_lookup ON sessions(messaging_group_id, thread_id);
CREATE TABLE container_configs (
  agent_group_id        VARCHAR PRIMARY KEY REFERENCES agent_groups(id) ON DELETE CASCADE,
  provider              VARCHAR,
  model                 VARCHAR,
  effort                VARCHAR,
  image_tag             VARCHAR,
  assistant_name        VARCHAR,
  max_messages_per_prompt INTEGER,
  skills                VARCHAR DEFAULT '"all"' NOT NULL,
  mcp_servers           VARCHAR DEFAULT '{}' NOT NULL,
  packages_apt          VARCHAR DEFAULT '[]' NOT NULL,
  packages_npm          VARCHAR DEFAULT '[]' NOT NULL,
  additional_mounts     VARCHAR DEFAULT '[]' NOT NULL,
  updated_at            VARCHAR NOT NULL,
  cli_scope             VARCHAR DEFAULT 'group' NOT NULL
);
