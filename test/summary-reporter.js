// Prints the plain closing line CI reads ("N passed, N failed"). Jest's own summary is written
// after the reporters run, so the line goes out as the process exits, to be the last one.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
