import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { RecordMeasurementCommand } from '../../src/initiatives/record-measurement/record-measurement.command';
import { Principal } from '../../src/shared/auth/principal';
import { ReadModels } from '../../src/shared/projections/read-models';
import { serveChild } from './child';
import { commandsPerSec, CommandsResult, measurement, MeasurementSpec } from './commands';

const DIRECTOR: Principal = { sub: 'dana.director', role: 'DIRECTOR', teams: '*' };

/** The write path without HTTP: recordMeasurement sent on the CommandBus of the service built in this process. */
serveChild<
  { env: Record<string, string>; spec: MeasurementSpec; count: number; concurrency: number[] },
  CommandsResult[]
>(async ({ env, spec, count, concurrency }) => {
  const app = await createApp(loadConfig(env), { logger: false });
  await app.init();
  await app.get(ReadModels).runner.caughtUp();
  const bus = app.get(CommandBus);
  const results: CommandsResult[] = [];
  for (const c of concurrency) {
    const runId = `${spec.runId}-${c}`;
    results.push(
      await commandsPerSec(count, c, (i) =>
        bus.execute(new RecordMeasurementCommand(measurement({ ...spec, runId }, i), DIRECTOR)),
      ),
    );
  }
  await app.close();
  return results;
});
