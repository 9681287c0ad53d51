ALTER TABLE `documents` ADD `archived_at` integer;--> statement-breakpoint
CREATE INDEX `documents_workspace_updated_idx` ON `documents` (`workspace_id`,`updated_at`);