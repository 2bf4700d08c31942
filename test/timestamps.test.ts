// Timestamps read as PostgreSQL text go out as the same ISO text a Date would serialise to.
import { timestampText } from '../src/lib/timestamps';

const viaDate = (text: string) => new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

it('rewrites the UTC text form to Date#toISOString byte for byte, whatever the fraction', () => {
  for (const text of [
    '2024-01-31 10:00:00+00', '2024-01-31 10:00:00.1+00', '2024-01-31 10:00:00.12+00', '2024-01-31 10:00:00.123+00',
    '2024-01-31 10:00:00.123456+00', '2024-01-31 10:00:00.999999+00', '1999-12-31 23:59:59.000500+00',
  ]) expect({ text, out: timestampText(text) }).toEqual({ text, out: viaDate(text) });
});

it('falls back on a Date for any other form (an offset, a far year)', () => {
  expect(timestampText('2024-01-31 12:00:00.5+02')).toEqual(new Date('2024-01-31T10:00:00.500Z'));
  expect((timestampText('2024-01-31 10:00:00+05:30') as Date).toISOString()).toBe('2024-01-31T04:30:00.000Z');
});
