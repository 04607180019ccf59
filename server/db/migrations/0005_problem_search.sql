-- Chinese full-text search without a word segmenter: index every pair of adjacent characters
-- (so two-character words such as 廉政 are found by index), then confirm with ILIKE.
CREATE OR REPLACE FUNCTION zelian_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, greatest(char_length(t) - 1, 0)) AS i
    WHERE substr(t, i, 2) !~ '\s'
  $$;
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (zelian_bigrams(title || ' ' || description)) STORED;--> statement-breakpoint
CREATE INDEX "problems_created_idx" ON "problems" USING btree ("region_id","created_at" DESC NULLS LAST,"code" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search_bigrams");