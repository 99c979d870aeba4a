import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { expectText, findChromium } from './browser/browser-support';
import {
  IdentityProvider,
  newProviderKey,
  ProviderKey,
  startIdentityProvider,
} from './support/identity-provider/identity-provider';
import { runScript } from './support/run-script';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

/**
 * Signing in over OpenID Connect against a real provider (the `oidc-provider` package, in a worker
 * thread on 127.0.0.1): a person in a browser, a BI tool with client credentials, tokens that must be
 * refused, the provider rotating its keys, and a session cookie another site tries to use.
 */

jest.setTimeout(120_000);

const SIGN_IN_CLIENT = { id: 'pilotlog', secret: 'pilotlog-client-secret-for-tests' };
const API_CLIENT = {
  id: 'grafana',
  secret: 'grafana-client-secret-for-tests',
  resource: 'https://pilotlog.test/graphql',
  audience: SIGN_IN_CLIENT.id,
  claims: { role: 'VIEWER', teams: ['*'] },
};
const ACCOUNTS = {
  maya: { password: 'maya-password', claims: { preferred_username: 'maya', role: 'MANAGER', teams: ['smb'] } },
  dana: {
    password: 'dana-password',
    claims: { preferred_username: 'dana', realm_access: { roles: ['offline_access', 'pilotlog-director'] } },
  },
  eve: { password: 'eve-password', claims: { preferred_username: 'eve', role: 'employee' } },
};

const TEAMS = '{ teams { id } }';

