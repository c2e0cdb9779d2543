CREATE TABLE `inbound_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text,
	`number` text NOT NULL,
	`from_store` text NOT NULL,
	`from_store_name` text DEFAULT '' NOT NULL,
	`to_store` text NOT NULL,
	`sent_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`lines` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbound_transfers_from_idx` ON `inbound_transfers` (`from_store`,`number`);