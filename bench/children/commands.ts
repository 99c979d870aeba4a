/** Sends `count` commands (or as many as fit in `seconds`) with at most `concurrency` in flight; commands per second. */
export async function commandsPerSec(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<unknown>,
  seconds = Number.POSITIVE_INFINITY,
) {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      try {
        await send(i);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { concurrency, commands: next, perSec: (next - failed) / elapsed, failed, firstError };
}

export type CommandsResult = Awaited<ReturnType<typeof commandsPerSec>>;

/** What both in-process writers send: one reading per command, spread over the target initiatives. */
export interface MeasurementSpec {
  targets: string[];
  metricId: string;
  /** A participant of each target's pilot. */
  participants: Record<string, string>;
  runId: string;
}

export function measurement(spec: MeasurementSpec, i: number) {
  const initiativeId = spec.targets[i % spec.targets.length];
  return {
    initiativeId,
    metricId: spec.metricId,
    value: 10 + (i % 7),
    periodStart: '2026-01-05T00:00:00.000Z',
    cohort: 'PILOT' as const,
    participantId: spec.participants[initiativeId],
    commandId: `${spec.runId}-${i}`,
  };
}
