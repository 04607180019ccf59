CREATE TABLE "patrol_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"finding_id" uuid,
	"unit_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_circulars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"finding_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"problem_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
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
CREATE TABLE "patrol_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group_id" uuid NOT NULL,
	"task_id" uuid,
	"inspection_id" uuid,
	"unit_id" uuid NOT NULL,
	"project" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"suggestion" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"severity" text DEFAULT 'general' NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"merged_into_id" uuid,
	"problem_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"escalated_to" text,
	"instruction" text,
	"instructed_by" text,
	"instructed_at" timestamp with time zone,
	"close_reason" text,
	"reported_by" uuid,
	"reported_by_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_group_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"score" integer,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"task_id" uuid,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"method" text NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"project" text DEFAULT '' NOT NULL,
	"people_met" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"projects" text[] DEFAULT '{}'::text[] NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"deadline" date NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"issued_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "patrol_cases_region_idx" ON "patrol_cases" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "patrol_circulars_region_idx" ON "patrol_circulars" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "patrol_events_entity_idx" ON "patrol_events" USING btree ("entity_id","at");--> statement-breakpoint
CREATE INDEX "patrol_files_inspection_idx" ON "patrol_files" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "patrol_findings_region_idx" ON "patrol_findings" USING btree ("region_id","created_at" DESC NULLS LAST,"code" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_findings_state_idx" ON "patrol_findings" USING btree ("region_id","state","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_findings_group_idx" ON "patrol_findings" USING btree ("group_id","created_at" DESC NULLS LAST,"code" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_group_reviews_group_idx" ON "patrol_group_reviews" USING btree ("group_id","period");--> statement-breakpoint
CREATE INDEX "patrol_inspections_group_idx" ON "patrol_inspections" USING btree ("group_id","date");--> statement-breakpoint
CREATE INDEX "patrol_inspections_region_idx" ON "patrol_inspections" USING btree ("region_id","date");--> statement-breakpoint
CREATE INDEX "patrol_tasks_region_idx" ON "patrol_tasks" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "patrol_tasks_group_idx" ON "patrol_tasks" USING btree ("group_id","state");