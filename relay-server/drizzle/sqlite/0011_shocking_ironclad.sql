CREATE TABLE `scheduled_lives` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`session_id` text,
	`reminded_at` integer,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scheduled_lives_creator_idx` ON `scheduled_lives` (`creator_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `scheduled_lives_starts_idx` ON `scheduled_lives` (`starts_at`);