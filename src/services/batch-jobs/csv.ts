import { once } from 'events';
import { Readable, Writable } from 'stream';
import { parse } from 'csv-parse';
import { stringify, Stringifier } from 'csv-stringify';
import { AppError, invalid } from '../../lib/errors';

/** One record of a CSV file: its cells by (trimmed) column name, and the file line it starts on. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * The records of a CSV file, streamed: the header names the columns; the delimiter is `;`
 * (Medusa's exports) or `,`, whichever the header uses. A record with the wrong number of cells
 * or a broken quote is a 400 naming its line.
 */
export async function* readCsv(source: Readable): AsyncGenerator<CsvRow & { header: string[] }> {
  const chunks = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  while (!head.includes(0x0a) && head.length < 1 << 16) {
    const next = await chunks.next();
    if (next.done) { ended = true; break; }
    head = Buffer.concat([head, Buffer.from(next.value)]);
  }
  const firstLine = head.toString('utf8').split(/\r?\n/)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let header: string[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    skip_empty_lines: true,
    info: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim())),
  });
  const feed = (async () => {
    try {
      if (head.length && !parser.write(head)) await once(parser, 'drain');
      if (!ended) for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) if (!parser.write(chunk)) await once(parser, 'drain');
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  // Lines as a person counts them in an editor: where the record starts (a quoted cell may span lines).
  let lastLine = 1;
  let lastEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number } }>) {
      const start = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = info.lines;
      lastEmpty = info.empty_lines;
      yield { line: start, cells: record, header };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(`The CSV file could not be read: ${(err as Error).message}`);
  } finally {
    await feed;
  }
}

/** A CSV writer in Medusa's export format: `;` between cells, CRLF between lines. */
export function csvWriter(): Stringifier {
  return stringify({ delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\n\r,;"]/ });
}

/** Writes a record, waiting when the reader is behind, so memory stays flat however long the file. */
export async function writeRecord(out: Writable, record: string[]): Promise<void> {
  if (!out.write(record)) await once(out, 'drain');
}
