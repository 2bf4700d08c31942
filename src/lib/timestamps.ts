/**
 * The ORM's driver leaves timestamps as PostgreSQL text (`2024-01-31 10:00:00.123456+00`). Rows
 * read raw that only go out as JSON (the catalogue readers) keep the text, rewritten to the ISO form
 * `Date#toISOString` gives (milliseconds, truncated, `Z`): the same bytes a Date would serialise to, without a
 * Date per column (a page of products has thousands) to build, serialise and collect.
 */
export function timestampText(text: string): string | Date {
  // Fast path for the UTC form the connection uses: `YYYY-MM-DD HH:MM:SS[.f…]+00`.
  if (text.length >= 22 && text.endsWith('+00') && text[10] === ' ') {
    const fraction = text.length > 22 ? text.slice(20, -3) : '';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${(fraction + '000').slice(0, 3)}Z`;
  }
  // The form PostgreSQL's JSON functions give (`row_to_json`): `YYYY-MM-DDTHH:MM:SS[.f…]+00:00`.
  if (text.length >= 25 && text.endsWith('+00:00') && text[10] === 'T') {
    const fraction = text.length > 25 ? text.slice(20, -6) : '';
    return `${text.slice(0, 19)}.${(fraction + '000').slice(0, 3)}Z`;
  }
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
