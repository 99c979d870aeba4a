/**
 * Starts the real service on a temporary store, loads the reference story and prints one JSON line
 * (address, tokens, story ids); stops and cleans up on SIGTERM. Run by the browser tests in a child
 * process: `node -r ./scripts/register-ts.js test/browser/story-server.ts`.
 */
import 'reflect-metadata';
import { loadStory, STORY_START } from '../support/story';
import { TestClock } from '../support/graphql-client';
import { startInProcessApp } from '../support/in-process-app';
import { tokenFor } from '../support/tokens';

async function main(): Promise<void> {
  const clock = new TestClock(new Date(STORY_START));
  const director = await tokenFor('DIRECTOR', 'dir', '*', { expiresIn: '2h' });
  const viewer = await tokenFor('VIEWER', 'bi-tool', '*', { expiresIn: '2h' });
  const forged = await tokenFor('DIRECTOR', 'mallory', '*', { secret: 'another-secret-that-is-long-enough-to-sign' });
  const app = await startInProcessApp({ clock, token: director });
  const story = await loadStory(app, clock);
  const stop = () => {
    app.destroy().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ baseUrl: app.baseUrl, tokens: { director, viewer, forged }, story })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
