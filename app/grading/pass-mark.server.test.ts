import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { changePassMark, DEFAULT_PASS_MARK, parsePassMarkForm, passMarkNow, passMarkView } from "./pass-mark.server";

let adminId = 0;
beforeEach(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

describe("the pass mark", () => {
  it("is 70 until an admin sets one", async () => {
    expect(DEFAULT_PASS_MARK).toBe(70);
    expect(await passMarkNow()).toBe(70);
    expect(await passMarkView()).toEqual({ passMark: 70, isDefault: true, fallback: 70, min: 0, max: 100, updatedAt: null, updatedBy: null });
  });

  it("holds a change at once, with who made it and when; the next change replaces it", async () => {
    expect(await changePassMark(85, adminId, new Date("2026-05-04T09:00:00Z"))).toBe(true);
    expect(await passMarkNow()).toBe(85);
    expect(await passMarkView()).toMatchObject({ passMark: 85, isDefault: false, updatedAt: "2026-05-04T09:00:00.000Z", updatedBy: "Ada Admin" });
    expect(await changePassMark(0, adminId)).toBe(true);
    expect(await passMarkNow()).toBe(0);
    const db = await getDb();
    await db.write((tx) => tx.run("DELETE FROM users WHERE id = ?", [adminId]));
    expect(await passMarkView()).toMatchObject({ passMark: 0, updatedBy: null });
  });

  it("stores nothing when the value is already the one in force", async () => {
    expect(await changePassMark(70, adminId)).toBe(false);
    expect((await passMarkView()).isDefault).toBe(true);
    await changePassMark(100, adminId);
    expect(await changePassMark(100, adminId)).toBe(false);
  });

  it("refuses a value outside 0 to 100 or not whole, even when called directly", async () => {
    for (const value of [-1, 101, 70.5, Number.NaN]) await expect(changePassMark(value, adminId), String(value)).rejects.toThrow(RangeError);
    expect(await passMarkNow()).toBe(70);
  });
});

describe("the pass mark form", () => {
  const message = "Enter the pass mark as a whole number from 0 to 100.";
  const parse = (passMark: string | null) => {
    const data = new FormData();
    if (passMark !== null) data.set("passMark", passMark);
    const submission = parsePassMarkForm(data, message);
    return submission.status === "success" ? submission.value : submission.error;
  };

  it("takes a whole number from 0 to 100", () => {
    expect(parse("0")).toEqual({ passMark: 0 });
    expect(parse(" 85 ")).toEqual({ passMark: 85 });
    expect(parse("100")).toEqual({ passMark: 100 });
  });

  it("names the field for a missing, empty, unreadable, fractional or out-of-range value", () => {
    for (const value of [null, "", "lots", "70.5", "-1", "101", "1e3"]) expect(parse(value), String(value)).toEqual({ passMark: [message] });
  });
});
