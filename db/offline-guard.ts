/**
 * The offline guard: whether this computer has a route to the Internet, told from the operating
 * system's own state — a default route, or an interface with a global address — without sending
 * a single packet. Party documents are not processed on a computer connected to the Internet; a
 * closed LAN (private addresses, no default route) is not a connection.
 *
 * Linux: /proc/net/route, /proc/net/ipv6_route and the interfaces' addresses, in full.
 * Windows: `route print` (reads the local routing table) and the addresses — best effort.
 * Elsewhere: the addresses only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { SystemEventName } from '../core/audit-catalogue.ts';
import { appendAudit, type AuditRow } from './audit.ts';
import type { Db } from './connection.ts';
import type { Workspace } from './workspace.ts';

export interface RouteVerdict {
  readonly online: boolean;
  /** Why, in plain words (English; the banner has its own text): the route or address found. */
  readonly reason: string;
}

/** What the verdict is made from, as read from the operating system. */
export interface RouteState {
  readonly platform: NodeJS.Platform;
  /** Linux: the text of /proc/net/route ('' when absent). */
  readonly ipv4Routes?: string;
  /** Linux: the text of /proc/net/ipv6_route ('' when IPv6 is off). */
  readonly ipv6Routes?: string;
  /** Windows: the output of `route print` (null when it could not run). */
  readonly routePrint?: string | null;
  readonly interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

const RTF_UP = 0x1;
const RTF_REJECT = 0x200;

/** Little-endian hex of /proc/net/route to dotted IPv4. */
const ipv4FromHex = (hex: string): string => {
  const n = Number.parseInt(hex, 16);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.');
};

/** The IPv4 default routes of /proc/net/route that are up: "via GATEWAY on IFACE". */
export function linuxDefaultRoutes4(table: string): string[] {
  const found: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const [iface, destination, gateway, flags, , , , mask] = line.trim().split(/\s+/u);
    if (iface === undefined || mask === undefined || flags === undefined) continue;
    if (destination !== '00000000' || mask !== '00000000') continue;
    if ((Number.parseInt(flags, 16) & RTF_UP) === 0) continue;
    found.push(gateway === '00000000' ? `on ${iface}` : `via ${ipv4FromHex(gateway!)} on ${iface}`);
  }
  return found;
}

const ipv6FromHex = (hex: string): string =>
  (hex.match(/.{4}/gu) ?? []).map((g) => g.replace(/^0+(?=.)/u, '')).join(':');

/**
 * The IPv6 default routes (::/0) of /proc/net/ipv6_route that are up and not the kernel's
 * "unreachable" placeholder on the loopback.
 */
export function linuxDefaultRoutes6(table: string): string[] {
  const found: string[] = [];
  for (const line of table.split('\n')) {
    const f = line.trim().split(/\s+/u);
    if (f.length < 10) continue;
    const [destination, prefix, , , nextHop, , , , flags, iface] = f;
    if (!/^0{32}$/u.test(destination!) || prefix !== '00') continue;
    const bits = Number.parseInt(flags!, 16);
    if ((bits & RTF_UP) === 0 || (bits & RTF_REJECT) !== 0 || iface === 'lo') continue;
    found.push(
      /^0{32}$/u.test(nextHop!) ? `on ${iface}` : `via ${ipv6FromHex(nextHop!)} on ${iface}`,
    );
  }
  return found;
}

/** The default routes in the active part of Windows' `route print` (IPv4 0.0.0.0/0, IPv6 ::/0). */
export function windowsDefaultRoutes(output: string): string[] {
  const found: string[] = [];
  for (const line of output.split(/\r?\n/u)) {
    // Active IPv4 rows have five columns (persistent ones four): destination mask gateway interface metric.
    const v4 = /^\s*0\.0\.0\.0\s+0\.0\.0\.0\s+(\S+)\s+(\S+)\s+\d+\s*$/u.exec(line);
    if (v4 !== null) found.push(`via ${v4[1]} on ${v4[2]}`);
    // IPv6 rows: interface index, metric, destination, gateway.
    const v6 = /^\s*(\d+)\s+\d+\s+::\/0\s+(\S+)\s*$/u.exec(line);
    if (v6 !== null) found.push(`via ${v6[2]} on interface ${v6[1]}`);
  }
  return found;
}

