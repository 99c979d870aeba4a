export const JWT_SECRET = Symbol('JwtSecret');
