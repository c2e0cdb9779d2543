CREATE SCHEMA "mirror";
--> statement-breakpoint
CREATE TABLE "hq_audit" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"user_id" text,
	"username" text,
	"method" text NOT NULL,
	"store_id" text,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hq_users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"secret_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" bigint,
	"last_login_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"at" bigint NOT NULL,
	"plan_hash" text NOT NULL,
	"plans" jsonb NOT NULL,
	"app_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"enrollment_code_hash" text,
	"enrollment_expires_at" bigint,
	"credential_hash" text,
	"enrolled_at" bigint,
	"revoked_at" bigint,
	"timezone" text DEFAULT '' NOT NULL,
	"currency" text DEFAULT '' NOT NULL,
	"last_contact_at" bigint,
	"app_version" text DEFAULT '' NOT NULL,
	"schema_version" integer,
	"backlog" bigint DEFAULT 0 NOT NULL,
	"refused_count" integer DEFAULT 0 NOT NULL,
	"last_refusal" jsonb,
	"clock_skew_ms" bigint,
	"audit_mismatch" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"version" bigserial PRIMARY KEY NOT NULL,
	"tbl" text NOT NULL,
	"row_key" text NOT NULL,
	"store_id" text,
	"op" text NOT NULL,
	"data" jsonb NOT NULL,
	"clocks" jsonb,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closed_periods" (
	"scope" text NOT NULL,
	"month" text NOT NULL,
	"closed_at" bigint NOT NULL,
	"closed_by" text,
	CONSTRAINT "closed_periods_scope_month_pk" PRIMARY KEY("scope","month")
);
--> statement-breakpoint
CREATE TABLE "sync_audit_heads" (
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"seen_at" bigint NOT NULL,
	CONSTRAINT "sync_audit_heads_store_id_seq_pk" PRIMARY KEY("store_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_audit_mismatches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"recorded_hash" text NOT NULL,
	"presented_hash" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_dead_letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"stream_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"tbl" text NOT NULL,
	"op" text NOT NULL,
	"entry" jsonb NOT NULL,
	"reason" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_id_map" (
	"store_id" text NOT NULL,
	"tbl" text NOT NULL,
	"local_id" text NOT NULL,
	"hq_id" text NOT NULL,
	CONSTRAINT "sync_id_map_store_id_tbl_local_id_pk" PRIMARY KEY("store_id","tbl","local_id")
);
--> statement-breakpoint
CREATE TABLE "sync_late_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"stream_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"tbl" text NOT NULL,
	"row_key" text NOT NULL,
	"month" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_requests" (
	"request_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"path" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_streams" (
	"store_id" text NOT NULL,
	"stream_id" text NOT NULL,
	"ack_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "sync_streams_store_id_stream_id_pk" PRIMARY KEY("store_id","stream_id")
);
--> statement-breakpoint
CREATE TABLE "work_order_field_values" (
	"store_id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"field" text NOT NULL,
	"clock" text NOT NULL,
	"value" jsonb,
	"source" text NOT NULL,
	"applied" boolean NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "work_order_field_values_store_id_work_order_id_field_clock_pk" PRIMARY KEY("store_id","work_order_id","field","clock")
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"make" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"serial_no" text DEFAULT '' NOT NULL,
	"store_id" text,
	"supplier_id" text,
	"vendor_id" text,
	"install_day" text,
	"warranty_end" text,
	"criticality" text DEFAULT 'medium' NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fault_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"equipment_category" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_barcodes" (
	"barcode" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_units" (
	"item_id" text NOT NULL,
	"unit" text NOT NULL,
	"factor" bigint NOT NULL,
	"purchase" smallint DEFAULT 0 NOT NULL,
	"count" smallint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "item_units_item_id_unit_pk" PRIMARY KEY("item_id","unit")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"base_unit" text NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"shelf_life_days" bigint,
	"lot_tracked" smallint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reason_codes" (
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "reason_codes_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "service_vendors" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"categories" text DEFAULT '[]' NOT NULL,
	"contract_no" text DEFAULT '' NOT NULL,
	"contract_start" text,
	"contract_end" text,
	"contract_terms" text DEFAULT '' NOT NULL,
	"hourly_rate" bigint DEFAULT 0 NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_items" (
	"id" text PRIMARY KEY NOT NULL,
	"supplier_id" text NOT NULL,
	"item_id" text NOT NULL,
	"supplier_code" text DEFAULT '' NOT NULL,
	"pack_unit" text NOT NULL,
	"pack_qty" bigint NOT NULL,
	"price" bigint NOT NULL,
	"preferred" smallint DEFAULT 0 NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"contacts" text DEFAULT '[]' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lead_time_days" bigint DEFAULT 1 NOT NULL,
	"order_days" text DEFAULT '' NOT NULL,
	"min_order_value" bigint DEFAULT 0 NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mirror"."label_prints" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"template_id" text NOT NULL,
	"printer_id" text,
	"copies" bigint DEFAULT 1 NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"source_id" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"error" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"printed_at" bigint,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "label_prints_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."stock_periods" (
	"store_id" text NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"ends_at" bigint NOT NULL,
	"closed_at" bigint NOT NULL,
	"closed_by" text,
	"reopened_at" bigint,
	"reopened_by" text,
	"reopen_reason" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "stock_periods_store_id_month_pk" PRIMARY KEY("store_id","month")
);
--> statement-breakpoint
CREATE TABLE "mirror"."storage_areas" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"active" smallint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "storage_areas_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."store" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"timezone" text NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "store_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."users" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"disabled" smallint DEFAULT 0 NOT NULL,
	"locale" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "users_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."stock_count_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"count_id" text NOT NULL,
	"item_id" text NOT NULL,
	"area_id" text NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"book_qty" bigint NOT NULL,
	"counted_qty" bigint,
	"entry" text DEFAULT '' NOT NULL,
	"counted_at" bigint,
	"counted_by" text,
	"recount" smallint DEFAULT 0 NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "stock_count_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."stock_counts" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"scope" text NOT NULL,
	"blind" smallint DEFAULT 0 NOT NULL,
	"started_at" bigint NOT NULL,
	"started_by" text,
	"posted_at" bigint,
	"posted_by" text,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "stock_counts_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."stock_moves" (
	"store_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"item_id" text NOT NULL,
	"area_id" text NOT NULL,
	"kind" text NOT NULL,
	"qty" bigint NOT NULL,
	"value" bigint NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"expiry" text,
	"occurred_at" bigint NOT NULL,
	"day" text NOT NULL,
	"posted_at" bigint NOT NULL,
	"user_id" text,
	"reason" text DEFAULT '' NOT NULL,
	"doc_type" text DEFAULT '' NOT NULL,
	"doc_id" text DEFAULT '' NOT NULL,
	"reverses_seq" bigint,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "stock_moves_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."transfer_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"transfer_id" text NOT NULL,
	"item_code" text NOT NULL,
	"item_id" text,
	"lot" text DEFAULT '' NOT NULL,
	"expiry" text,
	"qty_sent" bigint NOT NULL,
	"value_sent" bigint NOT NULL,
	"qty_received" bigint,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "transfer_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."transfers" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"direction" text NOT NULL,
	"from_store" text NOT NULL,
	"to_store" text NOT NULL,
	"status" text NOT NULL,
	"sent_at" bigint NOT NULL,
	"received_at" bigint,
	"created_by" text,
	"received_by" text,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "transfers_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."invoice_claim_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"claim_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"invoice_line_id" text,
	"reasons" text NOT NULL,
	"billed_qty" bigint NOT NULL,
	"billed_price" bigint NOT NULL,
	"billed_amount" bigint NOT NULL,
	"should_qty" bigint NOT NULL,
	"should_price" bigint NOT NULL,
	"should_amount" bigint NOT NULL,
	"diff_net" bigint NOT NULL,
	"tax_rate" bigint NOT NULL,
	"diff_tax" bigint NOT NULL,
	"diff_gross" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "invoice_claim_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."invoice_claims" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"invoice_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"sent_at" bigint,
	"sent_by" text,
	"settled_at" bigint,
	"settled_by" text,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "invoice_claims_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."purchase_order_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"po_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"item_id" text NOT NULL,
	"supplier_code" text DEFAULT '' NOT NULL,
	"pack_unit" text NOT NULL,
	"pack_qty" bigint NOT NULL,
	"packs" bigint NOT NULL,
	"qty_ordered" bigint NOT NULL,
	"price" bigint NOT NULL,
	"qty_received" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "purchase_order_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."purchase_orders" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"supplier_id" text NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"order_day" text NOT NULL,
	"expected_day" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"approved_at" bigint,
	"approved_by" text,
	"closed_at" bigint,
	"closed_by" text,
	"close_reason" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "purchase_orders_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."receipt_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"receipt_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"item_id" text NOT NULL,
	"po_line_id" text,
	"area_id" text NOT NULL,
	"status" text NOT NULL,
	"qty" bigint NOT NULL,
	"entry_qty" text DEFAULT '' NOT NULL,
	"entry_unit" text DEFAULT '' NOT NULL,
	"weighed" smallint DEFAULT 0 NOT NULL,
	"gross" bigint,
	"tare" bigint,
	"scale_stable" smallint,
	"scale_id" text,
	"price" bigint NOT NULL,
	"price_unit" text NOT NULL,
	"price_factor" bigint NOT NULL,
	"rejected_qty" bigint DEFAULT 0 NOT NULL,
	"reject_entry_qty" text DEFAULT '' NOT NULL,
	"reject_entry_unit" text DEFAULT '' NOT NULL,
	"reject_reason" text DEFAULT '' NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"expiry" text,
	"temp_c10" bigint,
	"temp_override" text DEFAULT '' NOT NULL,
	"confirmed" smallint DEFAULT 0 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"posted_at" bigint,
	"posted_by" text,
	"move_id" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "receipt_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."receipts" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"po_id" text,
	"supplier_id" text,
	"area_id" text NOT NULL,
	"status" text NOT NULL,
	"day" text NOT NULL,
	"delivery_note" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"opened_at" bigint NOT NULL,
	"opened_by" text,
	"finished_at" bigint,
	"finished_by" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "receipts_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."supplier_invoice_lines" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"item_id" text,
	"supplier_code" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entry_qty" text NOT NULL,
	"unit" text NOT NULL,
	"unit_factor" bigint NOT NULL,
	"qty" bigint NOT NULL,
	"unit_price" bigint NOT NULL,
	"line_total" bigint NOT NULL,
	"tax_rate" bigint NOT NULL,
	"po_line_id" text,
	"accepted_qty" bigint,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "supplier_invoice_lines_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."supplier_invoices" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"supplier_id" text NOT NULL,
	"invoice_day" text NOT NULL,
	"due_day" text,
	"po_id" text,
	"receipt_id" text,
	"status" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"gross" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"match_result" text,
	"matched_at" bigint,
	"matched_by" text,
	"approved_amount" bigint,
	"approved_at" bigint,
	"approved_by" text,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "supplier_invoices_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."checklist_results" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"item_key" text NOT NULL,
	"passed" smallint,
	"reading" bigint,
	"note" text DEFAULT '' NOT NULL,
	"at" bigint NOT NULL,
	"user_id" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "checklist_results_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."meter_readings" (
	"id" text NOT NULL,
	"store_id" text NOT NULL,
	"equipment_id" text NOT NULL,
	"value" bigint NOT NULL,
	"read_at" bigint NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "meter_readings_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."pm_plans" (
	"id" text NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"equipment_id" text,
	"equipment_category" text,
	"interval_kind" text NOT NULL,
	"interval" bigint NOT NULL,
	"lead_days" bigint DEFAULT 7 NOT NULL,
	"lead_meter" bigint DEFAULT 0 NOT NULL,
	"start_day" text NOT NULL,
	"start_meter" bigint DEFAULT 0 NOT NULL,
	"checklist" text DEFAULT '[]' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"assignee_user_id" text,
	"vendor_id" text,
	"active" smallint DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "pm_plans_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."vendor_invoices" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"vendor_id" text NOT NULL,
	"invoice_no" text NOT NULL,
	"day" text NOT NULL,
	"amount" bigint NOT NULL,
	"reverses_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "vendor_invoices_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."work_order_events" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"at" bigint NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"waiting_reason" text,
	"note" text DEFAULT '' NOT NULL,
	"data" text DEFAULT '{}' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "work_order_events_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."work_order_labour" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"user_id" text,
	"day" text NOT NULL,
	"minutes" bigint NOT NULL,
	"rate" bigint NOT NULL,
	"cost" bigint NOT NULL,
	"reverses_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "work_order_labour_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."work_order_parts" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"item_id" text NOT NULL,
	"area_id" text NOT NULL,
	"qty" bigint NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"move_seq" bigint NOT NULL,
	"reverses_id" text,
	"at" bigint NOT NULL,
	"user_id" text,
	"note" text DEFAULT '' NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "work_order_parts_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror"."work_orders" (
	"id" text NOT NULL,
	"store_id" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"equipment_id" text NOT NULL,
	"fault_code" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"down" smallint DEFAULT 0 NOT NULL,
	"down_start" bigint,
	"up_at" bigint,
	"priority" text NOT NULL,
	"suggested_priority" text NOT NULL,
	"status" text NOT NULL,
	"waiting_reason" text,
	"assignee_user_id" text,
	"vendor_id" text,
	"reported_by" text,
	"reported_at" bigint NOT NULL,
	"responded_at" bigint,
	"resolved_at" bigint,
	"confirmed_at" bigint,
	"closed_at" bigint,
	"cancelled_at" bigint,
	"resolution" text DEFAULT '' NOT NULL,
	"resolution_code" text DEFAULT '' NOT NULL,
	"root_cause_code" text DEFAULT '' NOT NULL,
	"reopen_count" bigint DEFAULT 0 NOT NULL,
	"pm_plan_id" text,
	"pm_due_key" text,
	"pm_due_day" text,
	"pm_due_meter" bigint,
	"checklist" text DEFAULT '[]' NOT NULL,
	"response_target_ms" bigint DEFAULT 0 NOT NULL,
	"response_due_at" bigint,
	"response_left_ms" bigint,
	"response_met" smallint,
	"response_breached_at" bigint,
	"resolution_target_ms" bigint DEFAULT 0 NOT NULL,
	"resolution_due_at" bigint,
	"resolution_left_ms" bigint,
	"resolution_met" smallint,
	"resolution_breached_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"clocks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hq_seq" bigint NOT NULL,
	"hq_received_at" bigint NOT NULL,
	CONSTRAINT "work_orders_store_id_id_pk" PRIMARY KEY("store_id","id")
);
--> statement-breakpoint
ALTER TABLE "hq_sessions" ADD CONSTRAINT "hq_sessions_user_id_hq_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."hq_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "store_tokens" ADD CONSTRAINT "store_tokens_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "change_log" ADD CONSTRAINT "change_log_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "item_barcodes" ADD CONSTRAINT "item_barcodes_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_units" ADD CONSTRAINT "item_units_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_items" ADD CONSTRAINT "supplier_items_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_items" ADD CONSTRAINT "supplier_items_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hq_audit_store_idx" ON "hq_audit" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "hq_sessions_user_idx" ON "hq_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hq_users_username_uq" ON "hq_users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "store_tokens_store_idx" ON "store_tokens" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "store_tokens_expiry_idx" ON "store_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stores_code_uq" ON "stores" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "stores_enrollment_code_uq" ON "stores" USING btree ("enrollment_code_hash");--> statement-breakpoint
CREATE INDEX "change_log_store_idx" ON "change_log" USING btree ("store_id","version");--> statement-breakpoint
CREATE INDEX "change_log_tbl_idx" ON "change_log" USING btree ("tbl","version");--> statement-breakpoint
CREATE INDEX "sync_audit_mismatches_store_idx" ON "sync_audit_mismatches" USING btree ("store_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_dead_letters_uq" ON "sync_dead_letters" USING btree ("store_id","stream_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_id_map_hq_uq" ON "sync_id_map" USING btree ("store_id","tbl","hq_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_late_entries_uq" ON "sync_late_entries" USING btree ("store_id","stream_id","seq");--> statement-breakpoint
CREATE INDEX "sync_requests_at_idx" ON "sync_requests" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_code_uq" ON "equipment" USING btree ("code");--> statement-breakpoint
CREATE INDEX "equipment_store_idx" ON "equipment" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fault_codes_code_uq" ON "fault_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "item_barcodes_item_idx" ON "item_barcodes" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_categories_code_uq" ON "item_categories" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "items_code_uq" ON "items" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_vendors_code_uq" ON "service_vendors" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_items_uq" ON "supplier_items" USING btree ("supplier_id","item_id");--> statement-breakpoint
CREATE INDEX "supplier_items_item_idx" ON "supplier_items" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_code_uq" ON "suppliers" USING btree ("code");