import * as z from "zod";
import { getDb } from "#db/db.server";
import { placeholders } from "./analytics.server";
import { isoNow } from "./time.server";

/** Certificates (migration 0006): one per trainee at most, never changed once written. */

const CoreSetEntry = z.object({ id: z.string(), title: z.string() });
/** What `core_set` holds: the core scenarios (ids and titles) and the bars the certificate was earned against. */
const CoreSet = z.object({
  scenarios: z.array(CoreSetEntry).min(1),
  minScore: z.number().int(),
  minMastery: z.number().int(),
});
export type RecordedCoreSet = z.infer<typeof CoreSet>;

const CertificateRow = z.object({
  code: z.string(),
  user_id: z.number().int(),
  holder_name: z.string(),
  earned_at: z.string(),
  core_set: z.string().transform((text, context) => {
    const parsed = CoreSet.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    context.addIssue({ code: "custom", message: `core_set is not a recorded core set: ${parsed.error.message}` });
    return z.NEVER;
  }),
});

export type CertificateRecord = {
  code: string;
  userId: number;
  holderName: string;
  earnedAt: string;
  coreSet: RecordedCoreSet;
};

const toRecord = (row: z.infer<typeof CertificateRow>): CertificateRecord => ({
  code: row.code,
  userId: row.user_id,
  holderName: row.holder_name,
  earnedAt: row.earned_at,
  coreSet: row.core_set,
});

export async function findCertificateOfUser(userId: number): Promise<CertificateRecord | undefined> {
  const db = await getDb();
  const row = await db.get(CertificateRow, "SELECT * FROM certificates WHERE user_id = ?", [userId]);
  return row && toRecord(row);
}

export async function findCertificateByCode(code: string): Promise<CertificateRecord | undefined> {
  const db = await getDb();
  const row = await db.get(CertificateRow, "SELECT * FROM certificates WHERE code = ?", [code]);
  return row && toRecord(row);
}

/**
 * Stores a certificate unless the trainee already holds one (user_id is UNIQUE): true when this
 * call stored it, false when another got there first, so a double call stores one.
 */
export async function insertCertificate(certificate: Omit<CertificateRecord, "earnedAt">, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const coreSet = JSON.stringify(CoreSet.parse(certificate.coreSet));
  const { changes } = await db.write((tx) =>
    tx.run("INSERT INTO certificates (code, user_id, holder_name, earned_at, core_set) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING", [
      certificate.code,
      certificate.userId,
      certificate.holderName,
      isoNow(at),
      coreSet,
    ]),
  );
  return changes === 1;
}

const DateRow = z.object({ user_id: z.number().int(), earned_at: z.string() });

/** When each of these users earned their certificate; users without one are absent. */
export async function listCertificationDates(userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const unique = [...new Set(userIds)];
  const rows = await db.all(DateRow, `SELECT user_id, earned_at FROM certificates WHERE user_id IN (${placeholders(unique)})`, unique);
  return new Map(rows.map((row) => [row.user_id, row.earned_at]));
}

/** How many certificates have been earned, for the admin's page. */
export async function countCertificates(): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ count: z.number().int() }), "SELECT COUNT(*) AS count FROM certificates");
  return row?.count ?? 0;
}
