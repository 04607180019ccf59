CREATE TABLE "supervision_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"payload" jsonb
);
--> statement-breakpoint
CREATE TABLE "supervision_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" text NOT NULL,
	"deadline" date NOT NULL,
	"problem_id" uuid NOT NULL,
	"problem_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"visited_on" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"recheck_on" date,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supervision_review_events_idx" ON "supervision_review_events" USING btree ("review_id","at");--> statement-breakpoint
CREATE INDEX "supervision_review_items_idx" ON "supervision_review_items" USING btree ("review_id","seq");--> statement-breakpoint
CREATE INDEX "supervision_reviews_region_idx" ON "supervision_reviews" USING btree ("region_id","year");--> statement-breakpoint
CREATE INDEX "supervision_reviews_unit_idx" ON "supervision_reviews" USING btree ("unit_id");