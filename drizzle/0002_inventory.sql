CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `item_barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`item_id` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_barcodes_item_idx` ON `item_barcodes` (`item_id`);--> statement-breakpoint
CREATE TABLE `item_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_categories_code_uq` ON `item_categories` (`code`);--> statement-breakpoint
CREATE TABLE `item_costs` (
	`item_id` text PRIMARY KEY NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`last_value` integer DEFAULT 0 NOT NULL,
	`last_qty` integer DEFAULT 0 NOT NULL,
	`last_occurred_at` integer DEFAULT 0 NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `item_units` (
	`item_id` text NOT NULL,
	`unit` text NOT NULL,
	`factor` integer NOT NULL,
	`purchase` integer DEFAULT false NOT NULL,
	`count` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`item_id`, `unit`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reason_codes` (
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`kind`, `code`)
);
--> statement-breakpoint
CREATE TABLE `stock_balances` (
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`expiry` text,
	`qty` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`item_id`, `area_id`, `lot`)
);
--> statement-breakpoint
CREATE INDEX `stock_balances_area_idx` ON `stock_balances` (`area_id`);--> statement-breakpoint
CREATE TABLE `stock_count_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`count_id` text NOT NULL,
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`book_qty` integer NOT NULL,
	`counted_qty` integer,
	`entry` text DEFAULT '' NOT NULL,
	`counted_at` integer,
	`counted_by` text,
	`recount` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_count_lines_uq` ON `stock_count_lines` (`count_id`,`item_id`,`area_id`,`lot`);--> statement-breakpoint
CREATE INDEX `stock_count_lines_item_idx` ON `stock_count_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`scope` text NOT NULL,
	`blind` integer DEFAULT false NOT NULL,
	`started_at` integer NOT NULL,
	`started_by` text,
	`posted_at` integer,
	`posted_by` text,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_daily` (
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`moves` integer NOT NULL,
	PRIMARY KEY(`item_id`, `area_id`, `day`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `stock_daily_day_idx` ON `stock_daily` (`day`);--> statement-breakpoint
CREATE TABLE `stock_monthly` (
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`moves` integer NOT NULL,
	PRIMARY KEY(`item_id`, `area_id`, `month`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `stock_monthly_month_idx` ON `stock_monthly` (`month`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`kind` text NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`expiry` text,
	`occurred_at` integer NOT NULL,
	`day` text NOT NULL,
	`posted_at` integer NOT NULL,
	`user_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`doc_type` text DEFAULT '' NOT NULL,
	`doc_id` text DEFAULT '' NOT NULL,
	`reverses_seq` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `storage_areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_moves_id_uq` ON `stock_moves` (`id`);--> statement-breakpoint
CREATE INDEX `stock_moves_item_time_idx` ON `stock_moves` (`item_id`,`occurred_at`,`seq`);--> statement-breakpoint
CREATE INDEX `stock_moves_time_idx` ON `stock_moves` (`occurred_at`,`seq`);--> statement-breakpoint
CREATE INDEX `stock_moves_doc_idx` ON `stock_moves` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `stock_moves_area_time_idx` ON `stock_moves` (`area_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `stock_moves_kind_time_idx` ON `stock_moves` (`kind`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `stock_moves_reverses_idx` ON `stock_moves` (`reverses_seq`);--> statement-breakpoint
CREATE TABLE `storage_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `storage_areas_code_uq` ON `storage_areas` (`code`);--> statement-breakpoint
CREATE TABLE `transfer_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`transfer_id` text NOT NULL,
	`item_code` text NOT NULL,
	`item_id` text,
	`lot` text DEFAULT '' NOT NULL,
	`expiry` text,
	`qty_sent` integer NOT NULL,
	`value_sent` integer NOT NULL,
	`qty_received` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_lines_transfer_idx` ON `transfer_lines` (`transfer_id`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`direction` text NOT NULL,
	`from_store` text NOT NULL,
	`to_store` text NOT NULL,
	`status` text NOT NULL,
	`sent_at` integer NOT NULL,
	`received_at` integer,
	`created_by` text,
	`received_by` text,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_number_dir_uq` ON `transfers` (`number`,`direction`);--> statement-breakpoint
ALTER TABLE `items` ADD `storage_area_id` text;--> statement-breakpoint
ALTER TABLE `items` ADD `shelf_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `items` ADD `shelf_life_days` integer;--> statement-breakpoint
ALTER TABLE `items` ADD `par_level` integer;--> statement-breakpoint
ALTER TABLE `items` ADD `reorder_point` integer;--> statement-breakpoint
ALTER TABLE `items` ADD `lot_tracked` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `items_category_idx` ON `items` (`category`);