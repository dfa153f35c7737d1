/**
 * The offline guard's reading of the operating system's state (db/offline-guard.ts): routing
 * tables as Linux and Windows print them, addresses as Node reports them, the minute-by-minute
 * check, and the audit row written when the verdict changes. The real kernel's verdict, in network
 * namespaces, is in offline-guard-netns.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, type NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLabel } from '../../core/audit-catalogue.ts';
import {
  globalAddresses,
  internetRoute,
  isGlobalAddress,
  linuxDefaultRoutes4,
  linuxDefaultRoutes6,
  OfflineGuard,
  recordRouteChange,
  routeVerdict,
  windowsDefaultRoutes,
  type RouteVerdict,
  watchInternet,
} from '../../db/offline-guard.ts';
import { Workspace } from '../../db/workspace.ts';
import { verifyFile } from '../../db/verify.ts';
import { newService, setCongress } from '../db/helpers.ts';

const ROUTE_HEADER =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
const route4 = (...rows: string[]) => [ROUTE_HEADER, ...rows, ''].join('\n');
const DEFAULT_VIA_192_168_1_1 = 'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0';
const LAN_192_168_1 = 'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0';
const DEFAULT_DOWN = 'eth0\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0';

const Z32 = '0'.repeat(32);
const route6 = (dest: string, prefix: string, hop: string, flags: string, iface: string) =>
  `${dest} ${prefix} ${Z32} 00 ${hop} 00000400 00000001 00000000 ${flags}     ${iface}`;
// The kernel's own "unreachable" ::/0 on the loopback, present on every Linux.
const UNREACHABLE_LO = route6(Z32, '00', Z32, '00200200', 'lo');
const V6_DEFAULT = route6(Z32, '00', `fe80${'0'.repeat(24)}0001`, '00000003', 'eth0');
const V6_LINK = route6(`fe80${'0'.repeat(28)}`, '40', Z32, '00000001', 'eth0');

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family,
    internal,
    netmask: '',
    mac: '00:00:00:00:00:00',
    cidr: null,
    scopeid: 0,
  }) as NetworkInterfaceInfo;
const LOOPBACK = { lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)] };

describe('Linux routing tables', () => {
  it('finds an IPv4 default route that is up, with its gateway', () => {
    expect(linuxDefaultRoutes4(route4(LAN_192_168_1, DEFAULT_VIA_192_168_1_1))).toEqual([
      'via 192.168.1.1 on wlan0',
    ]);
    expect(linuxDefaultRoutes4(route4(LAN_192_168_1))).toEqual([]);
    expect(linuxDefaultRoutes4(route4(DEFAULT_DOWN))).toEqual([]);
    expect(linuxDefaultRoutes4('')).toEqual([]);
    // A default route straight on a link (a point-to-point modem).
    expect(
      linuxDefaultRoutes4(route4('ppp0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0')),
    ).toEqual(['on ppp0']);
  });

  it('finds an IPv6 default route, not the kernel’s unreachable one on the loopback', () => {
    expect(linuxDefaultRoutes6([V6_LINK, UNREACHABLE_LO].join('\n'))).toEqual([]);
    expect(linuxDefaultRoutes6([V6_LINK, V6_DEFAULT, UNREACHABLE_LO].join('\n'))).toEqual([
      'via fe80:0:0:0:0:0:0:1 on eth0',
    ]);
    expect(linuxDefaultRoutes6('garbage\n\n')).toEqual([]);
  });
});

describe('Windows routing table (route print)', () => {
  const print = (active: string[], persistent: string[] = []) =>
    [
      '===========================================================================',
      'IPv4 Route Table',
      '===========================================================================',
      'Active Routes:',
      'Network Destination        Netmask          Gateway       Interface  Metric',
      ...active,
      '===========================================================================',
      'Persistent Routes:',
      '  Network Address          Netmask  Gateway Address  Metric',
      ...persistent,
      '',
      'IPv6 Route Table',
      'Active Routes:',
      ' If Metric Network Destination      Gateway',
      '  1    331 ::1/128                  On-link',
      ' 12    281 fe80::/64                On-link',
    ].join('\r\n');

  it('finds an active IPv4 default route, not a persistent one', () => {
    const lan = '      192.168.1.0    255.255.255.0         On-link     192.168.1.20    281';
    const dflt = '          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.20     25';
    expect(windowsDefaultRoutes(print([lan, dflt]))).toEqual(['via 192.168.1.1 on 192.168.1.20']);
    expect(windowsDefaultRoutes(print([lan]))).toEqual([]);
    expect(
      windowsDefaultRoutes(
        print([lan], ['          0.0.0.0          0.0.0.0      192.168.1.1  Default']),
      ),
    ).toEqual([]);
  });

  it('finds an IPv6 default route', () => {
    const text = `${print([])}\r\n 12    281 ::/0                     fe80::1\r\n`;
    expect(windowsDefaultRoutes(text)).toEqual(['via fe80::1 on interface 12']);
  });
});

describe('global addresses', () => {
  it('private, shared, link-local, loopback, documentation and multicast are not global', () => {
    // Every one refused: the list of those taken for global is empty.
    const v4 = [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.20',
      '169.254.10.1',
      '127.0.0.1',
      '100.64.0.1',
      '192.0.2.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.251',
      '0.0.0.0',
      'not an address',
    ];
    expect(v4.filter((a) => isGlobalAddress(a, 'IPv4'))).toEqual([]);
    const v6 = ['::1', 'fe80::1%eth0', 'fd00::2', 'fc00::1', '2001:db8::1', 'ff02::1', '::'];
    expect(v6.filter((a) => isGlobalAddress(a, 'IPv6'))).toEqual([]);
  });

  it('public addresses are', () => {
    for (const a of ['1.2.3.4', '8.8.8.8', '172.32.0.1', '11.0.0.1', '113.160.0.1']) {
      expect(isGlobalAddress(a, 'IPv4'), a).toBe(true);
    }
    for (const a of ['2001:ee0:4f1::5', '2402:800::1', '2a00:1450::1']) {
      expect(isGlobalAddress(a, 'IPv6'), a).toBe(true);
    }
  });

  it('internal interfaces are skipped even with a public address', () => {
    expect(
      globalAddresses({
        ...LOOPBACK,
        eth0: [
          iface('192.168.1.20', 'IPv4'),
          iface('fe80::2', 'IPv6'),
          iface('2402:800::5', 'IPv6'),
        ],
        odd: [iface('8.8.8.8', 'IPv4', true)],
      }),
    ).toEqual(['2402:800::5 on eth0']);
  });
});

describe('the verdict', () => {
  const linux = (ipv4Routes: string, interfaces = {}) =>
    routeVerdict({
      platform: 'linux',
      ipv4Routes,
      ipv6Routes: UNREACHABLE_LO,
      interfaces: { ...LOOPBACK, ...interfaces },
    });

  it('a closed LAN (private addresses, no default route) is offline', () => {
    expect(linux(route4(LAN_192_168_1), { eth0: [iface('192.168.1.20', 'IPv4')] })).toEqual({
      online: false,
      reason: 'no default route, no global address',
    });
  });

  it('a default route, or a global address, is online', () => {
    expect(linux(route4(LAN_192_168_1, DEFAULT_VIA_192_168_1_1))).toEqual({
      online: true,
      reason: 'default route via 192.168.1.1 on wlan0',
    });
    expect(linux(route4(), { eth0: [iface('113.160.0.1', 'IPv4')] })).toEqual({
      online: true,
      reason: 'global address 113.160.0.1 on eth0',
    });
  });

  it('Windows without a readable routing table still looks at the addresses', () => {
    expect(routeVerdict({ platform: 'win32', routePrint: null, interfaces: LOOPBACK })).toEqual({
      online: false,
      reason: 'no global address (the routing table could not be read)',
    });
  });

  it('reads this machine without failing (its verdict depends on where the tests run)', () => {
    const verdict = internetRoute();
    expect(typeof verdict.online).toBe('boolean');
    expect(verdict.reason.length).toBeGreaterThan(0);
  });
});

describe('OfflineGuard', () => {
  afterEach(() => void vi.useRealTimers());

  it('checks at start and every minute, reporting each change of verdict once', () => {
    vi.useFakeTimers();
    const answers: RouteVerdict[] = [
      { online: false, reason: 'a' },
      { online: false, reason: 'b' },
      { online: true, reason: 'c' },
      { online: true, reason: 'd' },
      { online: false, reason: 'e' },
    ];
    let checks = 0;
    const changes: [string, string | null][] = [];
    const guard = new OfflineGuard(
      (v, previous) => changes.push([v.reason, previous?.reason ?? null]),
      () => answers[Math.min(checks++, answers.length - 1)]!,
    );
    expect(guard.start()).toEqual({ online: false, reason: 'a' });
    expect(changes).toEqual([['a', null]]);
    vi.advanceTimersByTime(59_999);
    expect(checks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(checks).toBe(2);
    vi.advanceTimersByTime(3 * 60_000);
    expect(checks).toBe(5);
    expect(changes).toEqual([
      ['a', null],
      ['c', 'b'],
      ['e', 'd'],
    ]);
    expect(guard.current).toEqual({ online: false, reason: 'e' });
    guard.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(checks).toBe(5);
  });
});

describe('the audit row', () => {
  it('is written into the congress file’s log, labelled, and verify still holds', () => {
    const service = newService();
    setCongress(service, { name: 'Đại hội Đảng bộ xã An Bình', organisation: 'Đảng bộ xã' });
    const online = recordRouteChange(
      service.db,
      { online: true, reason: 'default route via 192.168.1.1 on wlan0' },
      '2026-05-01T08:00:00.000Z',
    );
    const offline = recordRouteChange(
      service.db,
      { online: false, reason: 'no default route, no global address' },
      '2026-05-01T08:05:00.000Z',
    );
    expect(online.command).toBe('internetConnected');
    expect(offline.command).toBe('internetDisconnected');
    expect(offline.seq).toBe(online.seq + 1);
    expect(JSON.parse(online.payload)).toEqual({
      online: true,
      reason: 'default route via 192.168.1.1 on wlan0',
    });
    expect(auditLabel('internetConnected', 'vi')).toBe('Máy tính có kết nối Internet');
    expect(auditLabel('internetDisconnected', 'en')).toBe(
      'Computer no longer connected to the Internet',
    );
    const verified = verifyFile(service.db);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.auditRows).toBe(3);
  });
});

describe('watchInternet: the guard as a host runs it over its workspace', () => {
  afterEach(() => void vi.useRealTimers());

  const guardRows = (workspace: Workspace) =>
    (
      workspace.service!.db.prepare('SELECT command, payload FROM audit ORDER BY seq').all() as {
        command: string;
        payload: string;
      }[]
    ).filter((r) => r.command.startsWith('internet'));

  it('writes one row per change into the open file, and one when a file is opened online', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-guard-'));
    const workspace = new Workspace({ home: dir, options: { backups: false } });
    const details = {
      name: 'Đại hội Đảng bộ xã An Bình',
      organisation: 'Đảng bộ xã',
      kind: 'delegates',
    };
    const a = join(dir, 'a.kiemphieu');
    const b = join(dir, 'b.kiemphieu');
    expect((await workspace.create(a, details)).ok).toBe(true);
    let online = false;
    const warnings: string[] = [];
    const watch = watchInternet(workspace, {
      check: () =>
        online
          ? { online: true, reason: 'default route via 192.168.1.1 on wlan0' }
          : { online: false, reason: 'no default route, no global address' },
      now: () => '2026-05-01T08:00:00.000Z',
      warn: (w) => warnings.push(w),
    });
    // Offline at start: the normal state, nothing written.
    expect(watch.current()).toEqual({
      online: false,
      reason: 'no default route, no global address',
    });
    expect(guardRows(workspace)).toEqual([]);
    online = true;
    vi.advanceTimersByTime(60_000);
    vi.advanceTimersByTime(60_000);
    expect(guardRows(workspace).map((r) => r.command)).toEqual(['internetConnected']);
    expect(watch.current()?.online).toBe(true);
    // A file created while online says so once (create opens, then names the file: one row).
    expect((await workspace.create(b, details)).ok).toBe(true);
    expect(guardRows(workspace)).toEqual([
      {
        command: 'internetConnected',
        payload: JSON.stringify({ online: true, reason: 'default route via 192.168.1.1 on wlan0' }),
      },
    ]);
    online = false;
    vi.advanceTimersByTime(60_000);
    expect(guardRows(workspace).map((r) => r.command)).toEqual([
      'internetConnected',
      'internetDisconnected',
    ]);
    // Reopening the first file offline writes nothing more into it.
    expect((await workspace.open(a)).ok).toBe(true);
    expect(guardRows(workspace).map((r) => r.command)).toEqual(['internetConnected']);
    expect(verifyFile(workspace.service!.db).ok).toBe(true);
    expect(warnings).toEqual([
      'kiem-phieu: this computer is connected to the Internet (default route via 192.168.1.1 on wlan0)',
    ]);
    watch.stop();
    online = true;
    vi.advanceTimersByTime(10 * 60_000);
    expect(guardRows(workspace).map((r) => r.command)).toEqual(['internetConnected']);
    await workspace.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
