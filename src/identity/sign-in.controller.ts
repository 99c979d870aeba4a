import { Controller, Get, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { IdentityProviderConfig } from '../config/config';
import { JWT_SECRET } from '../shared/auth/auth.tokens';
import { Principal } from '../shared/auth/principal';
import { principalFromClaims } from '../shared/auth/provider-claims';
import { cookieValue, SESSION_COOKIE } from '../shared/auth/session-cookie';
import { TOKEN_VERIFIER, VerifyToken } from '../shared/auth/token-verification';
import { InvalidTokenError, signToken } from '../shared/auth/tokens';
import { OpenIdProvider, SignInFailed } from './openid-provider';
import {
  cookieOptions,
  openPendingSignIn,
  PENDING_SIGN_IN_COOKIE,
  PENDING_SIGN_IN_PATH,
  PENDING_SIGN_IN_SECONDS,
  sealPendingSignIn,
} from './sign-in-cookies';

export const SIGN_IN_SETTINGS = Symbol('SignInSettings');

export interface SignInSettings {
  publicUrl: string | null;
  identityProvider: IdentityProviderConfig | null;
}

interface SignInRequest {
  protocol: string;
  secure: boolean;
  originalUrl: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  get(name: string): string | undefined;
}

interface SignInResponse {
  cookie(name: string, value: string, options: object): void;
  clearCookie(name: string, options: object): void;
  redirect(status: number, url: string): void;
  setHeader(name: string, value: string): void;
  status(code: number): SignInResponse;
  json(body: unknown): void;
  end(): void;
}

/** What the dashboard needs to know to offer sign-in and show who is signed in. */
export interface SessionAnswer {
  provider: { name: string; signInUrl: string } | null;
  session: (Principal & { expiresAt: string | null }) | null;
}

const SESSION_PATH = '/';
/** The dashboard's routes are hash routes: a page to return to is one of them and nothing else. */
const HASH_ROUTE = /^#\/[^\s]{0,500}$/;

/**
 * Sign-in with the identity provider (authorization code flow with PKCE, state and nonce, through
 * openid-client) into a session cookie holding a token signed with the service's secret, so any
 * replica with the same secret accepts it and nothing is kept on the server.
 */
@Controller('auth')
export class SignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(SIGN_IN_SETTINGS) private readonly settings: SignInSettings,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(TOKEN_VERIFIER) private readonly verify: VerifyToken,
    @Inject(OpenIdProvider) private readonly provider: OpenIdProvider | null,
  ) {}

  @Get('login')
  async login(@Req() req: SignInRequest, @Res() res: SignInResponse): Promise<void> {
    if (!this.provider) return this.noProvider(res);
    const returnTo =
      typeof req.query.returnTo === 'string' && HASH_ROUTE.test(req.query.returnTo) ? req.query.returnTo : '#/';
    try {
      const { url, pending } = await this.provider.startSignIn(`${this.baseUrl(req)}/auth/callback`, returnTo);
      const sealed = await sealPendingSignIn(this.secret, pending);
      res.cookie(
        PENDING_SIGN_IN_COOKIE,
        sealed,
        cookieOptions(this.secure(req), PENDING_SIGN_IN_PATH, PENDING_SIGN_IN_SECONDS),
      );
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, url.href);
    } catch (error) {
      this.failed(req, res, error);
    }
  }

  @Get('callback')
  async callback(@Req() req: SignInRequest, @Res() res: SignInResponse): Promise<void> {
    if (!this.provider || !this.settings.identityProvider) return this.noProvider(res);
    const sealed = cookieValue(req.headers.cookie, PENDING_SIGN_IN_COOKIE);
    res.clearCookie(PENDING_SIGN_IN_COOKIE, cookieOptions(this.secure(req), PENDING_SIGN_IN_PATH));
    const pending = await openPendingSignIn(this.secret, sealed);
    if (!pending) {
      return this.failed(
        req,
        res,
        new SignInFailed(
          'This sign-in was not started in this browser, took longer than 10 minutes, or was started again since: sign in again',
        ),
      );
    }
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const claims = await this.provider.completeSignIn(query, pending);
      const principal = principalFromClaims(claims, this.settings.identityProvider.claims);
      const { sessionHours } = this.settings.identityProvider;
      const session = await signToken(this.secret, principal, `${sessionHours}h`);
      res.cookie(SESSION_COOKIE, session, cookieOptions(this.secure(req), SESSION_PATH, sessionHours * 3600));
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, `${this.baseUrl(req)}/${pending.returnTo}`);
    } catch (error) {
      this.failed(req, res, error);
    }
  }

  /** Ends the session. JSON only, like GraphQL, so another site cannot sign people out with a form. */
  @Post('logout')
  logout(@Req() req: SignInRequest, @Res() res: SignInResponse): void {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      res.status(400).json({
        errors: [
          {
            message: 'Sign out with a POST whose content type is application/json',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.secure(req), SESSION_PATH));
    res.setHeader('cache-control', 'no-store');
    res.status(204).end();
  }

  @Get('session')
  async session(@Req() req: SignInRequest): Promise<SessionAnswer> {
    const provider = this.provider ? { name: this.provider.name, signInUrl: '/auth/login' } : null;
    const cookie = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!cookie) return { provider, session: null };
    try {
      const principal = await this.verify(cookie);
      const { exp } = decodeJwt(cookie);
      return { provider, session: { ...principal, expiresAt: exp ? new Date(exp * 1000).toISOString() : null } };
    } catch {
      return { provider, session: null };
    }
  }

  private noProvider(res: SignInResponse): void {
    res.status(404).json({
      errors: [
        {
          message: 'No identity provider is configured (OIDC_ISSUER): sign in with a token instead',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  }

  /** Back to the sign-in page, which shows why; the reason travels in the fragment, out of every server log. */
  private failed(req: SignInRequest, res: SignInResponse, error: unknown): void {
    const known = error instanceof SignInFailed || error instanceof InvalidTokenError;
    const message = error instanceof Error ? error.message : String(error);
    if (!known) this.logger.warn(`Sign-in failed: ${message}`);
    const problem = known ? message : `Sign-in is not possible right now: ${message}`;
    res.setHeader('cache-control', 'no-store');
    res.redirect(303, `${this.baseUrl(req)}/#/signin?problem=${encodeURIComponent(problem)}`);
  }

  private baseUrl(req: SignInRequest): string {
    return this.settings.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  }

  private secure(req: SignInRequest): boolean {
    return this.settings.publicUrl ? this.settings.publicUrl.startsWith('https:') : req.secure;
  }
}
