import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Story } from '../support/story';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') newest = Math.max(newest, newestMtime(path));
    } else {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Builds the dashboard with `npm run build:web` when web/dist is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const web = join(REPO_ROOT, 'web');
  const built = join(web, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(web)) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

export interface StoryServer {
  baseUrl: string;
  tokens: { director: string; viewer: string; forged: string };
  story: Story;
  stop(): Promise<void>;
}

/**
 * The real service with the reference story, in a child process of its own (Node loads the service's ES
 * modules there as it does in production), answering on a loopback port.
 */
export function startStoryServer(timeoutMs = 60_000): Promise<StoryServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', join(REPO_ROOT, 'scripts', 'register-ts.js'), join(__dirname, 'story-server.ts')],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  return new Promise((resolveStart, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The story server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line || !stdout.includes('\n')) return;
      clearTimeout(timer);
      const started = JSON.parse(line) as Omit<StoryServer, 'stop'>;
      resolveStart({ ...started, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The story server exited with ${code}: ${stderr}`));
    });
  });
}
