CREATE TABLE "rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"content" jsonb NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_versions_key_scope_version" UNIQUE("key","scope","version")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rules_cited" jsonb;--> statement-breakpoint
ALTER TABLE "tolerance_filings" ADD COLUMN "tolerance_items" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tolerance_filings" ADD COLUMN "exclusion_items" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tolerance_filings" ADD COLUMN "lists_cited" jsonb;--> statement-breakpoint
CREATE INDEX "rule_versions_lookup_idx" ON "rule_versions" USING btree ("key","scope","effective_from");--> statement-breakpoint
-- A published rule version is never changed or removed: a new version supersedes it from its effective date.
CREATE OR REPLACE FUNCTION rule_versions_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'rule_versions is append-only: publish a new version instead';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER rule_versions_no_update BEFORE UPDATE OR DELETE ON "rule_versions"
  FOR EACH ROW EXECUTE FUNCTION rule_versions_immutable();--> statement-breakpoint
-- 诫勉 is now 口头诫勉 or 书面诫勉 (问责条例 第八条: 以谈话或者书面方式进行). A decided 诫勉 of record was served
-- with a written 决定书, so existing decisions, appeal results and influence periods become 书面诫勉.
UPDATE "case_subjects" SET "forms" = (
  SELECT jsonb_agg(CASE WHEN f->>'form' = '诫勉' THEN jsonb_set(f, '{form}', '"书面诫勉"') ELSE f END)
  FROM jsonb_array_elements("forms") f
) WHERE "forms" @> '[{"form":"诫勉"}]';--> statement-breakpoint
UPDATE "case_subjects" SET "original_forms" = (
  SELECT jsonb_agg(CASE WHEN f->>'form' = '诫勉' THEN jsonb_set(f, '{form}', '"书面诫勉"') ELSE f END)
  FROM jsonb_array_elements("original_forms") f
) WHERE "original_forms" @> '[{"form":"诫勉"}]';--> statement-breakpoint
UPDATE "case_appeals" SET "result_forms" = (
  SELECT jsonb_agg(CASE WHEN f->>'form' = '诫勉' THEN jsonb_set(f, '{form}', '"书面诫勉"') ELSE f END)
  FROM jsonb_array_elements("result_forms") f
) WHERE "result_forms" @> '[{"form":"诫勉"}]';--> statement-breakpoint
UPDATE "influence_periods" SET "form" = '书面诫勉' WHERE "form" = '诫勉';--> statement-breakpoint
-- A situation's catalogue lists the forms it may lead to: 诫勉 there means either way.
UPDATE "situations" SET "forms" = array_cat(array_remove("forms", '诫勉'), ARRAY['口头诫勉', '书面诫勉'])
  WHERE '诫勉' = ANY("forms");
