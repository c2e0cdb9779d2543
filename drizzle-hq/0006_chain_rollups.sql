CREATE TABLE "chain_item_balances" (
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"qty" bigint NOT NULL,
	"value" bigint NOT NULL,
	"moves" bigint NOT NULL,
	CONSTRAINT "chain_item_balances_store_id_item_id_pk" PRIMARY KEY("store_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "chain_item_monthly" (
	"month" text NOT NULL,
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"qty" bigint NOT NULL,
	"value" bigint NOT NULL,
	"moves" bigint NOT NULL,
	CONSTRAINT "chain_item_monthly_month_store_id_item_id_kind_reason_pk" PRIMARY KEY("month","store_id","item_id","kind","reason")
);
--> statement-breakpoint
CREATE TABLE "chain_lot_balances" (
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"area_id" text NOT NULL,
	"lot" text NOT NULL,
	"expiry" text,
	"qty" bigint NOT NULL,
	CONSTRAINT "chain_lot_balances_store_id_item_id_area_id_lot_pk" PRIMARY KEY("store_id","item_id","area_id","lot")
);
--> statement-breakpoint
CREATE TABLE "chain_move_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" smallint NOT NULL,
	"fresh" boolean NOT NULL,
	"store_id" text NOT NULL,
	"item_id" text NOT NULL,
	"area_id" text NOT NULL,
	"lot" text NOT NULL,
	"expiry" text,
	"seq" bigint NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"reason" text NOT NULL,
	"moves" smallint NOT NULL,
	"qty" bigint NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_store_daily" (
	"store_id" text NOT NULL,
	"day" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "chain_store_daily_store_id_day_pk" PRIMARY KEY("store_id","day")
);
--> statement-breakpoint
CREATE TABLE "chain_store_monthly" (
	"month" text NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"qty" bigint NOT NULL,
	"value" bigint NOT NULL,
	"moves" bigint NOT NULL,
	CONSTRAINT "chain_store_monthly_month_store_id_kind_reason_pk" PRIMARY KEY("month","store_id","kind","reason")
);
--> statement-breakpoint
CREATE INDEX "chain_item_balances_item" ON "chain_item_balances" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "chain_lot_balances_expiry" ON "chain_lot_balances" USING btree ("expiry");