/** Why `input` cannot be the relay's address, or null when it can (http(s), no credentials, ≤ 2048 chars). */
export function relayAddressError(input: string): 'invalid' | null {
  const text = input.trim();
  if (!text || text.length > 2048) return 'invalid';
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid';
    if (url.username || url.password) return 'invalid';
    return null;
  } catch {
    return 'invalid';
  }
}
