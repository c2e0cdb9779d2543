CREATE TABLE "hq_release_pins" (
	"store_id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"pinned_at" bigint NOT NULL,
	"pinned_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_releases" (
	"version" text PRIMARY KEY NOT NULL,
	"channel_file" text NOT NULL,
	"path" text NOT NULL,
	"sha512" text NOT NULL,
	"release_date" text NOT NULL,
	"files" jsonb NOT NULL,
	"rollout" integer DEFAULT 0 NOT NULL,
	"uploaded_at" bigint NOT NULL,
	"uploaded_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hq_release_pins" ADD CONSTRAINT "hq_release_pins_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "hq_release_pins" ADD CONSTRAINT "hq_release_pins_version_hq_releases_version_fk" FOREIGN KEY ("version") REFERENCES "public"."hq_releases"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hq_release_pins_version_idx" ON "hq_release_pins" USING btree ("version");