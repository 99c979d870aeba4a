/**
 * Writes made from this tab: every query listens, so after a write the page shows the new state
 * (the menu of teams, a roster, an initiative) without a reload.
 */
const listeners = new Set<() => void>();

export function onWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceWrite(): void {
  for (const listener of [...listeners]) listener();
}
