CREATE TABLE `recording_chapters` (
	`session_id` text NOT NULL,
	`at` integer NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`session_id`, `at`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
