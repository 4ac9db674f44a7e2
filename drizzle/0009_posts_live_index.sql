DROP INDEX "posts_published_idx";--> statement-breakpoint
DROP INDEX "posts_author_published_idx";--> statement-breakpoint
CREATE INDEX "posts_published_idx" ON "posts" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "posts"."status" = 'published' and "posts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "posts_author_published_idx" ON "posts" USING btree ("author_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "posts"."status" = 'published' and "posts"."deleted_at" is null;