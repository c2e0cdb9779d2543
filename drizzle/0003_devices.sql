CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`protocol` text NOT NULL,
	`connection` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `label_prints` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`printer_id` text,
	`data` text NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`source_type` text DEFAULT '' NOT NULL,
	`source_id` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`printed_at` integer
);
--> statement-breakpoint
CREATE INDEX `label_prints_created_idx` ON `label_prints` (`created_at`);--> statement-breakpoint
CREATE INDEX `label_prints_source_idx` ON `label_prints` (`source_type`,`source_id`);--> statement-breakpoint
CREATE TABLE `label_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
