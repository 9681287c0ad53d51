ALTER TABLE `documents` ADD `doc_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows written before snapshots always held the current document.
UPDATE `documents` SET `doc_version` = `version`;
