import { describe, expect, it } from 'vitest';
import { dateiformat, DATEIFORMAT_SONSTIGES } from '../src/xdomea/dateiformat.js';

describe('xdomea Dateiformat codes (list version 1.0)', () => {
  it('maps what the platform accepts to the list', () => {
    const faelle: [string, string, string][] = [
      ['pdf', 'application/pdf', '018'],
      ['txt', 'text/plain', '045'],
      ['xml', 'application/xml', '030'],
      ['tif', 'image/tiff', '023'],
      ['tiff', 'image/tiff', '024'],
      ['png', 'image/png', '019'],
      ['jpg', 'image/jpeg', '011'],
      ['jpeg', 'image/jpeg', '010'],
      ['odt', 'application/vnd.oasis.opendocument.text', '015'],
      ['ods', 'application/vnd.oasis.opendocument.spreadsheet', '014'],
      ['odp', 'application/vnd.oasis.opendocument.presentation', '013'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '035'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '036'],
      ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', '037'],
      ['eml', 'message/rfc822', '006'],
      ['msg', 'application/vnd.ms-outlook', '012'],
      ['doc', 'application/msword', '003'],
      ['csv', 'text/csv', '002'],
      ['html', 'text/html', '008'],
    ];
    for (const [endung, typ, code] of faelle) expect([endung, dateiformat(endung, typ)]).toEqual([endung, { code }]);
  });

  it('takes the media type when the extension is not in the list, and the extension case-insensitively', () => {
    expect(dateiformat('bin', 'application/pdf')).toEqual({ code: '018' });
    expect(dateiformat('PDF', null)).toEqual({ code: '018' });
    expect(dateiformat('.Txt', undefined)).toEqual({ code: '045' });
    expect(dateiformat('', 'text/plain; charset=utf-8')).toEqual({ code: '045' });
  });

  it('sends PDF/A only when known, and everything else as Sonstiges with its name', () => {
    expect(dateiformat('pdf', 'application/pdf', { pdfA: true })).toEqual({ code: '044' });
    expect(dateiformat('txt', 'text/plain', { pdfA: true })).toEqual({ code: '045' });
    expect(dateiformat('dwg', 'application/acad')).toEqual({ code: DATEIFORMAT_SONSTIGES, sonstigerName: 'dwg' });
    expect(dateiformat('', 'application/x-foo')).toEqual({ code: '100', sonstigerName: 'application/x-foo' });
    expect(dateiformat('', null)).toEqual({ code: '100', sonstigerName: 'unbekannt' });
  });
});
