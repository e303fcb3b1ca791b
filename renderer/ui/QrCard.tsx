/** A member card with its QR code (qrcode), for the screen and for printing. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { cardCodeFor } from '../../shared/card-code';
import { useI18n } from '../i18n/i18n';

/** The card's QR code as a data URL; undefined until it is drawn. */
export function useQrImage(cardId: string): string | undefined {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    const code = cardCodeFor(cardId);
    // The decoder that chooses the mask is the camera's: it loads with the first card.
    import('./card-qr')
      .then(({ cardQrMask, CARD_QR_ERROR_CORRECTION, CARD_QR_QUIET_MODULES }) =>
        QRCode.toDataURL(code, {
          errorCorrectionLevel: CARD_QR_ERROR_CORRECTION,
          maskPattern: cardQrMask(code),
          margin: CARD_QR_QUIET_MODULES,
          width: 320,
        }),
      )
      .then(
        (url) => {
          if (!cancelled) setImage(url);
        },
        () => {
          // A card id always fits a QR code, and the chunk is cached with the app; a failure
          // here leaves the card number visible.
        },
      );
    return () => {
      cancelled = true;
    };
  }, [cardId]);
  return image;
}

/** `image` is useQrImage(cardId), drawn once by the caller, which prints it too. */
export function QrCard(props: {
  cardId: string;
  image: string | undefined;
  memberName: string;
  storeName: string;
}) {
  const { t } = useI18n();
  const { image } = props;
  return (
    <figure className="qr-card" data-testid="qr-card">
      {image && (
        <img
          src={image}
          alt={t.enrol.qrLabel}
          width={240}
          height={240}
          data-card-code={cardCodeFor(props.cardId)}
        />
      )}
      <figcaption>
        <strong>{props.storeName}</strong>
        <span>{props.memberName}</span>
        <code>{props.cardId}</code>
      </figcaption>
    </figure>
  );
}
