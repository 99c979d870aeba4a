import { ensureWebBuilt } from '../browser/browser-support';

/**
 * Builds the dashboard once, before any end-to-end test starts a service: a service serves the
 * web/dist it finds at start, and two test files building it at the same time would overwrite
 * each other's files.
 */
export default function buildWeb(): void {
  ensureWebBuilt();
}
