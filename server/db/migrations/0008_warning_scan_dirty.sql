CREATE TABLE "warning_scan_dirty" (
	"problem_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "warnings_problem_idx" ON "warnings" USING btree ("problem_id");