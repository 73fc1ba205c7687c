package dev.autosync.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;
import org.duckdb.DuckDBReadableVector;

/**
 * Snowflake divides fixed-point numbers exactly (the quotient of two NUMBERs is a NUMBER); DuckDB
 * divides DECIMALs as DOUBLE, so {@code ROUND(0.29 / 200 * 100, 2)} gives 0.14 instead of 0.15.
 * The translator turns {@code a / b} into {@code sf_div(a, b)}, registered here with overloads so
 * DuckDB's binder picks the exact one for integers and decimals and the float one for floats.
 *
 * <p>The third argument is the dividend's DuckDB type name ({@code typeof}, folded to a constant
 * when the query is planned), from which the dividend's scale s1 is read: as in Snowflake, the
 * quotient is rounded half-up at scale {@code max(s1, min(s1 + 6, 12))}. The result's declared
 * type is DECIMAL(38,12), so it shows trailing zeros beyond that scale (Snowflake's column would
 * have the smaller scale; the value is the same). Division by zero raises Snowflake's 100051.
 */
final class ExactDivision {
    static final String FUNCTION = "sf_div";
    private static final int SCALE = 12;

    private ExactDivision() {
    }

    static void register(DuckDBConnection connection) throws SQLException {
        for (DuckDBColumnType whole : new DuckDBColumnType[] {null, DuckDBColumnType.BIGINT}) {
            try (DuckDBLogicalType dec = DuckDBLogicalType.decimal(38, SCALE);
                 DuckDBLogicalType arg = whole == null ? DuckDBLogicalType.decimal(38, SCALE) : DuckDBLogicalType.of(whole);
                 DuckDBLogicalType text = DuckDBLogicalType.of(DuckDBColumnType.VARCHAR)) {
                DuckDBFunctions.scalarFunction().withName(FUNCTION).withParameters(arg, arg, text).withReturnType(dec)
                        .withVectorizedFunction((in, out) -> {
                            DuckDBReadableVector x = in.vector(0);
                            DuckDBReadableVector y = in.vector(1);
                            DuckDBReadableVector type = in.vector(2);
                            for (long row = 0; row < in.rowCount(); row++) {
                                if (x.isNull(row) || y.isNull(row)) {
                                    out.setNull(row);
                                } else {
                                    out.setBigDecimal(row, divide(number(x, row, whole), number(y, row, whole),
                                            type.getString(row)));
                                }
                            }
                        }).register(connection);
            }
        }
        DuckDBFunctions.scalarFunction().withName(FUNCTION)
                .withParameters(DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE, DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.DOUBLE)
                .withVectorizedFunction((in, out) -> {
                    DuckDBReadableVector x = in.vector(0);
                    DuckDBReadableVector y = in.vector(1);
                    for (long row = 0; row < in.rowCount(); row++) {
                        if (x.isNull(row) || y.isNull(row)) {
                            out.setNull(row);
                        } else if (y.getDouble(row) == 0) {
                            throw new ArithmeticException("Division by zero");
                        } else {
                            out.setDouble(row, x.getDouble(row) / y.getDouble(row));
                        }
                    }
                }).register(connection);
    }

    private static BigDecimal number(DuckDBReadableVector v, long row, DuckDBColumnType whole) {
        return whole == null ? v.getBigDecimal(row) : BigDecimal.valueOf(v.getLong(row));
    }

    /** Snowflake's quotient of fixed-point numbers: exact, rounded at max(s1, min(s1 + 6, 12)). */
    static BigDecimal divide(BigDecimal x, BigDecimal y, String dividendType) {
        if (y.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        int s1 = dividendScale(dividendType);
        return x.divide(y, Math.max(s1, Math.min(s1 + 6, SCALE)), RoundingMode.HALF_UP).setScale(SCALE);
    }

    private static int dividendScale(String duckType) {
        if (duckType != null && duckType.startsWith("DECIMAL(")) {
            return Integer.parseInt(duckType.substring(duckType.indexOf(',') + 1, duckType.indexOf(')')).trim());
        }
        return 0;
    }
}
