/**
 * Derived variables (questionnaire-kontor.md §6, questionnaire-ordforer-radmann.md §7): computed by
 * the pipeline from the answers, never in an export. Each declares its label, its codes and the
 * SQL that computes it over one response row (`row`) or over the wave (`wave`, window functions
 * over a row-level view). Analyze adds them to `fct_<survey>__responses` and to `dim_variables`,
 * so every query and label treats them like answered items.
 */

export interface DerivedCode {
  code: number;
  label: string;
}

/** What a definition may ask of the wave's codebook (as loaded into dim_variables). */
export interface DerivedContext {
  has(variable: string): boolean;
  /** Multi-select options named `<prefix>…`, exclusive ones apart. */
  options(prefix: string): { counted: string[]; exclusive: string[] };
}

export interface DerivedVariable {
  name: string;
  label: string;
  source: string;
  codes: DerivedCode[];
  ordinal: boolean;
  /** `row`: an expression over one response; `wave`: needs the row-level derived columns and a window. */
  level: 'row' | 'wave';
  /** SQL expression, or null when the wave lacks what it needs. Identifiers are codebook names. */
  sql(ctx: DerivedContext): string | null;
}

const q = (name: string) => `"${name}"`;

/**
 * Number of services ticked (questionnaire §7): 0 with «ingen»; missing with «vet ikke», with an
 * unanswered question, and when nothing at all is ticked (neither a service nor «ingen»).
 */
function tjenesterAntall(ctx: DerivedContext): string | null {
  const { counted, exclusive } = ctx.options('tjenester_');
  const none = exclusive.find((o) => o.endsWith('_ingen'));
  if (counted.length === 0 || !none) return null;
  const dontKnow = exclusive.find((o) => o.endsWith('_vet_ikke'));
  const sum = counted.map((o) => `coalesce(${q(o)}, 0)`).join(' + ');
  return `CASE ${dontKnow ? `WHEN ${q(dontKnow)} = 1 THEN NULL ` : ''}WHEN ${q(none)} = 1 THEN 0 WHEN (${sum}) > 0 THEN ${sum} END`;
}

const ANTALL_CODES = Array.from({ length: 13 }, (_, i) => ({ code: i, label: String(i) }));
const KAT_CODES = [
  { code: 1, label: 'Kun minimumsløsningen' },
  { code: 2, label: '1–2 tjenester i tillegg' },
  { code: 3, label: '3–4 tjenester i tillegg' },
  { code: 4, label: '5 eller flere tjenester i tillegg' },
];
const kat = (antall: string) => `CASE WHEN ${antall} IS NULL THEN NULL WHEN ${antall} = 0 THEN 1 WHEN ${antall} <= 2 THEN 2 WHEN ${antall} <= 4 THEN 3 ELSE 4 END`;

