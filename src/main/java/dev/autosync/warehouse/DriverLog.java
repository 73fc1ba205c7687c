package dev.autosync.warehouse;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where snowflake-jdbc's java.util.logging goes: to the build's log instead of the console.
 * What a user wants to see: the driver's chatter (INFO and below) only with -X; its WARNINGs as
 * warnings; its SEVERE lines also only with -X, because the driver logs SEVERE just before it
 * throws, and autosync reports that failure itself, once, with what to check (a SEVERE line on
 * top of it is noise that names no fix).
 */
public interface DriverLog {
    void debug(String message);

    void warn(String message);

    /** Nothing is shown. */
    DriverLog SILENT = new DriverLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    /** Sends the driver's records to {@code sink} from now on (the last caller wins: one build, one log). */
    static void route(DriverLog sink, boolean debugEnabled) {
        Bridge.install(sink, debugEnabled);
    }

    /** The one java.util.logging handler on the driver's logger tree. */
    final class Bridge extends Handler {
        /** Held so that the logger, and the handler on it, is never garbage collected. */
        private static final Logger DRIVER = Logger.getLogger("net.snowflake");
        private static final Bridge INSTANCE = new Bridge();
        private static volatile DriverLog sink = SILENT;
        private static volatile boolean installed;

        private Bridge() {
        }

        /** Before any connection: the driver never writes to the console, even when no goal routed it. */
        static synchronized void ensureInstalled() {
            if (!installed) {
                install(sink, false);
            }
        }

        static synchronized void install(DriverLog to, boolean debugEnabled) {
            installed = true;
            sink = to;
            for (Handler h : DRIVER.getHandlers()) {
                if (h != INSTANCE) {
                    DRIVER.removeHandler(h);
                }
            }
            if (java.util.Arrays.stream(DRIVER.getHandlers()).noneMatch(h -> h == INSTANCE)) {
                DRIVER.addHandler(INSTANCE);
            }
            DRIVER.setUseParentHandlers(false);
            // below WARNING only when someone will read it: the driver formats what its level lets through
            DRIVER.setLevel(debugEnabled ? Level.FINE : Level.WARNING);
        }

        @Override
        public void publish(LogRecord r) {
            if (r == null) {
                return;
            }
            String text = "snowflake-jdbc: " + format(r);
            if (r.getLevel().intValue() == Level.WARNING.intValue()) {
                sink.warn(text);
            } else {
                sink.debug(r.getLevel().intValue() >= Level.SEVERE.intValue() ? "(SEVERE) " + text : text);
            }
        }

        private static String format(LogRecord r) {
            String msg = r.getMessage() == null ? "" : r.getMessage();
            Object[] params = r.getParameters();
            if (params != null && params.length > 0 && msg.contains("{0")) {
                try {
                    msg = java.text.MessageFormat.format(msg, params);
                } catch (IllegalArgumentException ignored) {
                    // keep the pattern as it is
                }
            }
            if (r.getThrown() != null) {
                msg += " (" + r.getThrown() + ")";
            }
            return msg;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
