import type { Config } from '../config';

export type Logger = (level: 'info' | 'error', fields: Record<string, unknown>) => void;

/**
 * One JSON object per line on stdout. Callers pass only what is safe to keep: ids, paths,
 * statuses, timings; never bodies, headers, cookies or tokens.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return (level, fields) => {
    if (config.logLevel === 'silent' || (config.logLevel === 'error' && level !== 'error')) return;
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, ...fields }) + '\n');
  };
}
