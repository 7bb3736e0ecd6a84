CREATE TABLE `gifts` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`sender_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`gift_id` text NOT NULL,
	`count` integer NOT NULL,
	`coins` integer NOT NULL,
	`diamonds` integer NOT NULL,
	`client_gift_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gifts_sender_client_uq` ON `gifts` (`sender_id`,`client_gift_id`);--> statement-breakpoint
CREATE INDEX `gifts_session_idx` ON `gifts` (`session_id`,`sender_id`);--> statement-breakpoint
CREATE INDEX `gifts_creator_idx` ON `gifts` (`creator_id`,`session_id`);--> statement-breakpoint
CREATE TABLE `ledger_accounts` (
	`owner` text NOT NULL,
	`kind` text NOT NULL,
	`balance` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`owner`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transfer_id` text NOT NULL,
	`leg` text NOT NULL,
	`owner` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_transfer_leg_uq` ON `ledger_entries` (`transfer_id`,`leg`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`owner`,`kind`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`user_id` text NOT NULL,
	`pack_id` text NOT NULL,
	`coins` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL
);
