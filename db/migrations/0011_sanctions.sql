CREATE TABLE `sanctions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`ends_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`lifted_at` integer,
	`lifted_by_id` integer,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanctions_user_idx` ON `sanctions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sanctions_ending_idx` ON `sanctions` (`ends_at`) WHERE ends_at is not null and lifted_at is null and ended_at is null;--> statement-breakpoint
ALTER TABLE `users` ADD `silenced_until` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `suspended_until` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `banned_at` integer;