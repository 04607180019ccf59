-- Search bigrams tagged with the region (first 8 hex digits of its id): in a database of many regions a
-- term's posting lists hold only the region's problems, so a four-character term no longer intersects lists
-- of every region's matches before the region filter. The region filter and ILIKE still decide the result.
CREATE OR REPLACE FUNCTION zelian_region_bigrams(region uuid, t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array(SELECT DISTINCT x.r || substr(x.l, i, 2)
      FROM (SELECT lower(t) AS l, left(region::text, 8) AS r) x, generate_series(1, char_length(t) - 1) AS i
      WHERE substr(x.l, i, 2) !~ '\s')
  $$;
--> statement-breakpoint
DROP INDEX "problems_region_state_idx";--> statement-breakpoint
DROP INDEX "problems_unit_idx";--> statement-breakpoint
DROP INDEX "problems_created_idx";--> statement-breakpoint
ALTER TABLE "problems" drop column "search_bigrams";--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (zelian_region_bigrams(region_id, title || ' ' || description)) STORED;--> statement-breakpoint
CREATE INDEX "problems_region_state_idx" ON "problems" USING btree ("region_id","state","deadline") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "problems_unit_idx" ON "problems" USING btree ("unit_id","state") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "problems_created_idx" ON "problems" USING btree ("region_id","created_at" DESC NULLS LAST,"code" DESC NULLS LAST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search_bigrams");