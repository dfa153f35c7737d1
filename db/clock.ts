/** The service's clock, injectable so tests and imports are reproducible. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();
