import { exportJWK, generateKeyPair, JWK, KeyLike } from 'jose';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface ProviderAccount {
  password: string;
  /** Claims the provider gives about the person (role, teams, groups...). */
  claims: Record<string, unknown>;
}

export interface ProviderSetup {
  accounts: Record<string, ProviderAccount>;
  clients: {
    /** pilotlog's own registration, for signing people in. */
    signIn: { id: string; secret: string };
    /** A BI tool that asks for tokens with its client credentials. */
    api: { id: string; secret: string; resource: string; audience: string; claims: Record<string, unknown> };
  };
}

type WorkerCommand = { type: 'configure'; keys: JWK[]; redirectUris: string[] } | { type: 'stop' };
export type WorkerRequest = WorkerCommand & { id: number };
export interface WorkerReply {
  id: number;
  issuer?: string;
  error?: string;
}

/** A signing key of the provider, with the private half the tests sign their own tokens with. */
export interface ProviderKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

export async function newProviderKey(kid: string): Promise<ProviderKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface IdentityProvider {
  issuer: string;
  /** Registers pilotlog's callback and (re)starts signing with these keys, the first one for new tokens. */
  configure(redirectUris: string[], keys: ProviderKey[]): Promise<void>;
  /** Asks for an access token with the API client's credentials, as a BI tool does. */
  clientCredentialsToken(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the provider in a worker thread of this process, on a free port of 127.0.0.1. */
export async function startIdentityProvider(setup: ProviderSetup): Promise<IdentityProvider> {
  const bootstrap = `require(${JSON.stringify(join(ROOT, 'scripts', 'register-ts.js'))});
require(${JSON.stringify(join(__dirname, 'identity-provider.worker.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: setup, stdout: true, stderr: true });
  let output = '';
  worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stdout.on('data', () => undefined);
  const waiting = new Map<number, (reply: WorkerReply) => void>();
  worker.on('message', (reply: WorkerReply) => waiting.get(reply.id)?.(reply));
  const answer = (id: number, timeoutMs = 20_000) =>
    new Promise<WorkerReply>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`The identity provider did not answer: ${output}`)), timeoutMs);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (reply.error) fail(new Error(reply.error));
        else done(reply);
      });
    });
  worker.once('error', (error) => {
    for (const [id] of waiting) waiting.get(id)?.({ id, error: `${error.stack}\n${output}` });
  });
  const started = answer(0);
  const { issuer } = await started;
  let nextId = 0;
  let stopped = false;
  const send = (request: WorkerCommand) => {
    const id = ++nextId;
    const replied = answer(id);
    worker.postMessage({ ...request, id });
    return replied;
  };
  return {
    issuer: issuer!,
    async configure(redirectUris, keys) {
      await send({ type: 'configure', redirectUris, keys: keys.map((key) => key.jwk) });
    },
    async clientCredentialsToken() {
      const { id, secret, resource } = setup.clients.api;
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'graphql' }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`No access token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await send({ type: 'stop' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
