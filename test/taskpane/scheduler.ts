/**
 * @fluentui/react-context-selector imports `scheduler`, a peer dependency that `.npmrc`'s
 * omit=peer leaves out of the top level of node_modules (react-dom has its own copy). Until it is a
 * direct dependency, point jest at react-dom's copy. Import this first in DOM tests.
 */
jest.mock(
  "scheduler",
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => jest.requireActual(require.resolve("scheduler", { paths: [require("path").dirname(require.resolve("react-dom/package.json"))] })),
  { virtual: true },
);
export {};
