import fs from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import type * as z from "zod";

export type SqlParam = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlParam[] | Record<string, SqlParam>;

export type RunResult = { changes: number; lastID: number };

/** Statements allowed inside a write transaction. */
export interface WriteTx {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams): Promise<z.output<S> | undefined>;
  all<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams): Promise<z.output<S>[]>;
  exec(sql: string): Promise<void>;
}

export type WriteOptions = {
  /**
   * For a migration that rebuilds a table others refer to (SQLite's documented procedure): foreign keys are off for the
   * transaction, so dropping the old copy cascades nowhere, and `PRAGMA foreign_key_check` must come back empty before
   * it commits. The pragma only takes effect outside a transaction, hence an option and not a statement.
   */
  foreignKeysOff?: boolean;
};

export interface Database {
  readonly path: string;
  /** Reads on a query-only connection; rows are parsed with the given zod schema. */
  get<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams): Promise<z.output<S> | undefined>;
  all<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams): Promise<z.output<S>[]>;
  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT on the single writer connection.
   * Transactions are queued, so two never overlap on that connection (the sqlite3
   * package fails with "cannot start a transaction within a transaction" when they do).
   */
  write<T>(work: (tx: WriteTx) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** A consistent copy of the whole database into a new file (queued behind pending writes). */
  vacuumInto(file: string): Promise<void>;
  close(): Promise<void>;
}

function promisedRun(conn: sqlite3.Database, sql: string, params: SqlParams = []): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    conn.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function promisedAll(conn: sqlite3.Database, sql: string, params: SqlParams = []): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    conn.all(sql, params, (error: Error | null, rows: unknown[]) => (error ? reject(error) : resolve(rows)));
  });
}

function promisedExec(conn: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => conn.exec(sql, (error) => (error ? reject(error) : resolve())));
}

function parseRows<S extends z.ZodType>(schema: S, rows: unknown[], sql: string): z.output<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new Error(`A row from the database did not have the expected shape (${sql.trim().slice(0, 80)}): ${parsed.error.message}`);
    }
    return parsed.data;
  });
}

function openConnection(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(conn)));
  });
}

export const BUSY_TIMEOUT_MS = 5_000;

/**
 * How a writer waits for the write lock another process holds.
 * - "retry" (the default): the writer connection has no busy timeout, and `BEGIN IMMEDIATE` is tried again after a
 *   short random pause (1 or 2 ms) until BUSY_TIMEOUT_MS has passed. SQLite's own busy handler sleeps 1, 2, 5, 10,
 *   15, 20, 25, 25, 25, 50, 50 and then 100 ms between tries: under steady contention from another process a waiter
 *   soon sleeps 25 to 100 ms while the lock is free again within a millisecond or two, which made two server
 *   processes slower than one (bench:writers measures both).
 * - "sqlite": SQLite's own handler, for comparison.
 */
export type BusyWait = "retry" | "sqlite";

async function configure(conn: sqlite3.Database, { readOnly, busyTimeoutMs }: { readOnly: boolean; busyTimeoutMs: number }) {
  conn.configure("busyTimeout", busyTimeoutMs);
  await promisedExec(
    conn,
    [
      `PRAGMA busy_timeout = ${busyTimeoutMs}`,
      "PRAGMA foreign_keys = ON",
      // A finished attempt must survive a power cut.
      "PRAGMA synchronous = FULL",
      readOnly ? "PRAGMA query_only = ON" : "PRAGMA journal_mode = WAL",
    ].join(";\n"),
  );
}

function readerOf(conn: sqlite3.Database) {
  return {
    async get<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams) {
      const rows = await promisedAll(conn, sql, params);
      return rows.length === 0 ? undefined : parseRows(schema, rows.slice(0, 1), sql)[0];
    },
    async all<S extends z.ZodType>(schema: S, sql: string, params?: SqlParams) {
      return parseRows(schema, await promisedAll(conn, sql, params), sql);
    },
  };
}

