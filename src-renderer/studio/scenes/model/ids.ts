/** A random id; works outside secure contexts too (crypto.randomUUID needs HTTPS or localhost). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
