package io.latchkey.cli;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn with Unicode half blocks: one character is two modules stacked. Light modules are drawn, dark ones
 * left blank, as {@code qrencode -t UTF8} does, which scans on the usual dark terminal; a quiet zone of 2 modules.
 */
public final class QrTerminal {

    private static final int QUIET = 2;

    private QrTerminal() {
    }

    public static String render(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int size = qr.size;
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET; y < size + QUIET; y += 2) {
            for (int x = -QUIET; x < size + QUIET; x++) {
                boolean top = light(qr, x, y);
                boolean bottom = light(qr, x, y + 1);
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean light(QrCode qr, int x, int y) {
        if (x < 0 || y < 0 || x >= qr.size || y >= qr.size) {
            // the quiet zone is light; below the last odd row it is too
            return y < qr.size + QUIET;
        }
        return !qr.getModule(x, y);
    }
}
