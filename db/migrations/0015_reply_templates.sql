CREATE TABLE `reply_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text,
	`title` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`body_md` text NOT NULL,
	`file_hash` text,
	`edited_in_app` integer DEFAULT false NOT NULL,
	`automatic` integer DEFAULT false NOT NULL,
	`automatic_changed_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_templates_slug_unique` ON `reply_templates` (`slug`);--> statement-breakpoint
CREATE TABLE `template_uses` (
	`answer_id` integer PRIMARY KEY NOT NULL,
	`template_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`asker_id` integer NOT NULL,
	`edited` real DEFAULT 0 NOT NULL,
	`automatic` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `reply_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `template_uses_template_idx` ON `template_uses` (`template_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `automatic_answers` (
	`answer_id` integer PRIMARY KEY NOT NULL,
	`question_id` integer NOT NULL,
	`template_id` integer,
	`article_slug` text,
	`score` real NOT NULL,
	`outcome` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `reply_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `automatic_answers_question_idx` ON `automatic_answers` (`question_id`);
