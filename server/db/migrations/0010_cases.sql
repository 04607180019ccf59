CREATE SEQUENCE "public"."case_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"file_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decide_deadline" date,
	"state" text DEFAULT 'pending' NOT NULL,
	"result" text,
	"result_forms" jsonb,
	"decided_on" date,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"period" text NOT NULL,
	"case_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer,
	"defects" text DEFAULT '' NOT NULL,
	"corrections" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'sampled' NOT NULL,
	"evaluator_user_id" uuid,
	"evaluated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
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
CREATE TABLE "case_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"fact" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_members" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_members_case_id_user_id_role_pk" PRIMARY KEY("case_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "case_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"subject_type" text NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"name" text NOT NULL,
	"post" text DEFAULT '' NOT NULL,
	"statement_shown_at" timestamp with time zone,
	"defense" text,
	"signed_at" timestamp with time zone,
	"responsibility" text,
	"duty" text,
	"circumstances" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tolerance" jsonb,
	"determined_at" timestamp with time zone,
	"forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"original_forms" jsonb,
	"form_of_four" integer
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"situation" integer NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"parent_case_id" uuid,
	"state" text DEFAULT 'proposed' NOT NULL,
	"high_attention" boolean DEFAULT false NOT NULL,
	"important_post" boolean DEFAULT false NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"statement_issued_at" timestamp with time zone,
	"prereview_required" boolean DEFAULT false NOT NULL,
	"prereview" jsonb,
	"joint_review" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"launch_approved_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_date" date,
	"decision_number" text,
	"consistency" jsonb,
	"execution_deadline" date,
	"executed_at" timestamp with time zone,
	"execution" text,
	"follow_up" jsonb,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "influence_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"form" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"source" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_appeals_case_idx" ON "case_appeals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_evaluations_period_idx" ON "case_evaluations" USING btree ("region_id","period");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_files_case_idx" ON "case_files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_members_user_idx" ON "case_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_subjects_case_idx" ON "case_subjects" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_subjects_person_idx" ON "case_subjects" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cases_region_state_idx" ON "cases" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "cases_source_idx" ON "cases" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "influence_periods_person_idx" ON "influence_periods" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "influence_periods_active_idx" ON "influence_periods" USING btree ("region_id","ends_on") WHERE state = 'active';