const ipv4Number = (address: string): number | null => {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    return null;
  }
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
};

/** IPv4 ranges that are not reachable from the Internet (RFC 6890 special-purpose blocks). */
const IPV4_NOT_GLOBAL: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/** Whether an address is global: reachable from the Internet, not private, link-local or loopback. */
export function isGlobalAddress(address: string, family: 'IPv4' | 'IPv6'): boolean {
  if (family === 'IPv4') {
    const n = ipv4Number(address);
    if (n === null) return false;
    return !IPV4_NOT_GLOBAL.some(([base, bits]) => {
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      return (n & mask) >>> 0 === (ipv4Number(base)! & mask) >>> 0;
    });
  }
  const lower = address.toLowerCase().split('%')[0]!;
  const first = Number.parseInt(lower.split(':')[0] || '0', 16);
  // Global unicast is 2000::/3; documentation (2001:db8::/32) is not.
  if ((first & 0xe000) !== 0x2000) return false;
  return !/^2001:0?db8:/u.test(lower);
}

/** The interfaces' global addresses: "ADDRESS on IFACE". */
export function globalAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found: string[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      const family = info.family === 'IPv4' || info.family === 'IPv6' ? info.family : null;
      if (info.internal || family === null) continue;
      if (isGlobalAddress(info.address, family)) found.push(`${info.address} on ${name}`);
    }
  }
  return found;
}

/** The verdict from a state already read (pure: what the tests feed it). */
export function routeVerdict(state: RouteState): RouteVerdict {
  const routes =
    state.platform === 'linux'
      ? [
          ...linuxDefaultRoutes4(state.ipv4Routes ?? ''),
          ...linuxDefaultRoutes6(state.ipv6Routes ?? ''),
        ]
      : state.platform === 'win32'
        ? windowsDefaultRoutes(state.routePrint ?? '')
        : [];
  const addresses = globalAddresses(state.interfaces);
  if (routes.length > 0) {
    return { online: true, reason: `default route ${routes.join('; ')}` };
  }
  if (addresses.length > 0) {
    return { online: true, reason: `global address ${addresses.join('; ')}` };
  }
  const seen =
    state.platform === 'linux'
      ? 'no default route, no global address'
      : state.platform === 'win32'
        ? state.routePrint === null
          ? 'no global address (the routing table could not be read)'
          : 'no default route, no global address'
        : `no global address (routes not read on ${state.platform})`;
  return { online: false, reason: seen };
}

