CREATE TABLE `recordings` (
	`session_id` text PRIMARY KEY NOT NULL,
	`host_id` text NOT NULL,
	`enabled` integer NOT NULL,
	`state` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`bytes` integer NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recordings_state_finished_idx` ON `recordings` (`state`,`finished_at`);--> statement-breakpoint
CREATE INDEX `recordings_host_idx` ON `recordings` (`host_id`,`created_at`);