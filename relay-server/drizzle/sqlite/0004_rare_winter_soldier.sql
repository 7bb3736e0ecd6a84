CREATE TABLE `revoked_tokens` (
	`jti` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `revoked_tokens_expiry_idx` ON `revoked_tokens` (`expires_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `token_generation` integer DEFAULT 0 NOT NULL;