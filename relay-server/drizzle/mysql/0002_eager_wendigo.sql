CREATE TABLE `ingest_defaults` (
	`user_id` varchar(64) NOT NULL,
	`title` varchar(255) NOT NULL,
	`type` varchar(16) NOT NULL,
	`is_public` boolean NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `ingest_defaults_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `stream_keys` (
	`id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`key_hash` varchar(64) NOT NULL,
	`last4` varchar(8) NOT NULL,
	`label` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint,
	`revoked_at` bigint,
	CONSTRAINT `stream_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `stream_keys_hash_uq` UNIQUE(`key_hash`)
);
--> statement-breakpoint
ALTER TABLE `ingest_defaults` ADD CONSTRAINT `ingest_defaults_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stream_keys` ADD CONSTRAINT `stream_keys_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `stream_keys_user_idx` ON `stream_keys` (`user_id`,`revoked_at`);