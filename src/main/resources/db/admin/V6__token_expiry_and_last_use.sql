-- A token may carry an end (NULL = works until revoked); last_used_at is when it last authenticated a request, written
-- at most once a minute per token.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
