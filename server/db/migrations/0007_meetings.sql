CREATE TABLE "meeting_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"warning_id" uuid,
	"problem_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"decision_kind" text,
	"decision" text,
	"lead_unit_id" uuid,
	"owner_person_id" uuid,
	"deadline" date,
	"result_problem_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"member_unit_ids" uuid[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "meeting_items_meeting_idx" ON "meeting_items" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meetings_region_idx" ON "meetings" USING btree ("region_id","scheduled_at");