CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`read_at` integer,
	`emailed_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`emailed_at`,`user_id`);--> statement-breakpoint
CREATE TABLE `verdict_labels` (
	`workspace_id` text NOT NULL,
	`locale` text NOT NULL,
	`verdict` text NOT NULL,
	`label` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `locale`, `verdict`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `users` ADD `email_notifications` text DEFAULT 'instant' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `digest_sent_at` integer;