export const DERIVED: Readonly<Record<string, readonly DerivedVariable[]>> = {
  ordforer_radmann: [
    { name: 'tjenester_antall', label: 'Antall kommunale tjenester i Nav-kontoret ut over minimumsløsningen', source: 'questionnaire-ordforer-radmann.md §7', codes: ANTALL_CODES, ordinal: true, level: 'row', sql: tjenesterAntall },
  ],
  kontor: [
    {
      name: 'alle',
      label: 'Alle ansatte',
      source: 'figures.md §1.2 (`kontor_alle`)',
      codes: [{ code: 1, label: 'Alle ansatte' }],
      ordinal: false,
      level: 'row',
      sql: () => '1',
    },
    { name: 'tjenester_antall', label: 'Antall kommunale tjenester i Nav-kontoret ut over minimumsløsningen', source: 'questionnaire-kontor.md §6', codes: ANTALL_CODES, ordinal: true, level: 'row', sql: tjenesterAntall },
    {
      name: 'tjenester_kat',
      label: 'Antall kommunale tjenester ut over minimumsløsningen, fire nivåer',
      source: 'questionnaire-kontor.md §6',
      codes: KAT_CODES,
      ordinal: true,
      level: 'row',
      sql: (ctx) => (tjenesterAntall(ctx) ? kat(`(${tjenesterAntall(ctx)})`) : null),
    },
    {
      name: 'egen_omrade',
      label: 'Hovedarbeidsoppgaver på eget, begge eller den andre arbeidsgiverens tjenesteområder',
      source: 'questionnaire-kontor.md §6',
      codes: [
        { code: 1, label: 'Kun eller hovedvekt på egen arbeidsgivers område' },
        { code: 2, label: 'Like mye på statlige og kommunale områder' },
        { code: 3, label: 'Kun eller hovedvekt på den andre arbeidsgiverens område' },
        { code: 4, label: 'Annet eller vet ikke' },
      ],
      ordinal: false,
      level: 'row',
      sql: (ctx) =>
        ctx.has('hovedoppgaver_omrade') && ctx.has('ansettelse')
          ? `CASE WHEN "hovedoppgaver_omrade" IS NULL OR "ansettelse" IS NULL THEN NULL WHEN "hovedoppgaver_omrade" = 3 THEN 2 WHEN "hovedoppgaver_omrade" IN (6, 9) THEN 4
              WHEN ("ansettelse" = 1 AND "hovedoppgaver_omrade" IN (1, 2)) OR ("ansettelse" = 2 AND "hovedoppgaver_omrade" IN (4, 5)) THEN 1 ELSE 3 END`
          : null,
    },
    {
      name: 'i_team',
      label: 'Jobber i team (deltar i teamarbeid i noen grad eller mer)',
      source: 'questionnaire-kontor.md §6',
      codes: [
        { code: 0, label: 'Nei' },
        { code: 1, label: 'Ja' },
      ],
      ordinal: false,
      level: 'row',
      sql: (ctx) => (ctx.has('teamarbeid_grad') ? `CASE WHEN "teamarbeid_grad" IN (2, 3, 4, 5) THEN 1 WHEN "teamarbeid_grad" = 1 THEN 0 END` : null),
    },
    {
      name: 'ledergruppe',
      label: 'Ledere (enhets- og mellomledere) eller andre ansatte',
      source: 'questionnaire-kontor.md §6 (`ledere`)',
      codes: [
        { code: 1, label: 'Ledere (enhets- og mellomledere)' },
        { code: 2, label: 'Veiledere og andre' },
      ],
      ordinal: false,
      level: 'row',
      sql: (ctx) => (ctx.has('stilling') ? `CASE WHEN "stilling" IN (1, 2) THEN 1 WHEN "stilling" = 3 THEN 2 END` : null),
    },
    {
      name: 'kontor_leder',
      label: 'Kontorets ene enhetslederbesvarelse (den kommunalt ansatte lederens hvis kontoret har en, ellers den tidligste fullførte)',
      source: 'questionnaire-kontor.md K7',
      codes: [{ code: 1, label: 'Kontorets enhetslederbesvarelse' }],
      ordinal: false,
      level: 'wave',
      sql: (ctx) =>
        ctx.has('kontor_id') && ctx.has('stilling')
          ? `CASE WHEN "stilling" = 1 AND "kontor_id" IS NOT NULL AND row_number() OVER (PARTITION BY wave, "kontor_id", "stilling" = 1
               ORDER BY coalesce("ansettelse" = 2, false) DESC, coalesce("svar_status" = 1, false) DESC, "slutt_tid" NULLS LAST, resp_id) = 1 THEN 1 END`
          : null,
    },
  ],
};

/** Office-level variables joined to every respondent of the office (need the row and wave levels first). */
export const OFFICE_LEVEL: Readonly<Record<string, ReadonlyArray<{ name: string; label: string; from: string; codes: DerivedCode[]; ordinal: boolean }>>> = {
  kontor: [{ name: 'kontor_tjenester_kat', label: 'Kontorets kommunale tjenester, fire nivåer (fra enhetslederens svar)', from: 'tjenester_kat', codes: KAT_CODES, ordinal: true }],
};
