/** Where the relay publishes its own contract (all under /api, all public). */
export const contractPaths = {
  openapi: '/api/openapi.json',
  events: '/api/events.json',
  docs: '/api/docs',
  /** Swagger UI's script and style sheet, and our initialiser (no inline script under the page CSP). */
  docsAsset: '/api/docs/:file',
} as const;
