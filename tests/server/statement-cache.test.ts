import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "../../src/server/storage/statement-cache";

describe("the SQLite connection's statement cache", () => {
  const sqlite = new SQLite(":memory:");
  afterEach(() => sqlite.exec("DROP TABLE IF EXISTS t"));

  it("hands back the statement it compiled for the same SQL, and runs it with new parameters", () => {
    const db = withStatementCache(sqlite);
    db.prepare("CREATE TABLE t (n INTEGER)").run([]);
    const insert = db.prepare("INSERT INTO t (n) VALUES (?)");
    expect(db.prepare("INSERT INTO t (n) VALUES (?)")).toBe(insert);
    insert.run([1]);
    db.prepare("INSERT INTO t (n) VALUES (?)").run([2]);
    expect(db.prepare("SELECT n FROM t ORDER BY n").all([])).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("keeps at most its size, dropping the least recently used", () => {
    const db = withStatementCache(sqlite, 2);
    const one = db.prepare("SELECT 1");
    const two = db.prepare("SELECT 2");
    expect(db.prepare("SELECT 1")).toBe(one); // now the most recent
    db.prepare("SELECT 3"); // drops SELECT 2
    expect(db.prepare("SELECT 1")).toBe(one);
    expect(db.prepare("SELECT 2")).not.toBe(two);
  });

  it("still sees a table changed after the statement was compiled", () => {
    const db = withStatementCache(sqlite);
    db.prepare("CREATE TABLE t (n INTEGER)").run([]);
    const select = db.prepare("SELECT * FROM t");
    db.prepare("ALTER TABLE t ADD COLUMN m TEXT").run([]);
    db.prepare("INSERT INTO t (n, m) VALUES (?, ?)").run([1, "a"]);
    expect(db.prepare("SELECT * FROM t")).toBe(select);
    expect(select.all([])).toEqual([{ n: 1, m: "a" }]);
  });
});
