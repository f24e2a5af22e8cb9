-- Kept container.json versions are sealed from now on (AES-GCM: 32 bytes more than the file), and a file may be up to
-- the 1 MiB the service writes.
ALTER TABLE config_versions ALTER COLUMN content SET DATA TYPE VARBINARY(1049600);
