CREATE TABLE `users` (
	`id` varchar(64) NOT NULL,
	`username` varchar(64) NOT NULL,
	`display_name` varchar(255) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`password_hash` text,
	`created_at` bigint NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_username_uq` UNIQUE(`username`)
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`session_id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`role` varchar(16) NOT NULL,
	`audio_enabled` boolean NOT NULL,
	`video_enabled` boolean NOT NULL,
	`audio_forced_off` boolean NOT NULL,
	`video_forced_off` boolean NOT NULL,
	`joined_at` bigint NOT NULL,
	`left_at` bigint,
	CONSTRAINT `participants_session_id_user_id_pk` PRIMARY KEY(`session_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` varchar(64) NOT NULL,
	`host_id` varchar(64) NOT NULL,
	`title` varchar(255) NOT NULL,
	`description` text NOT NULL,
	`type` varchar(16) NOT NULL,
	`is_public` boolean NOT NULL,
	`max_participants` int NOT NULL,
	`state` varchar(16) NOT NULL,
	`created_at` bigint NOT NULL,
	`started_at` bigint,
	`ended_at` bigint,
	`peak_viewer_count` int NOT NULL DEFAULT 0,
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` varchar(64) NOT NULL,
	`session_id` varchar(64) NOT NULL,
	`from_user_id` varchar(64) NOT NULL,
	`to_user_id` varchar(64) NOT NULL,
	`message` text NOT NULL,
	`status` varchar(16) NOT NULL,
	`pending_marker` boolean,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	CONSTRAINT `invitations_id` PRIMARY KEY(`id`),
	CONSTRAINT `invitations_pending_uq` UNIQUE(`session_id`,`to_user_id`,`pending_marker`)
);
--> statement-breakpoint
CREATE TABLE `invite_links` (
	`token_hash` varchar(128) NOT NULL,
	`session_id` varchar(64) NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	CONSTRAINT `invite_links_token_hash` PRIMARY KEY(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`id` varchar(64) NOT NULL,
	`session_id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`display_name` varchar(255) NOT NULL,
	`content` text NOT NULL,
	`type` varchar(16) NOT NULL,
	`client_message_id` varchar(128),
	`pinned` boolean NOT NULL DEFAULT false,
	`deleted_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `messages_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `messages_id_uq` UNIQUE(`id`),
	CONSTRAINT `messages_client_uq` UNIQUE(`session_id`,`user_id`,`client_message_id`)
);
--> statement-breakpoint
CREATE TABLE `reaction_counts` (
	`session_id` varchar(64) NOT NULL,
	`emoji` varchar(64) NOT NULL,
	`count` int NOT NULL,
	`last_at` bigint NOT NULL,
	CONSTRAINT `reaction_counts_session_id_emoji_pk` PRIMARY KEY(`session_id`,`emoji`)
);
--> statement-breakpoint
CREATE TABLE `bans` (
	`session_id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`reason` text,
	`created_by` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `bans_session_id_user_id_pk` PRIMARY KEY(`session_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `chat_settings` (
	`session_id` varchar(64) NOT NULL,
	`slow_mode_seconds` int NOT NULL,
	`blocked_terms` mediumtext NOT NULL,
	`followers_only` boolean NOT NULL,
	CONSTRAINT `chat_settings_session_id` PRIMARY KEY(`session_id`)
);
--> statement-breakpoint
CREATE TABLE `moderation_log` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`id` varchar(64) NOT NULL,
	`session_id` varchar(64) NOT NULL,
	`actor_id` varchar(64) NOT NULL,
	`action` varchar(16) NOT NULL,
	`target_user_id` varchar(64),
	`target_message_id` varchar(64),
	`detail` text,
	`created_at` bigint NOT NULL,
	CONSTRAINT `moderation_log_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `moderation_log_id_uq` UNIQUE(`id`)
);
--> statement-breakpoint
CREATE TABLE `mutes` (
	`session_id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`until` bigint,
	`created_by` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `mutes_session_id_user_id_pk` PRIMARY KEY(`session_id`,`user_id`)
);
--> statement-breakpoint
ALTER TABLE `participants` ADD CONSTRAINT `participants_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `participants` ADD CONSTRAINT `participants_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_host_id_users_id_fk` FOREIGN KEY (`host_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invitations` ADD CONSTRAINT `invitations_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invitations` ADD CONSTRAINT `invitations_from_user_id_users_id_fk` FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invitations` ADD CONSTRAINT `invitations_to_user_id_users_id_fk` FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invite_links` ADD CONSTRAINT `invite_links_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invite_links` ADD CONSTRAINT `invite_links_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `messages` ADD CONSTRAINT `messages_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `reaction_counts` ADD CONSTRAINT `reaction_counts_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `bans` ADD CONSTRAINT `bans_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD CONSTRAINT `chat_settings_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `moderation_log` ADD CONSTRAINT `moderation_log_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `mutes` ADD CONSTRAINT `mutes_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `participants_user_idx` ON `participants` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_state_idx` ON `sessions` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `sessions_host_state_idx` ON `sessions` (`host_id`,`state`);--> statement-breakpoint
CREATE INDEX `invitations_to_status_idx` ON `invitations` (`to_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `invitations_session_status_idx` ON `invitations` (`session_id`,`status`);--> statement-breakpoint
CREATE INDEX `invite_links_session_idx` ON `invite_links` (`session_id`);--> statement-breakpoint
CREATE INDEX `messages_session_seq_idx` ON `messages` (`session_id`,`seq`);--> statement-breakpoint
CREATE INDEX `messages_session_created_idx` ON `messages` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `moderation_log_session_seq_idx` ON `moderation_log` (`session_id`,`seq`);