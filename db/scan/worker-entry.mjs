// Worker threads start plain Node: register the same TypeScript loader as bin/kiem-phieu.js first.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
