CREATE TABLE `checklist_results` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`item_key` text NOT NULL,
	`passed` integer,
	`reading` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checklist_results_wo_idx` ON `checklist_results` (`work_order_id`,`item_key`);--> statement-breakpoint
CREATE TABLE `fault_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`equipment_category` text NOT NULL,
	`parent_code` text,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fault_codes_code_uq` ON `fault_codes` (`code`);--> statement-breakpoint
CREATE INDEX `fault_codes_category_idx` ON `fault_codes` (`equipment_category`,`parent_code`);--> statement-breakpoint
CREATE TABLE `meter_readings` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`equipment_id` text NOT NULL,
	`value` integer NOT NULL,
	`read_at` integer NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meter_readings_equipment_idx` ON `meter_readings` (`equipment_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `pm_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`name` text NOT NULL,
	`equipment_id` text,
	`equipment_category` text,
	`interval_kind` text NOT NULL,
	`interval` integer NOT NULL,
	`lead_days` integer DEFAULT 7 NOT NULL,
	`lead_meter` integer DEFAULT 0 NOT NULL,
	`start_day` text NOT NULL,
	`start_meter` integer DEFAULT 0 NOT NULL,
	`checklist` text DEFAULT '[]' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`assignee_user_id` text,
	`vendor_id` text,
	`active` integer DEFAULT true NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pm_plans_equipment_idx` ON `pm_plans` (`equipment_id`);--> statement-breakpoint
CREATE INDEX `pm_plans_category_idx` ON `pm_plans` (`equipment_category`);--> statement-breakpoint
CREATE TABLE `service_vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`contract_no` text DEFAULT '' NOT NULL,
	`contract_start` text,
	`contract_end` text,
	`contract_terms` text DEFAULT '' NOT NULL,
	`hourly_rate` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_vendors_code_uq` ON `service_vendors` (`code`);--> statement-breakpoint
CREATE TABLE `technicians` (
	`user_id` text PRIMARY KEY NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`away_until` text,
	`hourly_rate` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vendor_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`invoice_no` text NOT NULL,
	`day` text NOT NULL,
	`amount` integer NOT NULL,
	`reverses_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `service_vendors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_invoices_wo_idx` ON `vendor_invoices` (`work_order_id`);--> statement-breakpoint
CREATE TABLE `work_order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`waiting_reason` text,
	`note` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_events_wo_idx` ON `work_order_events` (`work_order_id`,`at`);--> statement-breakpoint
CREATE TABLE `work_order_labour` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`user_id` text,
	`day` text NOT NULL,
	`minutes` integer NOT NULL,
	`rate` integer NOT NULL,
	`cost` integer NOT NULL,
	`reverses_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_labour_wo_idx` ON `work_order_labour` (`work_order_id`);--> statement-breakpoint
CREATE TABLE `work_order_parts` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`item_id` text NOT NULL,
	`area_id` text NOT NULL,
	`qty` integer NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`move_seq` integer NOT NULL,
	`reverses_id` text,
	`at` integer NOT NULL,
	`user_id` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `storage_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_parts_wo_idx` ON `work_order_parts` (`work_order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_order_parts_move_uq` ON `work_order_parts` (`move_seq`);--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`equipment_id` text NOT NULL,
	`fault_code` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`down` integer DEFAULT false NOT NULL,
	`down_start` integer,
	`up_at` integer,
	`priority` text NOT NULL,
	`suggested_priority` text NOT NULL,
	`status` text NOT NULL,
	`waiting_reason` text,
	`assignee_user_id` text,
	`vendor_id` text,
	`reported_by` text,
	`reported_at` integer NOT NULL,
	`responded_at` integer,
	`resolved_at` integer,
	`confirmed_at` integer,
	`closed_at` integer,
	`cancelled_at` integer,
	`resolution` text DEFAULT '' NOT NULL,
	`resolution_code` text DEFAULT '' NOT NULL,
	`root_cause_code` text DEFAULT '' NOT NULL,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`pm_plan_id` text,
	`pm_due_key` text,
	`pm_due_day` text,
	`pm_due_meter` integer,
	`checklist` text DEFAULT '[]' NOT NULL,
	`response_target_ms` integer DEFAULT 0 NOT NULL,
	`response_due_at` integer,
	`response_left_ms` integer,
	`response_met` integer,
	`response_breached_at` integer,
	`resolution_target_ms` integer DEFAULT 0 NOT NULL,
	`resolution_due_at` integer,
	`resolution_left_ms` integer,
	`resolution_met` integer,
	`resolution_breached_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_number_uq` ON `work_orders` (`number`);--> statement-breakpoint
CREATE INDEX `work_orders_open_idx` ON `work_orders` (`status`,`reported_at`) WHERE status NOT IN ('closed', 'cancelled');--> statement-breakpoint
CREATE INDEX `work_orders_equipment_idx` ON `work_orders` (`equipment_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `work_orders_time_idx` ON `work_orders` (`reported_at`);--> statement-breakpoint
CREATE INDEX `work_orders_up_idx` ON `work_orders` (`up_at`,`down_start`) WHERE down = 1;--> statement-breakpoint
CREATE INDEX `work_orders_fault_idx` ON `work_orders` (`fault_code`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `work_orders_assignee_idx` ON `work_orders` (`assignee_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_reporter_idx` ON `work_orders` (`reported_by`,`reported_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_pm_uq` ON `work_orders` (`pm_plan_id`,`equipment_id`,`pm_due_key`);--> statement-breakpoint
ALTER TABLE `equipment` ADD `store_id` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `supplier_id` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `vendor_id` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `install_day` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `warranty_end` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `criticality` text DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE `equipment` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `equipment` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `equipment_category_idx` ON `equipment` (`category`);--> statement-breakpoint
-- Work-order events are the history of every ticket (and, once replication exists, what HQ merges):
-- append-only, enforced by the database like the audit log.
CREATE TRIGGER work_order_events_no_update BEFORE UPDATE ON work_order_events
BEGIN
  SELECT RAISE(ABORT, 'work_order_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER work_order_events_no_delete BEFORE DELETE ON work_order_events
BEGIN
  SELECT RAISE(ABORT, 'work_order_events is append-only');
END;
