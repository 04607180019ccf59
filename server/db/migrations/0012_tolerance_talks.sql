CREATE SEQUENCE "public"."talk_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."tolerance_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "talk_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talk_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"talker_person_ids" uuid[] NOT NULL,
	"talker_names" text DEFAULT '' NOT NULL,
	"subject_person_ids" uuid[] NOT NULL,
	"subject_unit_id" uuid,
	"unit_ids" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"talk_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"record" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone,
	"follow_up_required" text DEFAULT '' NOT NULL,
	"follow_up_due" date,
	"follow_up_done" boolean DEFAULT false NOT NULL,
	"follow_up_result" text DEFAULT '' NOT NULL,
	"followed_up_at" timestamp with time zone,
	"problem_id" uuid,
	"warning_id" uuid,
	"case_id" uuid,
	"form_of_four" integer,
	"state" text DEFAULT 'planned' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tolerance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tolerance_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_ids" uuid[] NOT NULL,
	"matter" text NOT NULL,
	"decision" text NOT NULL,
	"basis" text NOT NULL,
	"exploratory" boolean DEFAULT false NOT NULL,
	"minutes" text NOT NULL,
	"dissent" text DEFAULT '' NOT NULL,
	"risk" text DEFAULT '' NOT NULL,
	"decided_on" date NOT NULL,
	"review_on" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"approval_comment" text,
	"minutes_file_name" text,
	"minutes_file_mime" text,
	"minutes_file" "bytea",
	"created_by_user_id" uuid,
	"search_bigrams" text[] GENERATED ALWAYS AS (zelian_bigrams(matter || ' ' || decision)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "talk_events_talk_idx" ON "talk_events" USING btree ("talk_id","at");--> statement-breakpoint
CREATE INDEX "talks_region_idx" ON "talks" USING btree ("region_id","talk_on");--> statement-breakpoint
CREATE INDEX "talks_units_idx" ON "talks" USING gin ("unit_ids");--> statement-breakpoint
CREATE INDEX "talks_subjects_idx" ON "talks" USING gin ("subject_person_ids");--> statement-breakpoint
CREATE INDEX "talks_problem_idx" ON "talks" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "talks_warning_idx" ON "talks" USING btree ("warning_id");--> statement-breakpoint
CREATE INDEX "talks_case_idx" ON "talks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tolerance_events_filing_idx" ON "tolerance_events" USING btree ("filing_id","at");--> statement-breakpoint
CREATE INDEX "tolerance_filings_region_idx" ON "tolerance_filings" USING btree ("region_id","state","decided_on");--> statement-breakpoint
CREATE INDEX "tolerance_filings_unit_idx" ON "tolerance_filings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "tolerance_filings_people_idx" ON "tolerance_filings" USING gin ("person_ids");--> statement-breakpoint
CREATE INDEX "tolerance_filings_search_idx" ON "tolerance_filings" USING gin ("search_bigrams");