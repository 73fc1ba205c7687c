package dev.autosync.emulator.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.autosync.emulator.engine.VariantFunctions.array;
import static dev.autosync.emulator.engine.VariantFunctions.json;
import static dev.autosync.emulator.engine.VariantFunctions.object;
import static dev.autosync.emulator.engine.VariantFunctions.text;

/** Snowflake's OBJECT functions (and TYPEOF of a VARIANT) over JSON text, as their pages describe them. */
public final class ObjectFunctions {
    private ObjectFunctions() {
    }

    public static String objectDelete(String object, String key) {
        Map<String, Object> o = object(object, "OBJECT_DELETE");
        o.remove(key);
        return json(o);
    }

    /** OBJECT_INSERT: an SQL NULL value inserts nothing; an existing key is an error unless updating. */
    public static String objectInsert(String object, String key, String value, boolean update) {
        Map<String, Object> o = object(object, "OBJECT_INSERT");
        Object v = VariantText.parse(value);
        if (o.containsKey(key) && !update) {
            throw new IllegalArgumentException("Duplicate field key '" + key + "'");
        }
        if (VariantText.UNDEFINED.equals(v)) {
            if (update) {
                o.remove(key);
            }
        } else {
            o.put(key, v);
        }
        return json(o);
    }

    /** OBJECT_PICK: the pairs whose keys are listed (an ARRAY of keys). */
    public static String objectPick(String object, String keys) {
        Map<String, Object> o = object(object, "OBJECT_PICK");
        Map<String, Object> out = new TreeMap<>();
        for (Object k : array(keys, "OBJECT_PICK")) {
            if (k instanceof String s && o.containsKey(s)) {
                out.put(s, o.get(s));
            }
        }
        return json(out);
    }

    /** ARRAYS_TO_OBJECT(keys, values): pairs by position; a NULL key (JSON null or undefined) leaves its pair out. */
    public static String arraysToObject(String keys, String values) {
        List<Object> k = array(keys, "ARRAYS_TO_OBJECT");
        List<Object> v = array(values, "ARRAYS_TO_OBJECT");
        if (k.size() != v.size()) {
            // the page's usage notes give both errors' codes and texts
            throw JavaFunctions.error("215001", "22000", "Key array and value array had unequal lengths in ARRAYS_TO_OBJECT");
        }
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < k.size(); i++) {
            Object key = k.get(i);
            if (key != null && !VariantText.UNDEFINED.equals(key) && !(key instanceof String)) {
                throw JavaFunctions.error("215002", "22000", "Key supplied for ARRAYS_TO_OBJECT does not have string type");
            }
            if (key != null && !VariantText.UNDEFINED.equals(key)) {
                out.put(text(key), VariantText.UNDEFINED.equals(v.get(i)) ? null : v.get(i));
            }
        }
        return json(out);
    }

    /** GET_IGNORE_CASE(object, key): an exact match first, else the first key equal ignoring case; null when none. */
    public static String getIgnoreCase(String object, String key) {
        Map<String, Object> o = object(object, "GET_IGNORE_CASE");
        if (o.containsKey(key)) {
            return json(o.get(key));
        }
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return json(e.getValue());
            }
        }
        return null;
    }

    /** OBJECT_CONSTRUCT(*): the row's columns as keys (DuckDB names decoded); SQL NULL columns dropped unless kept. */
    @SuppressWarnings("unchecked")
    public static String objectOfRow(String row, boolean keepNull) {
        Map<String, Object> o = (Map<String, Object>) VariantText.parse(row);
        Map<String, Object> out = new TreeMap<>();
        o.forEach((k, v) -> {
            if (v != null || keepNull) {
                out.put(dev.autosync.emulator.base.Names.decode(k), v);
            }
        });
        return json(out);
    }

    /** TYPEOF of a VARIANT: numbers by how they are written (integer, decimal, or double in exponent form). */
    public static String typeOf(String json) {
        Object v = VariantText.parse(json);
        if (v == null) {
            return "NULL_VALUE";
        } else if (v instanceof Map) {
            return "OBJECT";
        } else if (v instanceof List) {
            return "ARRAY";
        } else if (v instanceof Boolean) {
            return "BOOLEAN";
        } else if (v instanceof VariantText.Raw r) {
            String t = r.text().toLowerCase(Locale.ROOT);
            return t.contains("e") || t.contains("n") || t.contains("i") ? "DOUBLE" : t.contains(".") ? "DECIMAL" : "INTEGER";
        }
        return "VARCHAR";
    }
}
