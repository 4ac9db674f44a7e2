ALTER TABLE "ad_slots" ADD COLUMN "after_paragraph" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_slots" ADD COLUMN "label_id" integer;--> statement-breakpoint
ALTER TABLE "ads" ADD COLUMN "report_token" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_slots" ADD CONSTRAINT "ad_slots_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ads" ADD CONSTRAINT "ads_report_token_unique" UNIQUE("report_token");