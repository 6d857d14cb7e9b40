// A small router over the History API: the route table is data (routen.tsx), links are real <a>s,
// and after each navigation the focus moves to the page heading (screen readers announce it).
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/** `nr` counts navigations: the same address asked for again (a repeated search) loads again. */
const Ort = createContext<{ pfad: string; suche: URLSearchParams; nr: number }>({ pfad: '/', suche: new URLSearchParams(), nr: 0 });

let navigationen = 0;

export function navigieren(ziel: string, ersetzen = false) {
  if (ersetzen) history.replaceState(null, '', ziel);
  else history.pushState(null, '', ziel);
  window.dispatchEvent(new Event('eakte:navigation'));
}

export function OrtProvider({ children }: { children: ReactNode }) {
  const lesen = () => ({ pfad: location.pathname, suche: new URLSearchParams(location.search), nr: ++navigationen });
  const [ort, setOrt] = useState(lesen);
  useEffect(() => {
    const neu = () => setOrt(lesen());
    window.addEventListener('popstate', neu);
    window.addEventListener('eakte:navigation', neu);
    return () => {
      window.removeEventListener('popstate', neu);
      window.removeEventListener('eakte:navigation', neu);
    };
  }, []);
  return <Ort.Provider value={ort}>{children}</Ort.Provider>;
}

export const useOrt = () => useContext(Ort);

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigieren(href);
      }}
    >
      {children}
    </a>
  );
}
