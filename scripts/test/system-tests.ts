// Test files that need programs beyond Node and git (a real clamd; OCRmyPDF, Tesseract and qpdf; a
// real Dovecot; zbarimg and Ghostscript; LibreOffice and poppler-utils). They run in `pnpm test:system`
// (scripts/vitest.system.config.ts) and are left out of `pnpm test` by this one list, so none is lost.
export const SYSTEM_TESTS = [
  'services/dokumente/test/schadsoftware.test.ts',
  'services/dokumente/test/ocr-echt.test.ts',
  'services/dokumente/test/postfachabruf.test.ts',
  'services/dokumente/test/scanstapel-echt.test.ts',
  'services/dokumente/test/scanstapel-prozess.test.ts',
  'services/dokumente/test/vorschau-echt.test.ts',
];
