/**
 * Generators of valid (and deliberately huge) scenario sources, for tests and
 * for the engine benchmark. Deterministic for a given seed.
 */

export interface GenerateOptions {
  id?: string;
  steps?: number;
  flags?: number;
  loops?: number;
  seed?: number;
}

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * A chain of `steps` steps with an escalation ending. Early steps may set
 * flags that later steps test; `loops` steps offer a way back two steps.
 * Every step keeps one unconditional way forward, so the file is valid.
 */
export function generateScenario({ id = "generated", steps = 40, flags = 4, loops = 3, seed = 1 }: GenerateOptions = {}): string {
  const random = rng(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const flagNames = Array.from({ length: flags }, (_, i) => `flag-${i + 1}`);
  const loopSteps = new Set(Array.from({ length: loops }, (_, i) => Math.floor(((i + 1) * steps) / (loops + 1))));
  const out: string[] = [
    "---",
    `id: ${id}`,
    `title: Generated scenario ${id}`,
    "summary: A long generated conversation for tests and benchmarks.",
    "persona: angry",
    "customer: Sam",
    "channel: phone",
    "difficulty: 3",
    "mood: -1",
    "escalation: walked-away",
    "tags: [generated]",
    "---",
    "",
    "<Brief>",
    "A generated customer with a **generated** problem. See [the policy](https://example.com/policy).",
    "</Brief>",
    "",
  ];
  const next = (i: number) => (i + 1 < steps ? `s${i + 1}` : "fixed");
  for (let i = 0; i < steps; i++) {
    out.push(`<Step id="s${i}"${i % 7 === 3 ? " patience={30}" : ""}>`);
    out.push(`  <Customer>Turn ${i}: the customer says something *pointed* about the problem.</Customer>`);
    if (i % 5 === 0) out.push("  <Coach>Take your time and name what you heard.</Coach>");
    out.push(
      `  <Choice to="${next(i)}" listening={${pick(1, 3)}} empathy={${pick(0, 2)}} mood={1} feedback="A good reply.">`,
      `    A careful reply at turn ${i}.`,
      "  </Choice>",
      `  <Choice to="${next(i)}" listening={${pick(-3, 0)}} calm={${pick(-2, 1)}} mood={-1} feedback="A hasty reply.">`,
      `    A hasty reply at turn ${i}.`,
      "  </Choice>",
    );
    const flag = flagNames[i % Math.max(1, flags)];
    if (flag && i < steps / 2) {
      out.push(`  <Choice to="${next(i)}" set="${flag}" persuasion={${pick(-1, 2)}} expectations={${pick(-3, 3)}}>Promise ${flag} at turn ${i}.</Choice>`);
    } else if (flag) {
      out.push(`  <Choice to="${next(i)}" requires="${flag}" expectations={-2} mood={-2}>Refer to ${flag} at turn ${i}.</Choice>`);
      out.push(`  <Choice to="${next(i)}" unless="${flag}" expectations={2}>Set honest expectations at turn ${i}.</Choice>`);
    }
    if (loopSteps.has(i) && i >= 2) out.push(`  <Choice to="s${i - 2}" listening={-1} mood={-1}>Could you start again from the beginning?</Choice>`);
    out.push("</Step>", "");
  }
  out.push(
    '<Ending id="fixed" outcome="satisfied" resolved>',
    "The customer thanks you.",
    "</Ending>",
    "",
    '<Ending id="walked-away" outcome="escalated">',
    "The customer asks for a manager.",
    "</Ending>",
    "",
  );
  return out.join("\n");
}

/**
 * A chain in which every step may set its own tested flag: 2^steps flag
 * combinations, far beyond the explorer's limit when steps ≥ 18.
 */
export function generateExplosive(steps = 20): string {
  const out = [
    "---",
    "id: explosive",
    "title: Too many states",
    "summary: Every step doubles the number of flag combinations.",
    "persona: patient",
    "customer: Kim",
    "channel: email",
    "difficulty: 1",
    "---",
    "",
  ];
  for (let i = 0; i < steps; i++) {
    const to = i + 1 < steps ? `s${i + 1}` : "done";
    out.push(
      `<Step id="s${i}">`,
      `  <Customer>Question ${i}?</Customer>`,
      `  <Choice to="${to}" set="f${i}" listening={1}>Yes.</Choice>`,
      `  <Choice to="${to}" unless="f${(i + 1) % steps}" listening={-1}>No.</Choice>`,
      `  <Choice to="${to}" requires="f${i}">Maybe.</Choice>`,
      "</Step>",
      "",
    );
  }
  out.push('<Ending id="done" outcome="neutral">', "Done.", "</Ending>", "");
  return out.join("\n");
}
