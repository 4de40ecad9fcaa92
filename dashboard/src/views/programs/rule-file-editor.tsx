/**
 * Upload or edit a rule file: the text is parsed here (a syntax error is shown with its
 * position), then validated by the API exactly as publishing does, every error next to its JSON
 * path, before anyone publishes. Publishing stores an inactive version; activating is a
 * separate, deliberate step.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError, enc } from '../../api';
import { useSession } from '../../context';
import { useAction } from '../../ui/load';
import { ErrorBox } from '../../ui/status';
import type { ProgramDetail, VersionInfo } from './types';

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(0, 'NOT_JSON', `the rule file is not JSON: ${(e as Error).message}`, [{ path: '/', message: 'fix the JSON syntax first' }]);
  }
}

interface Published { version: VersionInfo; warnings: { path: string; message: string }[] }

export function RuleFileEditor({ detail, onPublished }: { detail: ProgramDetail; onPublished: () => void }) {
  const { api, program } = useSession();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  // The buttons act on what the text area holds now (a paste followed at once by a click
  // included), not on the state of the last render.
  const area = useRef<HTMLTextAreaElement>(null);
  const current = () => area.current?.value ?? text;
  const base = `/programs/${enc(program.id)}`;

  const load = useAction(async (version: string) => {
    const body = await api.call<unknown>('GET', `${base}/versions/${enc(version)}`);
    setText(`${JSON.stringify(body, null, 2)}\n`);
    return version;
  });
  const validate = useAction(async (source: string) => {
    const answer = await api.call<{ version: string; warnings: { path: string; message: string }[] }>('POST', `${base}/validate`, parse(source));
    setChecked(source);
    return answer;
  });
  const publish = useAction(async () => api.call<Published>('POST', `${base}/versions`, parse(current())));
  const activate = useAction(async (version: string) => {
    await api.call('POST', `${base}/versions/${enc(version)}/activate`, {});
    return version;
  });

  const upload = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    // An uploaded file is validated at once: its errors show before anyone thinks of publishing.
    const source = await file.text();
    setText(source);
    publish.reset();
    await validate.act(source);
  };

  const error = validate.error ?? publish.error;
  return (
    <div class="editor">
      <div class="editor-tools">
        <label>Upload a rule file <input type="file" accept="application/json,.json" onChange={upload} /></label>
        <button type="button" disabled={load.busy} onClick={() => load.act(detail.program.activeVersion)}>Start from the active version ({detail.program.activeVersion})</button>
      </div>
      <label for="rule-file-text">Rule file (JSON)</label>
      <textarea id="rule-file-text" ref={area} rows={18} spellcheck={false} value={text}
        onInput={(e) => { setText(e.currentTarget.value); setChecked(null); validate.reset(); publish.reset(); }} />
      <div class="actions">
        <button type="button" disabled={!text.trim() || validate.busy} onClick={() => { publish.reset(); void validate.act(current()); }}>Validate</button>
        <button type="button" class="primary" disabled={!text.trim() || publish.busy} onClick={() => { validate.reset(); void publish.act(); }}>Publish as a new version</button>
      </div>
      <ErrorBox error={load.error} title="Could not load the version" />
      <ErrorBox error={error} title="The rule file is not valid" />
      {validate.result && checked === current() ? (
        <p class="ok" role="status">Valid: version <strong>{validate.result.version}</strong> would publish{validate.result.warnings.length ? ` with ${validate.result.warnings.length} warning(s)` : ''}.</p>
      ) : null}
      {publish.result ? (
        <div class="ok" role="status">
          <p>Published version <strong>{publish.result.version.version}</strong> (inactive).</p>
          {publish.result.warnings.length ? <ul>{publish.result.warnings.map((w) => <li key={w.path}><code class="path">{w.path}</code> {w.message}</li>)}</ul> : null}
          {publish.result.version.version !== detail.program.activeVersion ? (
            <button type="button" class="primary" disabled={activate.busy}
              onClick={async () => { if (await activate.act(publish.result!.version.version)) { publish.reset(); onPublished(); } }}>
              Activate {publish.result.version.version} now
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorBox error={activate.error} title="Activation refused" />
    </div>
  );
}
