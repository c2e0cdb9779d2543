CREATE TABLE `stock_period_costs` (
	`month` text NOT NULL,
	`item_id` text NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`last_qty` integer NOT NULL,
	`last_value` integer NOT NULL,
	PRIMARY KEY(`month`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `stock_period_costs_item_idx` ON `stock_period_costs` (`item_id`,`month`);--> statement-breakpoint
CREATE TABLE `stock_periods` (
	`month` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`ends_at` integer NOT NULL,
	`closed_at` integer NOT NULL,
	`closed_by` text,
	`reopened_at` integer,
	`reopened_by` text,
	`reopen_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
