/**
 * `node server/main.ts [FILE.kiemphieu] [--port N] [--host H] [--lan]`: the app in a browser.
 * `--lan` also serves the other stations of a closed LAN, which pair with the code on the main screen.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { watchInternet } from '../db/offline-guard.ts';
import { Workspace } from '../db/workspace.ts';
import { startHost, type RunningHost } from './http.ts';
import { keepTokenBeside, newToken, tokenBeside } from './token.ts';

export const DEFAULT_PORT = 5317;
/** The built renderer; KIEM_PHIEU_RENDERER names another build (as in the end-to-end tests). */
export const RENDERER_ROOT =
  process.env.KIEM_PHIEU_RENDERER ?? fileURLToPath(new URL('../dist/renderer', import.meta.url));

export async function serve(
  argv: readonly string[],
): Promise<{ running: RunningHost; workspace: Workspace }> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' }, host: { type: 'string' }, lan: { type: 'boolean' } },
    allowPositionals: true,
  });
  const workspace = new Workspace();
  // The file named, or else the one open when the host last stopped: a restart strands no one.
  const file = positionals[0] ?? workspace.recent().find((f) => existsSync(f.path))?.path;
  if (file !== undefined) {
    const opened = await workspace.open(file);
    if (!opened.ok && positionals[0] !== undefined)
      throw new Error(`cannot open ${file}: ${JSON.stringify(opened.error)}`);
  }
  const open = workspace.info()?.path;
  const lan = values.lan ?? false;
  // At start and every minute: a route to the Internet shows a red banner on every station.
  const internet = watchInternet(workspace);
  const running = await startHost({
    workspace,
    lan,
    host: values.host ?? (lan ? '0.0.0.0' : '127.0.0.1'),
    port: Number(values.port ?? process.env.PORT ?? DEFAULT_PORT),
    staticRoot: RENDERER_ROOT,
    token: (open === undefined ? null : tokenBeside(open)) ?? newToken(),
    internet: internet.current,
  });
  // Every file this host works on keeps the token, so its stations reconnect after a restart.
  if (open !== undefined) keepTokenBeside(open, running.token);
  workspace.subscribe((e) => {
    if (e.type === 'file' && e.file !== null) keepTokenBeside(e.file.path, running.token);
  });
  const stop = async () => {
    internet.stop();
    await running.close();
    await workspace.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return { running, workspace };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { running } = await serve(process.argv.slice(2));
  console.log(`Kiểm phiếu: ${running.url.replace('0.0.0.0', '127.0.0.1')}#token=${running.token}`);
}
