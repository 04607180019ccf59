CREATE TABLE "assessment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
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
CREATE TABLE "assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator_id" uuid,
	"kind" text NOT NULL,
	"event_kind" text,
	"ref_type" text,
	"ref_id" uuid,
	"ref_code" text,
	"occurred_on" date,
	"points" numeric(8, 2) NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_ratings" (
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"evaluator" text NOT NULL,
	"score" numeric(8, 2) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_ratings_assessment_id_indicator_id_unit_id_evaluator_pk" PRIMARY KEY("assessment_id","indicator_id","unit_id","evaluator")
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_type" text NOT NULL,
	"score" numeric(8, 2) NOT NULL,
	"rank" integer NOT NULL,
	"rank_of" integer NOT NULL,
	"grade" text NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"talk_id" uuid,
	CONSTRAINT "assessment_results_assessment_id_revision_unit_id_pk" PRIMARY KEY("assessment_id","revision","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_revision" integer,
	"basis" jsonb,
	"computed_at" timestamp with time zone,
	"frozen_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicator_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"unit_type" text,
	"template_key" text,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(8, 2) NOT NULL,
	"method" text NOT NULL,
	"metric" text,
	"veto" boolean DEFAULT false NOT NULL,
	"evaluators" text[] DEFAULT '{}' NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"answers" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"questions" jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "assessment_events_idx" ON "assessment_events" USING btree ("assessment_id","at");--> statement-breakpoint
CREATE INDEX "assessment_items_idx" ON "assessment_items" USING btree ("assessment_id","revision","unit_id");--> statement-breakpoint
CREATE INDEX "assessments_region_idx" ON "assessments" USING btree ("region_id","period_from");--> statement-breakpoint
CREATE INDEX "indicator_systems_region_idx" ON "indicator_systems" USING btree ("region_id","year");--> statement-breakpoint
CREATE INDEX "indicators_system_idx" ON "indicators" USING btree ("system_id","level","seq");--> statement-breakpoint
CREATE INDEX "survey_ballots_survey_idx" ON "survey_ballots" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_tokens_survey_idx" ON "survey_tokens" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "surveys_region_idx" ON "surveys" USING btree ("region_id","year");