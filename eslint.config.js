// Layers point one way (../shared/spec/architecture.md):
// renderer → (client) → hosts (electron, server, cli) → db → core.
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}/**`, `**/${name}`];
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'url',
];

/** Flat-config block forbidding imports matching `groups` from files in `folder`. */
const forbid = (folder, groups, why) => ({
  files: [`${folder}/**/*.{ts,tsx,js,mjs}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: groups, message: `${folder}/ must not import this: ${why}` }] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'tests/artifacts/**', 'tests/decks/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  forbid(
    'core',
    [
      ...layer('db'),
      ...layer('server'),
      ...layer('electron'),
      ...layer('cli'),
      ...layer('renderer'),
      ...nodeBuiltins,
    ],
    'core is pure: no I/O and nothing of the project outside core',
  ),
  forbid(
    'db',
    [...layer('server'), ...layer('electron'), ...layer('cli'), ...layer('renderer')],
    'db serves the hosts, it never imports them',
  ),
  forbid(
    'renderer',
    [...layer('db'), ...layer('server'), ...layer('electron'), ...layer('cli'), 'better-sqlite3'],
    'the renderer talks to the service only through its typed client',
  ),
  forbid(
    'server',
    [...layer('electron'), ...layer('cli'), ...layer('renderer')],
    'a host never imports another host',
  ),
  forbid(
    'electron',
    [...layer('server'), ...layer('cli'), ...layer('renderer')],
    'a host never imports another host',
  ),
  forbid(
    'cli',
    [...layer('server'), ...layer('electron'), ...layer('renderer')],
    'a host never imports another host',
  ),
);
