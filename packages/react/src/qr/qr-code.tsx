import { useEffect, useState, type ReactNode } from 'react';

interface Modules {
  readonly value: string;
  readonly size: number;
  readonly path: string;
}

/** One SVG path of the dark modules: a 1×1 square each, so the image stays crisp at any size. */
function darkModules(data: readonly (readonly boolean[])[]): string {
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return path;
}

/**
 * The QR code of `value` as SVG. The encoder (`uqr`) is imported on first render in the
 * browser, so an app that never shows a QR code never downloads it.
 */
export function QrCode(props: { readonly value: string; readonly label: string }): ReactNode {
  const [modules, setModules] = useState<Modules | undefined>(undefined);
  useEffect(() => {
    let live = true;
    import('uqr')
      .then(({ encode }) => {
        const { data, size } = encode(props.value, { ecc: 'M', border: 2 });
        if (live) setModules({ value: props.value, size, path: darkModules(data) });
      })
      .catch(() => {
        // Without the encoder the citizen still has the user code below the image.
        if (live) setModules(undefined);
      });
    return () => {
      live = false;
    };
  }, [props.value]);
  const size = 'var(--dinhdanh-qr-size, 240px)';
  if (modules === undefined || modules.value !== props.value) {
    return (
      <div
        role="img"
        aria-label={props.label}
        aria-busy="true"
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <svg
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${modules.size} ${modules.size}`}
      shapeRendering="crispEdges"
      style={{ width: size, height: size }}
    >
      <rect
        width={modules.size}
        height={modules.size}
        style={{ fill: 'var(--dinhdanh-qr-bg, #fff)' }}
      />
      <path d={modules.path} style={{ fill: 'var(--dinhdanh-qr-fg, #000)' }} />
    </svg>
  );
}
