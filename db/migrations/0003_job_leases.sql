CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_started_at` integer,
	`last_finished_at` integer,
	`last_result` text DEFAULT '' NOT NULL
);
