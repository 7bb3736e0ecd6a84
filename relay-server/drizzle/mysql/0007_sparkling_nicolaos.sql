CREATE TABLE `notifications` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`id` varchar(100) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`creator_id` varchar(64) NOT NULL,
	`session_id` varchar(64),
	`title` varchar(255) NOT NULL,
	`starts_at` bigint,
	`created_at` bigint NOT NULL,
	`read_at` bigint,
	CONSTRAINT `notifications_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `notifications_user_id_uq` UNIQUE(`user_id`,`id`)
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `notifications_user_seq_idx` ON `notifications` (`user_id`,`seq`);