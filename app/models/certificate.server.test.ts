import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import type { Database } from "#db/connection.server";
import { createAccount } from "~/accounts/accounts.server";
import { countCertificates, findCertificateByCode, findCertificateOfUser, insertCertificate, listCertificationDates } from "./certificate.server";

let db: Database;
let [ana, ben, carl] = [0, 0, 0];
const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const coreSet = { scenarios: [{ id: "parcel", title: "The parcel that never came" }], minScore: 80, minMastery: 70 };

beforeAll(async () => {
  db = await useFreshDatabase();
  const person = (name: string) => createAccount({ email: `${name}@example.test`, displayName: name, role: "trainee", teamId: null, password: "" }, HASH);
  [ana, ben, carl] = [await person("Ana"), await person("Ben"), await person("Carl")];
});

describe("certificate rows", () => {
  it("stores a certificate and finds it by its holder and by its code", async () => {
    const at = new Date("2026-05-01T10:00:00.000Z");
    expect(await insertCertificate({ code: "code-ana", userId: ana, holderName: "Ana", coreSet }, at)).toBe(true);
    const expected = { code: "code-ana", userId: ana, holderName: "Ana", earnedAt: at.toISOString(), coreSet };
    expect(await findCertificateOfUser(ana)).toEqual(expected);
    expect(await findCertificateByCode("code-ana")).toEqual(expected);
    expect(await findCertificateByCode("code-nobody")).toBeUndefined();
    expect(await findCertificateOfUser(ben)).toBeUndefined();
  });

  it("keeps the first certificate of a trainee: a second insert stores nothing", async () => {
    const later = new Date("2026-06-01T10:00:00.000Z");
    const other = { scenarios: [{ id: "returns", title: "No receipt" }], minScore: 80, minMastery: 70 };
    expect(await insertCertificate({ code: "code-ana-2", userId: ana, holderName: "Ana B", coreSet: other }, later)).toBe(false);
    expect(await findCertificateOfUser(ana)).toMatchObject({ code: "code-ana", holderName: "Ana", coreSet });
    expect(await findCertificateByCode("code-ana-2")).toBeUndefined();
  });

  it("stores one certificate when two inserts for one trainee race", async () => {
    const results = await Promise.all([
      insertCertificate({ code: "code-ben-1", userId: ben, holderName: "Ben", coreSet }),
      insertCertificate({ code: "code-ben-2", userId: ben, holderName: "Ben", coreSet }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countCertificates()).toBe(2);
  });

  it("refuses a core set without scenarios", async () => {
    await expect(insertCertificate({ code: "code-carl", userId: carl, holderName: "Carl", coreSet: { ...coreSet, scenarios: [] } })).rejects.toThrow();
    expect(await findCertificateOfUser(carl)).toBeUndefined();
  });

  it("refuses to read a row whose core set is not a recorded core set", async () => {
    await db.write((tx) => tx.run("INSERT INTO certificates (code, user_id, holder_name, earned_at, core_set) VALUES ('bad', ?, 'Carl', '2026-05-01T00:00:00.000Z', '[]')", [carl]));
    await expect(findCertificateByCode("bad")).rejects.toThrow();
    await db.write((tx) => tx.run("DELETE FROM certificates WHERE code = 'bad'"));
  });

  it("lists certification dates of the users asked for, leaving out those without one", async () => {
    const dates = await listCertificationDates([ana, ben, carl, ana]);
    expect([...dates.keys()].sort()).toEqual([ana, ben].sort());
    expect(dates.get(ana)).toBe("2026-05-01T10:00:00.000Z");
    expect(await listCertificationDates([])).toEqual(new Map());
  });
});
