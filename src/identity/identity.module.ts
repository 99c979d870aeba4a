import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { JWT_SECRET } from '../shared/auth/auth.tokens';
import { issuerTokenVerifier } from '../shared/auth/issuer-tokens';
import { TOKEN_VERIFIER, tokenVerifier } from '../shared/auth/token-verification';
import { rememberVerifiedTokens } from '../shared/auth/verified-token-cache';
import { OpenIdProvider } from './openid-provider';
import { SIGN_IN_SETTINGS, SignInController } from './sign-in.controller';

/**
 * Who is calling: bearer tokens signed with the service's secret or by the identity provider, and
 * dashboard sessions opened by signing in with the provider.
 */
@Module({})
export class IdentityModule {
  static register(config: AppConfig): DynamicModule {
    const settings = config.identityProvider;
    const provider = settings ? new OpenIdProvider(settings) : null;
    const issuer =
      settings &&
      provider &&
      issuerTokenVerifier({
        issuer: settings.issuer,
        audience: settings.audience,
        claims: settings.claims,
        discover: () => provider.keys(),
        refetchCooldownMs: settings.keysRefetchCooldownSeconds * 1000,
      });
    return {
      module: IdentityModule,
      controllers: [SignInController],
      providers: [
        { provide: OpenIdProvider, useValue: provider },
        { provide: SIGN_IN_SETTINGS, useValue: { publicUrl: config.publicUrl, identityProvider: settings } },
        {
          provide: TOKEN_VERIFIER,
          inject: [JWT_SECRET],
          useFactory: (secret: string) => rememberVerifiedTokens(tokenVerifier(secret, issuer)),
        },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
