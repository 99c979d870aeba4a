// openid-client is an ES module: Node (20.19 and later) loads it with require(), Jest does not, so the tests
// run the service in a child process and nothing a unit test imports may import this file.
import * as oidc from 'openid-client';
import { IdentityProviderConfig } from '../config/config';
import { IssuerKeys } from '../shared/auth/issuer-tokens';

/** A sign-in under way: what the callback must find again to complete it. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** The dashboard page to open once signed in (a hash route). */
  returnTo: string;
}

/** The provider could not be asked (discovery, keys); the message says which provider and why. */
export class ProviderUnreachable extends Error {
  constructor(issuer: string, cause: unknown) {
    super(`The identity provider ${issuer} cannot be reached: ${describe(cause)}`, { cause });
    this.name = 'ProviderUnreachable';
  }
}

/** The provider, or the browser, did not complete the sign-in; the message is for the person signing in. */
export class SignInFailed extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'SignInFailed';
  }
}

/**
 * The identity provider as openid-client speaks to it: its discovery document (read when first needed,
 * and read again after a failure, so pilotlog starts while the provider is down), the authorization
 * code flow with PKCE, state and nonce, and the claims of a completed sign-in.
 */
export class OpenIdProvider {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(private readonly settings: IdentityProviderConfig) {}

  get name(): string {
    return this.settings.providerName;
  }

  /** The issuer and its published keys, for verifying the provider's bearer tokens. */
  async keys(): Promise<IssuerKeys> {
    const metadata = (await this.configured()).serverMetadata();
    if (!metadata.jwks_uri) {
      throw new ProviderUnreachable(this.settings.issuer, new Error('its discovery document has no jwks_uri'));
    }
    return { issuer: metadata.issuer, jwksUri: new URL(metadata.jwks_uri) };
  }

  /** Where to send the browser to sign in, and what the callback will need to complete it. */
  async startSignIn(redirectUri: string, returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.configured();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      redirectUri,
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Exchanges the code the provider sent back for tokens, checking state, nonce, PKCE and the ID
   * token, and answers the person's claims: the ID token's, completed by the userinfo endpoint's
   * (some providers put groups or roles only there).
   */
  async completeSignIn(callbackQuery: string, pending: PendingSignIn): Promise<Record<string, unknown>> {
    const configuration = await this.configured();
    // The redirect URI sent with the code must be the one the sign-in started with, whatever host this request came by.
    const callbackUrl = new URL(pending.redirectUri);
    callbackUrl.search = callbackQuery;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusal(error);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new SignInFailed('The identity provider sent no ID token');
    if (!configuration.serverMetadata().userinfo_endpoint) return { ...idToken };
    try {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      return { ...userInfo, ...idToken };
    } catch (error) {
      throw new SignInFailed(`The identity provider did not say who you are (userinfo): ${describe(error)}`, error);
    }
  }

  private configured(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = null;
      throw new ProviderUnreachable(this.settings.issuer, error);
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    // The configuration allows plain http only for an issuer on this machine (a local provider in development).
    const execute = url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    const authentication = clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None();
    return oidc.discovery(url, clientId, undefined, authentication, { execute });
  }
}

function refusal(error: unknown): SignInFailed {
  if (error instanceof oidc.AuthorizationResponseError) {
    return new SignInFailed(`The identity provider refused the sign-in: ${error.error_description ?? error.error}`);
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new SignInFailed(
      `The identity provider refused to complete the sign-in: ${error.error_description ?? error.error}`,
      error,
    );
  }
  return new SignInFailed(`The sign-in could not be completed: ${describe(error)}`, error);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
