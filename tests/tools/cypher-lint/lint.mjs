// Lint named Cypher queries with Neo4j's own parser and semantic analysis.
//
// Usage: node lint.mjs FILE.cypher [FILE.cypher ...]
//
// Each file holds one or more queries, each starting at a `// name: <query_name>` header line
// and running until the next header (the comment lines under a header document the query).
// Every query is checked with `lintCypherQuery` from @neo4j-cypher/language-support as Cypher 5,
// the language of the `neo4j:5` image we deploy.
//
// Prints one JSON document on stdout:
//   {"ok": bool, "failures": n,
//    "files": [{"file", "diagnostics": [...], "queries": [{"name", "line", "diagnostics": [...]}]}]}
// where each diagnostic is {"severity", "message", "line", "column"} with 1-based positions in
// the file. Exit status: 0 when nothing was reported, 1 when something was, 2 on bad usage
// (no arguments, or a file that does not exist).
//
// Everything the parser reports counts, warnings and deprecations included (`id()`, cartesian
// products): a query that only warns on Neo4j today is a query that breaks on the next major.
// The one exception is "Parameter $x is not defined": parameters are bound at run time.

import { existsSync, readFileSync } from 'node:fs';
import { isNotParamError, lintCypherQuery, parseStatementsStrs } from '@neo4j-cypher/language-support';

const NAME_HEADER = /^\s*\/\/\s*name:\s*(\S+)\s*$/;
// graph/queries.py only takes lower_snake_case names; any other name would not be a header there.
const QUERY_NAME = /^[a-z_][a-z0-9_]*$/;
const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
// The language of Neo4j 5.x; the lint would otherwise follow the package's default.
const DB_SCHEMA = { defaultLanguage: 'CYPHER 5' };

function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

function fileDiagnostic(severity, message, line) {
  return { severity, message, line, column: 1 };
}

/** Split a file into its preamble and its named queries, keeping each query's first line. */
function splitNamedQueries(source) {
  const lines = source.split('\n');
  const preamble = [];
  const queries = [];
  lines.forEach((text, index) => {
    const header = NAME_HEADER.exec(text);
    if (header) {
      queries.push({ name: header[1], line: index + 1, bodyLine: index + 2, body: [] });
    } else if (queries.length === 0) {
      preamble.push(text);
    } else {
      queries[queries.length - 1].body.push(text);
    }
  });
  return {
    preamble: preamble.join('\n'),
    queries: queries.map((q) => ({ ...q, body: q.body.join('\n') })),
  };
}

function lintQuery(query) {
  const diagnostics = [];
  if (withoutComments(query.body).trim() === '') {
    diagnostics.push(fileDiagnostic('error', `query '${query.name}' has no Cypher under its header`, query.line));
    return diagnostics;
  }
  const statements = parseStatementsStrs(query.body).filter((s) => withoutComments(s).trim() !== '');
  if (statements.length > 1) {
    // FalkorDB runs one statement per call, and our loader sends a named query as one call.
    diagnostics.push(
      fileDiagnostic('error', `query '${query.name}' holds ${statements.length} statements; write one per name`, query.line),
    );
  }
  const { diagnostics: found } = lintCypherQuery(query.body, DB_SCHEMA);
  for (const d of found.filter(isNotParamError)) {
    diagnostics.push({
      severity: SEVERITY_NAMES[d.severity] ?? String(d.severity),
      message: d.message,
      line: query.bodyLine + d.range.start.line,
      column: d.range.start.character + 1,
    });
  }
  return diagnostics;
}

function lintFile(file) {
  const source = readFileSync(file, 'utf8');
  const { preamble, queries } = splitNamedQueries(source);
  const diagnostics = [];
  if (withoutComments(preamble).trim() !== '') {
    diagnostics.push(fileDiagnostic('error', 'Cypher outside any `// name:` query (before the first header)', 1));
  }
  if (queries.length === 0) {
    diagnostics.push(fileDiagnostic('error', 'no `// name: <query_name>` header in the file', 1));
  }
  const seen = new Map();
  for (const q of queries) {
    if (!QUERY_NAME.test(q.name)) {
      diagnostics.push(fileDiagnostic('error', `query name '${q.name}' is not lower_snake_case`, q.line));
    }
    if (seen.has(q.name)) {
      diagnostics.push(
        fileDiagnostic('error', `query name '${q.name}' repeats the one on line ${seen.get(q.name)}`, q.line),
      );
    } else {
      seen.set(q.name, q.line);
    }
  }
  return {
    file,
    diagnostics,
    queries: queries.map((q) => ({ name: q.name, line: q.line, diagnostics: lintQuery(q) })),
  };
}

function main(argv) {
  if (argv.length === 0) {
    process.stderr.write('usage: node lint.mjs FILE.cypher [FILE.cypher ...]\n');
    return 2;
  }
  const missing = argv.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    process.stderr.write(`no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  const files = argv.map(lintFile);
  const failures = files.reduce(
    (sum, f) => sum + f.diagnostics.length + f.queries.reduce((n, q) => n + q.diagnostics.length, 0),
    0,
  );
  process.stdout.write(`${JSON.stringify({ ok: failures === 0, failures, files }, null, 2)}\n`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
