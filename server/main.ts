/** `node server/main.ts FILE.kiemphieu [--port N] [--host H]`: serve one congress file. */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Service } from '../db/service.ts';
import { startHost } from './http.ts';

const DEFAULT_PORT = 5317;

export async function serve(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' }, host: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined)
    throw new Error('usage: server/main.ts FILE.kiemphieu [--port N] [--host H]');
  const service = Service.open(file, { create: true });
  const running = await startHost({
    service,
    host: values.host ?? '127.0.0.1',
    port: Number(values.port ?? process.env.PORT ?? DEFAULT_PORT),
    staticRoot: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
  });
  console.log(`Kiểm phiếu: ${running.url}#token=${running.token}`);
  const stop = async () => {
    await running.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await serve(process.argv.slice(2));
}
