CREATE SEQUENCE "public"."spot_check_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "spot_check_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"dispatch_item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"verdict" text,
	"comment" text DEFAULT '' NOT NULL,
	"evidence_ref" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone,
	"problem_id" uuid,
	"problem_code" text
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sample_size" integer,
	"sample_percent" integer,
	"seed" text NOT NULL,
	"population_size" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"drawn_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"conclusion" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "spot_check_events_idx" ON "spot_check_events" USING btree ("spot_check_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_samples_uniq" ON "spot_check_samples" USING btree ("spot_check_id","report_id");--> statement-breakpoint
CREATE INDEX "spot_check_samples_report_idx" ON "spot_check_samples" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_verdicts_uniq" ON "spot_check_verdicts" USING btree ("spot_check_id","report_id","dispatch_item_id");--> statement-breakpoint
CREATE INDEX "spot_check_verdicts_report_idx" ON "spot_check_verdicts" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_checks_code_uniq" ON "spot_checks" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "spot_checks_region_idx" ON "spot_checks" USING btree ("region_id","year","quarter");