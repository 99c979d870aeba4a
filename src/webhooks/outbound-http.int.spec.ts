import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseNetworks } from './domain/outbound-address';
import { postWebhook } from './outbound-http';

/** A receiver on 127.0.0.1 answering as each test says, counting what reaches it. */
describe('posting a webhook over HTTP', () => {
  let server: Server;
  let port: number;
  let reached: number;
  let answer: (respond: (status: number, body?: string, headers?: Record<string, string>) => void) => void;

  beforeEach(async () => {
    reached = 0;
    server = createServer((request, response) => {
      reached++;
      request.resume();
      request.on('end', () =>
        answer((status, body = '', headers = {}) => response.writeHead(status, headers).end(body)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const loopback = { allowedNetworks: parseNetworks('127.0.0.1'), timeoutMs: 2000 };
  const post = (url: string) => ({ url, headers: { 'webhook-id': 'msg_1' }, body: '{"type":"X"}' });

  it('delivers to an allowed address and keeps only an excerpt of the answer', async () => {
    answer = (respond) => respond(200, 'y'.repeat(10_000));
    const result = await postWebhook(post(`http://127.0.0.1:${port}/hook`), loopback);
    expect(result).toEqual({ delivered: true, status: 200, excerpt: 'y'.repeat(200), error: null });
  });

  it('refuses a loopback address outside the allow-list without connecting', async () => {
    answer = (respond) => respond(200);
    const result = await postWebhook(post(`http://127.0.0.1:${port}/hook`), { allowedNetworks: [], timeoutMs: 2000 });
    expect(result).toMatchObject({
      delivered: false,
      status: null,
      error: expect.stringMatching(/^not sent: 127\.0\.0\.1 is a loopback address/),
    });
    expect(reached).toBe(0);
  });

  it('resolves a name at send time and refuses it when it resolves to a refused address', async () => {
    answer = (respond) => respond(200);
    const result = await postWebhook(post(`http://localhost:${port}/hook`), { allowedNetworks: [], timeoutMs: 2000 });
    expect(result).toMatchObject({
      delivered: false,
      error: expect.stringMatching(/^not sent: localhost resolves to .* loopback address/),
    });
    expect(reached).toBe(0);
  });

  it('does not follow a redirect', async () => {
    answer = (respond) => respond(302, '', { location: 'http://169.254.169.254/latest/meta-data' });
    const result = await postWebhook(post(`http://127.0.0.1:${port}/hook`), loopback);
    expect(result).toMatchObject({
      delivered: false,
      status: 302,
      error: 'redirect to http://169.254.169.254/latest/meta-data not followed',
    });
    expect(reached).toBe(1);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = () => undefined;
    const result = await postWebhook(post(`http://127.0.0.1:${port}/hook`), { ...loopback, timeoutMs: 200 });
    expect(result).toEqual({ delivered: false, status: null, excerpt: null, error: 'no answer within 200 ms' });
  });
});
