CREATE TABLE "inbound_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text,
	"number" text NOT NULL,
	"from_store" text NOT NULL,
	"from_store_name" text DEFAULT '' NOT NULL,
	"to_store" text NOT NULL,
	"sent_at" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"lines" text NOT NULL,
	"from_store_id" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_transfers" ADD CONSTRAINT "inbound_transfers_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "inbound_transfers_store_idx" ON "inbound_transfers" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "inbound_transfers_from_idx" ON "inbound_transfers" USING btree ("from_store_id");