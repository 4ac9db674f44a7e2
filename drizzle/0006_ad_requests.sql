CREATE TYPE "public"."ad_request_status" AS ENUM('new', 'accepted', 'declined', 'scheduled');--> statement-breakpoint
CREATE TABLE "ad_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ad_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company" text NOT NULL,
	"email" text NOT NULL,
	"slot_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"weeks" integer NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"creative_url" text,
	"status" "ad_request_status" DEFAULT 'new' NOT NULL,
	"ad_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ad_slots" ADD COLUMN "price_per_week_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_requests" ADD CONSTRAINT "ad_requests_slot_id_ad_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."ad_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_requests" ADD CONSTRAINT "ad_requests_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_requests_status_idx" ON "ad_requests" USING btree ("status","created_at");