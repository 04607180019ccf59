ALTER TABLE "audit_head" ADD COLUMN "keyed_from" bigint;--> statement-breakpoint
ALTER TABLE "audit_head" ADD COLUMN "base_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_head" ADD COLUMN "base_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;