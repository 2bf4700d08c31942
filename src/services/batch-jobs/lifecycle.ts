import { BatchJobStatus as S } from '../../entities/batch-jobs';
import { notAllowed } from '../../lib/errors';

/**
 * The batch job's transitions: created → pre_processed → confirmed → processing → completed, and
 * from any unfinished step to canceled or failed. Completed, canceled and failed are final.
 */
export const TRANSITIONS: Record<S, S[]> = {
  [S.created]: [S.pre_processed, S.canceled, S.failed],
  [S.pre_processed]: [S.confirmed, S.canceled, S.failed],
  [S.confirmed]: [S.processing, S.canceled, S.failed],
  [S.processing]: [S.completed, S.canceled, S.failed],
  [S.completed]: [],
  [S.canceled]: [],
  [S.failed]: [],
};

/** The column that records when a job reached each status (`created_at` for created). */
export const STAMP: Record<Exclude<S, S.created>, 'preProcessedAt' | 'confirmedAt' | 'processingAt' | 'completedAt' | 'canceledAt' | 'failedAt'> = {
  [S.pre_processed]: 'preProcessedAt',
  [S.confirmed]: 'confirmedAt',
  [S.processing]: 'processingAt',
  [S.completed]: 'completedAt',
  [S.canceled]: 'canceledAt',
  [S.failed]: 'failedAt',
};

/** Medusa's wording where it refuses a step; the other refusals say what was asked. */
const REFUSAL: Partial<Record<S, string>> = {
  [S.confirmed]: 'Cannot confirm processing for a batch job that is not pre processed',
  [S.canceled]: 'Cannot cancel completed batch job',
  [S.processing]: 'Cannot mark a batch job as processing if the status is different that confirmed',
  [S.pre_processed]: 'Cannot mark a batch job as pre processed if it is not in created status',
};

export function canMove(from: S, to: S): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Refuses (400 not_allowed) a transition the table does not have. */
export function checkMove(from: S, to: S): void {
  if (!canMove(from, to)) throw notAllowed(REFUSAL[to] ?? `Cannot move a batch job from ${from} to ${to}`);
}

/** Finished jobs: nothing more happens to them. */
export const isFinal = (status: S) => TRANSITIONS[status].length === 0;
