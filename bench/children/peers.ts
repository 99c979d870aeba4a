import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function peersFolder(): string {
  // The same file runs from bench/children (sources) and dist/bench/children (compiled).
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'bench', 'peers', 'package.json'))) return join(dir, 'bench', 'peers');
  }
  throw new Error('bench/peers/package.json not found above ' + __dirname);
}

export const PEERS_FOLDER = peersFolder();
export const PEERS_PACKAGE = join(PEERS_FOLDER, 'package.json');

/**
 * The peer event stores are installed on the benchmark's first run, not by `npm ci`: one of them
 * compiles a native driver, which would lengthen every install for a figure only the bench prints.
 */
export function ensurePeersInstalled(log: (line: string) => void): void {
  if (existsSync(join(PEERS_FOLDER, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) return;
  log('Installing the peer event stores into bench/peers (first run only)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS_FOLDER, stdio: 'ignore' });
}
