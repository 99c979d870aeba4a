import { addressRefusal, classifyAddress, hostRefusal, isIpAddress, parseNetworks } from './outbound-address';

describe('the class of an address a webhook would reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
  ])('an IPv6 form of an IPv4 address is judged as the IPv4 address: %s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '2606:4700::1111', '2a00:1450::'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBe('public');
    },
  );

  it.each(['example.com', '1.2.3', '1.2.3.256', '01.2.3.4', '1::2::3', '12345::', 'gggg::1', '1:2:3:4:5:6:7:8:9'])(
    '%s is not an address',
    (text) => {
      expect(classifyAddress(text)).toBeNull();
      expect(isIpAddress(text)).toBe(false);
    },
  );
});

describe('refusing an address', () => {
  it('sends to public addresses without any allow-list', () => {
    expect(addressRefusal('93.184.216.34', [])).toBeNull();
    expect(addressRefusal('2606:4700::1111', [])).toBeNull();
  });

  it.each(['127.0.0.1', '::1', '10.0.0.8', '192.168.0.1', '169.254.169.254', 'fe80::2', '0.0.0.0', '::ffff:127.0.0.1'])(
    'refuses %s by default, naming what it is and the variable that would allow it',
    (address) => {
      expect(addressRefusal(address, [])).toMatch(
        /is a (loopback|private|link-local|unspecified) address; .*WEBHOOK_ALLOWED_NETWORKS/,
      );
    },
  );

  it('sends to a private address inside a listed network, and only there', () => {
    const allowed = parseNetworks('10.20.0.0/16, 127.0.0.1 fd00::/8');
    expect(addressRefusal('10.20.3.4', allowed)).toBeNull();
    expect(addressRefusal('127.0.0.1', allowed)).toBeNull();
    expect(addressRefusal('::ffff:127.0.0.1', allowed)).toBeNull();
    expect(addressRefusal('fd00::5', allowed)).toBeNull();
    expect(addressRefusal('10.21.0.1', allowed)).toMatch(/private/);
    expect(addressRefusal('127.0.0.2', allowed)).toMatch(/loopback/);
    expect(addressRefusal('::1', allowed)).toMatch(/loopback/);
    expect(addressRefusal('169.254.169.254', allowed)).toMatch(/link-local/);
  });

  it('refuses a bad allow-list entry with its reason', () => {
    expect(() => parseNetworks('10.0.0.0/33')).toThrow('prefix length outside 0 to 32');
    expect(() => parseNetworks('intranet')).toThrow('"intranet" is not an IP address or network');
    expect(() => parseNetworks('10.0.0.0/8/1')).toThrow('not an IP address or network');
    expect(parseNetworks(' ')).toEqual([]);
  });
});

describe('what a URL host tells before DNS is asked', () => {
  it('refuses literal addresses and local names outside the allow-list', () => {
    expect(hostRefusal('127.0.0.1', [])).toMatch(/loopback/);
    expect(hostRefusal('[::1]', [])).toMatch(/loopback/);
    expect(hostRefusal('localhost', [])).toMatch(/local host/);
    expect(hostRefusal('api.localhost', [])).toMatch(/local host/);
    expect(hostRefusal('[fe80::1]', [])).toMatch(/link-local/);
  });

  it('leaves a name to the check at send time, and allows listed addresses', () => {
    expect(hostRefusal('hooks.example.com', [])).toBeNull();
    expect(hostRefusal('127.0.0.1', parseNetworks('127.0.0.0/8'))).toBeNull();
    expect(hostRefusal('localhost', parseNetworks('127.0.0.1'))).toBeNull();
  });
});
