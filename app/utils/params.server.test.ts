import { describe, expect, it } from "vitest";
import { idParamOr404 } from "./params.server";

describe("idParamOr404", () => {
  it("reads a positive integer id", () => {
    expect(idParamOr404("42")).toBe(42);
  });

  it.each([undefined, "", "0", "-3", "1.5", "abc", "12abc"])("answers %j with a 404 page", (value) => {
    let thrown: unknown;
    try {
      idParamOr404(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
