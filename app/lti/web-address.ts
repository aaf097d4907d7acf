/**
 * An address Frontline will send a platform's secrets to (tokens, keys, scores): https, or plain http on this computer
 * only, for a test platform. Anything else (http across a network, file:, data:) is refused.
 */
export function isServiceAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
  } catch {
    return false;
  }
}
