// Reads vitest's JSON report, prints the plain closing line CI looks for, and fails when any
// test was skipped: in CI the PostgreSQL and browser tests must really run.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = [];
for (const file of report.testResults) {
  for (const test of file.assertionResults) {
    if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
      skipped.push(`${file.name}: ${test.fullName}`);
    }
  }
}
const passed = report.numPassedTests;
const failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
if (skipped.length > 0) {
  console.error(`${skipped.length} test(s) were skipped, which CI does not allow:`);
  for (const s of skipped.slice(0, 50)) console.error(`  ${s}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 || skipped.length > 0 || passed === 0 ? 1 : 0);
