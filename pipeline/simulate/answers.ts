/**
 * Answers with exact marginal counts and realistic correlation: every item's group counts come
 * from the targets by largest remainder, and who gets which code follows a per-respondent latent
 * score plus item noise (a Gaussian copula with exact margins). Routing is respected because
 * items are generated in questionnaire order and only asked respondents are eligible.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import type { GroupTarget, MultiTarget, WaveTargets } from '../../schemas/simulation.ts';
import type { Rng } from '../core/rng.ts';
import { largestRemainder } from './quota.ts';
import type { SimRespondent } from './respondents.ts';

export type AnswerRow = Map<string, number | null>;

export interface GeneratedAnswers {
  answers: Map<string, AnswerRow>;
  /** Adjustments the engine had to make to fit the targets (reported by the simulate command). */
  notes: string[];
}

function questionIndex(codebook: Codebook): Map<string, number> {
  return new Map(codebook.questions.map((q, i) => [q.id, i]));
}

function asked(v: Variable, row: AnswerRow, r: SimRespondent): boolean {
  if (!v.asked_if) return true;
  const value = v.asked_if.variable === 'kommunenr' ? r.invitee.kommune.kommunenr : row.get(v.asked_if.variable);
  return v.asked_if.in.some((x) => x === value);
}

export function generateAnswers(respondents: SimRespondent[], codebook: Codebook, targets: WaveTargets, rng: Rng): GeneratedAnswers {
  const qIndex = questionIndex(codebook);
  const answers = new Map<string, AnswerRow>(respondents.map((r) => [r.invitee.resp_id, new Map()]));
  const latents = new Map<string, Map<string, number>>();
  const general = new Map(respondents.map((r) => [r.invitee.resp_id, rng.normal()]));
  const latent = (r: SimRespondent, name: string): number => {
    let byResp = latents.get(name);
    if (!byResp) {
      // Every latent shares a little of a general attitude towards Nav, as real attitudes do.
      byResp = new Map(respondents.map((x) => [x.invitee.resp_id, 0.35 * general.get(x.invitee.resp_id)! + Math.sqrt(1 - 0.35 ** 2) * rng.normal()]));
      latents.set(name, byResp);
    }
    return byResp.get(r.invitee.resp_id)!;
  };
  const notes: string[] = [];
  const inSurvey = (r: SimRespondent, question: string) => !r.empty && (r.stopAfter === null || qIndex.get(question)! <= qIndex.get(r.stopAfter)!);
  const groupsOf = (by: Record<string, unknown>) => ['ordforer', 'radmann', 'annet'].filter((g) => by[g] || by.radmann);

  const single = (v: Variable, t: WaveTargets['items'][string]) => {
    for (const group of groupsOf(t.by_group)) {
      const gt: GroupTarget = t.by_group[group] ?? { ...t.by_group.radmann!, n: undefined, dont_know: 0 };
      const eligible = rng.shuffle(respondents.filter((r) => r.group === group && inSurvey(r, v.question) && asked(v, answers.get(r.invitee.resp_id)!, r)));
      let dk = group === 'annet' && !t.by_group[group] ? 0 : gt.dont_know;
      const n = gt.n ?? Math.max(0, eligible.length - dk - Math.round(targets.item_nonresponse * eligible.length));
      if (n + dk > eligible.length) {
        const fit = Math.max(0, eligible.length - n);
        notes.push(`${v.name} ${group}: ${dk} «vet ikke» reduced to ${fit} (${eligible.length} asked, n ${n})`);
        dk = fit;
      }
      if (n > eligible.length) throw new Error(`targets ${v.name} ${group}: n ${n} but only ${eligible.length} were asked`);
      const missing = eligible.length - n - dk;
      eligible.slice(0, missing).forEach((r) => answers.get(r.invitee.resp_id)!.set(v.name, null));
      eligible.slice(missing, missing + dk).forEach((r) => answers.get(r.invitee.resp_id)!.set(v.name, 9));
      const scored = eligible
        .slice(missing + dk)
        .map((r) => ({ r, score: t.loading * latent(r, t.latent) + Math.sqrt(1 - t.loading ** 2) * rng.normal() }))
        .sort((a, b) => a.score - b.score);
      let at = 0;
      for (const [code, count] of [...largestRemainder(gt.pct, n)].sort((a, b) => a[0] - b[0])) {
        for (let i = 0; i < count; i++) answers.get(scored[at++]!.r.invitee.resp_id)!.set(v.name, code);
      }
    }
  };

  const multi = (question: string, t: MultiTarget) => {
    const options = codebook.variables.filter((v) => t.options.includes(v.name));
    const exclusive = options.filter((o) => o.exclusive).map((o) => o.name);
    for (const group of groupsOf(t.by_group)) {
      const gt = t.by_group[group] ?? t.by_group.radmann!;
      const eligible = rng.shuffle(respondents.filter((r) => r.group === group && inSurvey(r, question)));
      const n = Math.min(gt.n ?? eligible.length - Math.round(targets.item_nonresponse * eligible.length), eligible.length);
      const answering = eligible.slice(0, n);
      eligible.slice(n).forEach((r) => options.forEach((o) => answers.get(r.invitee.resp_id)!.set(o.name, null)));
      answering.forEach((r) => options.forEach((o) => answers.get(r.invitee.resp_id)!.set(o.name, 0)));
      const taken = new Set<string>();
      // Exclusive options first: whoever ticks «vet ikke» or «ingen» ticks nothing else.
      for (const name of [...exclusive, ...t.options.filter((o) => !exclusive.includes(o))]) {
        const count = Math.round(((gt.pct_ticked[name] ?? 0) * n) / 100);
        const pool = answering
          .filter((r) => !taken.has(r.invitee.resp_id))
          .map((r) => ({ r, score: t.loading * latent(r, t.latent) + Math.sqrt(1 - t.loading ** 2) * rng.normal() }))
          .sort((a, b) => b.score - a.score);
        if (count > pool.length) notes.push(`${name} ${group}: ${count} ticks wanted, ${pool.length} possible`);
        pool.slice(0, count).forEach(({ r }) => {
          answers.get(r.invitee.resp_id)!.set(name, 1);
          if (exclusive.includes(name)) taken.add(r.invitee.resp_id);
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
