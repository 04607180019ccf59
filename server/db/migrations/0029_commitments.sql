CREATE TABLE "commitment_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"signer_kind" text NOT NULL,
	"text_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"text_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"signer_kind" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"text_hash" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_user_id" uuid,
	"published_by_name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_signatures_once_uniq" ON "commitment_signatures" USING btree ("text_id","person_id");--> statement-breakpoint
CREATE INDEX "commitment_signatures_year_idx" ON "commitment_signatures" USING btree ("region_id","year","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_texts_revision_uniq" ON "commitment_texts" USING btree ("region_id","year","signer_kind","revision");