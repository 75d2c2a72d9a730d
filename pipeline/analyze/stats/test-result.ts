/** The shape every test returns; it is also the JSON contract of `compare`, `trend` and `regress`. */
export interface TestResult {
  name: 'student_t' | 'welch_t' | 'levene' | 'anova_f' | 'chisq' | 'z_2prop' | 'ols_f';
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
  note?: string;
}
