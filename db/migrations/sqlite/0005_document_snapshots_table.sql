CREATE TABLE `document_snapshots` (
	`document_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`doc` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Existing documents keep their snapshots (hand-added to the generated migration).
INSERT INTO `document_snapshots` (`document_id`, `version`, `doc`) SELECT `id`, `doc_version`, `doc` FROM `documents`;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `doc`;--> statement-breakpoint
ALTER TABLE `documents` DROP COLUMN `doc_version`;