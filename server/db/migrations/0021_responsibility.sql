CREATE SEQUENCE "public"."dispatch_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "dispatch_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"catalogue_item_id" uuid,
	"category" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"deadline_rule" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"fulfilled_on" date,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"recipient_kind" text NOT NULL,
	"recipient_person_id" uuid,
	"unit_id" uuid,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"issued_on" date,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fulfilment_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fulfilment_id" uuid NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispatch_item_id" uuid NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"description" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "responsibility_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_person_id" uuid,
	"unit_id" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dispatch_events_dispatch_idx" ON "dispatch_events" USING btree ("dispatch_id","at");--> statement-breakpoint
CREATE INDEX "dispatch_items_dispatch_idx" ON "dispatch_items" USING btree ("dispatch_id","sort_order");--> statement-breakpoint
CREATE INDEX "dispatch_items_deadline_idx" ON "dispatch_items" USING btree ("deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_code_uniq" ON "dispatches" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "dispatches_region_idx" ON "dispatches" USING btree ("region_id","year","quarter");--> statement-breakpoint
CREATE INDEX "dispatches_recipient_idx" ON "dispatches" USING btree ("recipient_person_id");--> statement-breakpoint
CREATE INDEX "dispatches_unit_idx" ON "dispatches" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dispatches_source_idx" ON "dispatches" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "fulfilment_files_fulfilment_idx" ON "fulfilment_files" USING btree ("fulfilment_id");--> statement-breakpoint
CREATE INDEX "fulfilments_item_idx" ON "fulfilments" USING btree ("dispatch_item_id");--> statement-breakpoint
CREATE INDEX "fulfilments_dispatch_idx" ON "fulfilments" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "responsibility_items_region_idx" ON "responsibility_items" USING btree ("region_id","subject_kind");--> statement-breakpoint
CREATE INDEX "responsibility_report_events_idx" ON "responsibility_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "responsibility_reports_region_idx" ON "responsibility_reports" USING btree ("region_id","year","quarter");