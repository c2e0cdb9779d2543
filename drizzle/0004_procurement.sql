CREATE TABLE `purchase_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`po_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` text NOT NULL,
	`supplier_code` text DEFAULT '' NOT NULL,
	`pack_unit` text NOT NULL,
	`pack_qty` integer NOT NULL,
	`packs` integer NOT NULL,
	`qty_ordered` integer NOT NULL,
	`price` integer NOT NULL,
	`qty_received` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_order_lines_po_idx` ON `purchase_order_lines` (`po_id`);--> statement-breakpoint
CREATE INDEX `purchase_order_lines_item_idx` ON `purchase_order_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`supplier_id` text NOT NULL,
	`status` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`order_day` text NOT NULL,
	`expected_day` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`approved_at` integer,
	`approved_by` text,
	`closed_at` integer,
	`closed_by` text,
	`close_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number_uq` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE INDEX `purchase_orders_status_idx` ON `purchase_orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_orders_supplier_idx` ON `purchase_orders` (`supplier_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `receipt_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` text NOT NULL,
	`po_line_id` text,
	`area_id` text NOT NULL,
	`status` text NOT NULL,
	`qty` integer NOT NULL,
	`entry_qty` text DEFAULT '' NOT NULL,
	`entry_unit` text DEFAULT '' NOT NULL,
	`weighed` integer DEFAULT false NOT NULL,
	`gross` integer,
	`tare` integer,
	`scale_stable` integer,
	`scale_id` text,
	`price` integer NOT NULL,
	`price_unit` text NOT NULL,
	`price_factor` integer NOT NULL,
	`rejected_qty` integer DEFAULT 0 NOT NULL,
	`reject_entry_qty` text DEFAULT '' NOT NULL,
	`reject_entry_unit` text DEFAULT '' NOT NULL,
	`reject_reason` text DEFAULT '' NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`expiry` text,
	`temp_c10` integer,
	`temp_override` text DEFAULT '' NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`posted_at` integer,
	`posted_by` text,
	`move_id` text,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`po_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `storage_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_lines_receipt_idx` ON `receipt_lines` (`receipt_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `receipt_lines_po_line_idx` ON `receipt_lines` (`po_line_id`);--> statement-breakpoint
CREATE INDEX `receipt_lines_item_idx` ON `receipt_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`po_id` text,
	`supplier_id` text,
	`area_id` text NOT NULL,
	`status` text NOT NULL,
	`day` text NOT NULL,
	`delivery_note` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`opened_at` integer NOT NULL,
	`opened_by` text,
	`finished_at` integer,
	`finished_by` text,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `storage_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_number_uq` ON `receipts` (`number`);--> statement-breakpoint
CREATE INDEX `receipts_po_idx` ON `receipts` (`po_id`);--> statement-breakpoint
CREATE INDEX `receipts_status_idx` ON `receipts` (`status`,`opened_at`);--> statement-breakpoint
CREATE TABLE `supplier_items` (
	`id` text PRIMARY KEY NOT NULL,
	`supplier_id` text NOT NULL,
	`item_id` text NOT NULL,
	`supplier_code` text DEFAULT '' NOT NULL,
	`pack_unit` text NOT NULL,
	`pack_qty` integer NOT NULL,
	`price` integer NOT NULL,
	`preferred` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_items_uq` ON `supplier_items` (`supplier_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `supplier_items_item_idx` ON `supplier_items` (`item_id`);--> statement-breakpoint
ALTER TABLE `suppliers` ADD `contacts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `lead_time_days` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `order_days` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `min_order_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `note` text DEFAULT '' NOT NULL;