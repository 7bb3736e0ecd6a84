CREATE TABLE `revoked_tokens` (
	`jti` varchar(64) NOT NULL,
	`expires_at` bigint NOT NULL,
	CONSTRAINT `revoked_tokens_jti` PRIMARY KEY(`jti`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `token_generation` int DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `revoked_tokens_expiry_idx` ON `revoked_tokens` (`expires_at`);