ALTER TABLE "evaluation_questions" ADD COLUMN "problem_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_questions" ADD COLUMN "problem_code" text;