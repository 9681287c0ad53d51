CREATE TABLE `suggestions` (
	`document_id` text NOT NULL,
	`id` text NOT NULL,
	`author_id` text,
	`kind` text NOT NULL,
	`before_text` text DEFAULT '' NOT NULL,
	`after_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	PRIMARY KEY(`document_id`, `id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `suggestions_status_idx` ON `suggestions` (`document_id`,`status`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `reviewers_suggest_only` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `suggestions_four_eyes` integer DEFAULT false NOT NULL;