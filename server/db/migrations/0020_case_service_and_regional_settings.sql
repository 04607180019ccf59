ALTER TABLE "settings" DROP CONSTRAINT "settings_pkey";--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "scope" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_key_scope_pk" PRIMARY KEY("key","scope");--> statement-breakpoint
ALTER TABLE "case_subjects" ADD COLUMN "served_on" date;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD COLUMN "service_manner" text;