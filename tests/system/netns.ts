/**
 * Network namespaces made for a test, against the real kernel (root and iproute2), none connected
 * to anything: each named with the test's prefix, and all deleted when the test is done.
 */
import { spawnSync } from 'node:child_process';

export const ip = (...args: string[]) => spawnSync('ip', args, { encoding: 'utf8' });

/** `ip …`, throwing with its message when it fails. */
export function run(...args: string[]): void {
  const r = ip(...args);
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
}

/**
 * A veth pair from `ns` (its end `dev`, up, with `address`) to `peer0` in `peer` (up): a link to
 * a namespace with nothing beyond it.
 */
export function veth(
  ns: string,
  peer: string,
  dev: string,
  address: string,
  family: '-4' | '-6' = '-4',
): void {
  run('link', 'add', dev, 'netns', ns, 'type', 'veth', 'peer', 'name', 'peer0', 'netns', peer);
  run('-n', ns, family, 'addr', 'add', address, 'dev', dev, ...(family === '-6' ? ['nodad'] : []));
  run('-n', ns, 'link', 'set', dev, 'up');
  run('-n', peer, 'link', 'set', 'peer0', 'up');
}

/** Why namespaces cannot be made here (`also`: a test's own needs), or null: then it runs. */
export function cannotRun(prefix: string, also: () => string | null = () => null): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'needs root (ip netns add)';
  if (ip('-V').status !== 0) return 'needs iproute2 (the ip command)';
  const more = also();
  if (more !== null) return more;
  const probe = `${prefix}probe`;
  const r = ip('netns', 'add', probe);
  if (r.status !== 0) return `ip netns add refused: ${r.stderr.trim()}`;
  ip('netns', 'del', probe);
  return null;
}

/** Makes namespaces `prefix` + name, each with its loopback up; `removeAll` deletes them. */
export function namespaces(prefix: string): {
  namespace: (name: string) => string;
  removeAll: () => void;
} {
  const created: string[] = [];
  return {
    namespace(name) {
      const ns = `${prefix}${name}`;
      run('netns', 'add', ns);
      created.push(ns);
      run('-n', ns, 'link', 'set', 'lo', 'up');
      return ns;
    },
    removeAll() {
      for (const ns of created.splice(0).reverse()) ip('netns', 'del', ns);
    },
  };
}
