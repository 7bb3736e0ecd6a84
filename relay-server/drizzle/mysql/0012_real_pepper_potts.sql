CREATE TABLE `scheduled_lives` (
	`id` varchar(64) NOT NULL,
	`creator_id` varchar(64) NOT NULL,
	`title` varchar(120) NOT NULL,
	`starts_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`session_id` varchar(64),
	`reminded_at` bigint,
	CONSTRAINT `scheduled_lives_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `scheduled_lives` ADD CONSTRAINT `scheduled_lives_creator_id_users_id_fk` FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `scheduled_lives_creator_idx` ON `scheduled_lives` (`creator_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `scheduled_lives_starts_idx` ON `scheduled_lives` (`starts_at`);