CREATE TABLE `recordings` (
	`session_id` varchar(64) NOT NULL,
	`host_id` varchar(64) NOT NULL,
	`enabled` boolean NOT NULL,
	`state` varchar(16) NOT NULL,
	`duration_ms` int NOT NULL,
	`bytes` bigint NOT NULL,
	`error` varchar(500),
	`created_at` bigint NOT NULL,
	`started_at` bigint,
	`finished_at` bigint,
	CONSTRAINT `recordings_session_id` PRIMARY KEY(`session_id`)
);
--> statement-breakpoint
ALTER TABLE `recordings` ADD CONSTRAINT `recordings_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `recordings_state_finished_idx` ON `recordings` (`state`,`finished_at`);--> statement-breakpoint
CREATE INDEX `recordings_host_idx` ON `recordings` (`host_id`,`created_at`);