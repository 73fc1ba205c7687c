package dev.autosync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARROW result chunks (snowflake-jdbc's default result format) read exactly as the JSON result format
 * through the real driver: every column type the emulator produces, NULLs of each, results that span
 * chunks, empty results. The "Snowflake JDBC Driver configuration parameters" page
 * (developer-guide/jdbc/jdbc-parameters) names JDBC_QUERY_RESULT_FORMAT (ARROW, or JSON).
 */
class ArrowResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatorFixture fx;
    private static Connection arrow;
    private static Connection json;

    /** Column name, its Snowflake type, and the SQL that turns a random value's text into it. */
    private static final String[][] COLUMNS = {
        {"N1", "NUMBER(2,0)", "%s"},
        {"N2", "NUMBER(4,0)", "%s"},
        {"N3", "NUMBER(9,0)", "%s"},
        {"N4", "NUMBER(18,0)", "%s"},
        {"N5", "NUMBER(38,0)", "%s"},
        {"D1", "NUMBER(10,2)", "%s"},
        {"D2", "NUMBER(38,12)", "%s"},
        {"D3", "NUMBER(18,6)", "%s"},
        {"R", "FLOAT", "%s"},
        {"S", "VARCHAR", "'%s'"},
        {"B", "BOOLEAN", "%s"},
        {"DT", "DATE", "'%s'::DATE"},
        {"TM", "TIME", "'%s'::TIME"},
        {"TS", "TIMESTAMP_NTZ", "'%s'::TIMESTAMP_NTZ"},
        {"TL", "TIMESTAMP_LTZ", "'%s'::TIMESTAMP_LTZ"},
        {"V", "VARIANT", "PARSE_JSON('%s')"},
        {"BI", "BINARY", "TO_BINARY('%s', 'HEX')"},
    };

    @BeforeContainer
    static void start() throws Exception {
        fx = new EmulatorFixture();
        fx.run("CREATE DATABASE ARR", "CREATE SCHEMA ARR.S");
        StringBuilder ddl = new StringBuilder("CREATE TABLE ARR.S.T (K NUMBER(9,0)");
        for (String[] c : COLUMNS) {
            ddl.append(", ").append(c[0]).append(' ').append(c[1]);
        }
        fx.run(ddl.append(')').toString());
        arrow = fx.connect("ARR", "S");
        Properties p = fx.emulator().connectionProperties("tester", "secret", "ARR", "S");
        p.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
        json = DriverManager.getConnection(fx.emulator().jdbcUrl(), p);
    }

    @AfterContainer
    static void stop() throws SQLException {
        json.close();
        fx.close();
    }

    @Provide
    Arbitrary<String[]> rows() {
        Arbitrary<String> n1 = Arbitraries.integers().between(-99, 99).map(String::valueOf);
        Arbitrary<String> n2 = Arbitraries.integers().between(-9999, 9999).map(String::valueOf);
        Arbitrary<String> n3 = Arbitraries.integers().between(-999_999_999, 999_999_999).map(String::valueOf);
        Arbitrary<String> n4 = Arbitraries.longs().between(-999_999_999_999_999_999L, 999_999_999_999_999_999L).map(String::valueOf);
        Arbitrary<String> n5 = Arbitraries.bigIntegers().between(new BigInteger("-99999999999999999999999999999999999999"),
                new BigInteger("99999999999999999999999999999999999999")).map(String::valueOf);
        Arbitrary<String> d1 = Arbitraries.bigDecimals().between(new BigDecimal("-99999999.99"), new BigDecimal("99999999.99"))
                .ofScale(2).map(BigDecimal::toPlainString);
        Arbitrary<String> d2 = Arbitraries.bigDecimals().between(new BigDecimal("-99999999999999999999999999.999999999999"),
                new BigDecimal("99999999999999999999999999.999999999999")).ofScale(12).map(BigDecimal::toPlainString);
        Arbitrary<String> d3 = Arbitraries.bigDecimals().between(new BigDecimal("-999999999999.999999"),
                new BigDecimal("999999999999.999999")).ofScale(6).map(BigDecimal::toPlainString);
        Arbitrary<String> r = Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, 1e12).map(String::valueOf),
                Arbitraries.integers().between(-1000, 1000).map(String::valueOf), Arbitraries.of("0.1", "-2.5e-7", "1e20"))
                .map(s -> s + "::FLOAT");
        Arbitrary<String> s = Arbitraries.strings().withCharRange('a', 'z').withChars("é日本 \"\\{}").ofMaxLength(30)
                .map(x -> x.replace("\\", "\\\\"));
        Arbitrary<String> b = Arbitraries.of("TRUE", "FALSE");
        Arbitrary<Integer> year = Arbitraries.integers().between(1900, 2100);
        Arbitrary<String> date = Combinators.combine(year, Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 999_999))
                .as((h, m, sec, micros) -> String.format("%02d:%02d:%02d.%06d", h, m, sec, micros));
        Arbitrary<String> ts = Combinators.combine(date, time).as((d, t) -> d + " " + t);
        Arbitrary<String> v = Arbitraries.oneOf(Arbitraries.integers().map(i -> "{\"k\": " + i + ", \"a\": [1, \"x\"]}"),
                Arbitraries.strings().alpha().ofMaxLength(8).map(x -> "\"" + x + "\""), Arbitraries.of("[]", "{}", "3.25", "true"));
        Arbitrary<String> bi = Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(x -> java.util.HexFormat.of().formatHex(x));
        List<Arbitrary<String>> cols = List.of(n1, n2, n3, n4, n5, d1, d2, d3, r, s, b, date, time, ts, ts, v, bi);
        List<Arbitrary<String>> nullable = new ArrayList<>();
        for (Arbitrary<String> a : cols) {
            nullable.add(a.injectNull(0.15));
        }
        return Combinators.combine(nullable).as(values -> values.toArray(new String[0]));
    }

    @Property(tries = 25)
    void everyTypeReadsTheSameInArrowAndJson(@ForAll("rows") String[] a, @ForAll("rows") String[] b, @ForAll("rows") String[] c)
            throws Exception {
        try (Statement st = arrow.createStatement()) {
            st.execute("DELETE FROM T");
            int k = 0;
            for (String[] row : List.of(a, b, c)) {
                StringBuilder sql = new StringBuilder("INSERT INTO T VALUES (").append(k++);
                for (int i = 0; i < COLUMNS.length; i++) {
                    sql.append(", ").append(row[i] == null ? "NULL" : String.format(COLUMNS[i][2], row[i]));
                }
                st.execute(sql.append(')').toString());
            }
        }
        assertSame("SELECT * FROM T ORDER BY K");
    }

    @Property(tries = 1)
    void aLargeResultAcrossChunksReadsTheSame() throws Exception {
        String sql = "SELECT SEQ4() AS I, SEQ4() * 1000003 AS BIG, (SEQ4() / 7)::NUMBER(12,3) AS DEC, 'row ' || SEQ4() AS S, "
                + "IFF(SEQ4() % 5 = 0, NULL, SEQ4() % 2 = 0) AS B, DATEADD(day, SEQ4() % 1000, '2020-01-01'::DATE) AS D, "
                + "DATEADD(second, SEQ4(), '2024-03-01 00:00:00.123456'::TIMESTAMP_NTZ) AS TS "
                + "FROM TABLE(GENERATOR(ROWCOUNT => 120000)) ORDER BY I";
        List<String> viaArrow = read(arrow, sql);
        assertEquals(120000, viaArrow.size());
        assertRowsEqual(read(json, sql), viaArrow, sql);
        assertTrue(viaArrow.get(119999).startsWith("119999 "), viaArrow.get(119999));
    }

    /**
     * NUMBER at each integer width's limits, negative, NULL, scale 0, 2 and 9, one width per query (the server
     * picks a chunk's width from its values: ArrowChunks.fixed), then beyond 64 bits (decimal128). Types:
     * sql-reference/data-types-numeric (NUMBER(p,s), up to 38 digits).
     */
    @Property(tries = 1)
    void numbersAtEveryIntegerWidthsLimitsReadTheSame() throws Exception {
        BigInteger lmin = BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger lmax = BigInteger.valueOf(Long.MAX_VALUE);
        // each limit alone and one past it alone on each side, so that every query's width is decided by that value
        List<List<BigInteger>> groups = List.of(
                ints(-128, 127, 0, -1, 1), ints(128), ints(-129),
                ints(Short.MIN_VALUE, Short.MAX_VALUE, -5), ints(Short.MAX_VALUE + 1), ints(Short.MIN_VALUE - 1),
                ints(Integer.MIN_VALUE, Integer.MAX_VALUE), ints(Integer.MAX_VALUE + 1L), ints(Integer.MIN_VALUE - 1L),
                List.of(lmin, lmax), List.of(lmax.add(BigInteger.ONE)), List.of(lmin.subtract(BigInteger.ONE)),
                List.of(BigInteger.TEN.pow(37).negate(), BigInteger.TEN.pow(37)));
        try (Statement st = arrow.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE W (G NUMBER, K NUMBER, Z NUMBER(38,0), S NUMBER(38,2), N NUMBER(38,9))");
            int k = 0;
            for (int g = 0; g < groups.size(); g++) {
                st.execute("INSERT INTO W VALUES (" + g + ", " + k++ + ", NULL, NULL, NULL)");
                for (BigInteger u : groups.get(g)) {
                    st.execute("INSERT INTO W VALUES (" + g + ", " + k++ + ", " + u + ", " + new BigDecimal(u, 2).toPlainString()
                            + ", " + new BigDecimal(u, 9).toPlainString() + ")");
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            List<String> rows = read(arrow, "SELECT Z, S, N FROM W WHERE G = " + g + " ORDER BY K");
            assertEquals(groups.get(g).size() + 1, rows.size());
            assertSame("SELECT Z, S, N FROM W WHERE G = " + g + " ORDER BY K");
        }
        assertTrue(read(arrow, "SELECT S FROM W WHERE K = 2").get(0).startsWith("1.27 "), "a scaled Int8 value's text");
        // one column whose chunks need different widths (Int8, Int16, Int32, Int64 by row range), NULLs among them
        String wide = "CASE WHEN SEQ4() % 9 = 0 THEN NULL WHEN SEQ4() < 30000 THEN SEQ4() % 256 - 128 "
                + "WHEN SEQ4() < 60000 THEN SEQ4() - 45000 WHEN SEQ4() < 90000 THEN (SEQ4() - 75000) * 100000 "
                + "ELSE (SEQ4() - 105000) * 1000000000000 END";
        assertSame("SELECT SEQ4() AS I, (" + wide + ")::NUMBER(38,0) AS Z, (" + wide + " / 100)::NUMBER(38,2) AS S "
                + "FROM TABLE(GENERATOR(ROWCOUNT => 120000)) ORDER BY I");
    }

    private static List<BigInteger> ints(long... values) {
        return Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
    }

    @Property(tries = 1)
    void anEmptyResultAndNullsOfEveryTypeReadTheSame() throws Exception {
        assertEquals(List.of(), read(arrow, "SELECT * FROM T WHERE 1 = 0"));
        try (Statement st = arrow.createStatement()) {
            st.execute("DELETE FROM T");
            st.execute("INSERT INTO T (K) VALUES (1)");
        }
        try (Statement st = arrow.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM T")) {
            assertTrue(rs.next(), () -> {
                try {
                    return "no row; via JSON: " + read(json, "SELECT * FROM T");
                } catch (SQLException e) {
                    return e.toString();
                }
            });
            assertEquals(1, rs.getInt(1));
            for (int i = 2; i <= COLUMNS.length + 1; i++) {
                assertEquals(null, rs.getObject(i), COLUMNS[i - 2][0]);
                assertEquals(null, rs.getString(i), COLUMNS[i - 2][0]);
                assertTrue(rs.wasNull(), COLUMNS[i - 2][0] + " wasNull");
            }
        }
        assertSame("SELECT * FROM T");
        assertSame("SELECT * FROM T WHERE 1 = 0");
    }

    /** The emulator answers ARROW to snowflake-jdbc here (this JVM opens java.nio), JSON when asked and to other clients. */
    @Property(tries = 1)
    void theFormatFollowsTheClientAndItsParameters() throws Exception {
        assertEquals("arrow", format("JDBC", "{}", "{}"));
        assertEquals("json", format("JDBC", "{\"JDBC_QUERY_RESULT_FORMAT\":\"JSON\"}", "{}"));
        assertEquals("json", format("JDBC", "{}", "{\"JDBC_QUERY_RESULT_FORMAT\":\"JSON\"}"));
        assertEquals("json", format("JavaScript", "{}", "{}"));
        try (Statement st = arrow.createStatement()) {
            st.execute("ALTER SESSION SET JDBC_QUERY_RESULT_FORMAT = 'JSON'");
            assertEquals(List.of("1"), EmulatorFixture.rows(arrow, "SELECT 1"));
            st.execute("ALTER SESSION SET JDBC_QUERY_RESULT_FORMAT = 'ARROW'");
        }
    }

    private static String format(String app, String sessionParameters, String statementParameters) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + fx.emulator().port();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/session/v1/login-request"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"LOGIN_NAME\":\"tester\",\"PASSWORD\":\"secret\","
                        + "\"CLIENT_APP_ID\":\"" + app + "\",\"SESSION_PARAMETERS\":" + sessionParameters + "}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(login.body()).path("data").path("token").asText();
        HttpResponse<String> q = http.send(HttpRequest.newBuilder(URI.create(base + "/queries/v1/query-request"))
                .header("Authorization", "Snowflake Token=\"" + token + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sqlText\":\"SELECT 1 AS X\",\"parameters\":" + statementParameters + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode data = JSON.readTree(q.body()).path("data");
        if (data.path("queryResultFormat").asText().equals("arrow")) {
            assertTrue(data.path("rowsetBase64").asText().length() > 0, q.body());
        }
        return data.path("queryResultFormat").asText();
    }

    private static void assertSame(String sql) throws SQLException {
        assertRowsEqual(read(json, sql), read(arrow, sql), sql);
    }

    /** Equal rows, else the first cell that differs. */
    private static void assertRowsEqual(List<String> expected, List<String> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": row count");
        for (int r = 0; r < expected.size(); r++) {
            String[] e = expected.get(r).split("\\|", -1);
            String[] a = actual.get(r).split("\\|", -1);
            for (int i = 0; i < Math.max(e.length, a.length); i++) {
                String ev = i < e.length ? e[i] : "(none)";
                String av = i < a.length ? a[i] : "(none)";
                assertEquals(ev, av, what + ": row " + r + ", column " + (i + 1) + " (JSON expected, ARROW actual)");
            }
        }
    }

    /** Every value through getString, getObject and the getter of its type, joined per row. */
    private static List<String> read(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    String text = rs.getString(i);
                    if (md.getColumnType(i) == java.sql.Types.DOUBLE) {
                        // a FLOAT: JSON results carry 10 significant digits, ARROW the whole double (the driver's
                        // ResultSetJsonVsArrowIT.testDoublePrecision: -86.6426540296895 reads -86.64265403 in JSON);
                        // the text: Snowflake's own in JSON ("-980"), the driver's Double.toString in ARROW ("-980.0")
                        Object o = rs.getObject(i);
                        sb.append(tenDigits(text)).append(" obj=").append(o == null ? null : tenDigits(o.toString()) + ":" + kind(o))
                                .append(" typed=").append(tenDigits(String.valueOf(rs.getDouble(i))));
                        continue;
                    }
                    sb.append(text);
                    Object o = rs.getObject(i);
                    sb.append(" obj=").append(o instanceof byte[] bytes ? Arrays.toString(bytes) : o)
                            .append(o == null ? "" : ":" + kind(o));
                    sb.append(" typed=").append(typed(rs, i, md.getColumnType(i), md.getScale(i)));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** A double's text rounded to the 10 significant digits of a JSON result; null stays null. */
    private static String tenDigits(String text) {
        if (text == null) {
            return null;
        }
        double d = Double.parseDouble(text);
        return Double.isFinite(d) ? String.valueOf(new BigDecimal(d).round(new java.math.MathContext(10)).doubleValue()) : text;
    }

    /**
     * The kind of object getObject answers. The driver's ARROW path answers its own Timestamp subclass for
     * TIMESTAMP_NTZ, and a NUMBER's class follows the chunk's physical type (a BigDecimal when another value
     * of the column needs 128 bits), as with Snowflake; the values are compared in full.
     */
    private static String kind(Object o) {
        return o instanceof java.sql.Timestamp ? "Timestamp" : o instanceof Long || o instanceof BigDecimal ? "Number"
                : o.getClass().getSimpleName();
    }

    private static Object typed(ResultSet rs, int i, int sqlType, int scale) throws SQLException {
        return switch (sqlType) {
            // getLong of a fraction is refused by the driver's ARROW converters (as with Snowflake), not by JSON's
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC, java.sql.Types.BIGINT, java.sql.Types.INTEGER -> rs.getBigDecimal(i)
                    + (scale == 0 && rs.getBigDecimal(i) != null && rs.getBigDecimal(i).abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? "/" + rs.getLong(i) : "");
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL -> rs.getDouble(i);
            case java.sql.Types.BOOLEAN -> rs.getBoolean(i);
            case java.sql.Types.DATE -> rs.getDate(i);
            case java.sql.Types.TIME -> rs.getTime(i) + "/" + rs.getTimestamp(i);
            case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> rs.getTimestamp(i);
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY -> Arrays.toString(rs.getBytes(i));
            default -> rs.getString(i);
        };
    }
}
