/**
 * The congress file a host is working on, and the files opened recently. Both hosts (Electron
 * over IPC, the browser host over HTTP) hold one Workspace.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { congressDetails } from '../core/api.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, ok, type Result } from '../core/result.ts';
import { CongressFileError, FILE_EXTENSION } from './connection.ts';
import { Service, type ServiceOptions } from './service.ts';
import { zodRefusals } from '../core/record.ts';

export type { FileInfo, RecentFile } from '../core/protocol/calls.ts';
import type { FileInfo, RecentFile } from '../core/protocol/calls.ts';
import type { HostEvent } from '../core/protocol/changes.ts';

const MAX_RECENT = 10;

/** Where recent files are remembered: KIEM_PHIEU_HOME, or ~/.config/kiem-phieu. */
export const defaultHome = (): string =>
  process.env.KIEM_PHIEU_HOME ?? join(homedir(), '.config', 'kiem-phieu');

export class Workspace {
  private current: Service | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<(e: HostEvent) => void>();
  private readonly home: string;
  private readonly options: ServiceOptions;

  constructor({
    home = defaultHome(),
    options = {},
  }: { home?: string; options?: ServiceOptions } = {}) {
    this.home = home;
    this.options = options;
  }

  get service(): Service | null {
    return this.current;
  }

  info(): FileInfo | null {
    if (this.current === null) return null;
    const congress = this.current.query('congress');
    return { path: this.current.path, congress: congress.ok ? congress.value : null };
  }

  async open(path: string): Promise<Result<FileInfo, Refusal[]>> {
    const full = withExtension(path);
    if (!existsSync(full))
      return err([{ code: 'file', reason: `không có tệp ${full}`, path: 'path' }]);
    return this.switchTo(full, false);
  }

  async create(path: string, details: unknown): Promise<Result<FileInfo, Refusal[]>> {
    const parsed = congressDetails.safeParse(details, { reportInput: true });
    if (!parsed.success) return err(zodRefusals(parsed.error, ['congress']));
    const full = withExtension(path);
    if (existsSync(full)) return err([{ code: 'file-exists', path: full }]);
    if (!existsSync(dirname(full)))
      return err([{ code: 'file', reason: `không có thư mục ${dirname(full)}`, path: 'path' }]);
    const opened = await this.switchTo(full, true);
    if (!opened.ok || this.current === null) return opened;
    const written = this.current.execute('updateCongress', parsed.data, {
      name: 'Tổ kỹ thuật',
      role: 'admin',
    });
    if (!written.ok) return err(written.error);
    const info = this.info() ?? { path: full, congress: parsed.data };
    this.remember(info);
    this.emit({ type: 'file', file: info });
    return ok(info);
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    const closing = this.current;
    this.current = null;
    if (closing !== null) await closing.close();
  }

  recent(): RecentFile[] {
    try {
      const list = JSON.parse(readFileSync(join(this.home, 'recent.json'), 'utf8')) as RecentFile[];
      return Array.isArray(list) ? list.filter((f) => typeof f.path === 'string') : [];
    } catch {
      return [];
    }
  }

  subscribe(listener: (e: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async switchTo(path: string, create: boolean): Promise<Result<FileInfo, Refusal[]>> {
    await this.close();
    try {
      this.current = Service.open(path, { ...this.options, create });
    } catch (e) {
      if (e instanceof CongressFileError || (e as { code?: string }).code === 'SQLITE_NOTADB') {
        return err([{ code: 'file', reason: (e as Error).message, path: 'path' }]);
      }
      throw e;
    }
    this.unsubscribe = this.current.subscribe((event) => this.emit({ type: 'event', event }));
    const info = this.info() ?? { path, congress: null };
    this.remember(info);
    this.emit({ type: 'file', file: info });
    return ok(info);
  }

  private remember(info: FileInfo): void {
    const entry: RecentFile = {
      path: info.path,
      name: info.congress?.name ?? info.path,
      openedAt: new Date().toISOString(),
    };
    const list = [entry, ...this.recent().filter((f) => f.path !== info.path)].slice(0, MAX_RECENT);
    try {
      mkdirSync(this.home, { recursive: true });
      writeFileSync(join(this.home, 'recent.json'), JSON.stringify(list, null, 2));
    } catch {
      // Remembering recent files is a convenience; a read-only home must not stop the count.
    }
  }

  private emit(e: HostEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener's failure must not break the command that caused the event.
      }
    }
  }
}

const withExtension = (path: string): string =>
  resolve(path.endsWith(FILE_EXTENSION) ? path : `${path}${FILE_EXTENSION}`);
