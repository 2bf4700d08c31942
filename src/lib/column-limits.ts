import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { invalid } from './errors';
import { toSnake } from './naming';

/** The size of a `varchar(n)` column, or undefined for unbounded ones (text, json, ...). */
function sizeOf(columnType: string | undefined): number | undefined {
  const m = /^(?:varchar|character varying)\((\d+)\)$/i.exec(columnType ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Refuses, before any SQL is sent, a string longer than its column (PostgreSQL would answer
 * 22001 and the client a 500): 400 `invalid_data` in class-validator's MaxLength words, naming
 * the field. One check for every entity and every write, derived from the mapped column types,
 * so a new column is covered without anyone remembering to.
 */
export class ColumnLimits implements EventSubscriber {
  onFlush({ uow }: FlushEventArgs): void {
    for (const cs of uow.getChangeSets()) {
      for (const [name, value] of Object.entries(cs.payload as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        const prop = cs.meta.properties[name as keyof typeof cs.meta.properties] as { columnTypes?: string[]; length?: number } | undefined;
        const size = sizeOf(prop?.columnTypes?.[0]);
        if (size !== undefined && value.length > size) throw invalid(`${toSnake(name)} must be shorter than or equal to ${size} characters`);
      }
    }
  }
}
