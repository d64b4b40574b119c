package id.sinergi.audit.proof.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges of one reused buffer, without decoding them: an export of a million
 * entries is read once, in large blocks, and each line is handed to the JSON parser where it lies. A line ends at
 * {@code \n} (a {@code \r} before it is dropped); the last line needs no newline. Not thread-safe.
 */
final class Lines {

    /** Longest line read; a canonical entry is well under a kilobyte, so this only stops a runaway file. */
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private boolean eof;
    private long number;
    private int lineStart;
    private int lineLength;

    Lines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buffer[i] == '\n') {
                    take(i);
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start < end) {
                    take(end);
                    start = end;
                    return true;
                }
                return false;
            }
            scanFrom = end - start;
            fill();
        }
    }

    /** The buffer holding the current line; valid until the next call of {@link #next()}. */
    byte[] buffer() {
        return buffer;
    }

    int offset() {
        return lineStart;
    }

    int length() {
        return lineLength;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    /** Whether the current line is empty or only blanks. */
    boolean blank() {
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private void take(int newline) {
        int stop = newline;
        if (stop > start && buffer[stop - 1] == '\r') {
            stop--;
        }
        lineStart = start;
        lineLength = stop - start;
        number++;
    }

    /** Moves the unread bytes to the front, grows the buffer when a line fills it, and reads more. */
    private void fill() throws IOException {
        int pending = end - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }
        if (end == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new IOException("line " + (number + 1) + " is longer than " + (MAX_LINE >> 20) + " MiB");
            }
            buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE, buffer.length * 2));
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }
}
