/**
 * Runs an operator tool (scripts/cli/tool.ts) in this process with its output captured: for the
 * `--help` and usage tests, which would otherwise start one process per command.
 */
import { runTool, type Tool } from '../../scripts/cli/tool.js';

export async function runToolCaptured(tool: Tool, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string | Uint8Array) => { out += String(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { err += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    return { code: await runTool(tool, argv), out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}
