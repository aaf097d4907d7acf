/** Pieces shared by the `scenarios` subcommands. */
interface Located {
  path: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

export class UsageError extends Error {}

export function formatProblem(p: Located): string {
  return `${p.path}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Arguments split into positional ones, `--name value` options and bare `--switch`es named in `switches`. */
export function parseArgs(args: readonly string[], switches: readonly string[] = []): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) flags.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (switches.includes(arg)) flags.set(arg, "");
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
      i++;
    }
  }
  return { positional, flags };
}

export function refuseUnknown(flags: Map<string, string>, known: readonly string[]): void {
  for (const flag of flags.keys()) if (!known.includes(flag)) throw new UsageError(`unknown option ${flag}`);
}

export const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)} %`);
export const score = (value: number | null) => (value === null ? "–" : Number.isInteger(value) ? String(value) : value.toFixed(1));
