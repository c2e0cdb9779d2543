CREATE TABLE "enrollment_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "enrollment_failures_at_idx" ON "enrollment_failures" USING btree ("at");--> statement-breakpoint
CREATE INDEX "enrollment_failures_source_idx" ON "enrollment_failures" USING btree ("source","at");