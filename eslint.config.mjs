import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Next's own rules, as create-next-app sets them up; `npm test` runs this with --max-warnings 0.
const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Reader pages link with plain <a>: next/link is a client component, and they ship no router.
      '@next/next/no-html-link-for-pages': 'off',
      // A leading underscore names what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // useFreshDatabase is a vitest fixture, not a React hook.
    files: ['**/*.test.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      '.data/**',
      '.tools/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      // The bare comparison app's build and the files the bench writes into it (its own .gitignore).
      'bench/fixtures/bare/.next*/**',
      'bench/fixtures/bare/next-env.d.ts',
    ],
  },
];

export default config;
