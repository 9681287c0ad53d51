CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`from` integer NOT NULL,
	`to` integer NOT NULL,
	`quote_exact` text NOT NULL,
	`quote_prefix` text NOT NULL,
	`quote_suffix` text NOT NULL,
	`orphaned` integer DEFAULT false NOT NULL,
	`statement` text NOT NULL,
	`claimant` text,
	`claim_date` text,
	`verdict` text,
	`rationale` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`assignee_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `claims_document_idx` ON `claims` (`document_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`publisher` text,
	`published_at` text,
	`accessed_at` text NOT NULL,
	`excerpt` text,
	`kind` text DEFAULT 'other' NOT NULL,
	`stance` text DEFAULT 'supports' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `sources_claim_idx` ON `sources` (`claim_id`,`position`);