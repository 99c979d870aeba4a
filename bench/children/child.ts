import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Every bench child runs in a process of its own and answers one JSON message over IPC, so the
 * load generator, the data-set build and the peers never share a heap or an event loop with the
 * service they measure.
 */
export function runChild<Result>(
  name: string,
  input: unknown,
  options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; timeoutSeconds?: number } = {},
): Promise<Result> {
  const file = join(__dirname, `${name}${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  const execArgv = [
    ...(options.execArgv ?? []),
    ...(__filename.endsWith('.ts') ? ['--require', join(__dirname, '../../scripts/register-ts.js')] : []),
  ];
  const child = fork(file, [], {
    execArgv,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise<Result>((resolve, reject) => {
    let answered = false;
    const timer =
      options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            reject(new Error(`${name} did not answer within ${options.timeoutSeconds} s`));
            child.kill('SIGKILL');
          }, options.timeoutSeconds * 1000);
    child.once('message', (message: { result?: Result; error?: string }) => {
      answered = true;
      clearTimeout(timer);
      if (message.error !== undefined) reject(new Error(`${name}: ${message.error}`));
      else resolve(message.result as Result);
      child.disconnect();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!answered) reject(new Error(`${name} exited with ${code} before answering`));
    });
    child.send({ input });
  });
}

/** The other end of `runChild`: runs `work` on the input sent and answers its result. */
export function serveChild<Input, Result>(work: (input: Input) => Promise<Result>): void {
  process.once('message', ({ input }: { input: Input }) => {
    work(input).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: unknown) =>
        process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
