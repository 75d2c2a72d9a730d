/**
 * Answers with exact marginal counts and realistic correlation: every item's group counts come
 * from the targets by largest remainder, and who gets which code follows a per-respondent latent
 * score plus item noise (a Gaussian copula with exact margins). Routing is respected because
 * items are generated in questionnaire order and only asked respondents are eligible. With
 * `targets.icc` > 0, a share of every latent's variance lies between clusters (offices), so that
 * colleagues answer alike as they do in a real office survey.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import type { GroupTarget, MultiTarget, WaveTargets } from '../../schemas/simulation.ts';
import type { Rng } from '../core/rng.ts';
import { largestRemainder } from './quota.ts';

/** What the answer engine needs of a respondent, whatever the survey. */
export interface AnswerRespondent {
  id: string;
  /** The respondent's group: the key of `by_group` tried first. */
  group: string;
  /** Cluster (office) for the between-cluster part of the latents; null = none. */
  cluster: string | null;
  /** Partial response: the last question answered (later questions are empty); null = complete. */
  stopAfter: string | null;
  /** Started but answered nothing. */
  empty: boolean;
  /** Values routing may refer to that are not answers (e.g. kommunenr). */
  fixed: Record<string, number | string>;
}

/**
 * How respondents form the groups of an item's targets: the groups in generation order, each with
 * its members (in respondent order) and the target they get, or null to leave them unanswered.
 */
export type Partition = <T extends GroupTarget | MultiGroupTargetLike>(respondents: AnswerRespondent[], byGroup: Record<string, T>, kind: 'single' | 'multi') => Array<{ key: string; members: AnswerRespondent[]; target: T }>;
type MultiGroupTargetLike = MultiTarget['by_group'][string];

export type AnswerRow = Map<string, number | null>;

export interface GeneratedAnswers {
  answers: Map<string, AnswerRow>;
  /** Adjustments the engine had to make to fit the targets (reported by the simulate command). */
  notes: string[];
}

function questionIndex(codebook: Codebook): Map<string, number> {
  return new Map(codebook.questions.map((q, i) => [q.id, i]));
}

function asked(v: Variable, row: AnswerRow, r: AnswerRespondent): boolean {
  if (!v.asked_if) return true;
  const value = v.asked_if.variable in r.fixed ? r.fixed[v.asked_if.variable] : row.get(v.asked_if.variable);
  return v.asked_if.in.some((x) => x === value);
}

