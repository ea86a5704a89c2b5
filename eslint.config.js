// The house rules a reader cannot be trusted to remember, kept by `npm run lint` (and .ci/run): the layering
// of STYLE.md's "one way data flows", no Cypher in the API, and a line-length cap.
//
// typescript-eslint's `recommended` runs without type information: no rule below needs types, `npm run
// typecheck` already runs tsc, and a typed lint builds a TypeScript program per project on a 2-core machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lines longer than this are split. Strings, template literals, URLs and regular expressions may run past
// it: breaking a sentence or a query across lines hurts more than the long line does.
const maxLineOptions = {
  code: 160,
  ignoreUrls: true,
  ignoreStrings: true,
  ignoreTemplateLiterals: true,
  ignoreRegExpLiterals: true,
};

// The layering rules read the import specifier as written. That is enough here because every import in the
// tree is relative and names its `.ts` file, and no folder inside engine/ or viewer/src is called engine,
// scripts, seed or viewer — so a specifier containing `engine/` always points at the top-level engine.
// (viewer/src/api/ is the viewer's own HTTP client; the top-level api/ is only ever two or more `../` away.)
const rule = {
  engineOnlyThroughIndex: {
    regex: '(^|/)engine/(?!index\\.ts$|contracts/)',
    message: 'Reach the engine through engine/index.ts (or engine/contracts/**); export what you need there.',
  },
  noHttpInEngine: {
    regex: '^(express|multer|cors|helmet|pino-http|express-rate-limit)(/|$)',
    message: 'engine/ knows nothing of HTTP: that belongs in api/.',
  },
  noOuterLayersInEngine: {
    regex: '^(\\.\\./)+(api|viewer|scripts|seed)/',
    message: 'engine/ imports nothing from api/, viewer/, scripts/ or seed/: they depend on it, not the other way.',
  },
  noDriverInApi: {
    regex: '^neo4j-driver(/|$)',
    message: 'api/ holds no Cypher and no driver: call the engine (through engine/index.ts) instead.',
  },
  noToolsInApi: {
    regex: '^(\\.\\./)+(seed|scripts|viewer)/',
    message: 'api/ imports nothing from seed/, scripts/ or viewer/.',
  },
  noServerPackagesInViewer: {
    regex: '^(express|multer|neo4j-driver)(/|$)',
    message: 'viewer/ talks to the API over HTTP only; it imports nothing from the server side.',
  },
  // The message renderer and its catalogues are plain data and functions (no zod): the viewer bundles them, so
  // its English screens and the engine's English exports fill the same templates.
  viewerTypesFromContracts: {
    regex: '(^|/)engine/contracts/(?!messages/(renderMessages|enMessages|zhMessages|enWords|wordParams)\\.ts$)',
    allowTypeImports: true,
    message: "viewer/ may use the engine's contracts as types only (`import type`).",
  },
};

const restrict = (...patterns) => ['error', { patterns }];

// Files that break a layering rule today and belong to work under way elsewhere in this session (issue 14's route
// work, the drills); each is listed so the rule holds everywhere else, and leaves this list when its fix lands.
const beingMoved = {
  // The viewer's types all come from engine/contracts now (issue 14 item 2): nothing is excepted.
  viewer: [],
  // The drills reach the engine through engine/index.ts too: nothing is excepted.
  scripts: [],
};

// A Cypher clause in a string literal of api/ code: cheap to spot, since Cypher keywords are written in capitals
// and followed by a pattern.
const cypherInString = '/\\b(MATCH|MERGE)\\s*\\(/';

export default tseslint.config(
  {
    ignores: ['node_modules/**', '**/dist/**', 'test-output/**', 'scripts/neo4j/target/**', '.data/**', '.venv/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-len': ['error', maxLineOptions],
      // One concept a file (issue 14): a file past this many lines holds more than one, and is split.
      'max-lines': ['error', { max: 300 }],
      // A leading underscore marks a parameter kept for the signature's sake (an interface it implements).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  // Tests read HTTP JSON loosely (`Record<string, any>`): the contracts' schemas check shapes, not the test's types.
  { files: ['**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // exceljs rows are 1-based: `row.values` has a hole at index 0, which a test of a sheet writes as `[, …]`.
  { files: ['engine/export/**/*.test.ts'], rules: { 'no-sparse-arrays': 'off' } },
  // Each table spec has its own row type; the registry hands them to the generic pipeline, so `any` is the honest type.
  { files: ['engine/import/importFile.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },

  // engine/: the domain. Its tests may use the shared test harness (scripts/test/**) and seed fixtures.
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(rule.noHttpInEngine, rule.noOuterLayersInEngine) },
  },
  {
    files: ['engine/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(rule.noHttpInEngine, {
        regex: '^(\\.\\./)+(api|viewer)/',
        message: 'engine/ tests import nothing from api/ or viewer/.',
      }),
    },
  },

  // api/: parse, call the engine, shape. Its tests may reach engine internals and the test harness, and may
  // read the graph with Cypher to check what a route wrote.
  {
    files: ['api/**/*.ts'],
    ignores: ['api/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(rule.engineOnlyThroughIndex, rule.noDriverInApi, rule.noToolsInApi),
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=${cypherInString}]`,
          message: 'api/ holds no Cypher: move the query into the engine.',
        },
        {
          selector: `TemplateElement[value.raw=${cypherInString}]`,
          message: 'api/ holds no Cypher: move the query into the engine.',
        },
      ],
    },
  },
  {
    files: ['api/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict({
        regex: '^(\\.\\./)+viewer/',
        message: 'api/ tests import nothing from viewer/.',
      }),
    },
  },

  // viewer/: browser code talks to the API only, so nothing outside viewer/ may be imported except the engine's
  // contracts, as types. viewer/src has folders of its own named like the top-level ones (viewer/src/api is its
  // HTTP client), so "outside viewer/" is told by depth: a file n folders below viewer/src leaves viewer/ with
  // n + 2 `../`. viewer/e2e is the Node side of the browser tests (it starts the server and seeds the graph),
  // so it is not held to this.
  ...[0, 1, 2, 3, 4].map((depth) => ({
    files: [`viewer/src/${'*/'.repeat(depth)}*.ts`],
    ignores: beingMoved.viewer,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(rule.noServerPackagesInViewer, rule.viewerTypesFromContracts, {
        regex: `^(\\.\\./){${depth + 2}}(?!engine/contracts/)`,
        message: 'viewer/ talks to the API only: it imports nothing from outside viewer/ but engine/contracts/** types.',
      }),
    },
  })),

  // scripts/ and seed/: tools that feed the engine through its public surface. Tests and the shared test harness
  // (scripts/test/**) may reach internals: a test sometimes checks an engine helper that is not public (a query
  // builder, a test-only USCC maker), and making it public for that would widen the surface for everyone.
  {
    files: ['scripts/**/*.ts', 'seed/**/*.ts'],
    ignores: ['**/*.test.ts', 'scripts/test/**', ...beingMoved.scripts],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(rule.engineOnlyThroughIndex) },
  },
);
