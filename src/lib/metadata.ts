import type { Metadata } from '../entities/base';

/**
 * Medusa's metadata update: the given keys are merged into the stored object, and a key set to
 * an empty string is removed. Keys are kept exactly as the client wrote them.
 */
export function mergeMetadata(current: Metadata | undefined, patch: Record<string, unknown> | null | undefined): Metadata {
  if (patch === undefined) return current ?? null;
  if (patch === null) return null;
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