export function generateAnswers(respondents: AnswerRespondent[], codebook: Codebook, targets: WaveTargets, rng: Rng, partition: Partition): GeneratedAnswers {
  const qIndex = questionIndex(codebook);
  const answers = new Map<string, AnswerRow>(respondents.map((r) => [r.id, new Map()]));
  const latents = new Map<string, Map<string, number>>();
  const general = new Map(respondents.map((r) => [r.id, rng.normal()]));
  const clusters = [...new Set(respondents.map((r) => r.cluster).filter((c): c is string => c !== null))].sort();
  const latent = (r: AnswerRespondent, name: string): number => {
    let byResp = latents.get(name);
    if (!byResp) {
      // Every latent shares a little of a general attitude towards Nav, as real attitudes do.
      byResp = new Map(respondents.map((x) => [x.id, 0.35 * general.get(x.id)! + Math.sqrt(1 - 0.35 ** 2) * rng.normal()]));
      const icc = targets.latent_icc[name] ?? targets.icc;
      if (icc > 0) {
        // Colleagues share an office-level part of each attitude (intra-class correlation icc).
        const office = new Map(clusters.map((c) => [c, rng.normal()]));
        for (const x of respondents) byResp.set(x.id, Math.sqrt(1 - icc) * byResp.get(x.id)! + (x.cluster === null ? 0 : Math.sqrt(icc) * office.get(x.cluster)!));
      }
      latents.set(name, byResp);
    }
    return byResp.get(r.id)!;
  };
  const notes: string[] = [];
  const inSurvey = (r: AnswerRespondent, question: string) => !r.empty && (r.stopAfter === null || qIndex.get(question)! <= qIndex.get(r.stopAfter)!);

  const single = (v: Variable, t: WaveTargets['items'][string]) => {
    for (const { key: group, members, target: gt } of partition(respondents, t.by_group, 'single')) {
      const eligible = rng.shuffle(members.filter((r) => inSurvey(r, v.question) && asked(v, answers.get(r.id)!, r)));
      let dk = gt.dont_know + (gt.dont_know_pct === undefined ? 0 : Math.round((gt.dont_know_pct * eligible.length) / 100));
      const n = gt.n ?? Math.max(0, eligible.length - dk - Math.round(targets.item_nonresponse * eligible.length));
      if (n + dk > eligible.length) {
        const fit = Math.max(0, eligible.length - n);
        notes.push(`${v.name} ${group}: ${dk} «vet ikke» reduced to ${fit} (${eligible.length} asked, n ${n})`);
        dk = fit;
      }
      if (n > eligible.length) throw new Error(`targets ${v.name} ${group}: n ${n} but only ${eligible.length} were asked`);
      const missing = eligible.length - n - dk;
      eligible.slice(0, missing).forEach((r) => answers.get(r.id)!.set(v.name, null));
      eligible.slice(missing, missing + dk).forEach((r) => answers.get(r.id)!.set(v.name, 9));
      const scored = eligible
        .slice(missing + dk)
        .map((r) => ({ r, score: t.loading * latent(r, t.latent) + Math.sqrt(1 - t.loading ** 2) * rng.normal() }))
        .sort((a, b) => a.score - b.score);
      let at = 0;
      for (const [code, count] of [...largestRemainder(gt.pct, n)].sort((a, b) => a[0] - b[0])) {
        for (let i = 0; i < count; i++) answers.get(scored[at++]!.r.id)!.set(v.name, code);
      }
    }
  };

  const multi = (question: string, t: MultiTarget) => {
    const options = codebook.variables.filter((v) => t.options.includes(v.name));
    const exclusive = options.filter((o) => o.exclusive).map((o) => o.name);
    for (const { key: group, members, target: gt } of partition(respondents, t.by_group, 'multi')) {
      const routed = options[0]!;
      const eligible = rng.shuffle(members.filter((r) => inSurvey(r, question) && asked(routed, answers.get(r.id)!, r)));
      const n = Math.min(gt.n ?? eligible.length - Math.round(targets.item_nonresponse * eligible.length), eligible.length);
      const answering = eligible.slice(0, n);
      eligible.slice(n).forEach((r) => options.forEach((o) => answers.get(r.id)!.set(o.name, null)));
      answering.forEach((r) => options.forEach((o) => answers.get(r.id)!.set(o.name, 0)));
      const taken = new Set<string>();
      // Exclusive options first: whoever ticks «vet ikke» or «ingen» ticks nothing else.
      for (const name of [...exclusive, ...t.options.filter((o) => !exclusive.includes(o))]) {
        const count = Math.round(((gt.pct_ticked[name] ?? 0) * n) / 100);
        const pool = answering
          .filter((r) => !taken.has(r.id))
          .map((r) => ({ r, score: t.loading * latent(r, t.latent) + Math.sqrt(1 - t.loading ** 2) * rng.normal() }))
          .sort((a, b) => b.score - a.score);
        if (count > pool.length) notes.push(`${name} ${group}: ${count} ticks wanted, ${pool.length} possible`);
        pool.slice(0, count).forEach(({ r }) => {
          answers.get(r.id)!.set(name, 1);
          if (exclusive.includes(name)) taken.add(r.id);
        });
      }
    }
  };

  const multiByQuestion = new Map(Object.entries(targets.multi));
  const done = new Set<string>();
  for (const v of codebook.variables) {
    const item = targets.items[v.name];
    if (item) single(v, item);
    else if (v.kind === 'multi' && !done.has(v.question) && multiByQuestion.has(v.question)) {
      multi(v.question, multiByQuestion.get(v.question)!);
      done.add(v.question);
    }
  }
  return { answers, notes };
}
