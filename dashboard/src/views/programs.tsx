/**
 * Programs: the active version, a pending scheduled activation, published versions (activate
 * now, schedule, roll back), activation history, the rule-file editor (validate, publish) and
 * the diff of two versions.
 */
import { enc } from '../api';
import { useSession } from '../context';
import { useLoad } from '../ui/load';
import { Show } from '../ui/status';
import { when } from '../ui/format';
import { DiffVersions } from './programs/diff-versions';
import { RuleFileEditor } from './programs/rule-file-editor';
import type { ProgramDetail } from './programs/types';
import { ActivationHistory, ScheduleActivation, VersionsTable } from './programs/versions';

export function ProgramsView() {
  const { api, program, refreshPrograms } = useSession();
  const [detail, reload] = useLoad(() => api.call<ProgramDetail>('GET', `/programs/${enc(program.id)}`), [program.id]);
  const changed = () => { reload(); refreshPrograms(); };
  return (
    <Show loaded={detail} what="the program">
      {(d) => (
        <>
          <section aria-labelledby="active-h" class="card">
            <h2 id="active-h">Active version</h2>
            <p class="active-version">
              <strong data-testid="active-version">{d.program.activeVersion}</strong> since {when(d.activations[0]?.at ?? d.program.updatedAt)}
            </p>
            <ScheduleActivation detail={d} onChanged={changed} />
          </section>
          <section aria-labelledby="versions-h" class="card">
            <h2 id="versions-h">Versions</h2>
            <VersionsTable detail={d} onChanged={changed} />
          </section>
          <section aria-labelledby="editor-h" class="card">
            <h2 id="editor-h">Upload or edit a rule file</h2>
            <RuleFileEditor detail={d} onPublished={changed} />
          </section>
          <section aria-labelledby="diff-h" class="card">
            <h2 id="diff-h">Compare two versions</h2>
            <DiffVersions detail={d} />
          </section>
          <section aria-labelledby="history-h" class="card">
            <h2 id="history-h">Activation history</h2>
            <ActivationHistory detail={d} />
          </section>
        </>
      )}
    </Show>
  );
}
