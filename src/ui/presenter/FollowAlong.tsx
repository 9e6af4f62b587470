/**
 * Follow along: the link that opens what the projector shows (the program at its step, or the
 * lesson step) on a student's device, as text and as a QR code. The QR code is drawn here, by the
 * qrcode library, as an SVG: nothing goes over the network, and the link itself carries the state.
 */
import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';

export interface FollowAlongProps {
  url: string;
  onClose(): void;
}

type Qr = { kind: 'ready'; src: string } | { kind: 'too-long' } | { kind: 'drawing' };

export function FollowAlong({ url, onClose }: FollowAlongProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [qr, setQr] = useState<Qr>({ kind: 'drawing' });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);

  useEffect(() => {
    let live = true;
    // Low error correction: the most data per code (a projected code is read from a clean screen).
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }).then(
      (svg) => {
        if (live)
          setQr({
            kind: 'ready',
            src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
          });
      },
      () => live && setQr({ kind: 'too-long' }),
    );
    return () => {
      live = false;
    };
  }, [url]);

  const copy = () => {
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <dialog
      ref={dialog}
      className="follow-along"
      aria-labelledby={headingId}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={headingId}>Follow along</h2>
      <p>Scan the code or open the link: the same program opens at this step, on your device.</p>
      {qr.kind === 'ready' && (
        <img className="follow-along__qr" src={qr.src} alt="QR code of the follow-along link" />
      )}
      {qr.kind === 'too-long' && (
        <p role="alert">
          This program is too long for a QR code. Share the link instead (a chat message or the
          course page).
        </p>
      )}
      <p className="follow-along__link">
        <a href={url} target="_blank" rel="noopener noreferrer">
          {url.length > 120 ? `${url.slice(0, 117)}…` : url}
        </a>
      </p>
      <div className="follow-along__buttons">
        <button type="button" className="button" onClick={copy}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
