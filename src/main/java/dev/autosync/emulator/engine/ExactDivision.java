package dev.autosync.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.function.BiFunction;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBLogicalType;

/**
 * Snowflake divides fixed-point numbers exactly (the quotient of two NUMBERs is a NUMBER); DuckDB
 * divides DECIMALs as DOUBLE, so {@code ROUND(0.29 / 200 * 100, 2)} gives 0.14 instead of 0.15.
 * The translator turns {@code a / b} into {@code sf_div(a, b)}, registered here with overloads so
 * DuckDB's binder picks the exact one for integers and decimals and the float one for floats.
 *
 * <p>Deviation, documented: the exact quotient is rounded half-up at scale 12, where Snowflake
 * uses scale {@code max(s1, min(s1 + 6, 12))}; {@code 1/3} shows 0.333333333333 instead of
 * 0.333333. Division by zero raises Snowflake's 100051.
 */
final class ExactDivision {
    static final String FUNCTION = "sf_div";
    private static final int SCALE = 12;

    private ExactDivision() {
    }

    static void register(DuckDBConnection connection) throws SQLException {
        BiFunction<BigDecimal, BigDecimal, BigDecimal> exact = (x, y) -> {
            if (y.signum() == 0) {
                throw new ArithmeticException("Division by zero");
            }
            return x.divide(y, SCALE, RoundingMode.HALF_UP);
        };
        try (DuckDBLogicalType dec = DuckDBLogicalType.decimal(38, SCALE)) {
            DuckDBFunctions.scalarFunction().withName(FUNCTION).withParameters(dec, dec).withReturnType(dec)
                    .withFunction(exact).register(connection);
        }
        try (DuckDBLogicalType dec = DuckDBLogicalType.decimal(38, SCALE)) {
            DuckDBFunctions.scalarFunction().withName(FUNCTION)
                    .withParameters(DuckDBColumnType.BIGINT, DuckDBColumnType.BIGINT).withReturnType(dec)
                    .withFunction((BiFunction<Long, Long, BigDecimal>) (x, y) -> exact.apply(BigDecimal.valueOf(x),
                            BigDecimal.valueOf(y)))
                    .register(connection);
        }
        DuckDBFunctions.scalarFunction().withName(FUNCTION)
                .withParameters(DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE).withReturnType(DuckDBColumnType.DOUBLE)
                .withDoubleFunction((x, y) -> {
                    if (y == 0) {
                        throw new ArithmeticException("Division by zero");
                    }
                    return x / y;
                }).register(connection);
    }
}
