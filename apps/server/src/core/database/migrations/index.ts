import { Foundation1764316800000 } from './1764316800000-Foundation';
import { Activities1764403200000 } from './1764403200000-Activities';
import { SalesCatalogAndInterests1764489600000 } from './1764489600000-SalesCatalogAndInterests';
import { SalesDocuments1764576000000 } from './1764576000000-SalesDocuments';
import { ClientRequests1764662400000 } from './1764662400000-ClientRequests';
import { ReadPaths1764748800000 } from './1764748800000-ReadPaths';
import { Processes1764835200000 } from './1764835200000-Processes';
import { SearchScope1764921600000 } from './1764921600000-SearchScope';
import { InvoicePaidAmount1765008000000 } from './1765008000000-InvoicePaidAmount';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1764316800000, Activities1764403200000, SalesCatalogAndInterests1764489600000, SalesDocuments1764576000000, ClientRequests1764662400000, ReadPaths1764748800000, Processes1764835200000, SearchScope1764921600000, InvoicePaidAmount1765008000000];
