/**
 * The 2023 codebooks of the simulated wave: they validate, follow the 2019 codebooks through links
 * on every variable, and carry each kind of change the pipeline must handle — a dropped item, a
 * reworded item that is not comparable (and one that is), a changed scale, a renamed item and a
 * new module on cooperation with social entrepreneurs, grounded in AFI 2020:10.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Codebook, type Variable } from '../../schemas/codebook.ts';

const read = (id: string): Codebook => Codebook.parse(JSON.parse(readFileSync(new URL(`../../schemas/codebooks/${id}.json`, import.meta.url), 'utf8')));
const SURVEYS = ['ordforer_radmann', 'kontor'] as const;
const MODULE = ['sosent_samarbeid', 'sosent_tilskudd', 'sosent_leverandor', 'sosent_sysselsetting', 'sosent_utvikling', 'sosent_fungerer'];
const KINDS = ['sosent_tilskudd', 'sosent_leverandor', 'sosent_sysselsetting', 'sosent_utvikling'];

/** A variable without its link and the parts a 2023 rewording or note may change. */
const core = (v: Variable) => ({ ...v, link: undefined });

describe.each(SURVEYS)('%s-2023 codebook', (survey) => {
  const before = read(`${survey}-2019`);
  const cb = read(`${survey}-2023`);
  const byName = new Map(cb.variables.map((v) => [v.name, v]));
  const old = new Map(before.variables.map((v) => [v.name, v]));
  const changed = (kind: string) => cb.variables.filter((v) => v.link?.change === kind);

  it('is the 2023 wave of the survey and follows its 2019 codebook', () => {
    expect(cb).toMatchObject({ survey, wave: '2023', instrument: survey === 'kontor' ? 'K2023' : 'OR2023', previous: `${survey}/2019` });
    expect(cb.title).toMatch(/simulert/);
  });

  it('links every variable, and every 2019 variable is kept, renamed or dropped', () => {
    for (const v of cb.variables) expect(v.link, v.name).toBeDefined();
    const accounted = new Set([...cb.variables.map((v) => v.link?.from ?? v.name), ...cb.dropped.map((d) => d.variable)]);
    for (const v of before.variables) expect(accounted.has(v.name), v.name).toBe(true);
    for (const v of cb.variables.filter((x) => x.link?.change !== 'new')) expect(old.has(v.link?.from ?? v.name), v.name).toBe(true);
  });

  it('keeps «same» items as they were in 2019, apart from the 2023 numbering of kommuner', () => {
    for (const v of changed('same')) {
      const was = old.get(v.name)!;
      if (v.link?.comparable === false) {
        expect(v.link.note, v.name).toMatch(/2023|kontor-2019-2023/);
        expect({ ...core(v), label: was.label, note: was.note }, v.name).toEqual(core(was));
      } else {
        expect(core(v), v.name).toEqual(core(was));
      }
    }
  });

  it('drops at least one item, with a note, and no longer asks it', () => {
    expect(cb.dropped.length).toBeGreaterThanOrEqual(1);
    for (const d of cb.dropped) {
      expect(old.has(d.variable), d.variable).toBe(true);
      expect(byName.has(d.variable), d.variable).toBe(false);
      expect(d.note.length).toBeGreaterThan(40);
    }
    if (survey === 'ordforer_radmann') expect(cb.dropped.map((d) => d.variable)).toContain('vert_foretrukket');
  });

  it('rewords an item so that it is no longer comparable, with a note on why, and one that stays comparable', () => {
    const reworded = changed('reworded');
    const notComparable = reworded.filter((v) => v.link?.comparable === false);
    expect(notComparable.length).toBeGreaterThanOrEqual(1);
    for (const v of notComparable) expect(v.link!.note!.length, v.name).toBeGreaterThan(80);
    const comparable = reworded.filter((v) => v.link?.comparable === true);
    expect(comparable.length).toBeGreaterThanOrEqual(1);
    for (const v of comparable) {
      const was = old.get(v.link?.from ?? v.name)!;
      expect(v.label, v.name).not.toBe(was.label);
      expect(v.value_set, v.name).toBe(was.value_set);
      expect(v.link!.note, v.name).toBeTruthy();
    }
  });

  it('moves an item to a new scale: a new value set with more points, not comparable', () => {
    const scaled = changed('scale_changed');
    expect(scaled.length).toBeGreaterThanOrEqual(1);
    for (const v of scaled) {
      const was = old.get(v.link?.from ?? v.name)!;
      expect(v.value_set, v.name).not.toBe(was.value_set);
      const points = (c: Codebook, id: string | undefined) => c.value_sets.find((s) => s.id === id)!.codes.filter((x) => x.code !== 9).length;
      expect(points(cb, v.value_set), v.name).toBeGreaterThan(points(before, was.value_set));
      expect(v.link!.comparable, v.name).toBe(false);
      expect(v.link!.note, v.name).toBeTruthy();
    }
  });

  it('renames an item only with link.from naming the 2019 variable', () => {
    for (const v of cb.variables.filter((x) => x.link?.from)) {
      expect(old.has(v.link!.from!), v.name).toBe(true);
      expect(byName.has(v.link!.from!), v.name).toBe(false);
    }
    if (survey === 'kontor') expect(byName.get('samarbeid_frekv_arbeidsliv')?.link).toMatchObject({ change: 'reworded', from: 'samarbeid_frekv_arbeidsgivere', comparable: false });
  });

  it('adds the module on social entrepreneurs: Ja / Nei / Vet ikke, then the four kinds of cooperation and how well it works, only if Ja', () => {
    for (const name of MODULE) expect(byName.get(name)?.link?.change, name).toBe('new');
    const root = byName.get('sosent_samarbeid')!;
    const set = cb.value_sets.find((s) => s.id === root.value_set)!;
    expect(set.codes.map((c) => [c.code, c.label])).toEqual([[1, 'Ja'], [2, 'Nei'], [9, 'Vet ikke']]);
    expect(set.dont_know).toBe(9);
    expect(before.value_sets.some((s) => s.id === set.id)).toBe(false);
    for (const name of [...KINDS, 'sosent_fungerer']) expect(byName.get(name)!.asked_if, name).toEqual({ variable: 'sosent_samarbeid', in: [1] });
    const kinds = KINDS.map((k) => byName.get(k)!);
    expect(new Set(kinds.map((k) => k.question)).size).toBe(1);
    expect(kinds.map((k) => k.label.split(':')[0])).toEqual(['Tilskuddssamarbeid', 'Leverandørsamarbeid', 'Sysselsettingssamarbeid', 'Utviklingssamarbeid']);
    for (const k of kinds) {
      expect(k.kind, k.name).toBe('multi');
      expect(k.mark, k.name).toBe('reconstructed');
      expect(k.note, k.name).toMatch(/AFI-rapport 2020:10.*000_32aba4611d55f172\.txt L9\d\d/);
    }
    expect(byName.get('sosent_fungerer')!.value_set).toBe('S_GODT5');
    // The kommune's cooperation is asked of everyone; the office's of its unit leader.
    expect(root.asked_if).toEqual(survey === 'kontor' ? { variable: 'stilling', in: [1] } : undefined);
  });

  it('names the 2023 numbering of kommuner and counties', () => {
    expect(byName.get('kommunenr')!.label).toMatch(/2023-inndeling/);
    expect(byName.get('kommunenr')!.link!.note).toMatch(/raw\/crosswalks\/kommuner-2019-2023\.csv/);
  });
});

describe('the two 2023 codebooks together', () => {
  it('word and code the new module alike, so the surveys can be set side by side', () => {
    const [or, kontor] = SURVEYS.map((s) => read(`${s}-2023`));
    const set = (cb: Codebook, name: string) => cb.value_sets.find((s) => s.id === cb.variables.find((v) => v.name === name)!.value_set);
    for (const name of ['sosent_samarbeid', 'sosent_fungerer', ...KINDS]) expect(set(or!, name), name).toEqual(set(kontor!, name));
  });
});
