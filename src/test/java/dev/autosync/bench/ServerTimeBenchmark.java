package dev.autosync.bench;

import dev.autosync.emulator.LocalEmulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator itself spends on a query, without the driver: the server in process, one raw keep-alive
 * socket per result format posting the same query-request, in turn, timed per request (wall) and as the CPU of
 * the connection's server thread (the handler runs there; JIT and GC threads are left out, which on a loaded
 * machine blur the process's CPU). Run with bench/emulator-servertime.sh [requests] [sql].
 */
public final class ServerTimeBenchmark {
    private ServerTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String sql = args.length > 1 ? args[1] : "SELECT 1";
        Path dir = Files.createTempDirectory("autosync-servertime");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LocalEmulator e = LocalEmulator.start(dir, 0, null, null, m -> { })) {
            String[] formats = {"ARROW", "JSON"};
            Raw[] c = new Raw[formats.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = new Raw(e.port());
                String login = c[k].post("/session/v1/login-request", null,
                        "{\"data\":{\"LOGIN_NAME\":\"AUTOSYNC\",\"PASSWORD\":\"x\",\"CLIENT_APP_ID\":\"JDBC\",\"SESSION_PARAMETERS\":{}}}");
                Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login);
                if (!m.find()) {
                    throw new IllegalStateException("no token in " + login);
                }
                c[k].token = m.group(1);
                c[k].body = "{\"sqlText\":\"" + sql + "\",\"parameters\":{\"JDBC_QUERY_RESULT_FORMAT\":\"" + formats[k] + "\"}}";
            }
            for (int i = 0; i < 3000; i++) {
                for (Raw r : c) {
                    r.query();
                }
            }
            // each connection has its server thread, named in the order of connecting: its CPU is that format's
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] serverThread = new long[c.length];
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                for (int k = 0; k < c.length; k++) {
                    if (t.getName().equals("autosync-emulator-http-" + (k + 1))) {
                        serverThread[k] = t.getId();
                    }
                }
            }
            for (int pass = 0; pass < 3; pass++) {
                long[][] t = new long[c.length][requests];
                long[] cpu = new long[c.length];
                for (int k = 0; k < c.length; k++) {
                    cpu[k] = -threads.getThreadCpuTime(serverThread[k]);
                }
                java.util.Map<Thread, Long> before = new java.util.HashMap<>();
                for (Thread th : Thread.getAllStackTraces().keySet()) {
                    before.put(th, threads.getThreadCpuTime(th.getId()));
                }
                long process = -os.getProcessCpuTime();
                for (int i = 0; i < requests; i++) {
                    // in turn, the first of each round alternating, so both formats see the same machine
                    for (int j = 0; j < c.length; j++) {
                        int k = (i + j) % c.length;
                        long t0 = System.nanoTime();
                        c[k].query();
                        t[k][i] = System.nanoTime() - t0;
                    }
                }
                process += os.getProcessCpuTime();
                for (int k = 0; k < c.length; k++) {
                    cpu[k] += threads.getThreadCpuTime(serverThread[k]);
                    long[] s = t[k].clone();
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "pass %d %-5s wall median %.1f us p10 %.1f us p90 %.1f us; server thread CPU %.1f us/request%n",
                            pass, formats[k], s[requests / 2] / 1e3, s[requests / 10] / 1e3, s[requests * 9 / 10] / 1e3, cpu[k] / 1e3 / requests);
                }
                System.out.printf(Locale.ROOT, "pass %d process CPU (all threads, both formats) %.1f us/request%n", pass, process / 2e3 / requests);
                // where the rest of the process's CPU went: the Java threads that used the most (JIT and GC threads are not Java threads)
                java.util.List<String> busiest = new java.util.ArrayList<>();
                for (java.util.Map.Entry<Thread, Long> b : before.entrySet()) {
                    long used = threads.getThreadCpuTime(b.getKey().getId()) - b.getValue();
                    if (used > 0) {
                        busiest.add(String.format(Locale.ROOT, "%09d %s", used / 1000, b.getKey().getName()));
                    }
                }
                busiest.sort(java.util.Comparator.reverseOrder());
                System.out.println("pass " + pass + " busiest Java threads (us): " + busiest.subList(0, Math.min(6, busiest.size())));
            }
            System.out.println("ARROW answer: " + c[0].last.length() + " chars; JSON answer: " + c[1].last.length() + " chars");
            for (Raw r : c) {
                r.socket.close();
            }
        }
    }

    /** One keep-alive connection: requests with a Content-Length, answers read by Content-Length or chunked. */
    private static final class Raw {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        String token;
        String body;
        String last = "";

        Raw(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void query() throws IOException {
            last = post("/queries/v1/query-request?requestId=" + java.util.UUID.randomUUID(), token, body);
            if (!last.contains("\"success\":true")) {
                throw new IllegalStateException(last);
            }
        }

        String post(String path, String auth, String json) throws IOException {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/snowflake\r\n"
                    + (auth == null ? "" : "Authorization: Snowflake Token=\"" + auth + "\"\r\n") + "Content-Length: " + b.length + "\r\n\r\n";
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(head.getBytes(StandardCharsets.ISO_8859_1));
            req.write(b);
            out.write(req.toByteArray());
            out.flush();
            String h = line();
            long length = -1;
            boolean chunked = false;
            for (String l = line(); !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (!h.contains(" 200")) {
                throw new IllegalStateException(h);
            }
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            if (chunked) {
                for (int n = Integer.parseInt(line().trim(), 16); n > 0; n = Integer.parseInt(line().trim(), 16)) {
                    r.write(in.readNBytes(n));
                    line();
                }
                line();
            } else {
                r.write(in.readNBytes((int) length));
            }
            return r.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }
    }
}
