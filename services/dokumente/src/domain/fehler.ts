// Errors of the Dokumente service, each with a stable code and status.
import createError from '@fastify/error';
import { Errors } from '@eakte/platform';

export const DokumentFehler = {
  DateiZuGross: createError('DATEI_ZU_GROSS', 'Die Datei ist größer als die für den Mandanten erlaubten %s Bytes; es wurde nichts gespeichert', 413),
  FormatNichtErlaubt: createError('FORMAT_NICHT_ERLAUBT', 'Das Dateiformat %s ist für diesen Mandanten nicht erlaubt', 415),
  TypWiderspruch: createError('TYP_WIDERSPRICHT_INHALT', 'Die Datei ist als %s angegeben, ihr Inhalt ist aber %s', 415),
  KeinFormular: createError('MEDIENTYP_NICHT_UNTERSTUETZT', 'Erwartet wird multipart/form-data', 415),
  UngueltigesFormular: createError('UNGUELTIGES_FORMULAR', '%s', 400),
  // one code for every service's Idempotency-Key
  IdempotenzKonflikt: Errors.IdempotenzKonflikt,
  UngueltigeAngabe: createError('UNGUELTIGE_ANGABE', '%s', 400),
  NurPdf: createError('NUR_FUER_PDF', 'Die aktuelle Version ist kein PDF, sondern %s', 409),
  BereitsGestempelt: createError('BEREITS_GESTEMPELT', 'Die aktuelle Version trägt bereits einen Eingangsstempel', 409),
  PdfNichtBearbeitbar: createError('PDF_NICHT_BEARBEITBAR', 'Das PDF ist verschlüsselt oder beschädigt und kann nicht gestempelt werden', 409),
  PdfZuGross: createError('PDF_ZU_GROSS', 'PDFs über %s Bytes werden nicht bearbeitet', 413),
  Schadsoftware: createError('SCHADSOFTWARE', 'Die Datei enthält Schadsoftware (%s); es wurde nichts gespeichert', 422),
  DateiLeer: createError('DATEI_LEER', 'Die Datei ist leer (0 Bytes); es wurde nichts gespeichert', 422),
  MailUnzulaessig: createError('MAIL_UNZULAESSIG', '%s; es wurde nichts gespeichert', 422),
  AuszugZuGross: createError('AUSZUG_ZU_GROSS', 'Die PDFs der Akte sind zusammen größer als %s Bytes; bitte einzeln abrufen', 413),
};
