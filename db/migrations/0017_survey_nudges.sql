CREATE TABLE `surveys` (
	`question_id` integer PRIMARY KEY NOT NULL,
	`asker_id` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`rating` integer,
	`comment` text DEFAULT '' NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `surveys_asker_idx` ON `surveys` (`asker_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `accept_reminders` (
	`question_id` integer NOT NULL,
	`number` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `number`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `events_metrics_type_idx` ON `events` (`type`,`created_at`,`source`,`question_id`,`actor_id`,`user_id`) WHERE source <> 'import';--> statement-breakpoint
CREATE INDEX `events_metrics_question_idx` ON `events` (`question_id`,`created_at`,`type`,`source`,`answer_id`,`actor_id`,`actor_role`) WHERE question_id is not null and source <> 'import';--> statement-breakpoint
CREATE INDEX `events_automatic_answers_idx` ON `events` (`answer_id`,`question_id`) WHERE type = 'answer.created' and json_extract(data, '$.automatic') = 1;
