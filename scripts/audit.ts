import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locateDecision, initiativeTrail, replayDecision, verifyInitiative } from '../src/audit/audit-log';
import { formatReplay, formatTimeline, formatVerification } from '../src/audit/audit-report';
import { loadConfig } from '../src/config/config';
import { pilotlogEventStore } from '../src/event-catalog';
import { openEventStore, SQLITE_FILE_NAME } from '../src/shared/event-store/open-event-store';

const USAGE = `usage: npm run audit -- history <initiativeId> | replay <decisionId> | verify <initiativeId>
Reads the configured event store (DATA_DIR, or EVENTSTORE_CONNECTION_STRING) and prints:
  history  every event of the initiative: when, who, what, and on which evidence decisions were made
  replay   the initiative as it stood just before the decision, recorded vs recomputed evidence
  verify   whether the hash chain of the initiative's events is intact (exit code 1 when it is not)`;

/** A problem with what was asked (usage, unknown id, no store): one line, exit code 2. */
class UsageError extends Error {}

async function run(args: string[]): Promise<number> {
  const [command, id, ...rest] = args;
  if (!['history', 'replay', 'verify'].includes(command ?? '') || !id || rest.length > 0) {
    const got = args.length === 0 ? 'nothing' : `"${args.join(' ')}"`;
    throw new UsageError(`audit: expected a command (history, replay or verify) and one id, got ${got}\n${USAGE}`);
  }
  const config = loadConfig();
  if (!config.eventStoreConnectionString) {
    const file = join(config.dataDir, SQLITE_FILE_NAME);
    // Opening a missing file would create an empty store and report every id as unknown.
    if (!existsSync(file)) throw new UsageError(`audit: no event store at ${file}; set DATA_DIR`);
  }
  const store = await openEventStore(config);
  // Read only: the trail and the chain check see the stored bytes, a replay sees today's shapes.
  const current = pilotlogEventStore(store);
  try {
    switch (command) {
      case 'history': {
        const entries = await initiativeTrail(store, id);
        if (entries.length === 0) throw new UsageError(`audit: no initiative "${id}" in the event store`);
        console.log(formatTimeline(id, entries));
        return 0;
      }
      case 'replay': {
        const location = await locateDecision(current, id);
        const replay = location ? await replayDecision(current, location) : null;
        if (!replay) throw new UsageError(`audit: no decision "${id}" in the event store`);
        console.log(formatReplay(replay));
        return 0;
      }
      default: {
        const verification = await verifyInitiative(store, id);
        if (!verification) throw new UsageError(`audit: no initiative "${id}" in the event store`);
        console.log(formatVerification(id, verification));
        return verification.valid ? 0 : 1;
      }
    }
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error instanceof UsageError ? error.message : `audit: ${error.message}`);
    process.exitCode = 2;
  },
);
