package dev.vmc.runtime.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows the quotes of the CSV text passing through it, to catch a quoted field that is
 * never closed: FastCSV then takes the rest of the file as that one field, silently (its
 * issue #173). Quotes alternate opening and closing, doubled quotes inside a field
 * included, so text that ends inside a quote has a field left open.
 */
final class QuoteTracker extends FilterReader {
    private boolean inQuote;
    private boolean ended;
    private long line = 1;
    private long openedOnLine;
    private boolean afterCarriageReturn;

    QuoteTracker(Reader in) {
        super(in);
    }

    /** The line of the quote left open at the end of the text, or 0 if none is (or the end is not reached yet). */
    long unclosedQuoteLine() {
        return ended && inQuote ? openedOnLine : 0;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count < 0) {
            ended = true;
        }
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '"') {
                inQuote = !inQuote;
                openedOnLine = inQuote ? line : openedOnLine;
            } else if (c == '\n' && !afterCarriageReturn || c == '\r') {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
        return count;
    }
}
