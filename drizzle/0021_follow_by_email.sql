CREATE TYPE "public"."mail_frequency" AS ENUM('each', 'daily');--> statement-breakpoint
CREATE TYPE "public"."send_status" AS ENUM('claimed', 'sent', 'deferred', 'failed');--> statement-breakpoint
CREATE TYPE "public"."subscriber_source" AS ENUM('widget', 'import', 'comment');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('pending', 'confirmed', 'unsubscribed', 'bouncing');--> statement-breakpoint
CREATE TABLE "post_sends" (
	"post_id" integer NOT NULL,
	"subscriber_id" integer NOT NULL,
	"status" "send_status" DEFAULT 'claimed' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "post_sends_post_id_subscriber_id_pk" PRIMARY KEY("post_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "subscriber_labels" (
	"subscriber_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "subscriber_labels_subscriber_id_label_id_pk" PRIMARY KEY("subscriber_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscribers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"status" "subscriber_status" DEFAULT 'pending' NOT NULL,
	"whole_site" boolean DEFAULT true NOT NULL,
	"frequency" "mail_frequency" DEFAULT 'each' NOT NULL,
	"permanent_failures" integer DEFAULT 0 NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"source" "subscriber_source" DEFAULT 'widget' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "subscribers_email_unique" UNIQUE("email"),
	CONSTRAINT "subscribers_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "subscribers_email_lower" CHECK ("subscribers"."email" = lower("subscribers"."email"))
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "email_followers" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "email_queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "mail_full_text" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "post_sends" ADD CONSTRAINT "post_sends_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_sends" ADD CONSTRAINT "post_sends_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_labels" ADD CONSTRAINT "subscriber_labels_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_labels" ADD CONSTRAINT "subscriber_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_sends_status_idx" ON "post_sends" USING btree ("post_id","status");--> statement-breakpoint
CREATE INDEX "subscriber_labels_label_idx" ON "subscriber_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");--> statement-breakpoint
-- Posts already live when following by email arrived are not news: they never mail followers, even if republished.
UPDATE "posts" SET "email_followers" = false WHERE "status" = 'published';
