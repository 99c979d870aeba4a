// express ships no types here (no @types/express installed); the bench only needs it untyped.
declare module 'express';
