CREATE TABLE `category_sla` (
	`category_id` integer PRIMARY KEY NOT NULL,
	`first_response_minutes` integer NOT NULL,
	`level2_delay_minutes` integer NOT NULL,
	`clock` text NOT NULL,
	`time_zone` text NOT NULL,
	`weekly_hours` text NOT NULL,
	`holidays` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`level` integer DEFAULT 1 NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`escalated_by_id` integer,
	`escalated_at` integer NOT NULL,
	`level2_due_at` integer NOT NULL,
	`level2_at` integer,
	`on_call_id` integer,
	`assignee_id` integer,
	`acknowledged_at` integer,
	`acknowledged_by_id` integer,
	`resolved_at` integer,
	`resolved_by_id` integer,
	`resolution` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`escalated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_call_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_open_unique` ON `escalations` (`question_id`) WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX `escalations_level2_idx` ON `escalations` (`level2_due_at`) WHERE resolved_at is null and acknowledged_at is null and level = 1;--> statement-breakpoint
CREATE INDEX `escalations_assignee_idx` ON `escalations` (`assignee_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `escalations_question_idx` ON `escalations` (`question_id`,`escalated_at`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follows_target_idx` ON `follows` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `internal_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`cooked_version` integer NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `internal_notes_question_idx` ON `internal_notes` (`question_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`type` text NOT NULL,
	`in_app` integer DEFAULT true NOT NULL,
	`email` text NOT NULL,
	PRIMARY KEY(`user_id`, `type`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oncall_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oncall_overrides_time_idx` ON `oncall_overrides` (`ends_at`,`starts_at`);--> statement-breakpoint
CREATE TABLE `oncall_rota` (
	`id` integer PRIMARY KEY NOT NULL,
	`member_ids` text NOT NULL,
	`time_zone` text NOT NULL,
	`handoff_weekday` integer NOT NULL,
	`handoff_time` text NOT NULL,
	`rotation_days` integer NOT NULL,
	`starts_on` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`to_address` text NOT NULL,
	`kind` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`headers` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`next_attempt_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `outbox` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `questions` ADD `visibility` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `origin` text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `attention_since` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `sla_due_at` integer;--> statement-breakpoint
CREATE INDEX `questions_sla_due_idx` ON `questions` (`sla_due_at`) WHERE sla_due_at is not null;--> statement-breakpoint
CREATE INDEX `questions_private_idx` ON `questions` (`author_id`,`created_at`) WHERE visibility = 'private';;--> statement-breakpoint
UPDATE `questions` SET `origin` = 'import' WHERE `id` IN (SELECT `local_id` FROM `imported_ids` WHERE `kind` = 'question');
