package dev.autosync.backfill;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The time parameters of backfill and replay: a date (midnight UTC) or an ISO-8601 time with offset. */
public final class Moments {
    private Moments() {
    }

    /** {@code value} as an instant; null when blank. {@code property} names the parameter in the error. */
    public static Instant parse(String property, String value) throws BackfillException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new BackfillException(property + " is '" + value + "'; give a date (2025-08-01, midnight UTC) or a time "
                        + "with its offset (2025-08-01T07:00:00-05:00).");
            }
        }
    }
}
