import { execFile } from 'node:child_process';
import path from 'node:path';

// pdf-parse (pdf.js) sets its worker up with a dynamic import(), which Jest's VM refuses without
// --experimental-vm-modules: the PDF is read in a plain child Node process instead.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write(JSON.stringify({ text: (await parser.getText()).text }));
  } catch (err) {
    process.stdout.write(JSON.stringify({ error: String(err && err.message || err) }));
  } finally {
    await parser.destroy();
  }
});`;
const SERVER_DIR = path.resolve(__dirname, '../../../..');

/** Test support: the text of a PDF as pdf-parse extracts it, to assert what a print form says. */
export function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SCRIPT], { cwd: SERVER_DIR, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      const out = JSON.parse(stdout) as { text?: string; error?: string };
      if (out.error !== undefined) reject(new Error(`not a readable PDF: ${out.error}`));
      else resolve(out.text ?? '');
    });
    child.stdin!.end(Buffer.from(pdf));
  });
}
