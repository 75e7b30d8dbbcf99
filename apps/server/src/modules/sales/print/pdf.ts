import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
// pdfmake exports one instance whose methods live on its prototype: a namespace import would lose them.
import pdfmake = require('pdfmake');

// The bundled Roboto covers Cyrillic, «№» and «₽» (pdfkit's standard fonts garble Cyrillic).
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// A print form embeds nothing from outside: no URL is fetched and no file but the fonts is read, whatever the
// document's text contains.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));

/** Renders a pdfmake document definition to the bytes of a PDF. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 9 }, ...doc }).getBuffer();
}
