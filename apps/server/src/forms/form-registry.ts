import { builtinForms, checkForm, formatProblem, parseFormDefinition } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import type { DocStore, StoredDoc } from '@tern/store';

/** A published form as stored: the definition, who published it and when. */
interface FormDoc {
  _id: string;
  type: 'form';
  definition: FormDefinition;
  publishedBy: string;
  publishedAt: string;
}

export class FormPublishError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}

/**
 * The forms this server accepts submissions for: the built-ins plus those an admin published
 * (`form:<id>@<version>`, never changed once published — a change is a new version). Lookups are
 * synchronous from memory because every pushed document is checked against its form.
 */
export class FormRegistry {
  private readonly forms = new Map<string, FormDefinition>(builtinForms);
  private readonly published = new Map<string, { publishedBy: string; publishedAt: string }>();

  constructor(private readonly db: DocStore) {}

  async load(): Promise<void> {
    for (const doc of await this.db.list<FormDoc & StoredDoc>('form:')) {
      const key = `${doc.definition.id}@${doc.definition.version}`;
      this.forms.set(key, doc.definition);
      this.published.set(key, { publishedBy: doc.publishedBy, publishedAt: doc.publishedAt });
    }
  }

  get(key: string): FormDefinition | undefined {
    return this.forms.get(key);
  }

  list(): Array<{
    key: string;
    id: string;
    version: string;
    title: Record<string, string>;
    builtin: boolean;
  }> {
    return [...this.forms.entries()].map(([key, f]) => ({
      key,
      id: f.id,
      version: f.version,
      title: f.title,
      builtin: builtinForms.has(key),
    }));
  }

  /** Publish a new form version. Refuses invalid definitions (every problem listed) and re-publishing a version. */
  async publish(input: unknown, by: string): Promise<FormDefinition> {
    let def: FormDefinition;
    try {
      def = parseFormDefinition(input);
    } catch (e) {
      throw new FormPublishError((e as Error).message, [(e as Error).message]);
    }
    const problems = checkForm(def);
    if (problems.length)
      throw new FormPublishError(`The form has ${problems.length} problem(s)`, problems.map(formatProblem));
    const key = `${def.id}@${def.version}`;
    if (this.forms.has(key)) {
      throw new FormPublishError(`Form ${key} is already published; publish a new version instead`, []);
    }
    const doc: FormDoc = {
      _id: `form:${key}`,
      type: 'form',
      definition: def,
      publishedBy: by,
      publishedAt: new Date().toISOString(),
    };
    await this.db.create({ ...doc });
    this.forms.set(key, def);
    this.published.set(key, { publishedBy: by, publishedAt: doc.publishedAt });
    return def;
  }
}
