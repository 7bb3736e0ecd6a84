import path from 'node:path';

/**
 * The file a `file:` URL names, read the way @libsql/client reads it (authority dropped, query and
 * fragment cut, percent-escapes decoded); null for in-memory databases.
 */
export function sqliteFilePath(url: string): string | null {
  let rest = url.replace(/^file:/, '');
  if (rest.startsWith('//')) rest = rest.replace(/^\/\/[^/]*/, '');
  rest = rest.replace(/[?#].*$/, '');
  if (rest === '' || rest === ':memory:') return null;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // not percent-encoded: keep as written
  }
  return path.resolve(rest);
}
