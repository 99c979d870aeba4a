import { InvalidTokenError, secretVerifier, signToken, TokenVerifier, VerifiedTokenCache } from './tokens';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-signing';

/** The real HS256 verifier, counting how often it is asked. */
function counted(verifier: TokenVerifier): TokenVerifier & { calls: number } {
  const counter = {
    calls: 0,
    verify: (token: string) => {
      counter.calls++;
      return verifier.verify(token);
    },
  };
  return counter;
}

describe('remembered token verifications', () => {
  let clock: number;
  let inner: ReturnType<typeof counted>;
  let cache: VerifiedTokenCache;
  beforeEach(() => {
    clock = Date.now();
    inner = counted(secretVerifier(SECRET));
    cache = new VerifiedTokenCache(inner, { maxEntries: 2, maxAgeMs: 60_000, now: () => clock });
  });

  it('checks a token once, then answers the same principal from memory', async () => {
    const token = await signToken(SECRET, { sub: 'dana', role: 'DIRECTOR', teams: ['smb'] });
    const first = await cache.verify(token);
    const again = await cache.verify(token);
    expect(first.principal).toEqual({ sub: 'dana', role: 'DIRECTOR', teams: ['smb'] });
    expect(again.principal).toEqual(first.principal);
    expect(inner.calls).toBe(1);
  });

  it('checks the token again once its own expiry or the longest trust has passed', async () => {
    const shortLived = await signToken(SECRET, { sub: 'dana', role: 'VIEWER', teams: '*' }, '1h');
    const { expiresAt } = await cache.verify(shortLived);
    clock = expiresAt;
    // The real verifier runs on the real clock and still accepts it; what matters is that it was asked.
    await cache.verify(shortLived);
    expect(inner.calls).toBe(2);

    const other = await signToken(SECRET, { sub: 'erin', role: 'VIEWER', teams: '*' }, '12h');
    clock = Date.now();
    await cache.verify(other);
    clock += 60_001;
    await cache.verify(other);
    expect(inner.calls).toBe(4);
  });

  it('never remembers a refused token', async () => {
    const forged = await signToken('another-secret-that-is-long-enough-for-hs256', {
      sub: 'mallory',
      role: 'DIRECTOR',
      teams: '*',
    });
    await expect(cache.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(cache.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most maxEntries tokens, forgetting the least recently used', async () => {
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map((sub) => signToken(SECRET, { sub, role: 'VIEWER', teams: '*' })),
    );
    await cache.verify(tokens[0]);
    await cache.verify(tokens[1]);
    await cache.verify(tokens[0]);
    await cache.verify(tokens[2]);
    expect(inner.calls).toBe(3);
    await cache.verify(tokens[0]);
    expect(inner.calls).toBe(3);
    await cache.verify(tokens[1]);
    expect(inner.calls).toBe(4);
  });
});
