/** Cheap structural checks for hot paths where a zod parse per frame would skew the measurement. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const field = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined);
