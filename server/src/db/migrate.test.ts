import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './migrate.js';

describe('splitSqlStatements', () => {
  it('splits at semicolons that end a line and drops comment-only lines', () => {
    const sql = `-- a table\nCREATE TABLE a (x int CHECK (x ~ ';'));\n\n-- an index\nCREATE INDEX a_x ON a (x);\n`;
    expect(splitSqlStatements(sql)).toEqual([
      `CREATE TABLE a (x int CHECK (x ~ ';'))`,
      'CREATE INDEX a_x ON a (x)',
    ]);
  });
});
