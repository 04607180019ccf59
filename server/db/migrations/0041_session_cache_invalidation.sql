-- The in-process session cache (server/platform/auth/session-cache.ts) of every app instance is told of each write
-- that can change what a request's authentication reads: the session, its user, the user's role grants, the security
-- policy. Triggers see every write, also raw SQL by an operator. They notify on the channel of the live hub
-- (server/platform/notify/live.ts, LIVE_CHANNEL) as `{topic, payload}` JSON; PostgreSQL delivers the notification
-- only when the transaction commits, and folds identical ones of one transaction into one.
CREATE OR REPLACE FUNCTION auth_invalidate(what json) RETURNS void AS $$
BEGIN
  PERFORM pg_notify('zelian_live', json_build_object('topic', 'auth.invalidate', 'payload', what)::text);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_invalidate_session() RETURNS trigger AS $$
BEGIN
  PERFORM auth_invalidate(json_build_object('session', OLD.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_invalidate_user() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM auth_invalidate(json_build_object('user', OLD.id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM auth_invalidate(json_build_object('user', NEW.id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_invalidate_role() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM auth_invalidate(json_build_object('user', OLD.user_id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM auth_invalidate(json_build_object('user', NEW.user_id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_invalidate_all() RETURNS trigger AS $$
BEGIN
  PERFORM auth_invalidate(json_build_object('all', true));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The touch of last_seen_at (once a minute per active session) does not notify: each instance re-reads a session
-- its cached copy would time out.
CREATE TRIGGER sessions_auth_invalidate_upd AFTER UPDATE ON sessions FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION auth_invalidate_session();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_invalidate_del AFTER DELETE ON sessions FOR EACH ROW
  EXECUTE FUNCTION auth_invalidate_session();
--> statement-breakpoint
CREATE TRIGGER users_auth_invalidate AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION auth_invalidate_user();
--> statement-breakpoint
CREATE TRIGGER user_roles_auth_invalidate AFTER INSERT OR UPDATE OR DELETE ON user_roles FOR EACH ROW
  EXECUTE FUNCTION auth_invalidate_role();
--> statement-breakpoint
-- Only the security policy (key 'security', server/platform/auth/security-policy.ts) is read by authentication.
CREATE TRIGGER settings_auth_invalidate_ins AFTER INSERT ON settings FOR EACH ROW
  WHEN (NEW.key = 'security') EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER settings_auth_invalidate_upd AFTER UPDATE ON settings FOR EACH ROW
  WHEN (OLD.key = 'security' OR NEW.key = 'security') EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER settings_auth_invalidate_del AFTER DELETE ON settings FOR EACH ROW
  WHEN (OLD.key = 'security') EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_invalidate_trunc AFTER TRUNCATE ON sessions FOR EACH STATEMENT
  EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER users_auth_invalidate_trunc AFTER TRUNCATE ON users FOR EACH STATEMENT
  EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER user_roles_auth_invalidate_trunc AFTER TRUNCATE ON user_roles FOR EACH STATEMENT
  EXECUTE FUNCTION auth_invalidate_all();
--> statement-breakpoint
CREATE TRIGGER settings_auth_invalidate_trunc AFTER TRUNCATE ON settings FOR EACH STATEMENT
  EXECUTE FUNCTION auth_invalidate_all();
