/** The shape every test returns; it is also the JSON contract of `compare`, `trend` and `regress`. */
export const TEST_NAMES = [
  'student_t',
  'welch_t',
  'levene',
  'anova_f',
  'welch_anova',
  'games_howell',
  'mann_whitney',
  'kruskal_wallis',
  't_paired',
  'wilcoxon_signed_rank',
  'chisq',
  'fisher_exact',
  'z_2prop',
  'mcnemar_exact',
  'ols_f',
  'svy_t',
  'svy_wald_f',
  'svy_chisq',
  'svy_ols_f',
] as const;
export type TestName = (typeof TEST_NAMES)[number];

/** An effect size with its 95 % confidence interval where one is defined. */
export interface EffectSize {
  name: 'cohen_d' | 'cohen_dz' | 'cohen_h' | 'eta_squared' | 'eta_squared_h' | 'cramers_v' | 'phi' | 'rank_biserial' | 'odds_ratio' | 'risk_difference';
  value: number;
  ci_low?: number;
  ci_high?: number;
}

export interface TestResult {
  name: TestName;
  statistic: number;
  df?: number;
  df1?: number;
  df2?: number;
  p: number;
  /** The groups (or waves) compared, in the order the statistic uses them. */
  groups: string[];
  /** Difference estimate (first − second) with its 95 % confidence interval, where the test has one. */
  estimate?: number;
  ci_low?: number;
  ci_high?: number;
  effect?: EffectSize;
  note?: string;
  /** How the standard errors treat the sample: simple random ('srs') or clustered by Nav office ('cluster'). */
  design?: 'srs' | 'cluster';
}
