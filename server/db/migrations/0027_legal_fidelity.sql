ALTER TABLE "issued_documents" ADD COLUMN "copy" "bytea";--> statement-breakpoint
ALTER TABLE "issued_documents" ADD COLUMN "copy_name" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "attending_unit_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "excused_unit_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD COLUMN "served_on" date;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD COLUMN "service_manner" text;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "start_time" text;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "end_time" text;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "recorder_person_id" uuid;