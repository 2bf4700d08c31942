// Prints the plain closing line CI reads ("N passed, N failed") after Jest's own summary (both on stderr).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stderr.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
  }
}
module.exports = SummaryReporter;
