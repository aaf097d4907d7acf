import { describe, expect, it } from "vitest";
import { pageOf } from "./overview.server";

const rows = Array.from({ length: 250 }, (_, i) => i + 1);

describe("pageOf", () => {
  it("cuts sorted rows into pages and says which rows are shown", () => {
    expect(pageOf(rows, 1).paging).toEqual({ page: 1, pages: 3, first: 1, last: 100, total: 250 });
    const third = pageOf(rows, 3);
    expect(third.rows).toEqual(rows.slice(200));
    expect(third.paging).toEqual({ page: 3, pages: 3, first: 201, last: 250, total: 250 });
  });

  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageOf(rows, 9).paging.page).toBe(3);
    expect(pageOf([], 1)).toEqual({ rows: [], paging: { page: 1, pages: 1, first: 0, last: 0, total: 0 } });
  });
});