describe('signing in with an OpenID provider', () => {
  let provider: IdentityProvider;
  let app: TestApp;
  let browser: Browser;
  let firstKey: ProviderKey;
  let director: string;

  beforeAll(async () => {
    provider = await startIdentityProvider({
      accounts: ACCOUNTS,
      clients: { signIn: SIGN_IN_CLIENT, api: API_CLIENT },
    });
    app = await startTestApp({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: SIGN_IN_CLIENT.id,
        OIDC_CLIENT_SECRET: SIGN_IN_CLIENT.secret,
        OIDC_SCOPES: 'openid profile pilotlog',
        OIDC_PROVIDER_NAME: 'Company SSO',
        OIDC_SUBJECT_CLAIM: 'preferred_username',
        OIDC_GROUPS_CLAIM: 'realm_access.roles',
        OIDC_GROUP_MAP: 'pilotlog-director=DIRECTOR:*',
        OIDC_KEYS_REFETCH_COOLDOWN_SECONDS: '1',
      },
    });
    firstKey = await newProviderKey('first');
    await provider.configure([`${app.baseUrl}/auth/callback`], [firstKey]);
    director = await tokenFor('DIRECTOR', 'dana', '*');
    for (const [teamId, name] of [
      ['smb', 'SMB account development'],
      ['enterprise', 'Enterprise accounts'],
    ]) {
      const registered = await app.gql(
        `mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id } }`,
        { input: { teamId, name, impactThreshold: 0.5 } },
        { token: director },
      );
      expect(registered.errors).toBeUndefined();
    }
    browser = await chromium.launch(await findChromium());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
    await provider?.stop();
  });

  const signInPage = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/#/signin`);
    return page;
  };

  /** Through the dashboard's button, the provider's own login page, and back. */
  const signInAs = async (page: Page, username: keyof typeof ACCOUNTS) => {
    await page.getByRole('link', { name: 'Sign in with Company SSO' }).click();
    await page.getByRole('heading', { name: 'Company sign-in' }).waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(ACCOUNTS[username].password);
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  describe('a person in a browser', () => {
    let context: BrowserContext;
    let page: Page;
    let sessionCookie: string;

    beforeAll(async () => {
      context = await browser.newContext();
      page = await signInPage(context);
    });
    afterAll(() => context?.close());

    it('offers the provider and the token next to each other on the sign-in page', async () => {
      await page.getByRole('link', { name: 'Sign in with Company SSO' }).waitFor();
      await expectText(page.locator('.signin'), /npm run token -- --link --role MANAGER --sub maya --teams smb/);
      await page.getByLabel('Bearer token').waitFor();
    });

    it('signs in at the provider and comes back signed in, with the role and teams its claims give', async () => {
      await signInAs(page, 'maya');
      await page.getByRole('heading', { name: 'Portfolio impact' }).waitFor();
      await expectText(page.getByTestId('signed-in-as'), /maya · manager · smb/);
      await page
        .getByRole('navigation', { name: 'Teams' })
        .getByRole('link', { name: 'SMB account development' })
        .waitFor();
      expect(await page.getByRole('link', { name: 'Enterprise accounts' }).count()).toBe(0);
      expect(page.url()).toBe(`${app.baseUrl}/#/`);
    });

    it('holds the session in an httpOnly, SameSite=Lax cookie of bounded lifetime, and no token in the page', async () => {
      const cookies = await context.cookies(app.baseUrl);
      const session = cookies.find((cookie) => cookie.name === 'pilotlog_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
      const hoursLeft = (session!.expires * 1000 - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(7.9);
      expect(hoursLeft).toBeLessThanOrEqual(8);
      expect(cookies.find((cookie) => cookie.name === 'pilotlog_sign_in')).toBeUndefined();
      expect(await page.evaluate('[document.cookie, JSON.stringify(sessionStorage)]')).toEqual(['', '{}']);
      sessionCookie = `pilotlog_session=${session!.value}`;
    });

    it('answers GraphQL for the session cookie as for a bearer token', async () => {
      const response = await app.gql(TEAMS, {}, { token: null, headers: { cookie: sessionCookie } });
      expect(response.data).toEqual({ teams: [{ id: 'smb' }] });
    });

    it('signs out: the cookie is gone, and a reload asks to sign in again', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to pilotlog' }).waitFor();
      expect((await context.cookies(app.baseUrl)).map((cookie) => cookie.name)).not.toContain('pilotlog_session');
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in to pilotlog' }).waitFor();
      expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    });
  });

  it('takes the role and teams from a mapped group (Keycloak realm roles)', async () => {
    const context = await browser.newContext();
    try {
      const page = await signInPage(context);
      await signInAs(page, 'dana');
      await expectText(page.getByTestId('signed-in-as'), /dana · director · all teams/);
    } finally {
      await context.close();
    }
  });

  it('refuses a person the provider gives no pilotlog role, and says why on the sign-in page', async () => {
    const context = await browser.newContext();
    try {
      const page = await signInPage(context);
      await signInAs(page, 'eve');
      await expectText(page.getByTestId('sign-in-problem'), /gives eve no pilotlog role/);
      expect((await context.cookies(app.baseUrl)).map((cookie) => cookie.name)).not.toContain('pilotlog_session');
    } finally {
      await context.close();
    }
  });

  describe('the authorization request', () => {
    it('carries state, nonce and a PKCE challenge, and seals them in a short-lived httpOnly cookie', async () => {
      const response = await fetch(`${app.baseUrl}/auth/login`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
      const params = Object.fromEntries(location.searchParams);
      expect(params).toMatchObject({
        client_id: SIGN_IN_CLIENT.id,
        response_type: 'code',
        redirect_uri: `${app.baseUrl}/auth/callback`,
        code_challenge_method: 'S256',
        scope: 'openid profile pilotlog',
      });
      expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
      expect(params.state).toMatch(/^[\w-]{20,}$/);
      expect(params.nonce).toMatch(/^[\w-]{20,}$/);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(
        /^pilotlog_sign_in=[\w.-]+; Max-Age=600; Path=\/auth; Expires=.+; HttpOnly; SameSite=Lax$/,
      );
      expect(cookie).not.toContain(params.state);
    });

    it('refuses a callback this browser did not start, and opens no session', async () => {
      const response = await fetch(`${app.baseUrl}/auth/callback?code=stolen&state=guessed`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(decodeURIComponent(response.headers.get('location')!)).toMatch(
        /\/#\/signin\?problem=This sign-in was not started in this browser/,
      );
      expect(response.headers.get('set-cookie')).not.toMatch(/pilotlog_session=[^;]/);
    });
  });

  describe('a session cookie cannot be used by another site', () => {
    let cookie: string;
    let attacker: Server;
    let attackerUrl: string;

    beforeAll(async () => {
      const context = await browser.newContext();
      const page = await signInPage(context);
      await signInAs(page, 'dana');
      await page.getByTestId('signed-in-as').waitFor();
      const session = (await context.cookies(app.baseUrl)).find((c) => c.name === 'pilotlog_session')!;
      cookie = `pilotlog_session=${session.value}`;
      await context.close();
      attacker = createServer((_req, res) => {
        const forged = JSON.stringify({
          query: 'mutation { registerTeam(input: { teamId: "forged", name: "Forged", impactThreshold: 0.5 }) { id } }',
        });
        // A form can post text/plain cross-site without a preflight: its body is "<name>=<value>".
        const name = forged.slice(0, -2);
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><body>
<form id="f" method="post" enctype="text/plain" action="${app.baseUrl}/graphql">
<input name='${name}' value='"}'></form><script>document.getElementById('f').submit()</script></body>`);
      });
      await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
      attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((done) => attacker.close(() => done())));

    const teams = async () =>
      ((await app.gql<{ teams: { id: string }[] }>(TEAMS, {}, { token: director })).data?.teams ?? []).map((t) => t.id);

    it('a form another page submits with the signed-in browser is refused, and changes nothing', async () => {
      const context = await browser.newContext();
      try {
        await context.addCookies([
          { name: 'pilotlog_session', value: cookie.split('=')[1], url: app.baseUrl, httpOnly: true, sameSite: 'Lax' },
        ]);
        const page = await context.newPage();
        const answered = page.waitForResponse((response) => response.url() === `${app.baseUrl}/graphql`);
        await page.goto(attackerUrl);
        const response = await answered;
        expect(response.status()).toBe(400);
        expect(await response.text()).toMatch(/CSRF|preflight/i);
      } finally {
        await context.close();
      }
      expect(await teams()).not.toContain('forged');
    });

    it.each([
      ['a text/plain POST', { method: 'POST', headers: { 'content-type': 'text/plain' } }],
      ['a form POST', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['a GET without a preflight header', { method: 'GET', headers: {} }],
    ])('%s with the cookie is refused as BAD_REQUEST', async (_name, init) => {
      const query = '{ teams { id } }';
      const url =
        init.method === 'GET' ? `${app.baseUrl}/graphql?query=${encodeURIComponent(query)}` : `${app.baseUrl}/graphql`;
      const response = await fetch(url, {
        ...init,
        headers: { ...init.headers, cookie },
        ...(init.method === 'POST' ? { body: JSON.stringify({ query }) } : {}),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('"teams"');
    });

    it('the same cookie on the dashboard’s own JSON request is answered', async () => {
      const response = await app.gql(TEAMS, {}, { token: null, headers: { cookie } });
      expect(response.errors).toBeUndefined();
    });

    it('signing out takes a JSON POST, so another site cannot sign people out with a form', async () => {
      const form = await fetch(`${app.baseUrl}/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: 'x=1',
      });
      expect(form.status).toBe(400);
      expect(form.headers.get('set-cookie')).toBeNull();
      const json = await fetch(`${app.baseUrl}/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      });
      expect(json.status).toBe(204);
      expect(json.headers.get('set-cookie')).toMatch(/^pilotlog_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    });
  });

  describe('bearer tokens from the provider', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const sign = (key: ProviderKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      new SignJWT({ role: 'VIEWER', teams: ['*'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...header })
        .sign(key.privateKey);
    const valid = (key: ProviderKey, overrides: Record<string, unknown> = {}) =>
      sign(key, {
        iss: provider.issuer,
        aud: SIGN_IN_CLIENT.id,
        sub: 'looker',
        iat: now(),
        exp: now() + 300,
        ...overrides,
      });
    const ask = (token: string) => app.gql(TEAMS, {}, { token });

    it('accepts a client-credentials access token the provider signed (RS256), with the role its claims give', async () => {
      const token = await provider.clientCredentialsToken();
      const read = await ask(token);
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ teams: [{ id: 'smb' }, { id: 'enterprise' }] });
      const write = await app.gql(
        `mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id } }`,
        { input: { teamId: 'bi', name: 'BI', impactThreshold: 0.5 } },
        { token },
      );
      expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('keeps accepting HS256 tokens signed with the service’s secret', async () => {
      expect((await ask(await tokenFor('VIEWER', 'script', '*'))).errors).toBeUndefined();
    });

    it.each([
      ['a wrong issuer', { iss: 'https://elsewhere.example' }, /not issued by/],
      ['a wrong audience', { aud: 'another-service' }, /not meant for this service/],
      ['an expired token', { iat: now() - 3600, exp: now() - 120 }, /expired/],
      ['a token not valid yet', { nbf: now() + 600 }, /not valid yet/],
    ])('refuses %s as UNAUTHENTICATED', async (_name, claims, message) => {
      const response = await ask(await valid(firstKey, claims));
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0].message).toMatch(message);
      expect(response.data ?? null).toBeNull();
    });

    it('refuses an unsigned token (alg: none) and a key the provider does not publish', async () => {
      const body = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
      const unsigned = `${body({ alg: 'none', typ: 'JWT' })}.${body({
        iss: provider.issuer,
        aud: SIGN_IN_CLIENT.id,
        sub: 'mallory',
        role: 'DIRECTOR',
        teams: ['*'],
        exp: now() + 300,
      })}.`;
      const none = await ask(unsigned);
      expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(none.errors?.[0].message).toMatch(/not signed/);

      const unknown = await ask(await valid(await newProviderKey('never-published')));
      expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(unknown.errors?.[0].message).toMatch(/signed with a key that .* does not publish/);
    });

    it('picks up the provider’s new key without a restart', async () => {
      expect((await ask(await valid(firstKey))).errors).toBeUndefined();
      const nextKey = await newProviderKey('second');
      const before = await ask(await valid(nextKey));
      expect(before.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      await provider.configure([`${app.baseUrl}/auth/callback`], [nextKey, firstKey]);
      // The service fetches the keys again at most once a second here (OIDC_KEYS_REFETCH_COOLDOWN_SECONDS).
      await new Promise((resume) => setTimeout(resume, 1_100));
      expect((await ask(await valid(nextKey))).errors).toBeUndefined();
      expect((await ask(await valid(firstKey))).errors).toBeUndefined();
      expect((await ask(await provider.clientCredentialsToken())).errors).toBeUndefined();
    });

    it('while the provider is down, answers its tokens SERVICE_UNAVAILABLE and still takes HS256 tokens', async () => {
      await provider.stop();
      await new Promise((resume) => setTimeout(resume, 1_100));
      const response = await ask(await valid(await newProviderKey('third')));
      expect(response.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.errors?.[0].message).toMatch(/keys of the identity provider .* cannot be fetched now/);
      expect((await ask(await tokenFor('VIEWER', 'script', '*'))).errors).toBeUndefined();
    });
  });

  it('a sign-in link from npm run token opens the dashboard signed in, and leaves no token in the address', async () => {
    const { code, stdout } = await runScript(
      'token',
      ['--link', '--role', 'MANAGER', '--sub', 'maya', '--teams', 'smb'],
      {
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: app.dataDir,
        PUBLIC_URL: app.baseUrl,
      },
    );
    expect(code).toBe(0);
    const link = stdout.trim();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/#/signin\\?token=[\\w.%-]+$`));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(link);
      await expectText(page.getByTestId('signed-in-as'), /maya · manager · smb/);
      expect(page.url()).toBe(`${app.baseUrl}/#/`);
    } finally {
      await context.close();
    }
  });
});
