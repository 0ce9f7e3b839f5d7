ALTER TABLE `users` ADD `trust_level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `trust_locked` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `trust_changed_at` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `answers` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `review_items` ADD `source` text DEFAULT 'flags' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_items` ADD `reasons` text;--> statement-breakpoint
CREATE TABLE `reputation_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`event_id` integer,
	`post_type` text,
	`question_id` integer,
	`answer_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reputation_changes_user_idx` ON `reputation_changes` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `user_days` (
	`user_id` integer NOT NULL,
	`day` integer NOT NULL,
	`reads` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Reputation earned before the ledger existed becomes one opening row per person, so that every
-- figure is its ledger's sum from the start (a rebuild replays the events in its place).
INSERT INTO `reputation_changes` (`user_id`, `amount`, `reason`, `created_at`)
	SELECT `id`, `reputation`, 'opening', CAST(strftime('%s', 'now') AS INTEGER) * 1000
	FROM `users` WHERE `reputation` <> 0;