const readText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Reads the state of this computer. `route print` is a local read: it sends nothing. */
export function readRouteState(platform: NodeJS.Platform = process.platform): RouteState {
  const interfaces = networkInterfaces();
  if (platform === 'linux') {
    return {
      platform,
      ipv4Routes: readText('/proc/net/route'),
      ipv6Routes: readText('/proc/net/ipv6_route'),
      interfaces,
    };
  }
  if (platform === 'win32') {
    let routePrint: string | null;
    try {
      routePrint = execFileSync('route', ['print'], {
        encoding: 'utf8',
        timeout: 5000,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      routePrint = null;
    }
    return { platform, routePrint, interfaces };
  }
  return { platform, interfaces };
}

/** Whether this computer has a route to the Internet now, and why. */
export function internetRoute(): RouteVerdict {
  return routeVerdict(readRouteState());
}

/** The audit events of the guard (core/audit-catalogue.ts): rows that change no table. */
export const ROUTE_EVENTS: Readonly<Record<'online' | 'offline', SystemEventName>> = {
  online: 'internetConnected',
  offline: 'internetDisconnected',
};
export const GUARD_ACTOR = 'Hệ thống (system)';

/** Writes the change into a congress file's audit log. */
export function recordRouteChange(db: Db, verdict: RouteVerdict, at: string): AuditRow {
  return db
    .transaction(() =>
      appendAudit(db, {
        at,
        actor: GUARD_ACTOR,
        command: verdict.online ? ROUTE_EVENTS.online : ROUTE_EVENTS.offline,
        payload: { online: verdict.online, reason: verdict.reason },
      }),
    )
    .immediate();
}

/**
 * Checks at start and then every minute; calls `onChange` with the first verdict and with each
 * verdict whose `online` differs from the last one.
 */
export class OfflineGuard {
  private timer: NodeJS.Timeout | null = null;
  private last: RouteVerdict | null = null;

  constructor(
    private readonly onChange: (verdict: RouteVerdict, previous: RouteVerdict | null) => void,
    private readonly check: () => RouteVerdict = internetRoute,
    private readonly intervalMs = 60_000,
  ) {}

  get current(): RouteVerdict | null {
    return this.last;
  }

  start(): RouteVerdict {
    const verdict = this.tick();
    if (this.timer === null) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      // The guard alone never keeps the process running.
      this.timer.unref();
    }
    return verdict;
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check now (also what the interval runs). */
  tick(): RouteVerdict {
    const verdict = this.check();
    const previous = this.last;
    this.last = verdict;
    if (previous === null || previous.online !== verdict.online) this.onChange(verdict, previous);
    return verdict;
  }
}

/** What a host tells its stations about the guard (the `internet` field of `whoami`). */
export type InternetState = RouteVerdict;

export interface InternetWatch {
  /** The last verdict, or null before the first check. */
  readonly current: () => InternetState | null;
  readonly stop: () => void;
}

/**
 * The guard as a host runs it: a check at start and every minute, over the host's workspace.
 * The open congress file's audit log gets a row when the verdict changes while it is open, and
 * when it is opened (or created) while the computer is online: so every file's log tells whether
 * it was worked on while connected, once per change, never every minute. Being offline is the
 * normal state: opening a file offline writes nothing.
 */
export function watchInternet(
  workspace: Workspace,
  {
    check = internetRoute,
    intervalMs = 60_000,
    now = () => new Date().toISOString(),
    warn = (text: string) => process.emitWarning(text),
  }: {
    check?: () => RouteVerdict;
    intervalMs?: number;
    now?: () => string;
    warn?: (text: string) => void;
  } = {},
): InternetWatch {
  // The file and verdict last written, so a file opened twice (create opens, then names it) or
  // reopened while nothing changed gets one row.
  let logged: { path: string; online: boolean } | null = null;
  const record = (verdict: RouteVerdict): void => {
    const service = workspace.service;
    if (service === null) return;
    try {
      recordRouteChange(service.db, verdict, now());
      logged = { path: service.path, online: verdict.online };
    } catch (e) {
      // The warning on screen matters more than the log row; a read-only file must not stop it.
      warn(`kiem-phieu: offline guard could not write the audit row: ${String(e)}`);
    }
  };
  const guard = new OfflineGuard(
    (verdict, previous) => {
      if (verdict.online)
        warn(`kiem-phieu: this computer is connected to the Internet (${verdict.reason})`);
      // The first verdict is news only when online; a change either way is news.
      if (previous !== null || verdict.online) record(verdict);
    },
    check,
    intervalMs,
  );
  const unsubscribe = workspace.subscribe((e) => {
    const verdict = guard.current;
    if (e.type !== 'file' || e.file === null || verdict?.online !== true) return;
    if (logged?.path === e.file.path && logged.online) return;
    record(verdict);
  });
  guard.start();
  return {
    current: () => guard.current,
    stop: () => {
      guard.stop();
      unsubscribe();
    },
  };
}
