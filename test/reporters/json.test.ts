import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleAuditReport, toolInfo } from '../../src/checker/audit.js';
import { formatJsonReport, writeJsonReport } from '../../src/reporters/json.js';
import { auditReport } from '../fixtures/reports/audit-report.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('JSON reporter', () => {
  it('writes the AuditReport exactly as the data model', () => {
    expect(JSON.parse(formatJsonReport(auditReport))).toEqual(auditReport);
    expect(formatJsonReport(auditReport).endsWith('}\n')).toBe(true);
  });

  it('writes atomically, creating parent directories and replacing an older report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lemmacheck-json-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'deeper', 'report.json');
    await writeJsonReport(file, auditReport);
    await writeFile(file, 'stale');
    await writeJsonReport(file, auditReport);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(auditReport);
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['report.json']);
  });

  it('names the tool and its version from package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(toolInfo()).toEqual({ name: 'lemmacheck', version: pkg.version });
    const report = assembleAuditReport(auditReport.lemmas, { seed: 7, runs: 12, ms: 5 });
    expect(report.tool.name).toBe('lemmacheck');
    expect(report).toMatchObject({ seed: 7, runs: 12, summary: auditReport.summary, timing: { ms: 5 } });
  });
});
