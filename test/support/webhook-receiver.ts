import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How the receiver answers a request: a status (and body), or no answer at all until released. */
export type Answer = { status: number; body?: string } | 'hold';

/**
 * A webhook receiver on 127.0.0.1, as a real one would run: it records every request, answers as
 * a test says, can hold requests unanswered, and can go down and come back up on the same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  answer: (request: ReceivedRequest) => Answer = () => ({ status: 204 });
  private readonly held: ServerResponse[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  private constructor(public port: number) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0);
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/pilotlog`;
  }

  /** Requests received and still waiting for an answer. */
  get holding(): number {
    return this.held.filter((response) => !response.writableEnded && !response.destroyed).length;
  }

  async up(): Promise<void> {
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received: ReceivedRequest = {
          path: request.url ?? '',
          headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(received);
        const answer = this.answer(received);
        if (answer === 'hold') {
          this.held.push(response);
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: connections are refused until `up()` again. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers every held request with this status. */
  release(status = 204): void {
    for (const response of this.held.splice(0)) {
      if (!response.writableEnded && !response.destroyed) response.writeHead(status).end();
    }
  }

  /** The requests carrying this webhook-id. */
  withId(id: string): ReceivedRequest[] {
    return this.received.filter((request) => request.headers['webhook-id'] === id);
  }

  /** The bodies received, parsed. */
  messages<T = any>(): T[] {
    return this.received.map((request) => JSON.parse(request.body) as T);
  }
}

/** Waits, polling, until `condition` holds. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Lets the service run for a while, for assertions that something did not happen. */
export function someTicks(ms = 600): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
