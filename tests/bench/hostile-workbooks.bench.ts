/**
 * Issue 17: "the hostile workbooks each refused in under 5 s with the server staying responsive".
 * `npm run bench:hostile-workbooks` starts the real server (LevelDB, loopback), and uploads as the admin,
 * one after the other: a valid form (the baseline), then each workbook the issue names, rebuilt here:
 *
 * - 20 million shared strings in a file of under 1 MB (took 66 s and 3.6 GB before issue 17);
 * - a 5,000 × 2,000-cell sheet (hung the old reader for more than ten minutes);
 * - 800 nested groups (a stack overflow in zod);
 * - formatting declared down to row 1,048,576 around a two-row form (gave a false "more than 5,000 rows"):
 *   this one must be accepted;
 * - a part that unpacks past the cap (a zip bomb);
 * - a constraint of 1,500 unary minuses (escaped the expression parser's depth guard; under the 4,000 characters an expression may have).
 *
 * While each upload is in flight, `/api/health` is asked every 100 ms; the slowest answer is printed.
 * Each row prints the upload's time, its ratio to the valid form's, the answer, and the verdict
 * (refused, or accepted for the formatted area, within 5 s; health never slower than 1 s).
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { cpus, loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LIMIT_MS = 5_000;
const HEALTH_LIMIT_MS = 1_000;

function book(survey: string[][], id: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(survey), 'survey');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['form_id', 'version', 'form_title'],
      [id, '1', id],
    ]),
    'settings',
  );
  return new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}

/** The valid two-question form, with some of its parts replaced (deflated, as Excel writes them). */
function withParts(id: string, replace: Record<string, string>): Uint8Array {
  const parts = unzipSync(
    book(
      [
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
      ],
      id,
    ),
  );
  for (const [name, xml] of Object.entries(replace)) parts[name] = strToU8(xml);
  return zipSync(parts, { level: 9 });
}

const sheetXml = (rows: string, dimension: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${cell('A1', 'type')}${cell('B1', 'name')}${cell('C1', 'label')}</row>`;
const question = `<row r="2">${cell('A2', 'text')}${cell('B2', 'a')}${cell('C2', 'A')}</row>`;

interface Case {
  name: string;
  expect: 'refused' | 'accepted';
  file: () => Uint8Array;
}

const CASES: Case[] = [
  {
    name: '20 million shared strings',
    expect: 'refused',
    file: () => {
      const n = 20_000_000;
      return withParts('hw-sst', {
        'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${'<si><t/></si>'.repeat(n)}</sst>`,
      });
    },
  },
  {
    name: '5,000 × 2,000 filled cells',
    expect: 'refused',
    file: () => {
      const row = '<c><v>1</v></c>'.repeat(2000);
      const rows: string[] = [header, question];
      for (let r = 3; r <= 5_000; r++) rows.push(`<row r="${r}">${row}</row>`);
      return withParts('hw-cells', { 'xl/worksheets/sheet1.xml': sheetXml(rows.join(''), 'A1:BXX5000') });
    },
  },
  {
    name: '800 nested groups',
    expect: 'refused',
    file: () => {
      const survey: string[][] = [['type', 'name', 'label']];
      for (let i = 0; i < 800; i++) survey.push(['begin group', `g${i}`, 'G']);
      survey.push(['text', 'deep', 'Deep']);
      for (let i = 0; i < 800; i++) survey.push(['end group']);
      return book(survey, 'hw-nested');
    },
  },
  {
    name: 'formatting declared to row 1,048,576',
    expect: 'accepted',
    file: () => {
      let styled = '';
      for (let r = 3; r <= 20_000; r++)
        styled += `<row r="${r}"><c r="A${r}" s="0"/><c r="Z${r}" s="0"/></row>`;
      return withParts('hw-formatted', {
        'xl/worksheets/sheet1.xml': sheetXml(header + question + styled, 'A1:XFD1048576'),
      });
    },
  },
  {
    name: 'a part unpacking past 40 MB (zip bomb)',
    expect: 'refused',
    file: () =>
      withParts('hw-bomb', {
        'xl/worksheets/sheet1.xml': sheetXml(header + question + ' '.repeat(48 * 2 ** 20), 'A1:C2'),
      }),
  },
  {
    name: '1,500 unary minuses in a constraint',
    expect: 'refused',
    file: () =>
      book(
        [
          ['type', 'name', 'label', 'constraint'],
          ['integer', 'n', 'N', `. = ${'-'.repeat(1_500)}1`],
        ],
        'hw-minus',
      ),
  },
];

/** The first problem's own words from a refusal (`details[0].message`), else the top message. */
function reason(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: string; details?: Array<{ message?: string }> };
    return (j.details?.[0]?.message ?? j.message ?? text).slice(0, 160);
  } catch {
    return text.slice(0, 160);
  }
}

async function main() {
  console.log(
    `Tern hostile workbooks · ${new Date().toISOString()} · ${cpus().length} cores · load average ` +
      `${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} · Node ${process.version}`,
  );
  const server = await startServer({ env: { TERN_LOG_LEVEL: 'warn', TERN_WEB_DIST: '/nonexistent' } });
  let failed = 0;
  try {
    const token = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
    const upload = async (body: Uint8Array) => {
      let slowest = 0;
      let done = false;
      const probe = (async () => {
        while (!done) {
          const t = performance.now();
          const res = await fetch(`${server.url}/api/health`);
          await res.arrayBuffer();
          slowest = Math.max(slowest, performance.now() - t);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/admin/forms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE },
        body: new Blob([new Uint8Array(body)]),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      done = true;
      await probe;
      return { status: res.status, text, ms, slowest };
    };
    const valid = book(
      [
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
      ],
      'hw-valid',
    );
    const base = await upload(valid);
    if (base.status !== 201 && base.status !== 200)
      throw new Error(`the valid form was refused: ${base.status} ${base.text}`);
    console.log(
      `  baseline: a valid two-question form (${(valid.length / 1024).toFixed(0)} KB) published in ${base.ms.toFixed(0)} ms`,
    );
    for (const c of CASES) {
      const file = c.file();
      const r = await upload(file);
      const accepted = r.status === 200 || r.status === 201;
      const ok = (c.expect === 'accepted') === accepted && r.ms < LIMIT_MS && r.slowest < HEALTH_LIMIT_MS;
      if (!ok) failed++;
      const why = accepted ? '' : reason(r.text);
      console.log(
        `  ${ok ? 'met' : 'NOT MET'}: ${c.name} (${(file.length / 1024).toFixed(0)} KB): ${r.status} in ` +
          `${r.ms.toFixed(0)} ms (${(r.ms / base.ms).toFixed(1)} × the valid form), slowest health ` +
          `${r.slowest.toFixed(0)} ms${why ? ` — "${why}"` : ''}`,
      );
    }
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
  console.log(failed ? `${failed} not met` : 'every hostile workbook answered within 5 s, health within 1 s');
  process.exit(failed ? 1 : 0);
}

await main();
