package dev.autosync.emulator.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the VARIANT function families ({@link ArrayFunctions}, {@link ObjectFunctions}, {@link JsonParsing},
 * {@link UrlFunctions}) share: an argument read as an ARRAY or OBJECT, a result written back as stored JSON,
 * and VARIANT equality and order as Snowflake compares VARIANTs: numbers by value, strings exactly, arrays and
 * objects element by element.
 */
public final class VariantFunctions {
    private VariantFunctions() {
    }

    static List<Object> array(String json, String function) {
        Object v = VariantText.parse(json);
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalArgumentException("Invalid argument types for function '" + function + "': expected an ARRAY");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json, String function) {
        Object v = VariantText.parse(json);
        if (v instanceof Map<?, ?> m) {
            return new TreeMap<>((Map<String, Object>) m);
        }
        throw new IllegalArgumentException("Invalid argument types for function '" + function + "': expected an OBJECT");
    }

    /** A result stored as a VARIANT again: compact, undefined elements kept as the marker. */
    static String json(Object tree) {
        return VariantText.writeStored(tree);
    }

    /** A value as text, as {@code ::VARCHAR} gives it (strings without quotes; JSON null and undefined empty). */
    static String text(Object x) {
        if (x == null || VariantText.UNDEFINED.equals(x)) {
            return "";
        }
        if (x instanceof String s) {
            return s;
        }
        return VariantText.write(x, false);
    }

    /**
     * VARIANT order: numbers by value, strings by code point, booleans FALSE before TRUE, arrays and objects by
     * their text; across types (UNVERIFIED) numbers, strings, booleans, arrays, objects; JSON null last.
     */
    static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof VariantText.Raw x && b instanceof VariantText.Raw y) {
            try {
                return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text()));
            } catch (NumberFormatException e) {
                return Double.compare(Double.parseDouble(x.text()), Double.parseDouble(y.text()));
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a == null ? 0 : json(a).compareTo(json(b));
    }

    private static int rank(Object x) {
        if (x instanceof VariantText.Raw) {
            return 0;
        } else if (x instanceof String) {
            return 1;
        } else if (x instanceof Boolean) {
            return 2;
        } else if (x instanceof List) {
            return 3;
        } else if (x instanceof Map) {
            return 4;
        }
        return 5;
    }

    /** Snowflake's VARIANT equality. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof VariantText.Raw x && b instanceof VariantText.Raw y) {
            try {
                return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text())) == 0;
            } catch (NumberFormatException e) {
                return x.text().equals(y.text());
            }
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            Set<Object> keys = new HashSet<>(x.keySet());
            if (!keys.equals(new HashSet<>(y.keySet()))) {
                return false;
            }
            return keys.stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        return a.equals(b);
    }
}
