#!/usr/bin/env node
// footnorm's test peer: does citation-js read FILE without a complaint?
// usage: node citationjs_check.js bibtex|csl FILE   -> prints {"entries": n, "ids": [...], "problems": [...]}
// Problems are citation-js log warnings and errors, exceptions, and duplicate ids.
const fs = require('fs');
const { plugins, logger } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-csl');

const [kind, file] = process.argv.slice(2);
const forceType = { bibtex: '@bibtex/text', csl: '@csl/list+object' }[kind];
if (!forceType || !file) {
  console.error('usage: citationjs_check.js bibtex|csl FILE');
  process.exit(2);
}
const problems = [];
const output = logger._output.bind(logger);
logger._output = (level, scope, msg) => {
  if (level === 'warn' || level === 'error') problems.push(`${level}: ${scope} ${msg.join(' ')}`);
  output(level, scope, msg);
};
let items = [];
try {
  let data = fs.readFileSync(file, 'utf8');
  if (kind === 'csl') data = JSON.parse(data);
  items = plugins.input.chain(data, { forceType, generateGraph: false });
} catch (e) {
  problems.push('error: ' + String(e.message).split('\n')[0]);
}
const seen = new Set();
for (const item of items) {
  if (seen.has(item.id)) problems.push(`error: duplicate id ${item.id}`);
  seen.add(item.id);
}
console.log(JSON.stringify({ entries: items.length, ids: items.map(i => i.id), problems }));
