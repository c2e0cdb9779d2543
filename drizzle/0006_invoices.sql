CREATE TABLE `invoice_claim_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`invoice_line_id` text,
	`reasons` text NOT NULL,
	`billed_qty` integer NOT NULL,
	`billed_price` integer NOT NULL,
	`billed_amount` integer NOT NULL,
	`should_qty` integer NOT NULL,
	`should_price` integer NOT NULL,
	`should_amount` integer NOT NULL,
	`diff_net` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`diff_tax` integer NOT NULL,
	`diff_gross` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `invoice_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_line_id`) REFERENCES `supplier_invoice_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_claim_lines_claim_idx` ON `invoice_claim_lines` (`claim_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `invoice_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`invoice_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`sent_at` integer,
	`sent_by` text,
	`settled_at` integer,
	`settled_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `supplier_invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_claims_number_uq` ON `invoice_claims` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_claims_invoice_uq` ON `invoice_claims` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoice_claims_status_idx` ON `invoice_claims` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `supplier_invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` text,
	`supplier_code` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`entry_qty` text NOT NULL,
	`unit` text NOT NULL,
	`unit_factor` integer NOT NULL,
	`qty` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`line_total` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`po_line_id` text,
	`accepted_qty` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `supplier_invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`po_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supplier_invoice_lines_invoice_idx` ON `supplier_invoice_lines` (`invoice_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `supplier_invoice_lines_item_idx` ON `supplier_invoice_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `supplier_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`supplier_id` text NOT NULL,
	`invoice_day` text NOT NULL,
	`due_day` text,
	`po_id` text,
	`receipt_id` text,
	`status` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`gross` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`match_result` text,
	`matched_at` integer,
	`matched_by` text,
	`approved_amount` integer,
	`approved_at` integer,
	`approved_by` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_invoices_number_uq` ON `supplier_invoices` (`supplier_id`,`number`);--> statement-breakpoint
CREATE INDEX `supplier_invoices_status_idx` ON `supplier_invoices` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `supplier_invoices_po_idx` ON `supplier_invoices` (`po_id`);--> statement-breakpoint
CREATE INDEX `supplier_invoices_receipt_idx` ON `supplier_invoices` (`receipt_id`);