package dev.autosync.sql.rules;

import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.Property;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The COPY options and inline file format options that en/sql-reference/sql/copy-into-table.md constrains:
 * ON_ERROR's values and SIZE_LIMIT > 0, the formats MATCH_BY_COLUMN_NAME supports, SKIP_HEADER with
 * PARSE_HEADER, the delimiters' length and overlap, FORMAT_NAME with TYPE, and what LOAD_MODE = ADD_FILES_COPY
 * excludes.
 */
final class CopyOptionRules {
    private static final Pattern ON_ERROR = Pattern.compile("CONTINUE|SKIP_FILE|SKIP_FILE_\\d+|SKIP_FILE_\\d+(\\.\\d+)?%|ABORT_STATEMENT");
    private static final Set<String> MATCH_FORMATS = Set.of("JSON", "AVRO", "ORC", "PARQUET", "CSV");

    private CopyOptionRules() {
    }

    static void check(CopyInto copy, CopyRules.Findings f) {
        copy.option("ON_ERROR").ifPresent(p -> {
            String v = p.text() == null ? "" : p.text().toUpperCase(Locale.ROOT);
            if (!ON_ERROR.matcher(v).matches()) {
                f.add(Rule.COPY_OPTION_VALUES, "invalid value [" + p.text() + "] for parameter 'ON_ERROR': use CONTINUE, "
                        + "SKIP_FILE, SKIP_FILE_<num>, 'SKIP_FILE_<num>%' or ABORT_STATEMENT", p);
            }
        });
        copy.option("SIZE_LIMIT").ifPresent(p -> {
            if (!positive(p.text())) {
                f.add(Rule.COPY_OPTION_VALUES, "invalid value [" + p.text() + "] for parameter 'SIZE_LIMIT': a number (> 0) "
                        + "of bytes", p);
            }
        });
        List<Property> format = copy.option("FILE_FORMAT").map(p -> p.value() instanceof Property.Nested n
                ? n.properties() : List.<Property>of()).orElse(List.of());
        Optional<String> type = Property.find(format, "TYPE").map(Property::text).map(t -> t.toUpperCase(Locale.ROOT));
        String match = copy.option("MATCH_BY_COLUMN_NAME").map(Property::text).map(t -> t.toUpperCase(Locale.ROOT)).orElse("NONE");
        if (!match.equals("NONE") && type.isPresent() && !MATCH_FORMATS.contains(type.get())) {
            f.add(Rule.MATCH_BY_COLUMN_NAME_FORMAT, "MATCH_BY_COLUMN_NAME is supported for JSON, Avro, ORC, Parquet and CSV "
                    + "data, not " + type.get(), copy.option("MATCH_BY_COLUMN_NAME").orElseThrow());
        }
        fileFormat(format, type.isPresent(), f);
        copy.option("LOAD_MODE").filter(p -> "ADD_FILES_COPY".equalsIgnoreCase(p.text()))
                .ifPresent(p -> addFilesCopy(copy, match, p, f));
    }

    private static void fileFormat(List<Property> format, boolean typed, CopyRules.Findings f) {
        Optional<Property> skip = Property.find(format, "SKIP_HEADER");
        if (skip.isPresent() && Property.find(format, "PARSE_HEADER").map(Property::isTrue).orElse(false)) {
            f.add(Rule.FILE_FORMAT_OPTIONS, "the SKIP_HEADER option is not supported with PARSE_HEADER = TRUE: drop SKIP_HEADER "
                    + "(the header row is the one PARSE_HEADER reads)", skip.get());
        }
        String record = Property.find(format, "RECORD_DELIMITER").filter(p -> p.value() instanceof Property.Text)
                .map(Property::text).orElse(null);
        String field = Property.find(format, "FIELD_DELIMITER").filter(p -> p.value() instanceof Property.Text)
                .map(Property::text).orElse(null);
        for (String d : new String[] {record, field}) {
            if (d != null && d.length() > 20) {
                f.add(Rule.FILE_FORMAT_OPTIONS, "the delimiter '" + d + "' is longer than 20 characters, the limit for "
                        + "RECORD_DELIMITER and FIELD_DELIMITER", null);
            }
        }
        if (record != null && field != null && !record.isEmpty() && !field.isEmpty()
                && (record.contains(field) || field.contains(record))) {
            f.add(Rule.FILE_FORMAT_OPTIONS, "The delimiter for RECORD_DELIMITER or FIELD_DELIMITER cannot be a substring of "
                    + "the delimiter for the other file format option ('" + record + "', '" + field + "')", null);
        }
        Optional<Property> name = Property.find(format, "FORMAT_NAME");
        if (name.isPresent() && typed) {
            f.add(Rule.FORMAT_NAME_AND_TYPE, "FILE_FORMAT gives both FORMAT_NAME and TYPE: the docs say they are mutually "
                    + "exclusive and that both \"might result in unexpected behavior\"; whether Snowflake rejects it is "
                    + "UNVERIFIED, so autosync refuses it: keep one", name.get());
        }
    }

    private static void addFilesCopy(CopyInto copy, String match, Property mode, CopyRules.Findings f) {
        String why = null;
        if (copy.transforms()) {
            why = "transforming or filtering the data before loading";
        } else if (!match.equals("CASE_SENSITIVE")) {
            why = "MATCH_BY_COLUMN_NAME = " + match + " (it needs CASE_SENSITIVE)";
        } else {
            String onError = copy.option("ON_ERROR").map(Property::text).map(t -> t.toUpperCase(Locale.ROOT)).orElse("ABORT_STATEMENT");
            if (!onError.equals("ABORT_STATEMENT") && !onError.equals("SKIP_FILE")) {
                why = "ON_ERROR = " + onError;
            }
        }
        if (why != null) {
            f.add(Rule.LOAD_MODE_ADD_FILES_COPY, "LOAD_MODE = ADD_FILES_COPY does not support " + why + ": use LOAD_MODE = "
                    + "FULL_INGEST", mode);
        }
    }

    private static boolean positive(String v) {
        try {
            return v != null && Double.parseDouble(v) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
