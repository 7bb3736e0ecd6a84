CREATE TABLE `account_settings` (
	`user_id` varchar(64) NOT NULL,
	`name` varchar(32) NOT NULL,
	`value` text NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `account_settings_user_id_name_pk` PRIMARY KEY(`user_id`,`name`)
);
--> statement-breakpoint
ALTER TABLE `account_settings` ADD CONSTRAINT `account_settings_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;