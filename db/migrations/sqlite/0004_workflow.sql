CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`document_id` text NOT NULL,
	`parent_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`mentions` text DEFAULT '[]' NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_claim_idx` ON `comments` (`claim_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_document_idx` ON `comments` (`document_id`);--> statement-breakpoint
CREATE TABLE `signoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`revision` integer NOT NULL,
	`hash` text NOT NULL,
	`signed_by` text,
	`signed_at` integer NOT NULL,
	`reopened_by` text,
	`reopened_at` integer,
	`reopen_reason` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signoffs_document_idx` ON `signoffs` (`document_id`,`revision`);--> statement-breakpoint
ALTER TABLE `claims` ADD `proposed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `proposed_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `approved_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `last_changed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `dismiss_reason` text;