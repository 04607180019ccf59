CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "complaint_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"key_id" text,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"password_hash" text,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"key_id" text,
	"filer_enc" "bytea",
	"content_enc" "bytea" NOT NULL,
	"subject_name" text DEFAULT '' NOT NULL,
	"subject_unit_id" uuid,
	"subject_unit_name" text NOT NULL,
	"subject_post" text DEFAULT '' NOT NULL,
	"about_principal" boolean DEFAULT false NOT NULL,
	"received_on" date NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"repeat_of_id" uuid,
	"accepted_on" date,
	"transfer_to" text DEFAULT '' NOT NULL,
	"transferred_on" date,
	"lower_result" text,
	"lower_replied_on" date,
	"way" text,
	"decided_on" date,
	"approver" text DEFAULT '' NOT NULL,
	"finding" text,
	"result" text DEFAULT '' NOT NULL,
	"completed_on" date,
	"completion_due" date NOT NULL,
	"acceptance_told_on" date,
	"acceptance_told_how" text,
	"feedback_on" date,
	"feedback_how" text,
	"answer" text DEFAULT '' NOT NULL,
	"problem_id" uuid,
	"case_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_files_complaint_idx" ON "complaint_files" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_code_idx" ON "complaints" USING btree ("code");--> statement-breakpoint
CREATE INDEX "complaints_region_idx" ON "complaints" USING btree ("region_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_owner_idx" ON "complaints" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "complaints_repeat_idx" ON "complaints" USING btree ("repeat_of_id");--> statement-breakpoint
CREATE INDEX "complaints_problem_idx" ON "complaints" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "complaints_case_idx" ON "complaints" USING btree ("case_id");