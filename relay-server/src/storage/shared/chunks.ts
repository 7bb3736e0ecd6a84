/**
 * Rows per INSERT when writing many rows at once (imports, seeding): well under both drivers'
 * placeholder limits (SQLite 32,766, MySQL 65,535) for the widest table written this way.
 */
export const INSERT_CHUNK = 500;

/** Writes `rows` INSERT_CHUNK at a time, one after another (one statement each). */
export async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await write(rows.slice(i, i + INSERT_CHUNK));
}
