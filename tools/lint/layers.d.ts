// Types of tools/lint/layers.js (plain JavaScript so that eslint.config.js can load it as is).
import type { Rule } from 'eslint';

export interface Layer {
  name: string;
  /** Path prefixes from the repo root ('dir/' for a folder, or one file). */
  files: string[];
  /** Layers this one may import ('*': any). */
  may: string[];
  forbidPackages?: string[];
  onlyPackages?: string[];
  why: string;
}

export const ROOT: string;
export const layers: Layer[];
export function layerOf(relPath: string): Layer | undefined;
export function violation(relFile: string, spec: string): string | null;
export const layersRule: Rule.RuleModule;
