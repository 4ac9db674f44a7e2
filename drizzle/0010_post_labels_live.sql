ALTER TABLE "post_labels" ADD COLUMN "live_published_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "post_labels_live_idx" ON "post_labels" USING btree ("label_id","live_published_at" DESC NULLS FIRST,"post_id" DESC NULLS FIRST) WHERE "post_labels"."live_published_at" is not null;--> statement-breakpoint
-- The rule isLive (db/queries/posts.ts) states in TypeScript, once in SQL: a post's date while it is published and
-- not in the trash, null otherwise.
CREATE FUNCTION post_live_published_at(p posts) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p.status = 'published' AND p.deleted_at IS NULL THEN p.published_at END
$$;--> statement-breakpoint
-- A new label row takes its post's state; a post that goes live, changes date or leaves (unpublished, trashed)
-- passes the change to its label rows.
CREATE FUNCTION post_labels_take_post_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.live_published_at := (SELECT post_live_published_at(p) FROM posts p WHERE p.id = NEW.post_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER post_labels_take_post_state BEFORE INSERT OR UPDATE OF post_id ON post_labels
  FOR EACH ROW EXECUTE FUNCTION post_labels_take_post_state();--> statement-breakpoint
CREATE FUNCTION posts_pass_state_to_labels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE post_labels SET live_published_at = post_live_published_at(NEW) WHERE post_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER posts_pass_state_to_labels AFTER UPDATE OF status, published_at, deleted_at ON posts
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
    OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION posts_pass_state_to_labels();--> statement-breakpoint
UPDATE post_labels pl SET live_published_at = post_live_published_at(p) FROM posts p WHERE p.id = pl.post_id;
