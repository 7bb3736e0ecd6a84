CREATE TABLE `analytics_buckets` (
	`session_id` varchar(64) NOT NULL,
	`bucket_index` int NOT NULL,
	`started_at` bigint NOT NULL,
	`duration_ms` int NOT NULL,
	`viewers` int NOT NULL,
	`viewers_webrtc` int,
	`viewers_hls` int,
	`chat_messages` int NOT NULL,
	`reactions` int NOT NULL,
	`reactions_total` bigint NOT NULL,
	`gifts` int NOT NULL,
	`coins` bigint NOT NULL,
	`follows` int NOT NULL,
	CONSTRAINT `analytics_buckets_session_id_bucket_index_pk` PRIMARY KEY(`session_id`,`bucket_index`)
);
--> statement-breakpoint
CREATE TABLE `analytics_viewers` (
	`session_id` varchar(64) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`watched_ms` bigint NOT NULL,
	`chatted` boolean NOT NULL,
	`first_seen_at` bigint NOT NULL,
	`last_seen_at` bigint NOT NULL,
	CONSTRAINT `analytics_viewers_session_id_user_id_pk` PRIMARY KEY(`session_id`,`user_id`)
);
--> statement-breakpoint
ALTER TABLE `analytics_buckets` ADD CONSTRAINT `analytics_buckets_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `analytics_viewers` ADD CONSTRAINT `analytics_viewers_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `follows_creator_created_idx` ON `follows` (`creator_id`,`created_at`);