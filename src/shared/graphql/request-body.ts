import { NestExpressApplication } from '@nestjs/platform-express';

/** Largest JSON request body the service reads: 1 MiB, far above any query or command it expects. */
export const REQUEST_BODY_LIMIT_BYTES = 1024 * 1024;

/** What body-parser attaches to the errors it raises (see the `http-errors` package). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

interface ErrorResponse {
  headersSent: boolean;
  status(code: number): ErrorResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
}
type Next = (error?: unknown) => void;

interface BodyErrorAnswer {
  status: number;
  message: string;
  code: 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST';
  limit?: number;
}

function answerFor(error: BodyParserError): BodyErrorAnswer | null {
  switch (error.type) {
    case 'entity.too.large': {
      const limit = error.limit ?? REQUEST_BODY_LIMIT_BYTES;
      const mib = Number((limit / (1024 * 1024)).toFixed(2));
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than ${mib} MB (${limit} bytes), the most the service accepts`,
        limit,
      };
    }
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'BAD_REQUEST', message: 'The request body must be JSON in UTF-8, uncompressed' };
    default:
      if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
        return { status: error.status, code: 'BAD_REQUEST', message: 'The request body could not be read' };
      }
      return null;
  }
}

/**
 * Reads JSON bodies up to the limit and answers a body that cannot be read the way GraphQL errors
 * are answered (`{ errors: [{ message, extensions: { code } }] }`), so clients parse one shape and
 * no HTML page or parser message leaves the service. Must run before any route is registered.
 */
export function readJsonBodies(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT_BYTES });
  app.use((error: BodyParserError, _req: unknown, res: ErrorResponse, next: Next) => {
    const answer = error && typeof error === 'object' && !res.headersSent ? answerFor(error) : null;
    if (!answer) return next(error);
    const extensions = { code: answer.code, ...(answer.limit === undefined ? {} : { limit: answer.limit }) };
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.status(answer.status).send(JSON.stringify({ errors: [{ message: answer.message, extensions }] }));
  });
}
