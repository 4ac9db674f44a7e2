CREATE TYPE "public"."reply_follower_status" AS ENUM('pending', 'confirmed', 'unsubscribed');--> statement-breakpoint
CREATE TABLE "reply_followers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reply_followers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"status" "reply_follower_status" DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "reply_followers_email_unique" UNIQUE("email"),
	CONSTRAINT "reply_followers_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "reply_followers_email_lower" CHECK ("reply_followers"."email" = lower("reply_followers"."email"))
);
--> statement-breakpoint
CREATE TABLE "reply_sends" (
	"reply_id" integer PRIMARY KEY NOT NULL,
	"status" "send_status" DEFAULT 'claimed' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "notify_replies" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_sends" ADD CONSTRAINT "reply_sends_reply_id_comments_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;