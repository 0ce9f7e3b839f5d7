CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_item_id` integer NOT NULL,
	`post_type` text NOT NULL,
	`post_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`flagger_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`weight` real NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` integer,
	FOREIGN KEY (`review_item_id`) REFERENCES `review_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`flagger_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_one_per_person_unique` ON `flags` (`post_type`,`post_id`,`flagger_id`);--> statement-breakpoint
CREATE INDEX `flags_item_idx` ON `flags` (`review_item_id`,`status`);--> statement-breakpoint
CREATE INDEX `flags_flagger_idx` ON `flags` (`flagger_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `flags_flagger_status_idx` ON `flags` (`flagger_id`,`status`);--> statement-breakpoint
CREATE TABLE `review_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_type` text NOT NULL,
	`post_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`score` real DEFAULT 0 NOT NULL,
	`flag_count` integer DEFAULT 0 NOT NULL,
	`hidden_by_flags` integer DEFAULT false NOT NULL,
	`flagged_at` integer NOT NULL,
	`claimed_by_id` integer,
	`claimed_until` integer,
	`decision` text,
	`decided_by_id` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_items_post_unique` ON `review_items` (`post_type`,`post_id`);--> statement-breakpoint
CREATE INDEX `review_items_pending_idx` ON `review_items` (`flagged_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `review_items_author_idx` ON `review_items` (`author_id`,`status`);