package dev.autosync.bench;

import dev.autosync.emulator.LocalEmulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's floor for a round trip: a server that does nothing but answer snowflake-jdbc with canned
 * bytes (the emulator's own login and {@code SELECT 1} answers, recorded once at start), one thread per
 * connection, no JSON parsing, no engine. What snowflake-jdbc spends on a {@code SELECT 1} against it is
 * the least any server can reach. Prints {@code canned ARROW port A JSON port J} and serves until killed.
 * Used by {@link RoundTripBenchmark}.
 */
public final class CannedSnowflake {
    private static final byte[] OK = "{\"data\":null,\"code\":null,\"message\":null,\"success\":true}"
            .getBytes(StandardCharsets.UTF_8);

    private CannedSnowflake() {
    }

    public static void main(String[] args) throws Exception {
        byte[] login;
        byte[] arrow;
        byte[] json;
        Path dir = Files.createTempDirectory("autosync-canned");
        try (LocalEmulator e = LocalEmulator.start(dir, 0, null, null, m -> { })) {
            String base = "http://127.0.0.1:" + e.port();
            login = post(base + "/session/v1/login-request", null,
                    "{\"data\":{\"LOGIN_NAME\":\"AUTOSYNC\",\"PASSWORD\":\"x\",\"CLIENT_APP_ID\":\"JDBC\",\"SESSION_PARAMETERS\":{}}}");
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(new String(login, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("no token in " + new String(login, StandardCharsets.UTF_8));
            }
            arrow = post(base + "/queries/v1/query-request", m.group(1),
                    "{\"sqlText\":\"SELECT 1\",\"parameters\":{\"JDBC_QUERY_RESULT_FORMAT\":\"ARROW\"}}");
            json = post(base + "/queries/v1/query-request", m.group(1),
                    "{\"sqlText\":\"SELECT 1\",\"parameters\":{\"JDBC_QUERY_RESULT_FORMAT\":\"JSON\"}}");
        }
        ServerSocket a = serve(login, arrow);
        ServerSocket j = serve(login, json);
        System.out.println("canned ARROW port " + a.getLocalPort() + " JSON port " + j.getLocalPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static byte[] post(String url, String token, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Snowflake Token=\"" + token + "\"");
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static ServerSocket serve(byte[] login, byte[] result) throws IOException {
        ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Thread c = new Thread(() -> connection(s, login, result));
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    /** Reads each request's head and body (Content-Length only, as the driver sends) and answers by path. */
    private static void connection(Socket s, byte[] login, byte[] result) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                in.skipNBytes(length);
                String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
                byte[] body = path.startsWith("/session/v1/login-request") ? login
                        : path.startsWith("/queries/v1/query-request") ? result : OK;
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            matched = c == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : c == '\r' ? 1 : 0;
            if (matched == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
