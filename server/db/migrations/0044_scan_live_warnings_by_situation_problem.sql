-- One live warning per situation and problem, keyed by the two uuids instead of the fingerprint text: the warning
-- scan reads a situation's live warnings from it (index-only) and finds the vanished ones in it (issue #19).
DROP INDEX "warnings_live_fingerprint_uniq";--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_live_uniq" ON "warnings" USING btree ("situation_id","problem_id") WHERE state <> 'resolved';