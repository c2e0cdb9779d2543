import type PDFKit from 'pdfkit';
import { AppError } from '../app-error';
import { cjkFontCandidates, CJK_FONTS } from './pdf-font';
import type { SupplierDocument } from './document';

type PdfDoc = InstanceType<typeof PDFKit>;
let loaded: Promise<typeof PDFKit> | undefined;

/** pdfkit on first use, like exceljs: nothing at start-up pays for it. */
function loadPdfKit(): Promise<typeof PDFKit> {
  loaded ??= import('pdfkit').then((m) => {
    const mod = m as unknown as { default?: typeof PDFKit } & typeof PDFKit;
    return mod.default ?? mod;
  });
  return loaded;
}

/** Registers the first Chinese font that opens; a clear error naming the paths tried when there is none. */
function useCjkFont(doc: PdfDoc): void {
  for (const f of cjkFontCandidates()) {
    try {
      if (f.face) doc.registerFont('cjk', f.path, f.face);
      else doc.registerFont('cjk', f.path);
      doc.font('cjk');
      return;
    } catch {
      // A damaged file or a wrong face name: try the next one.
    }
  }
  throw new AppError('INTERNAL', 'po.error.noCjkFont', {
    paths: CJK_FONTS.slice(0, 3)
      .map((f) => f.path)
      .join(', '),
  });
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const PAD = 3;

/** Collects the PDF stream into one buffer, complete once doc.end() has been called. */
function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * A document for the supplier on A4 (a purchase order, a claim): title,
 * supplier and store details, the lines as a ruled table (repeated header on
 * each page, rows never split, a row's notes under its text), the total, the
 * note and signature lines, page numbers at the foot.
 */
export async function supplierDocumentPdf(d: SupplierDocument): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${d.title} ${d.fileStem}` },
  });
  useCjkFont(doc);
  const done = collect(doc);
  const inner = A4.width - 2 * MARGIN;
  const units = d.columns.reduce((s, c) => s + c.width, 0);
  const widths = d.columns.map((c) => (c.width / units) * inner);
  const bottom = A4.height - MARGIN - 20;

  doc.fontSize(18).text(d.title, MARGIN, MARGIN, { width: inner, align: 'center' });
  let y = doc.y + 10;
  doc.fontSize(9);
  // Details in two columns of label: value.
  const half = inner / 2;
  d.fields.forEach(([label, value], n) => {
    const x = MARGIN + (n % 2) * half;
    if (n % 2 === 0 && n > 0) y += 14;
    doc.text(`${label}: ${value}`, x, y, { width: half - 8, lineBreak: false, ellipsis: true });
  });
  y += 24;

  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], top: number, h: number, bold = false) => {
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc
        .rect(x, top, w, h)
        .lineWidth(0.5)
        .strokeColor(bold ? '#555' : '#999')
        .stroke();
      doc.fillColor('#000').text(c, x + PAD, top + PAD, { width: w - 2 * PAD, align: d.columns[i]!.align });
      x += w;
    });
  };
  const header = d.columns.map((c) => c.header);
  const drawHeader = () => {
    const h = rowHeight(header);
    doc.rect(MARGIN, y, inner, h).fillColor('#f0f0f0').fill();
    drawRow(header, y, h, true);
    y += h;
  };
  drawHeader();
  const notesAt = d.notes?.column;
  for (const r of d.rows) {
    const cells = r.cells.map((c, i) => (i === notesAt && r.notes?.length ? [c, ...r.notes].join('\n') : c));
    const h = rowHeight(cells);
    if (y + h > bottom) {
      doc.addPage();
      y = MARGIN;
      drawHeader();
    }
    drawRow(cells, y, h);
    y += h;
  }
  const totalCells = d.columns.map((_, i) => (i === 0 ? '' : i === d.columns.length - 1 ? d.total : ''));
  totalCells[d.columns.length - 2] = d.totalLabel;
  const th = rowHeight(totalCells);
  if (y + th + 80 > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  drawRow(totalCells, y, th, true);
  y += th + 12;
  if (d.note) {
    doc.text(d.note, MARGIN, y, { width: inner });
    y = doc.y + 12;
  }
  y += 24;
  const third = inner / d.signatures.length;
  d.signatures.forEach((s, n) => doc.text(`${s}: ________________`, MARGIN + n * third, y, { width: third - 8 }));

  const pages = doc.bufferedPageRange();
  for (let p = 0; p < pages.count; p++) {
    doc.switchToPage(pages.start + p);
    doc.fontSize(8).text(`${d.fileStem} · ${p + 1} / ${pages.count}`, MARGIN, A4.height - MARGIN - 10, {
      width: inner,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
