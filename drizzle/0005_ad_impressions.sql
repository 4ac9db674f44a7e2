CREATE TABLE "ad_views" (
	"ad_id" integer NOT NULL,
	"visitor" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_views_ad_id_visitor_pk" PRIMARY KEY("ad_id","visitor")
);
--> statement-breakpoint
ALTER TABLE "ad_daily_stats" ADD COLUMN "served_impressions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_views" ADD CONSTRAINT "ad_views_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_views_seen_idx" ON "ad_views" USING btree ("seen_at");