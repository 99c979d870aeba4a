import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Story } from '../support/story';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Debian's Chromium, or the one `CHROMIUM_PATH` names, where the machine has it. */
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const SYSTEM_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
}

/**
 * The browser the tests drive: the one at `CHROMIUM_PATH` (default Debian's `/usr/bin/chromium`) when it
 * exists, else the Chromium inside the `@sparticuz/chromium` package, so a machine with only Node runs the
 * browser tests.
 */
export async function findChromium(): Promise<ChromiumBinary> {
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS };
  return packagedChromium();
}

/**
 * The package unpacks its browser into the temporary directory, where parallel test workers (and other
 * checkouts on the machine) would race to write and run the same file. Each unpacks into a staging
 * directory of its own instead (in a child process, whose TMPDIR the package reads), and the first one
 * finished is renamed into place atomically.
 */
async function packagedChromium(): Promise<ChromiumBinary> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const { version } = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8'),
  ) as { version: string };
  const cache = join(REPO_ROOT, 'node_modules', '.cache');
  const unpacked = join(cache, `sparticuz-chromium-${version}`);
  const executablePath = join(unpacked, 'chromium');
  if (!existsSync(executablePath)) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, 'sparticuz-chromium-staging-'));
    execFileSync(
      process.execPath,
      ['-e', "require('@sparticuz/chromium').executablePath().catch((e) => { console.error(e); process.exit(1); })"],
      { cwd: REPO_ROOT, env: { ...process.env, TMPDIR: staging }, stdio: 'pipe' },
    );
    try {
      renameSync(staging, unpacked);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  }
  // The package's arguments are made for a serverless function: `--single-process` there brings the
  // whole browser down when a test closes one of its contexts and opens another.
  return { executablePath, args: chromium.args.filter((arg) => arg !== '--single-process') };
}

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

/** Waits (up to 10 s) until the element's text matches. */
export async function expectText(
  locator: { textContent(): Promise<string | null>; waitFor(): Promise<void> },
  expected: string | RegExp,
): Promise<void> {
  await locator.waitFor();
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(text).toMatch(expected);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs in the page: axe over the whole document, each violation with where it is. */
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })))`;

/**
 * Runs axe-core (the accessibility engine, injected from its npm package) on the page as it stands and
 * fails with the list of serious or critical violations, if any.
 */
export async function expectAccessible(
  page: { addScriptTag(options: { path: string }): Promise<unknown>; evaluate<R>(expression: string): Promise<R> },
  what: string,
): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate<AxeViolation[]>(RUN_AXE);
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
  expect({ page: what, violations: serious }).toEqual({ page: what, violations: [] });
}
