CREATE TABLE "assessment_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_publications_uniq" ON "assessment_publications" USING btree ("assessment_id","revision");
--> statement-breakpoint
-- Runs published before publications were recorded: one row for the revision in force (its 通报 stays unnumbered).
INSERT INTO "assessment_publications" ("assessment_id", "revision", "published_at")
SELECT "id", "published_revision", "published_at" FROM "assessments"
 WHERE "published_revision" IS NOT NULL AND "published_at" IS NOT NULL;
