import { startApp, TestApp } from './helpers';
import { Country, Region } from '../src/entities/regions';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('countries from the migration', () => {
  it('has every ISO 3166-1 country, in no region', async () => {
    const em = t.em();
    expect(await em.count(Country, {})).toBe(250);
    const italy = await em.findOneOrFail(Country, { iso2: 'it' });
    expect(italy).toMatchObject({ iso3: 'ita', numCode: 380, name: 'ITALY', displayName: 'Italy', region: null });
    expect(await em.count(Region, {})).toBe(0);
  });
});
