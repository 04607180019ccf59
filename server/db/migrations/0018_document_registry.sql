CREATE TABLE "document_counters" (
	"region_id" uuid NOT NULL,
	"abbreviation" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_region_id_abbreviation_year_pk" PRIMARY KEY("region_id","abbreviation","year")
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"issuer_code" text NOT NULL,
	"issuer_name" text NOT NULL,
	"signature" text NOT NULL,
	"abbreviation" text NOT NULL,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"payload" jsonb
);
--> statement-breakpoint
CREATE TABLE "issuers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"abbreviation" text NOT NULL,
	"signature" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decision_body" text;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_number_uniq" ON "issued_documents" USING btree ("region_id","abbreviation","year","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_object_uniq" ON "issued_documents" USING btree ("kind","object_id");--> statement-breakpoint
CREATE INDEX "issued_documents_object_idx" ON "issued_documents" USING btree ("object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuers_region_code_uniq" ON "issuers" USING btree ("region_id","code");