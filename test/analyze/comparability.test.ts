/** The comparability gate: codebook links between waves decide which trend tests may run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableBetween } from '../../pipeline/analyze/comparability.ts';
import { insertRows, openDb, type Db } from '../../pipeline/core/db.ts';
import { createDimensionTables } from '../../pipeline/load/dimensions.ts';

let db: Db;
let close: () => void;
const S = 'ordforer_radmann';

beforeAll(async () => {
  ({ db, close } = await openDb(':memory:'));
  await createDimensionTables(db, 'main');
  await insertRows(db, 'dim_waves', [
    [S, '2019', 'OR2019', `${S}/2019`, true, '', '', true, null],
    [S, '2023', 'OR2023', `${S}/2023`, true, '', '', true, `${S}/2019`],
    [S, '2023b', 'OR2023b', `${S}/2023`, true, '', '', true, `${S}/2019`],
    [S, '2027', 'OR2027', `${S}/2027`, true, '', '', true, `${S}/2023`],
  ]);
  const v = (wave: string, name: string, link: [string, string | null, boolean, string | null] | null, kind = 'likert') => [S, wave, name, kind, 'Q', name, null, null, null, false, 'none', '', 'stated', 0, ...(link ?? [null, null, null, null]), null];
  await insertRows(db, 'dim_variables', [
    v('2019', 'same_item', null), v('2019', 'old_name', null), v('2019', 'reworded_item', null), v('2019', 'scaled_item', null), v('2019', 'derived_item', null, 'derived'),
    ...['2023', '2023b'].flatMap((w) => [
      v(w, 'same_item', ['same', null, true, null]), v(w, 'new_name', ['same', 'old_name', true, null]), v(w, 'reworded_item', ['reworded', null, false, 'nå om hele kommunen']),
      v(w, 'scaled_item', ['scale_changed', null, false, '4 → 5 punkter']), v(w, 'new_item', ['new', null, false, null]), v(w, 'derived_item', null, 'derived'),
    ]),
    v('2027', 'same_item', ['reworded', null, true, 'små språklige endringer']),
  ]);
});
afterAll(() => close());

describe('comparableBetween', () => {
  it('same item: comparable; renamed item: followed by its old name', async () => {
    expect(await comparableBetween(db, S, 'same_item', '2019', '2023')).toEqual({ comparable: true, reason: null });
    expect((await comparableBetween(db, S, 'new_name', '2019', '2023')).comparable).toBe(true);
  });
  it('reworded (not comparable), scale changed and new items are not tested, with the reason', async () => {
    expect(await comparableBetween(db, S, 'reworded_item', '2019', '2023')).toEqual({ comparable: false, reason: 'spørsmålet er omformulert i 2023 (nå om hele kommunen)' });
    expect(await comparableBetween(db, S, 'scaled_item', '2019', '2023')).toEqual({ comparable: false, reason: 'svarskalaen er endret i 2023 (4 → 5 punkter)' });
    expect(await comparableBetween(db, S, 'new_item', '2019', '2023')).toEqual({ comparable: false, reason: 'nytt spørsmål i 2023' });
  });
  it('waves sharing a codebook compare item by item; derived variables follow their inputs', async () => {
    expect(await comparableBetween(db, S, 'reworded_item', '2023', '2023b')).toEqual({ comparable: true, reason: null });
    expect((await comparableBetween(db, S, 'derived_item', '2019', '2023')).comparable).toBe(true);
  });
  it('walks the chain over several waves, keeping the notes of comparable rewordings', async () => {
    expect(await comparableBetween(db, S, 'same_item', '2019', '2027')).toEqual({ comparable: true, reason: 'spørsmålet er omformulert i 2027 (små språklige endringer)' });
    expect(await comparableBetween(db, S, 'scaled_item', '2019', '2027')).toEqual({ comparable: false, reason: 'ikke spurt i 2027' });
  });
});
