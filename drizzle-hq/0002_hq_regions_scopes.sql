CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_user_scope_regions" (
	"user_id" text NOT NULL,
	"region_id" text NOT NULL,
	CONSTRAINT "hq_user_scope_regions_user_id_region_id_pk" PRIMARY KEY("user_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "hq_user_scope_stores" (
	"user_id" text NOT NULL,
	"store_id" text NOT NULL,
	CONSTRAINT "hq_user_scope_stores_user_id_store_id_pk" PRIMARY KEY("user_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "hq_user_scopes" (
	"user_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hq_users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "region_id" text;--> statement-breakpoint
ALTER TABLE "hq_user_scope_regions" ADD CONSTRAINT "hq_user_scope_regions_user_id_hq_user_scopes_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."hq_user_scopes"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hq_user_scope_regions" ADD CONSTRAINT "hq_user_scope_regions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hq_user_scope_stores" ADD CONSTRAINT "hq_user_scope_stores_user_id_hq_user_scopes_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."hq_user_scopes"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hq_user_scope_stores" ADD CONSTRAINT "hq_user_scope_stores_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "hq_user_scopes" ADD CONSTRAINT "hq_user_scopes_user_id_hq_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."hq_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_uq" ON "regions" USING btree (lower("code"));--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stores_region_idx" ON "stores" USING btree ("region_id");