package dev.autosync.emulator.sql;

import java.util.Map;

/**
 * WIDTH_BUCKET, bitwise expression functions (BITAND, BITOR, BITXOR, BITNOT, BITSHIFTLEFT, BITSHIFTRIGHT, GETBIT), the
 * boolean functions over numbers (BOOLAND, BOOLOR, BOOLXOR, BOOLNOT) and their aggregates (BITAND_AGG ...,
 * BOOLAND_AGG ...), as their pages in the SQL reference describe them.
 */
final class BitwiseFunctions {
    private BitwiseFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        // width_bucket page: 0 below the range, num_buckets + 1 from its high end, else the equal-width bucket
        Functions.register(t, c -> {
            c.need(4);
            String x = "CAST(" + c.sql(0) + " AS DOUBLE)";
            String lo = "CAST(" + c.sql(1) + " AS DOUBLE)";
            String hi = "CAST(" + c.sql(2) + " AS DOUBLE)";
            String n = "CAST(" + c.sql(3) + " AS BIGINT)";
            return "(CASE WHEN " + lo + " < " + hi + " THEN (CASE WHEN " + x + " < " + lo + " THEN 0 WHEN " + x + " >= " + hi
                    + " THEN " + n + " + 1 ELSE CAST(floor((" + x + " - " + lo + ") * " + n + " / (" + hi + " - " + lo
                    + ")) AS BIGINT) + 1 END) ELSE (CASE WHEN " + x + " > " + lo + " THEN 0 WHEN " + x + " <= " + hi
                    + " THEN " + n + " + 1 ELSE CAST(floor((" + lo + " - " + x + ") * " + n + " / (" + lo + " - " + hi
                    + ")) AS BIGINT) + 1 END) END)";
        }, "WIDTH_BUCKET");
        binary(t, "BITAND", "&");
        binary(t, "BITOR", "|");
        binary(t, "BITXOR", "xor");
        t.put("BIT_AND", t.get("BITAND"));
        t.put("BIT_OR", t.get("BITOR"));
        t.put("BIT_XOR", t.get("BITXOR"));
        // bitnot / bitshiftleft / bitshiftright pages: a BINARY operand keeps its length, bit for bit
        Functions.register(t, c -> {
            c.need(1);
            return c.binary(0) ? "unhex(sf_bitnot_bin(" + hex(c, 0) + "))" : "(~" + whole(c, 0) + ")";
        }, "BITNOT", "BIT_NOT");
        infix(t, "BITSHIFTLEFT", c -> c.binary(0) ? "unhex(sf_bitshift_bin(" + hex(c, 0) + ", " + whole(c, 1) + "))"
                : whole(c, 0) + " << " + whole(c, 1));
        infix(t, "BITSHIFTRIGHT", c -> c.binary(0) ? "unhex(sf_bitshift_bin(" + hex(c, 0) + ", -" + whole(c, 1) + "))"
                : whole(c, 0) + " >> " + whole(c, 1));
        t.put("BIT_SHIFTLEFT", t.get("BITSHIFTLEFT"));
        t.put("BIT_SHIFTRIGHT", t.get("BITSHIFTRIGHT"));
        // getbit page: the bit at the position, counted from 0 at the least significant bit
        infix(t, "GETBIT", c -> "(" + whole(c, 0) + " >> " + whole(c, 1) + ") & 1");
        // booland / boolor / boolxor / boolnot pages: a number is TRUE when it is not zero; NULL follows
        // three-valued logic (BOOLAND(0, NULL) is FALSE, BOOLOR(1, NULL) is TRUE)
        infix(t, "BOOLAND", c -> truth(c, 0) + " AND " + truth(c, 1));
        infix(t, "BOOLOR", c -> truth(c, 0) + " OR " + truth(c, 1));
        infix(t, "BOOLXOR", c -> truth(c, 0) + " <> " + truth(c, 1));
        Functions.register(t, c -> {
            c.need(1);
            return "(NOT " + truth(c, 0) + ")";
        }, "BOOLNOT");
        // bitand_agg / bitor_agg / bitxor_agg pages: text is read as a FLOAT and rounded ('7.9' is 8), a DECIMAL rounded
        Functions.register(t, c -> "bit_and(" + rounded(c, 0) + ")", "BITAND_AGG", "BITANDAGG", "BIT_AND_AGG", "BIT_ANDAGG");
        Functions.register(t, c -> "bit_or(" + rounded(c, 0) + ")", "BITOR_AGG", "BITORAGG", "BIT_OR_AGG", "BIT_ORAGG");
        Functions.register(t, c -> "bit_xor(" + rounded(c, 0) + ")", "BITXOR_AGG", "BITXORAGG", "BIT_XOR_AGG", "BIT_XORAGG");
        Functions.register(t, c -> "bool_and(" + condition(c, 0) + ")", "BOOLAND_AGG");
        Functions.register(t, c -> "bool_or(" + condition(c, 0) + ")", "BOOLOR_AGG");
        // boolxor_agg page: TRUE when exactly one value is TRUE; NULL when every value is NULL
        Functions.register(t, c -> "(CASE WHEN count(" + c.sql(0) + ") = 0 THEN NULL ELSE count_if(" + truth(c, 0)
                + ") = 1 END)", "BOOLXOR_AGG");
    }

    /** A function of two arguments that is one parenthesised DuckDB expression. */
    private static void infix(Map<String, Functions.Translation> t, String name, java.util.function.Function<Call, String> body) {
        Functions.register(t, c -> {
            c.need(2);
            return "(" + body.apply(c) + ")";
        }, name);
    }

    private static void binary(Map<String, Functions.Translation> t, String name, String operator) {
        Functions.register(t, c -> {
            c.need(2, 3);
            if (c.binary(0) || c.binary(1)) {
                // bitand page: two BINARY values of one length, or the shorter padded on the 'LEFT' / 'RIGHT' side
                return "unhex(sf_bitwise_bin('" + (operator.equals("xor") ? "^" : operator) + "', " + hex(c, 0) + ", "
                        + hex(c, 1) + ", " + (c.count() > 2 ? "CAST(" + c.sql(2) + " AS VARCHAR)" : "''") + "))";
            }
            String op = operator.equals("xor") ? "xor(" + whole(c, 0) + ", " + whole(c, 1) + ")"
                    : "(" + whole(c, 0) + " " + operator + " " + whole(c, 1) + ")";
            return op;
        }, name);
    }

    /** An aggregate's argument as a 64-bit integer: text through FLOAT, rounded; numbers rounded by the cast. */
    private static String rounded(Call c, int i) {
        return "VARCHAR".equals(c.generator().duckType(c.arg(i))) ? "CAST(round(CAST(" + c.sql(i) + " AS DOUBLE)) AS BIGINT)"
                : whole(c, i);
    }

    /** A BINARY argument as upper-case hex text (how bytes cross into the engine's Java functions). */
    private static String hex(Call c, int i) {
        return "hex(" + c.sql(i) + ")";
    }

    /** Argument {@code i} as a 64-bit integer (UNVERIFIED beyond 64 bits: Snowflake allows up to 128). */
    private static String whole(Call c, int i) {
        return "CAST(" + c.sql(i) + " AS BIGINT)";
    }

    /** Argument {@code i} as a BOOLEAN: a number is TRUE when it is not zero once rounded (booland page: 0.3 is FALSE). */
    private static String truth(Call c, int i) {
        return "(round(CAST(" + c.sql(i) + " AS DOUBLE)) <> 0)";
    }

    /** An aggregate's argument as a BOOLEAN: a BOOLEAN is itself, a number is TRUE when not zero. */
    private static String condition(Call c, int i) {
        return "CAST(" + c.sql(i) + " AS BOOLEAN)";
    }
}
