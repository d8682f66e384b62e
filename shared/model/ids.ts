/** Random ids for documents and rows. crypto.randomUUID exists in browsers, workers and Node ≥ 19. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
