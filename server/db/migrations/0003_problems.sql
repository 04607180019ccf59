CREATE SEQUENCE "public"."problem_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "common_problem_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"payload" jsonb,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"event_id" uuid,
	"measure_id" uuid,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" text NOT NULL,
	"owner_person_id" uuid,
	"deadline_type" text NOT NULL,
	"deadline_days" integer,
	"deadline" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"progress" text DEFAULT '' NOT NULL,
	"last_report_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"category" text DEFAULT '' NOT NULL,
	"severity" text DEFAULT 'general' NOT NULL,
	"unit_id" uuid NOT NULL,
	"responsible_person_id" uuid,
	"leader_person_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"close_stage" text,
	"listed" boolean DEFAULT false NOT NULL,
	"color" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"deadline" date,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"pending_escalation" integer,
	"common_group_id" uuid,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"dispatched_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"last_progress_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_files_problem_idx" ON "problem_files" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_measures_problem_idx" ON "problem_measures" USING btree ("problem_id","seq");--> statement-breakpoint
CREATE INDEX "problems_region_state_idx" ON "problems" USING btree ("region_id","state","deadline");--> statement-breakpoint
CREATE INDEX "problems_unit_idx" ON "problems" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "problems_leader_idx" ON "problems" USING btree ("leader_person_id");--> statement-breakpoint
CREATE INDEX "problems_code_idx" ON "problems" USING btree ("region_id","code");