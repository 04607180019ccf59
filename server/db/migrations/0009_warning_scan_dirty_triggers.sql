-- A change to a problem, its events or its measures marks the problem for the next warning scan
-- (statement-level triggers with transition tables: one INSERT per statement, also for bulk loads).
CREATE OR REPLACE FUNCTION warning_scan_mark_problems() RETURNS trigger AS $$
BEGIN
  INSERT INTO warning_scan_dirty (problem_id) SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION warning_scan_mark_children() RETURNS trigger AS $$
BEGIN
  INSERT INTO warning_scan_dirty (problem_id) SELECT DISTINCT problem_id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER problems_scan_dirty_ins AFTER INSERT ON problems REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_problems();
--> statement-breakpoint
CREATE TRIGGER problems_scan_dirty_upd AFTER UPDATE ON problems REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_problems();
--> statement-breakpoint
CREATE TRIGGER problem_events_scan_dirty_ins AFTER INSERT ON problem_events REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_children();
--> statement-breakpoint
CREATE TRIGGER problem_measures_scan_dirty_ins AFTER INSERT ON problem_measures REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_children();
--> statement-breakpoint
CREATE TRIGGER problem_measures_scan_dirty_upd AFTER UPDATE ON problem_measures REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_children();
--> statement-breakpoint
CREATE TRIGGER problem_measures_scan_dirty_del AFTER DELETE ON problem_measures REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION warning_scan_mark_children();
