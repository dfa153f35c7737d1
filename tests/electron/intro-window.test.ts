/**
 * The desktop host shows the candidates' introductions in the projector window: the operator's
 * "present" (window.open('#/intro?show=ID')) loads them there; the projector link brings the
 * figures back; any other address opens nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../electron/build.ts';
import { display, fakeElectron, loadWithFake, type FakeElectron } from './fake-electron.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
let fake: FakeElectron;
const savedEnv = { ...process.env };

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'tests', 'artifacts', 'electron-intro-'));
  const bundles = await buildElectron({ outdir: join(dir, 'electron') });
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Kiểm phiếu</title>');
  process.env.KIEM_PHIEU_HOME = join(dir, 'home');
  fake = fakeElectron({ displays: [display(1, 0), display(2, 1920)] });
  fake.state.documents = dir;
  loadWithFake(bundles.main, fake);
  await vi.waitFor(() => expect(fake.windows.length).toBe(2));
}, 60_000);

afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

describe('the introductions in the desktop app', () => {
  it('loads #/intro?show=ID in the projector window, and the projector link brings the figures back', () => {
    const [operator, projector] = fake.windows;
    const open = (url: string) => operator!.webContents.openHandler!({ url });
    expect(projector!.loaded?.hash).toBe('/projector');
    expect(open('app://kiem-phieu/index.html#/intro?show=3')).toEqual({ action: 'deny' });
    expect(fake.windows).toHaveLength(2);
    expect(projector!.loaded?.hash).toBe('/intro?show=3');
    open('app://kiem-phieu/index.html#/projector');
    expect(projector!.loaded?.hash).toBe('/projector');
    // Nothing else is opened or loaded: another route, another host, a hostile show.
    for (const url of [
      'app://kiem-phieu/index.html#/setup',
      'https://example.org/#/intro?show=3',
      'app://kiem-phieu/index.html#/intro?show=3&x=<script>',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.windows).toHaveLength(2);
    expect(projector!.loaded?.hash).toBe('/projector');
  });
});
