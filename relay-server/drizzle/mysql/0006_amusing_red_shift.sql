CREATE TABLE `follows` (
	`follower_id` varchar(64) NOT NULL,
	`creator_id` varchar(64) NOT NULL,
	`notifications_muted` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `follows_follower_id_creator_id_pk` PRIMARY KEY(`follower_id`,`creator_id`)
);
--> statement-breakpoint
CREATE TABLE `profiles` (
	`user_id` varchar(64) NOT NULL,
	`bio` text NOT NULL,
	`avatar` mediumtext,
	`avatar_updated_at` bigint,
	CONSTRAINT `profiles_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `followers_only_minutes` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `follows` ADD CONSTRAINT `follows_follower_id_users_id_fk` FOREIGN KEY (`follower_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follows` ADD CONSTRAINT `follows_creator_id_users_id_fk` FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `profiles` ADD CONSTRAINT `profiles_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `follows_creator_follower_idx` ON `follows` (`creator_id`,`follower_id`);