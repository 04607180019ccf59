-- The chain head moves forward only, and only onto a row of the log (issue #21): no moving it back after a
-- deleted tail, no pointing it at a hash that is not there. keyed_from is set once, onto the audit.keyed row;
-- base (the last archived row) moves forward only, onto an existing row at or before the head.
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM audit_head) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_head can only be moved forward' USING ERRCODE = '42501';
  END IF;
  IF NEW.id <> OLD.id OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    RAISE EXCEPTION 'audit_head can only be moved forward' USING ERRCODE = '42501';
  END IF;
  IF NEW.seq > OLD.seq AND NOT EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq AND hash = NEW.hash) THEN
    RAISE EXCEPTION 'audit_head must point at a new audit row' USING ERRCODE = '42501';
  END IF;
  IF NEW.keyed_from IS DISTINCT FROM OLD.keyed_from AND (OLD.keyed_from IS NOT NULL OR NOT EXISTS (
    SELECT 1 FROM audit_events WHERE seq = NEW.keyed_from AND type = 'audit.keyed')) THEN
    RAISE EXCEPTION 'audit_head.keyed_from is set once, onto the audit.keyed row' USING ERRCODE = '42501';
  END IF;
  IF NEW.base_seq < OLD.base_seq OR (NEW.base_seq = OLD.base_seq AND NEW.base_hash <> OLD.base_hash)
    OR (NEW.base_seq > OLD.base_seq AND (NEW.base_seq > NEW.seq OR NOT EXISTS (
      SELECT 1 FROM audit_events WHERE seq = NEW.base_seq AND hash = NEW.base_hash))) THEN
    RAISE EXCEPTION 'audit_head.base can only be moved forward onto an existing row' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();
--> statement-breakpoint
-- Rows stay append-only; the only rows that may leave are those already archived (seq <= base_seq), which
-- `npm run audit:archive` writes to a signed archive file and anchors before it removes them.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT base_seq FROM audit_head WHERE id = 1) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
