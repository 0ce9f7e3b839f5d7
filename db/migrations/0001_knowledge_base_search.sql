CREATE TABLE `ask_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`started_at` integer NOT NULL,
	`first_shown_at` integer,
	`first_opened_at` integer,
	`question_id` integer,
	`posted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ask_visits_started_idx` ON `ask_visits` (`started_at`);--> statement-breakpoint
CREATE TABLE `imported_ids` (
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`external_id` integer NOT NULL,
	`local_id` integer NOT NULL,
	PRIMARY KEY(`source`, `kind`, `external_id`)
);
--> statement-breakpoint
CREATE TABLE `kb_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`cooked_version` integer NOT NULL,
	`category_id` integer,
	`tags` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text NOT NULL,
	`content_hash` text,
	`review_due_at` integer,
	`view_count` integer DEFAULT 0 NOT NULL,
	`helpful_yes` integer DEFAULT 0 NOT NULL,
	`helpful_no` integer DEFAULT 0 NOT NULL,
	`solved_count` integer DEFAULT 0 NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_slug_unique` ON `kb_articles` (`slug`);--> statement-breakpoint
CREATE INDEX `kb_articles_category_idx` ON `kb_articles` (`status`,`category_id`);--> statement-breakpoint
CREATE INDEX `kb_articles_review_idx` ON `kb_articles` (`review_due_at`);--> statement-breakpoint
CREATE TABLE `kb_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`answer_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`queued_by` text NOT NULL,
	`article_id` integer,
	`decided_by_id` integer,
	`decided_at` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_candidates_question_unique` ON `kb_candidates` (`question_id`);--> statement-breakpoint
CREATE INDEX `kb_candidates_status_idx` ON `kb_candidates` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `kb_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`user_id` integer,
	`voter_key` text NOT NULL,
	`helpful` integer NOT NULL,
	`reason` text,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_feedback_voter_unique` ON `kb_feedback` (`article_id`,`voter_key`);--> statement-breakpoint
CREATE INDEX `kb_feedback_article_idx` ON `kb_feedback` (`article_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `kb_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_revisions_article_number_unique` ON `kb_revisions` (`article_id`,`number`);--> statement-breakpoint
CREATE TABLE `kb_solutions` (
	`question_id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `kb_solutions_article_idx` ON `kb_solutions` (`article_id`);--> statement-breakpoint
CREATE TABLE `kb_sources` (
	`article_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`answer_id` integer,
	PRIMARY KEY(`article_id`, `question_id`),
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `kb_sources_question_idx` ON `kb_sources` (`question_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` integer,
	`question_id` integer,
	`data` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `search_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ask_visit_id` text,
	`user_id` integer,
	`query` text DEFAULT '' NOT NULL,
	`target_type` text,
	`target_id` integer,
	`result_count` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ask_visit_id`) REFERENCES `ask_visits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `search_events_kind_idx` ON `search_events` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `search_events_visit_idx` ON `search_events` (`ask_visit_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
