CREATE TABLE `analytics_buckets` (
	`session_id` text NOT NULL,
	`bucket_index` integer NOT NULL,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`viewers` integer NOT NULL,
	`viewers_webrtc` integer,
	`viewers_hls` integer,
	`chat_messages` integer NOT NULL,
	`reactions` integer NOT NULL,
	`reactions_total` integer NOT NULL,
	`gifts` integer NOT NULL,
	`coins` integer NOT NULL,
	`follows` integer NOT NULL,
	PRIMARY KEY(`session_id`, `bucket_index`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `analytics_viewers` (
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`watched_ms` integer NOT NULL,
	`chatted` integer NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follows_creator_created_idx` ON `follows` (`creator_id`,`created_at`);