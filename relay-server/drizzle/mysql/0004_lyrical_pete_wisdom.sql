CREATE TABLE `gifts` (
	`id` varchar(64) NOT NULL,
	`session_id` varchar(64) NOT NULL,
	`sender_id` varchar(64) NOT NULL,
	`creator_id` varchar(64) NOT NULL,
	`gift_id` varchar(32) NOT NULL,
	`count` int NOT NULL,
	`coins` bigint NOT NULL,
	`diamonds` bigint NOT NULL,
	`client_gift_id` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `gifts_id` PRIMARY KEY(`id`),
	CONSTRAINT `gifts_sender_client_uq` UNIQUE(`sender_id`,`client_gift_id`)
);
--> statement-breakpoint
CREATE TABLE `ledger_accounts` (
	`owner` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`balance` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `ledger_accounts_owner_kind_pk` PRIMARY KEY(`owner`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`transfer_id` varchar(160) NOT NULL,
	`leg` varchar(16) NOT NULL,
	`owner` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`amount` bigint NOT NULL,
	`reason` varchar(16) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `ledger_entries_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `ledger_entries_transfer_leg_uq` UNIQUE(`transfer_id`,`leg`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` varchar(255) NOT NULL,
	`provider` varchar(16) NOT NULL,
	`user_id` varchar(64) NOT NULL,
	`pack_id` varchar(32) NOT NULL,
	`coins` bigint NOT NULL,
	`amount_minor` bigint NOT NULL,
	`currency` varchar(8) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `gifts_session_idx` ON `gifts` (`session_id`,`sender_id`);--> statement-breakpoint
CREATE INDEX `gifts_creator_idx` ON `gifts` (`creator_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`owner`,`kind`);