CREATE TABLE `destinations` (
	`id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`name` varchar(64) NOT NULL,
	`service` varchar(16) NOT NULL,
	`url` varchar(512) NOT NULL,
	`key_cipher` text NOT NULL,
	`key_last4` varchar(8) NOT NULL,
	`enabled` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `destinations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `destinations` ADD CONSTRAINT `destinations_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `destinations_user_idx` ON `destinations` (`user_id`,`created_at`);