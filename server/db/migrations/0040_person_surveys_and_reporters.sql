ALTER TABLE "evaluation_reporters" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "person_id" uuid;