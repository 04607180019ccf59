CREATE SEQUENCE "public"."warning_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "situations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"article" integer NOT NULL,
	"responsible_roles" jsonb NOT NULL,
	"forms" text[] NOT NULL,
	"rectify_days" integer NOT NULL,
	"rectify_day_type" text DEFAULT 'working' NOT NULL,
	"rule" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
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
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"situation_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"leader_person_id" uuid,
	"fingerprint" text NOT NULL,
	"state" text DEFAULT 'pending_review' NOT NULL,
	"facts" jsonb NOT NULL,
	"people" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"answer" text,
	"outcome" text,
	"meeting_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "co_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "lead_unit_confirmed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "situations_region_code_uniq" ON "situations" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "warning_events_warning_idx" ON "warning_events" USING btree ("warning_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_live_fingerprint_uniq" ON "warnings" USING btree ("fingerprint") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "warnings_region_state_idx" ON "warnings" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "warnings_unit_idx" ON "warnings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "warnings_situation_idx" ON "warnings" USING btree ("situation_id","state");