/**
 * Which addresses a webhook may be sent to. A webhook URL is chosen by a user, and the service
 * sends from inside the network it runs in, so an unchecked URL would let anyone with a director
 * token reach the service's own host, the cloud metadata endpoint or the office network. Only
 * public unicast addresses are reachable by default; an operator lists the private networks of
 * on-premises receivers explicitly.
 */

export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/** One entry of the allow-list: a network in CIDR notation (a bare address is a network of one). */
export interface Network {
  version: 4 | 6;
  base: bigint;
  prefix: number;
  /** As written, for messages. */
  text: string;
}

interface Address {
  version: 4 | 6;
  value: bigint;
}

function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIPv6(text: string): bigint | null {
  let rest = text.split('%')[0];
  // A trailing dotted quad stands for the last two groups: ::ffff:10.0.0.1 is ::ffff:a00:1.
  const lastColon = rest.lastIndexOf(':');
  const quad = rest.slice(lastColon + 1);
  if (lastColon >= 0 && quad.includes('.')) {
    const v4 = parseIPv4(quad);
    if (v4 === null) return null;
    rest = `${rest.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const back = halves.length === 2 ? groupsOf(halves[1]) : [];
  const missing = 8 - head.length - back.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...back];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

function parseAddress(text: string): Address | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseIPv4(bare);
  if (v4 !== null) return { version: 4, value: v4 };
  if (!bare.includes(':')) return null;
  const v6 = parseIPv6(bare);
  return v6 === null ? null : { version: 6, value: v6 };
}

/** True for an IPv4 or IPv6 address written as such (a URL host in brackets included). */
export function isIpAddress(text: string): boolean {
  return parseAddress(text) !== null;
}

function within(value: bigint, bits: number, base: bigint, prefix: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

const IPV4_RANGES: ReadonlyArray<[string, number, AddressClass]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6_RANGES: ReadonlyArray<[string, number, AddressClass]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  ['2001::', 32, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
];

/** IPv6 forms that carry an IPv4 address, which is what the packet reaches in the end. */
const EMBEDDED_IPV4: ReadonlyArray<[string, number, (value: bigint) => bigint]> = [
  ['::ffff:0:0', 96, (value) => value & 0xffffffffn],
  ['::', 96, (value) => value & 0xffffffffn],
  ['64:ff9b::', 96, (value) => value & 0xffffffffn],
  ['2002::', 16, (value) => (value >> 80n) & 0xffffffffn],
];

function classifyIPv4(value: bigint): AddressClass {
  for (const [base, prefix, kind] of IPV4_RANGES) {
    if (within(value, 32, parseIPv4(base)!, prefix)) return kind;
  }
  return 'public';
}

/** An IPv6 address that stands for an IPv4 one, as that IPv4 address; others as they are. */
function unwrap(address: Address): Address {
  if (address.version === 4) return address;
  for (const [base, prefix, extract] of EMBEDDED_IPV4) {
    if (address.value <= 1n) break;
    if (within(address.value, 128, parseIPv6(base)!, prefix)) return { version: 4, value: extract(address.value) };
  }
  return address;
}

function classify(address: Address): AddressClass {
  const unwrapped = unwrap(address);
  if (unwrapped.version === 4) return classifyIPv4(unwrapped.value);
  for (const [base, prefix, kind] of IPV6_RANGES) {
    if (within(unwrapped.value, 128, parseIPv6(base)!, prefix)) return kind;
  }
  return 'public';
}

/** The class of an IP address, or null when the text is not one. */
export function classifyAddress(text: string): AddressClass | null {
  const address = parseAddress(text);
  return address === null ? null : classify(address);
}

/** Parses the allow-list: networks in CIDR notation or single addresses, separated by commas or spaces. */
export function parseNetworks(list: string): Network[] {
  return list
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [addressText, prefixText, ...extra] = entry.split('/');
      const address = parseAddress(addressText);
      if (address === null || extra.length > 0) throw new Error(`"${entry}" is not an IP address or network`);
      const bits = address.version === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
      if (prefix < 0 || prefix > bits) throw new Error(`"${entry}" has a prefix length outside 0 to ${bits}`);
      return { version: address.version, base: address.value, prefix, text: entry };
    });
}

function inNetwork(address: Address, network: Network): boolean {
  if (address.version !== network.version) return false;
  return within(address.value, address.version === 4 ? 32 : 128, network.base, network.prefix);
}

/**
 * Why a webhook may not be sent to this address, or null when it may: public addresses always,
 * any other only when the allow-list names a network that holds it (as written or, for an IPv6
 * form of an IPv4 address, as the IPv4 address it stands for).
 */
export function addressRefusal(text: string, allowed: readonly Network[]): string | null {
  const address = parseAddress(text);
  if (address === null) return `${text} is not an IP address`;
  const kind = classify(address);
  if (kind === 'public') return null;
  const unwrapped = unwrap(address);
  if (allowed.some((network) => inNetwork(address, network) || inNetwork(unwrapped, network))) return null;
  return `${text} is a ${kind} address; list its network in WEBHOOK_ALLOWED_NETWORKS to send webhooks there`;
}

/** Names that are the local host by definition, whatever a resolver says (RFC 6761). */
export function isLocalHostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * What can be known of a URL's host without asking DNS: a refusal for an address outside the
 * allow-list or a local name, null otherwise (a name is resolved and checked again at send time).
 */
export function hostRefusal(host: string, allowed: readonly Network[]): string | null {
  if (isIpAddress(host)) return addressRefusal(host.replace(/^\[|\]$/g, ''), allowed);
  if (isLocalHostName(host)) return addressRefusal('127.0.0.1', allowed) && `${host} is the local host`;
  return null;
}
