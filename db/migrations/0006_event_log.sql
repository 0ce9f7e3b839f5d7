CREATE TABLE `form_submissions` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`result_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`source` text DEFAULT 'live' NOT NULL,
	`actor_id` integer,
	`actor_role` text,
	`question_id` integer,
	`answer_id` integer,
	`article_id` integer,
	`user_id` integer,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Old events gain their actor's role (the current one: the best we know), a source, and typed
-- article and user targets; first responses are derived from answers now, not stored.
INSERT INTO `__new_events`("id", "type", "source", "actor_id", "actor_role", "question_id", "answer_id", "article_id", "user_id", "data", "created_at")
SELECT e."id", e."type",
  CASE WHEN json_extract(e."data", '$.source') IS NOT NULL THEN 'import' WHEN e."actor_id" IS NULL THEN 'system' ELSE 'live' END,
  e."actor_id", u."role", e."question_id", e."answer_id",
  CAST(json_extract(e."data", '$.articleId') AS integer),
  CASE WHEN e."type" = 'user.signed_up' THEN e."actor_id" END,
  CASE WHEN json_extract(e."data", '$.source') IS NOT NULL
    THEN json_set(json_remove(e."data", '$.source'), '$.site', json_extract(e."data", '$.source'))
    ELSE e."data" END,
  e."created_at"
FROM `events` e LEFT JOIN `users` u ON u."id" = e."actor_id"
WHERE e."type" <> 'question.first_response';--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `events_question_idx` ON `events` (`question_id`,`created_at`) WHERE question_id is not null;--> statement-breakpoint
CREATE INDEX `events_answer_idx` ON `events` (`answer_id`,`created_at`) WHERE answer_id is not null;--> statement-breakpoint
CREATE INDEX `events_article_idx` ON `events` (`article_id`,`created_at`) WHERE article_id is not null;--> statement-breakpoint
CREATE INDEX `events_user_idx` ON `events` (`user_id`,`created_at`) WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX `events_actor_idx` ON `events` (`actor_id`,`created_at`) WHERE actor_id is not null;--> statement-breakpoint
CREATE INDEX `events_type_idx` ON `events` (`type`,`created_at`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `answer_id` integer REFERENCES answers(id);--> statement-breakpoint
CREATE INDEX `notifications_user_question_idx` ON `notifications` (`user_id`,`question_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `deleted_at` integer;