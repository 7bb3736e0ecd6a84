/** The MySQL schema, split by domain; drizzle-kit reads this file to generate migrations. */
export * from './users.js';
export * from './sessions.js';
export * from './invitations.js';
export * from './chat.js';
export * from './moderation.js';
