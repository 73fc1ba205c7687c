package dev.autosync.emulator.wire;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the loopback interface: one thread per client connection, which reads
 * each request and runs its handler itself. The JDK's HttpServer hands every request from its
 * dispatcher thread to an executor thread; on a busy machine each hand-off waits for the scheduler,
 * and a small query paid it on every round trip. snowflake-jdbc keeps its connections open
 * (keep-alive), so a session's requests all run on one thread. Handlers see the JDK's
 * {@link HttpExchange}, so they are the same as with HttpServer. Requests are read by
 * {@link HttpRequest}; response bodies go with a Content-Length or chunked.
 */
final class LoopbackHttp implements AutoCloseable {
    /** Handles one request; the exchange is closed afterwards. */
    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    LoopbackHttp(int port, Handler handler) throws IOException {
        this.server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread accept = new Thread(this::acceptLoop, "autosync-emulator-http-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "autosync-emulator-http-" + threads.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; HttpRequest.Input in = new HttpRequest.Input(s.getInputStream());
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536)) {
            // one response at a time per connection: its body buffer serves them all (a new 32 KiB per SELECT 1
            // was the emulator's largest allocation)
            byte[] responseBuffer = new byte[ChunkedOut.SIZE];
            while (!closed) {
                HttpRequest request = HttpRequest.read(in);
                if (request == null) {
                    return;
                }
                if (request.expectsContinue()) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                Exchange ex = new Exchange(request, out, s, responseBuffer);
                try {
                    handler.handle(ex);
                } finally {
                    ex.close();
                }
                InputStream unread = request.body();
                if (unread.read() >= 0) {
                    // the handler left part of the body (transferTo's 8 KiB buffer only then)
                    unread.transferTo(OutputStream.nullOutputStream());
                }
                out.flush();
                if (!request.keepAlive()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent what is not HTTP: nothing to answer
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** One request and its response, as the JDK's HttpExchange. */
    private static final class Exchange extends HttpExchange {
        private final HttpRequest request;
        private final Headers responseHeaders = new Headers();
        private final Socket socket;
        private final OutputStream raw;
        private final Map<String, Object> attributes = new HashMap<>();
        private InputStream body;
        private final byte[] responseBuffer;
        private OutputStream responseBody;
        private int code = -1;

        Exchange(HttpRequest request, OutputStream raw, Socket socket, byte[] responseBuffer) {
            this.request = request;
            this.responseBuffer = responseBuffer;
            this.body = request.body();
            this.raw = raw;
            this.socket = socket;
        }

        @Override
        public Headers getRequestHeaders() {
            return request.headers();
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return request.uri();
        }

        @Override
        public String getRequestMethod() {
            return request.method();
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            try {
                if (code < 0) {
                    sendResponseHeaders(500, -1);
                }
                if (responseBody != null) {
                    responseBody.close();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public InputStream getRequestBody() {
            return body;
        }

        @Override
        public OutputStream getResponseBody() {
            if (responseBody == null) {
                throw new IllegalStateException("sendResponseHeaders first");
            }
            return responseBody;
        }

        /** As HttpServer: {@code length} 0 sends a chunked body, -1 none, more a body of that length. */
        @Override
        public void sendResponseHeaders(int rCode, long length) throws IOException {
            if (code >= 0) {
                throw new IOException("headers already sent");
            }
            code = rCode;
            StringBuilder h = new StringBuilder("HTTP/1.1 ").append(rCode).append(rCode == 200 ? " OK" : " Status").append("\r\n");
            for (Map.Entry<String, java.util.List<String>> e : responseHeaders.entrySet()) {
                for (String v : e.getValue()) {
                    h.append(e.getKey()).append(": ").append(v).append("\r\n");
                }
            }
            if (length == 0) {
                // the headers wait for the body: a body that fits the buffer goes out with its length, in one write
                responseBody = new ChunkedOut(raw, h, responseBuffer);
                return;
            }
            h.append("Content-Length: ").append(Math.max(0, length)).append("\r\n");
            raw.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            responseBody = new FixedOut(raw);
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }

        @Override
        public int getResponseCode() {
            return code;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public String getProtocol() {
            return request.protocol();
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            if (i != null) {
                body = i;
            }
            if (o != null) {
                responseBody = o;
            }
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }

    /** A response body of a declared length: closing it leaves the connection open. */
    private static final class FixedOut extends FilterOutputStream {
        FixedOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /**
     * A response body of a length not known beforehand. It is buffered (32 KiB); a body that ends within the
     * buffer goes out with a Content-Length, headers and body in one write; a longer one in chunks (each buffer
     * a chunk), closing writing the last.
     */
    private static final class ChunkedOut extends OutputStream {
        static final int SIZE = 32768;
        private final OutputStream out;
        /** The connection's buffer, free again once this body is closed. */
        private final byte[] buf;
        /** The status line and headers not yet sent (null once sent). */
        private StringBuilder headers;
        private int n;
        private boolean closed;

        ChunkedOut(OutputStream out, StringBuilder headers, byte[] buf) {
            this.out = out;
            this.buf = buf;
            this.headers = headers;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flushChunk();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (n + len > buf.length) {
                flushChunk();
            }
            if (len >= buf.length) {
                chunk(b, off, len);
            } else {
                System.arraycopy(b, off, buf, n, len);
                n += len;
            }
        }

        private void chunked() throws IOException {
            if (headers != null) {
                out.write(headers.append("Transfer-Encoding: chunked\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                headers = null;
            }
        }

        private void flushChunk() throws IOException {
            if (n > 0) {
                chunk(buf, 0, n);
                n = 0;
            }
        }

        private void chunk(byte[] b, int off, int len) throws IOException {
            chunked();
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b, off, len);
            out.write('\r');
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            flushChunk();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (headers != null) {
                out.write(headers.append("Content-Length: ").append(n).append("\r\n\r\n").toString()
                        .getBytes(StandardCharsets.ISO_8859_1));
                headers = null;
                out.write(buf, 0, n);
            } else {
                flushChunk();
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        }
    }
}
