import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Production files (not tests, fixtures or benchmarks) that git tracks under the given folders. */
function productionFiles(): string[] {
  const out = execFileSync('git', ['ls-files', 'server', 'common', 'web/src', 'scripts'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .filter((f) => !/\.test\.tsx?$/.test(f) && !f.startsWith('server/test/'));
}

describe('code layout (issue #12)', () => {
  it('keeps every production file under 400 lines', () => {
    const long = productionFiles()
      .filter((f) => fs.existsSync(f))
      .map((f) => ({ f, lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400);
    expect(long).toEqual([]);
  });

  it('takes every form input’s text limit from the request schema, never a literal', () => {
    const literal = productionFiles()
      .filter((f) => f.startsWith('web/src/') && fs.existsSync(f))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, line }))
          .filter((x) => /maxLength=\{\d+\}/.test(x.line)),
      )
      .map((x) => x.at);
    // Use maxLengthOf(ZSchema.shape.field) from web/src/lib/schema-limits.ts.
    expect(literal).toEqual([]);
  });
});
