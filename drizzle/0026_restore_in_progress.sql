CREATE TABLE "restore_in_progress" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ids_before" jsonb NOT NULL,
	"people_before" jsonb NOT NULL,
	"settings_before" jsonb,
	CONSTRAINT "restore_in_progress_single_row" CHECK ("restore_in_progress"."id" = 1)
);
