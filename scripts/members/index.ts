/** The member tool's commands, in the order `--help` lists them (scripts/members.ts builds the tool). */
import type { ToolCommand } from '../cli/tool.js';
import { eraseCommand } from './erase-command.js';
import { rekeyCommand } from './rekey-command.js';
import { updateCommand } from './update-command.js';

export const MEMBER_COMMANDS: ToolCommand[] = [updateCommand, eraseCommand, rekeyCommand];
