CREATE SEQUENCE "public"."accountability_proposal_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "accountability_proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"source_title" text DEFAULT '' NOT NULL,
	"unit_id" uuid,
	"subjects" jsonb NOT NULL,
	"situation" integer,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"source_permission" text NOT NULL,
	"proposed_by_user_id" uuid,
	"proposed_by_name" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"case_id" uuid,
	"case_code" text,
	"decline_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accountability_proposal_events_idx" ON "accountability_proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_proposals_open_source_uq" ON "accountability_proposals" USING btree ("source_type","source_id") WHERE state <> 'declined';--> statement-breakpoint
CREATE INDEX "accountability_proposals_region_idx" ON "accountability_proposals" USING btree ("region_id","state","created_at");--> statement-breakpoint
CREATE INDEX "accountability_proposals_case_idx" ON "accountability_proposals" USING btree ("case_id");