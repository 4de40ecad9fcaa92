import type { ProgramSummary } from '../../api';

export interface VersionInfo {
  programId: string;
  version: string;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
}

export interface ProgramDetail {
  program: ProgramSummary;
  scheduled: { version: string; at: string; by: string; requestedAt: string } | null;
  activations: { version: string; contentHash: string; at: string; by: string; how: 'BOOT' | 'API' | 'SCHEDULED' }[];
  versions: VersionInfo[];
}
