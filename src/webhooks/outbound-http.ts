import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { DELIVERY_EXCERPT_MAX } from './domain/delivery.decide';
import { addressRefusal, isIpAddress, Network } from './domain/outbound-address';

export interface OutboundPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a POST went: the receiver's status and the start of its answer, or why there was none. */
export interface PostResult {
  delivered: boolean;
  status: number | null;
  excerpt: string | null;
  error: string | null;
}

export interface OutboundPolicy {
  allowedNetworks: readonly Network[];
  timeoutMs: number;
}

/** Read no more of an answer than this: the excerpt kept is shorter still. */
const READ_AT_MOST_BYTES = 4096;

class AddressRefused extends Error {}

/**
 * Resolves the host as the connection is made and refuses it when any of its addresses is outside
 * the policy; the socket connects to an address this function checked, so a name that resolves to
 * a public address here and to a private one a moment later (DNS rebinding) gains nothing.
 */
function checkedLookup(allowed: readonly Network[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, allowed);
        if (refusal) return callback(new AddressRefused(`${hostname} resolves to ${refusal}`), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      resolve(Buffer.concat(chunks).toString('utf8').slice(0, DELIVERY_EXCERPT_MAX));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= READ_AT_MOST_BYTES) done();
    });
    response.on('end', done);
    response.on('error', done);
    response.on('aborted', done);
  });
}

/**
 * POSTs one webhook message: addresses checked at send time, no redirect followed, one deadline
 * for connecting and answering, and no more of the answer kept than an excerpt.
 */
export function postWebhook(post: OutboundPost, policy: OutboundPolicy): Promise<PostResult> {
  const failed = (error: string): PostResult => ({ delivered: false, status: null, excerpt: null, error });
  let url: URL;
  try {
    url = new URL(post.url);
  } catch {
    return Promise.resolve(failed('the URL cannot be read'));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIpAddress(host)) {
    const refusal = addressRefusal(host, policy.allowedNetworks);
    if (refusal) return Promise.resolve(failed(`not sent: ${refusal}`));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const settle = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(post.body).toString(),
          'user-agent': 'pilotlog-webhooks',
          ...post.headers,
        },
        lookup: checkedLookup(policy.allowedNetworks),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        void readExcerpt(response).then((excerpt) => {
          const delivered = status >= 200 && status < 300;
          const redirect = status >= 300 && status < 400;
          settle({
            delivered,
            status,
            excerpt,
            error: delivered
              ? null
              : redirect
                ? `redirect to ${response.headers.location ?? 'nowhere'} not followed`
                : `the receiver answered ${status}`,
          });
        });
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      settle(failed(`no answer within ${policy.timeoutMs} ms`));
    }, policy.timeoutMs);
    request.on('error', (error) => {
      settle(failed(error instanceof AddressRefused ? `not sent: ${error.message}` : error.message));
    });
    request.end(post.body);
  });
}
