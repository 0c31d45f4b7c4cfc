// Test helper for src/calendar/ical/render-calendar.spec.ts: renders a feed given as JSON on stdin with the real
// module (compiled on the fly), in a process whose TZ the test sets.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const { renderCalendar } = require('../src/calendar/ical/render-calendar.ts');
const feed = JSON.parse(fs.readFileSync(0, 'utf8'), (key, value) =>
  ['startsAt', 'endsAt', 'lastModified'].includes(key) ? new Date(value) : value,
);
process.stdout.write(renderCalendar(feed));
