import type { Express, NextFunction, Request, Response } from 'express';
import type { Actor } from '../../auth/user.entity';
import { isId } from '../../../core/ids';
import { DomainError } from '../../../core/errors';
import type { PrintService, PrintedDocument } from './print.service';

/** The path of a document's PDF, as the `pdfUrl` fields give it. */
export const invoicePdfPath = (id: string) => `/print/invoice/${id}.pdf`;
export const offerPdfPath = (id: string) => `/print/commercial-offer/${id}.pdf`;

/**
 * `GET /print/invoice/:id.pdf` and `GET /print/commercial-offer/:id.pdf`: the print forms, for the session cookie
 * or a bearer API token exactly as /graphql authenticates. 401 without credentials; 404 for a document that does
 * not exist or is outside the caller's scope (the two are not told apart, as in the API).
 */
export function registerPrintRoutes(app: Express, print: PrintService, authenticate: (req: Request) => Promise<Actor | null>) {
  const route = (render: (actor: Actor, id: string) => Promise<PrintedDocument>) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await authenticate(req);
      if (!actor) {
        res.status(401).type('text/plain').send('Sign in first');
        return;
      }
      const id = String(req.params.file).replace(/\.pdf$/i, '');
      if (!isId(id)) {
        res.status(404).type('text/plain').send('No such document');
        return;
      }
      let printed: PrintedDocument;
      try {
        printed = await render(actor, id);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'NOT_FOUND') {
          res.status(404).type('text/plain').send('No such document');
          return;
        }
        throw err;
      }
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `inline; filename="${printed.filename}"`);
      res.setHeader('cache-control', 'private, no-store');
      res.send(printed.pdf);
    } catch (err) {
      next(err);
    }
  };
  app.get('/print/invoice/:file', route((actor, id) => print.invoicePdf(actor, id)));
  app.get('/print/commercial-offer/:file', route((actor, id) => print.offerPdf(actor, id)));
}
