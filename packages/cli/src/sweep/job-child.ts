import { runCli } from '../run-cli.js';

// The process a sweep job trains in: `ganforge train|resume …`, ended when its parent (pool or
// worker) goes away. A SIGKILLed worker cannot stop its children; they see their stdin pipe close
// instead and exit, so the job's run folder has one writer when another worker resumes it.
process.stdin.on('end', () => process.exit(137));
process.stdin.on('error', () => process.exit(137));
process.stdin.resume();
const code = await runCli(process.argv.slice(2));
process.exit(code);
