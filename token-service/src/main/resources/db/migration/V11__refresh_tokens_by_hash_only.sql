-- Issue 17: a refresh token row is found by its hash (primary key) or with its family (refresh_tokens_family), never
-- by client or grant. The generic plan of the rotation statement (the reactive client's prepared statements switch to
-- it after five executions) scanned refresh_tokens_live_by_client for "client_id = $2 AND revoked_at IS NULL" and
-- filtered on the hash: every live token of the client was read on every rotation, so a rotation slowed down with
-- every token written. Revoking a client's or a grant's tokens goes through their families now
-- (refresh_families_live_by_client, refresh_families_grant), so neither index is needed, and each insert maintains
-- two indexes instead of four.
DROP INDEX refresh_tokens_live_by_client;
DROP INDEX refresh_tokens_grant;
