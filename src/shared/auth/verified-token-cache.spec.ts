import { decodeJwt } from 'jose';
import { InvalidTokenError, signToken, verifyToken } from './tokens';
import { VerifyToken } from './token-verification';
import { rememberVerifiedTokens } from './verified-token-cache';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-signing';

/** The real HS256 verifier, counting how often it is asked. */
function counted(): VerifyToken & { calls: number } {
  const verify = Object.assign(
    (token: string) => {
      verify.calls++;
      return verifyToken(SECRET, token);
    },
    { calls: 0 },
  );
  return verify;
}

describe('remembered token verifications', () => {
  let clock: number;
  let inner: ReturnType<typeof counted>;
  let verify: VerifyToken;
  beforeEach(() => {
    clock = Date.now();
    inner = counted();
    verify = rememberVerifiedTokens(inner, { maxEntries: 2, maxAgeMs: 60_000, now: () => clock });
  });

  it('checks a token once, then answers the same principal from memory', async () => {
    const token = await signToken(SECRET, { sub: 'dana', role: 'DIRECTOR', teams: ['smb'] });
    const first = await verify(token);
    const again = await verify(token);
    expect(first).toEqual({ sub: 'dana', role: 'DIRECTOR', teams: ['smb'] });
    expect(again).toEqual(first);
    expect(inner.calls).toBe(1);
  });

  it('checks the token again once its own expiry or the longest trust has passed', async () => {
    const shortLived = await signToken(SECRET, { sub: 'dana', role: 'VIEWER', teams: '*' }, '1h');
    await verify(shortLived);
    clock = decodeJwt(shortLived).exp! * 1000;
    // The real verifier runs on the real clock and still accepts it; what matters is that it was asked.
    await verify(shortLived);
    expect(inner.calls).toBe(2);

    const other = await signToken(SECRET, { sub: 'erin', role: 'VIEWER', teams: '*' }, '12h');
    clock = Date.now();
    await verify(other);
    clock += 60_001;
    await verify(other);
    expect(inner.calls).toBe(4);
  });

  it('never remembers a refused token', async () => {
    const forged = await signToken('another-secret-that-is-long-enough-for-hs256', {
      sub: 'mallory',
      role: 'DIRECTOR',
      teams: '*',
    });
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most maxEntries tokens, forgetting the least recently used', async () => {
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map((sub) => signToken(SECRET, { sub, role: 'VIEWER', teams: '*' })),
    );
    await verify(tokens[0]);
    await verify(tokens[1]);
    await verify(tokens[0]);
    await verify(tokens[2]);
    expect(inner.calls).toBe(3);
    await verify(tokens[0]);
    expect(inner.calls).toBe(3);
    await verify(tokens[1]);
    expect(inner.calls).toBe(4);
  });
});
