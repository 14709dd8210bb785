/** `npm run -s cli -- <command>`: the command line over model/ and inspect/. */
import * as tf from '@tensorflow/tfjs';
import { runCli } from './run';

// Silences tfjs's console advice about tfjs-node; our output is our own.
tf.enableProdMode();
const result = await runCli(process.argv.slice(2));
if (result.stdout) process.stdout.write(`${result.stdout}\n`);
if (result.stderr) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.code;
