import type { Config } from '../config';

/**
 * An error as loggable text. Database errors quote the failing SQL with its values, which may be a
 * password hash or a token: every quoted literal is blanked, so the statement's shape stays.
 */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.stack ?? `${err.name}: ${err.message}` : String(err);
  return text.replace(/'(?:[^']|'')*'/g, "'?'");
}

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
