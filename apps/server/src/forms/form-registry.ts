import { builtinForms, checkForm, formatProblem, parseFormDefinition } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { isStoreError } from '@tern/store';
import type { DocStore, StoredDoc } from '@tern/store';

/** A published form as stored: the definition, who published it and when. */
interface FormDoc {
  _id: string;
  type: 'form';
  definition: FormDefinition;
  publishedBy: string;
  publishedAt: string;
}

/** A retired form version (decision 164): kept apart from the definition, which never changes. */
interface RetiredDoc {
  _id: string;
  type: 'form-retired';
  key: string;
  retiredBy: string;
  retiredAt: string;
}

export interface FormListEntry {
  key: string;
  id: string;
  version: string;
  title: Record<string, string>;
  builtin: boolean;
  retired: boolean;
  retiredAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
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
  private readonly retired = new Map<string, { retiredBy: string; retiredAt: string }>();

  constructor(private readonly db: DocStore) {}

  async load(): Promise<void> {
    for (const doc of await this.db.list<FormDoc & StoredDoc>('form:')) {
      const key = `${doc.definition.id}@${doc.definition.version}`;
      this.forms.set(key, doc.definition);
      this.published.set(key, { publishedBy: doc.publishedBy, publishedAt: doc.publishedAt });
    }
    for (const doc of await this.db.list<RetiredDoc & StoredDoc>('form-retired:'))
      this.retired.set(doc.key, { retiredBy: doc.retiredBy, retiredAt: doc.retiredAt });
  }

  get(key: string): FormDefinition | undefined {
    return this.forms.get(key);
  }

  list(): FormListEntry[] {
    return [...this.forms.keys()].map((key) => this.entry(key)!);
  }

  entry(key: string): FormListEntry | undefined {
    const f = this.forms.get(key);
    if (!f) return undefined;
    const pub = this.published.get(key);
    const ret = this.retired.get(key);
    return {
      key,
      id: f.id,
      version: f.version,
      title: f.title,
      builtin: builtinForms.has(key),
      retired: ret !== undefined,
      retiredAt: ret?.retiredAt ?? null,
      publishedAt: pub?.publishedAt ?? null,
      publishedBy: pub?.publishedBy ?? null,
    };
  }

  /**
   * Retire a version: devices stop offering it for new records. The server still accepts its records
   * (drafts begun offline before the retirement must not be lost) and they stay readable and
   * exportable. Retiring is for good and twice is once: returns false when it was already retired.
   */
  async retire(key: string, by: string): Promise<boolean> {
    if (this.retired.has(key)) return false;
    const doc: RetiredDoc = {
      _id: `form-retired:${key}`,
      type: 'form-retired',
      key,
      retiredBy: by,
      retiredAt: new Date().toISOString(),
    };
    try {
      await this.db.create({ ...doc });
    } catch (e) {
      if (!isStoreError(e, 'TERN_STORE_CONFLICT')) throw e;
      return false;
    }
    this.retired.set(key, { retiredBy: by, retiredAt: doc.retiredAt });
    return true;
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
