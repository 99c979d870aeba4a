export const JWT_SECRET = Symbol('JwtSecret');
/** How bearer tokens are checked (see tokens.ts): the secret's HS256 verifier, with verified tokens remembered. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