async function setBusyTimeout(conn: sqlite3.Database, ms: number): Promise<void> {
  conn.configure("busyTimeout", ms);
  await promisedExec(conn, `PRAGMA busy_timeout = ${ms}`);
}

const isBusy = (error: unknown) => (error as { code?: string } | null)?.code === "SQLITE_BUSY";

/**
 * `BEGIN IMMEDIATE`, tried again after a short random pause while another process holds the write lock (see BusyWait).
 * Only BEGIN waits: once it succeeds this connection holds the lock, so the transaction's statements and its COMMIT
 * (WAL: the automatic checkpoint is passive) never meet another writer.
 */
export async function beginImmediate(conn: sqlite3.Database, deadlineMs = BUSY_TIMEOUT_MS): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      return await promisedExec(conn, "BEGIN IMMEDIATE");
    } catch (error) {
      if (!isBusy(error) || performance.now() - start > deadlineMs) throw error;
    }
    // Node's timers have a 1 ms grain: 1 or 2 ms at random, so that two waiting processes do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.5 ? 1 : 2));
  }
}

/**
 * Opens the database file (creating its folder) with one writer and one query-only reader
 * connection; `readOnly` opens a single query-only connection (for checking a backup).
 */
export async function openDatabase(file: string, { readOnly = false, busyWait = "retry" }: { readOnly?: boolean; busyWait?: BusyWait } = {}): Promise<Database> {
  if (readOnly) {
    const conn = await openConnection(file, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
    const refuse = () => Promise.reject(new Error(`${file} was opened read-only`));
    return {
      path: file,
      ...readerOf(conn),
      write: refuse,
      vacuumInto: refuse,
      close: () => new Promise<void>((resolve, reject) => conn.close((e) => (e ? reject(e) : resolve()))),
    };
  }
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = await openConnection(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX);
  // Setting WAL needs the lock too: wait for it the ordinary way, then (with "retry") wait in beginImmediate only.
  await configure(writer, { readOnly: false, busyTimeoutMs: BUSY_TIMEOUT_MS });
  if (busyWait === "retry") await setBusyTimeout(writer, 0);
  const reader = file === ":memory:" ? writer : await openConnection(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_FULLMUTEX);
  if (reader !== writer) await configure(reader, { readOnly: true, busyTimeoutMs: BUSY_TIMEOUT_MS });

  const tx: WriteTx = {
    run: (sql, params) => promisedRun(writer, sql, params),
    exec: (sql) => promisedExec(writer, sql),
    ...readerOf(writer),
  };

  let queue: Promise<unknown> = Promise.resolve();
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  }
  async function transaction<T>(work: (tx: WriteTx) => Promise<T>, { foreignKeysOff = false }: WriteOptions = {}): Promise<T> {
    if (foreignKeysOff) await promisedExec(writer, "PRAGMA foreign_keys = OFF");
    try {
      await (busyWait === "retry" ? beginImmediate(writer) : promisedExec(writer, "BEGIN IMMEDIATE"));
      try {
        const result = await work(tx);
        if (foreignKeysOff) {
          const broken = await promisedAll(writer, "PRAGMA foreign_key_check");
          if (broken.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(broken.slice(0, 5))}`);
        }
        await promisedExec(writer, "COMMIT");
        return result;
      } catch (error) {
        await promisedExec(writer, "ROLLBACK").catch(() => undefined);
        throw error;
      }
    } finally {
      if (foreignKeysOff) await promisedExec(writer, "PRAGMA foreign_keys = ON");
    }
  }

  return {
    path: file,
    ...readerOf(reader),
    write: (work, options) => enqueue(() => transaction(work, options)),
    vacuumInto: (target) => enqueue(() => promisedRun(writer, "VACUUM INTO ?", [target]).then(() => undefined)),
    async close() {
      await queue;
      const connections = reader === writer ? [writer] : [reader, writer];
      await Promise.all(
        connections.map((conn) => new Promise<void>((resolve, reject) => conn.close((e) => (e ? reject(e) : resolve())))),
      );
    },
  };
}
