/** Sends `count` commands with at most `concurrency` in flight; commands per second. */
export async function commandsPerSec(count: number, concurrency: number, send: (i: number) => Promise<unknown>) {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
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
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, commands: count, perSec: (count - failed) / seconds, failed, firstError };
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
