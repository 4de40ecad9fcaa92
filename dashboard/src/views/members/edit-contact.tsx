import { useState } from 'preact/hooks';
import { useSession } from '../../context';
import { useAction } from '../../ui/load';
import { ErrorBox } from '../../ui/status';
import type { Member } from './types';

const fields = [
  { name: 'firstName', label: 'First name', type: 'text' },
  { name: 'lastName', label: 'Last name', type: 'text' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel' },
] as const;

type Field = (typeof fields)[number]['name'];

/** Set or correct names, email and phone (PATCH); an emptied field is cleared. Only changes are sent. */
export function EditContact({ base, member, onSaved }: { base: string; member: Member; onSaved: () => void }) {
  const { api } = useSession();
  const initial = Object.fromEntries(fields.map((f) => [f.name, member[f.name] ?? ''])) as Record<Field, string>;
  const [values, setValues] = useState(initial);
  const save = useAction(async () => {
    const patch: Record<string, string | null> = {};
    for (const f of fields) if (values[f.name] !== initial[f.name]) patch[f.name] = values[f.name].trim() || null;
    if (Object.keys(patch).length === 0) return 'nothing';
    await api.call('PATCH', base, patch);
    return 'saved';
  });
  return (
    <form class="card" aria-label="Contact details" onSubmit={async (e) => { e.preventDefault(); if ((await save.act()) === 'saved') onSaved(); }}>
      <h2>Contact details</h2>
      {fields.map((f) => (
        <div class="field" key={f.name}>
          <label for={`contact-${f.name}`}>{f.label}</label>
          <input id={`contact-${f.name}`} type={f.type as "text"} autocomplete="off" value={values[f.name]} onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} />
        </div>
      ))}
      <div class="actions"><button type="submit" disabled={save.busy}>Save contact details</button></div>
      {save.result === 'nothing' ? <p role="status">Nothing changed.</p> : null}
      <ErrorBox error={save.error} title="Not saved" />
    </form>
  );
}
