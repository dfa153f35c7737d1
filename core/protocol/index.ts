/** The one protocol between stations and hosts: the calls, a call's envelope, and the replies. */
export * from './bridge.ts';
export * from './calls.ts';
export * from './changes.ts';
export * from './documents.ts';
export * from './reply.ts';
export * from './request.ts';
export * from './sheet.ts';
export * from './scan.ts';
