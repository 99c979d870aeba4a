/**
 * Child-process entry of `startTestApp`: runs the service, prints `{"baseUrl": ...}` once it
 * listens, follows clock instructions sent over IPC, and exits cleanly on SIGTERM.
 */
import 'reflect-metadata';
import { systemClock } from '../../src/shared/clock';
import { TestClock } from './graphql-client';
import { startInProcessApp } from './in-process-app';

async function main(): Promise<void> {
  const clockStart = process.env.TEST_CLOCK_START;
  const clock = clockStart ? new TestClock(new Date(clockStart)) : undefined;
  const env = JSON.parse(process.env.TEST_APP_ENV ?? '{}') as Record<string, string>;
  const app = await startInProcessApp({ dataDir: process.env.TEST_DATA_DIR, clock: clock ?? systemClock, env });
  process.on('message', (message: { clock?: string; id?: number }) => {
    if (message.clock && clock) clock.set(message.clock);
    process.send?.({ ack: message.id });
  });
  const stop = () =>
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ baseUrl: app.baseUrl, dataDir: app.dataDir });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
