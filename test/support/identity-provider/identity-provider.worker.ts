/**
 * A real OpenID provider (the `oidc-provider` package) for the tests, in a worker thread of the test
 * process: the package is an ES module, which Node loads natively here and Jest's module system does
 * not. It listens on 127.0.0.1 only, signs with the keys the test gives it, and serves a login page
 * of its own that checks a password, as a company's provider would.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { JWK } from 'jose';
import type { default as ProviderClass, KoaContextWithOIDC } from 'oidc-provider';
import type { ProviderSetup, WorkerReply, WorkerRequest } from './identity-provider';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: Provider } = require('oidc-provider') as { default: typeof ProviderClass };

const { accounts, clients } = workerData as Pick<ProviderSetup, 'accounts' | 'clients'>;

let issuer = '';
let keys: JWK[] = [];
let redirectUris: string[] = [];
let provider: ProviderClass | null = null;

function build(): ProviderClass {
  const next = new Provider(issuer, {
    clients: [
      {
        client_id: clients.signIn.id,
        client_secret: clients.signIn.secret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
      {
        client_id: clients.api.id,
        client_secret: clients.api.secret,
        redirect_uris: [],
        response_types: [],
        grant_types: ['client_credentials'],
      },
    ],
    jwks: { keys },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'pilotlog'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      pilotlog: ['role', 'teams', 'groups', 'realm_access'],
    },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account.claims }) };
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    // pilotlog is the company's own application: people are not asked to consent to it.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope('openid profile pilotlog');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx: KoaContextWithOIDC, client: { clientId: string }) =>
          client.clientId === clients.api.id ? clients.api.resource : undefined,
        getResourceServerInfo: () => ({
          scope: 'graphql',
          audience: clients.api.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // A BI tool's role and teams are the provider's to say, as claims of its access tokens.
    extraTokenClaims: (_ctx: KoaContextWithOIDC, token: { clientId?: string; kind: string }) =>
      token.clientId === clients.api.id ? clients.api.claims : undefined,
  });
  return next;
}

function loginPage(uid: string, problem = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Company sign-in</title></head>
<body><h1>Company sign-in</h1>${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Continue</button></form></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

async function interaction(req: IncomingMessage, res: ServerResponse, current: ProviderClass): Promise<void> {
  const details = await current.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
    return;
  }
  const form = await formBody(req);
  const username = form.get('username') ?? '';
  if (accounts[username]?.password !== form.get('password')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, 'Wrong password'));
    return;
  }
  await current.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

const server = createServer((req, res) => {
  const current = provider;
  if (!current) {
    res.writeHead(503).end('not configured yet');
    return;
  }
  if (req.url?.startsWith('/interaction/')) {
    interaction(req, res, current).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(error.message);
    });
    return;
  }
  void current.callback()(req, res);
});

function reply(message: WorkerReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    switch (request.type) {
      case 'configure':
        keys = request.keys;
        redirectUris = request.redirectUris;
        provider = build();
        break;
      case 'stop':
        server.close();
        break;
    }
    reply({ id: request.id });
  } catch (error) {
    reply({ id: request.id, error: (error as Error).stack ?? String(error) });
  }
});

server.listen(0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reply({ id: 0, issuer });
});
