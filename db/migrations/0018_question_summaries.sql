CREATE TABLE `question_summaries` (
	`question_id` integer PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`asker_id` integer,
	`removed` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`first_community_at` integer,
	`first_staff_at` integer,
	`escalated_at` integer,
	`staff_after_escalation_at` integer,
	`sla_breaches` integer DEFAULT 0 NOT NULL,
	`accepted_at` integer,
	`accepted_author_id` integer,
	`accepted_automatic` integer DEFAULT 0 NOT NULL,
	`last_event_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `question_summaries_created_idx` ON `question_summaries` (`created_at`,`removed`,`last_event_at`,`closed`,`first_community_at`,`first_staff_at`,`escalated_at`,`staff_after_escalation_at`,`accepted_at`,`accepted_automatic`,`sla_breaches`);--> statement-breakpoint
CREATE INDEX `events_metrics_answers_idx` ON `events` (`type`,`created_at`,`source`,`actor_id`,`question_id`,`answer_id`) WHERE type = 'answer.created' and source <> 'import';
