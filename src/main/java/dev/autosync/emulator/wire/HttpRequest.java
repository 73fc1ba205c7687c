package dev.autosync.emulator.wire;

import com.sun.net.httpserver.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request as {@link LoopbackHttp} reads it from a connection: request line, headers, and
 * the body as a stream (Content-Length or chunked) that ends where the request ends, so the next
 * request on a kept-alive connection starts right after it.
 */
record HttpRequest(String method, URI uri, String protocol, Headers headers, InputStream body) {

    /** The next request on the connection; null when the client closed it. */
    static HttpRequest read(Input in) throws IOException {
        String requestLine;
        do {
            requestLine = in.line();
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.indexOf(' ', sp1 + 1);
        if (sp1 < 0 || sp2 < 0) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Headers headers = new Headers();
        for (String h = in.line(); h != null && !h.isEmpty(); h = in.line()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.add(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
        }
        return new HttpRequest(requestLine.substring(0, sp1), URI.create(requestLine.substring(sp1 + 1, sp2)),
                requestLine.substring(sp2 + 1), headers, body(in, headers));
    }

    boolean expectsContinue() {
        return "100-continue".equalsIgnoreCase(headers.getFirst("Expect"));
    }

    /** Whether the connection stays open after this request (HTTP/1.1 without Connection: close). */
    boolean keepAlive() {
        String connection = headers.getFirst("Connection");
        return !(connection != null && connection.toLowerCase(Locale.ROOT).contains("close") || protocol.equals("HTTP/1.0"));
    }

    private static InputStream body(Input in, Headers headers) {
        String te = headers.getFirst("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedIn(in);
        }
        String cl = headers.getFirst("Content-Length");
        return new FixedIn(in, cl == null ? 0 : Long.parseLong(cl.trim()));
    }

    /**
     * A connection's input, buffered without the locking of BufferedInputStream (one thread reads a
     * connection), with the CRLF-terminated line reading HTTP heads need.
     */
    static final class Input extends InputStream {
        private final InputStream in;
        private final byte[] buf = new byte[16384];
        private int pos;
        private int end;

        Input(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (pos < end) {
                return true;
            }
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            end = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buf[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == end && len >= buf.length) {
                return in.read(b, off, len);
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        /** A line without its CRLF (ISO-8859-1, as HTTP heads are); null at the end of the stream. */
        String line() throws IOException {
            StringBuilder partial = null;
            while (fill()) {
                for (int i = pos; i < end; i++) {
                    if (buf[i] == '\n') {
                        int stop = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String piece = new String(buf, pos, stop - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        if (partial == null) {
                            return piece;
                        }
                        partial.append(piece);
                        int n = partial.length();
                        return n > 0 && partial.charAt(n - 1) == '\r' ? partial.substring(0, n - 1) : partial.toString();
                    }
                }
                if (partial == null) {
                    partial = new StringBuilder();
                }
                partial.append(new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1));
                pos = end;
            }
            return partial == null || partial.length() == 0 ? null : partial.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A body of a declared length. */
    private static final class FixedIn extends InputStream {
        private final Input in;
        private long left;

        FixedIn(Input in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** A chunked body. */
    private static final class ChunkedIn extends InputStream {
        private final Input in;
        private long left;
        private boolean done;

        ChunkedIn(Input in) {
            this.in = in;
        }

        private boolean next() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                String size = in.line();
                if (size == null) {
                    done = true;
                    return false;
                }
                if (size.isEmpty()) {
                    size = in.line();
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (left == 0) {
                    for (String t = in.line(); t != null && !t.isEmpty(); t = in.line()) {
                        // trailers: none expected
                    }
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!next()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
                if (left == 0) {
                    in.line();
                }
            }
            return n;
        }
    }
}
