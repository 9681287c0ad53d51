ALTER TABLE `documents` ADD `byline` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `published_at` text;