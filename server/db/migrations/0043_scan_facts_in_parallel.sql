ALTER TABLE "problems" ADD COLUMN "open_measure_deadlines" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
-- A problem carries the deadlines of its open measures, so the warning scan counts overdue measures from the problem
-- row (width_bucket) in its parallel scan. Statement-level triggers with transition tables, as for the scan's
-- changed-problem marks (0009): one UPDATE per statement on problem_measures, also for bulk loads.
CREATE OR REPLACE FUNCTION problems_keep_open_measure_deadlines() RETURNS trigger AS $$
BEGIN
  UPDATE problems p SET open_measure_deadlines = d.deadlines
  FROM (
    SELECT c.problem_id, COALESCE((SELECT array_agg(m.deadline ORDER BY m.deadline) FROM problem_measures m
        WHERE m.problem_id = c.problem_id AND NOT m.done), '{}'::date[]) AS deadlines
    FROM (SELECT DISTINCT problem_id FROM changed) c
  ) d
  WHERE p.id = d.problem_id AND p.open_measure_deadlines IS DISTINCT FROM d.deadlines;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER problem_measures_open_deadlines_ins AFTER INSERT ON problem_measures REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION problems_keep_open_measure_deadlines();
--> statement-breakpoint
CREATE TRIGGER problem_measures_open_deadlines_upd AFTER UPDATE ON problem_measures REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION problems_keep_open_measure_deadlines();
--> statement-breakpoint
CREATE TRIGGER problem_measures_open_deadlines_del AFTER DELETE ON problem_measures REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION problems_keep_open_measure_deadlines();
--> statement-breakpoint
UPDATE problems p SET open_measure_deadlines = d.deadlines
FROM (SELECT problem_id, array_agg(deadline ORDER BY deadline) AS deadlines FROM problem_measures WHERE NOT done
  GROUP BY problem_id) d
WHERE p.id = d.problem_id;
--> statement-breakpoint
-- Bigram Jaccard similarity of two texts (形式主义: a progress report copied from the last), as a function marked
-- parallel safe: written inline, its sub-selects made the warning scan filter every open problem in the leader.
CREATE OR REPLACE FUNCTION zelian_bigram_similarity(a text, b text) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT round(
      cardinality(ARRAY(SELECT unnest(zelian_bigrams(a)) INTERSECT SELECT unnest(zelian_bigrams(b))))::numeric
      / GREATEST(cardinality(ARRAY(SELECT unnest(zelian_bigrams(a)) UNION SELECT unnest(zelian_bigrams(b)))), 1), 3)
  $$;
