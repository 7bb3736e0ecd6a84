CREATE TABLE `recording_chapters` (
	`session_id` varchar(64) NOT NULL,
	`at` bigint NOT NULL,
	`title` varchar(100) NOT NULL,
	CONSTRAINT `recording_chapters_session_id_at_pk` PRIMARY KEY(`session_id`,`at`)
);
--> statement-breakpoint
ALTER TABLE `recording_chapters` ADD CONSTRAINT `recording_chapters_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;