CREATE TABLE "evaluation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"source_code" text,
	"question" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_reporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"reporter_name" text DEFAULT '' NOT NULL,
	"report_name" text,
	"report_mime" text,
	"report_size" integer,
	"report_sha256" text,
	"report_content" "bytea",
	"report_uploaded_at" timestamp with time zone,
	"report_uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"evaluation_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"attendee" text NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_scores_evaluation_id_reporter_id_attendee_pk" PRIMARY KEY("evaluation_id","reporter_id","attendee")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"attendees" text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "evaluation_questions_idx" ON "evaluation_questions" USING btree ("evaluation_id","reporter_id","seq");--> statement-breakpoint
CREATE INDEX "evaluation_reporters_idx" ON "evaluation_reporters" USING btree ("evaluation_id","seq");--> statement-breakpoint
CREATE INDEX "evaluation_reporters_unit_idx" ON "evaluation_reporters" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "evaluations_region_idx" ON "evaluations" USING btree ("region_id","year");