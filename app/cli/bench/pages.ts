/**
 * Page GETs under autocannon, each asking for compression as browsers do: the closed-loop record
 * (requests per second, latency) and, from the same windows, the server's CPU per request.
 */
import { cannon, getFigures, mergeRuns, type GetFigures, type Run } from "./cannon";
import { BROWSER_ENCODING, bodyText, httpClient } from "./client";
import type { Trainee } from "./trainees";

/** A GET the bench measures: where it goes, and (for a check before the run) what its page must contain. */
export type GetSpec = {
  name: string;
  label: string;
  base: string;
  /** The process whose tree serves it. */
  pid: number | undefined;
  /** One path for all, or one per trainee. */
  path: string | ((trainee: Trainee) => string);
  /** Each connection is a trainee with its session cookie (the default for a per-trainee path). */
  signedIn?: boolean;
  accept?: string;
  /** Send no Accept-Encoding (for information only: what compression costs). */
  identity?: boolean;
  mustContain?: string;
};

const signedIn = (spec: GetSpec) => spec.signedIn ?? typeof spec.path === "function";

const headersFor = (spec: GetSpec, trainee: Trainee | undefined): Record<string, string> => ({
  accept: spec.accept ?? "text/html",
  ...(spec.identity ? {} : { "accept-encoding": BROWSER_ENCODING }),
  ...(trainee && signedIn(spec) ? { cookie: trainee.cookie } : {}),
});

const pathFor = (spec: GetSpec, trainee: Trainee | undefined) => (typeof spec.path === "string" ? spec.path : spec.path(trainee!));

/**
 * Autocannon cannot read a compressed body: before a run, one request per spec (the first trainee's)
 * is read through our client and must be a 200 with the expected content; during the run every
 * status other than 200 counts as an error. Returns the Content-Encoding the server chose.
 */
export async function checkPage(spec: GetSpec, trainee: Trainee | undefined): Promise<string> {
  const client = httpClient(spec.base);
  try {
    const path = pathFor(spec, trainee);
    const reply = await client.request("GET", path, headersFor(spec, trainee));
    if (reply.status !== 200) throw new Error(`${spec.label} (${path}) answered ${reply.status}`);
    if (spec.mustContain && !bodyText(reply).includes(spec.mustContain)) throw new Error(`${spec.label} (${path}) does not contain ${spec.mustContain}`);
    return String(reply.headers["content-encoding"] ?? "identity");
  } finally {
    client.close();
  }
}

export async function getRun(
  spec: GetSpec,
  { seconds, warmup, connections, trainees }: { seconds: number; warmup: number; connections: number; trainees: readonly Trainee[] },
): Promise<Run> {
  let next = 0;
  return cannon(spec.base, spec.pid, {
    seconds,
    warmup,
    connections,
    path: typeof spec.path === "string" ? spec.path : "/",
    headers: headersFor(spec, undefined),
    setupClient: !signedIn(spec)
        ? undefined
        : (client) => {
            const trainee = trainees[next++ % trainees.length]!;
            client.setRequests([{ method: "GET", path: pathFor(spec, trainee), headers: headersFor(spec, trainee) }]);
          },
  });
}

export type GetResult = GetFigures & { encoding: string; serverCpuMsPerRequest: number | null };

/**
 * Each spec for `seconds` in all, in two halves ordered as given, then back: on a shared machine
 * a drift in background load weighs on all alike. Each half opens with a warm-up that is not counted.
 */
export async function measureGets(
  specs: readonly GetSpec[],
  options: { seconds: number; warmup: number; connections: number; trainees: readonly Trainee[]; onResult?: (result: GetResult) => void },
): Promise<Record<string, GetResult>> {
  const encodings = new Map<string, string>();
  for (const spec of specs) encodings.set(spec.name, await checkPage(spec, options.trainees[0]));
  const runs = new Map<string, Run[]>(specs.map((spec) => [spec.name, []]));
  for (const spec of [...specs, ...[...specs].reverse()]) runs.get(spec.name)!.push(await getRun(spec, { ...options, seconds: options.seconds / 2 }));
  const results: Record<string, GetResult> = {};
  for (const spec of specs) {
    const figures = getFigures(spec.label, mergeRuns(runs.get(spec.name)!), 0);
    results[spec.name] = { ...figures, encoding: encodings.get(spec.name)!, serverCpuMsPerRequest: figures.load.serverCpuMsPer };
    options.onResult?.(results[spec.name]!);
  }
  return results;
}
