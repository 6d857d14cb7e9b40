// Uploads with progress: fetch cannot report upload progress, XMLHttpRequest can. The file is sent
// as it is read by the browser (multipart, streamed), never copied into memory by us.
import { alsProblem, ApiFehler } from './fehler';

export interface UploadFortschritt {
  geladen: number;
  gesamt: number;
}

/** Percentage for a progress bar, 0..100, whole numbers; unknown totals count as 0 until done. */
export function prozent(f: UploadFortschritt): number {
  if (!f.gesamt || f.gesamt <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((f.geladen / f.gesamt) * 100)));
}

/** Betreff for a file filed without one: its name without the extension. */
export function betreffAusDateiname(name: string): string {
  const ohne = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (ohne || name).slice(0, 500);
}

export { heute } from '@eakte/platform/zeit';

export function hochladen<T>(opts: { url: string; token: string; formular: FormData; beiFortschritt: (f: UploadFortschritt) => void; signal?: AbortSignal }): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', opts.url);
    xhr.setRequestHeader('authorization', `Bearer ${opts.token}`);
    xhr.setRequestHeader('idempotency-key', crypto.randomUUID());
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => opts.beiFortschritt({ geladen: e.loaded, gesamt: e.lengthComputable ? e.total : 0 });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.beiFortschritt({ geladen: 1, gesamt: 1 });
        resolve(xhr.response as T);
      } else reject(new ApiFehler(alsProblem(xhr.status, xhr.response)));
    };
    xhr.onerror = () => reject(new ApiFehler({ status: 0, code: 'NETZ' }));
    xhr.onabort = () => reject(new DOMException('abgebrochen', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(opts.formular);
  });
}

/** The file name of a download from Content-Disposition (RFC 6266, filename* first). */
export function dateinameAus(header: string | null, ersatz: string): string {
  if (!header) return ersatz;
  const stern = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (stern) {
    try {
      return decodeURIComponent(stern[1]!.trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const einfach = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  return (einfach?.[1] ?? einfach?.[2] ?? ersatz).replace(/[\\/]/g, '_') || ersatz;
}
