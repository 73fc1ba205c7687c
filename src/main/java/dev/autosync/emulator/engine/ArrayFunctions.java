package dev.autosync.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.autosync.emulator.engine.VariantFunctions.array;
import static dev.autosync.emulator.engine.VariantFunctions.compare;
import static dev.autosync.emulator.engine.VariantFunctions.json;
import static dev.autosync.emulator.engine.VariantFunctions.same;
import static dev.autosync.emulator.engine.VariantFunctions.text;

/**
 * Snowflake's ARRAY functions over JSON text (trees of {@link VariantText#parse}), as their pages in the SQL
 * reference describe them. An argument that is an SQL NULL element arrives as the undefined marker
 * ({@link VariantText#UNDEFINED}, JSON-quoted). Elements compare as {@link VariantFunctions#same} and
 * {@link VariantFunctions#compare} say.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {
    }

    public static String arrayAppend(String array, String element) {
        List<Object> a = array(array, "ARRAY_APPEND");
        a.add(VariantText.parse(element));
        return json(a);
    }

    public static String arrayPrepend(String array, String element) {
        List<Object> a = array(array, "ARRAY_PREPEND");
        a.add(0, VariantText.parse(element));
        return json(a);
    }

    /** ARRAY_INSERT: a position past the end pads with undefined; a negative one counts from the end. */
    public static String arrayInsert(String array, long position, String element) {
        List<Object> a = array(array, "ARRAY_INSERT");
        long at = position < 0 ? Math.max(0, a.size() + position) : position;
        while (a.size() < at) {
            a.add(VariantText.UNDEFINED);
        }
        a.add((int) at, VariantText.parse(element));
        return json(a);
    }

    public static String arrayCat(String first, String second) {
        List<Object> a = array(first, "ARRAY_CAT");
        a.addAll(array(second, "ARRAY_CAT"));
        return json(a);
    }

    /** ARRAY_COMPACT: without JSON nulls and undefined elements. */
    public static String arrayCompact(String array) {
        List<Object> a = array(array, "ARRAY_COMPACT");
        a.removeIf(x -> x == null || VariantText.UNDEFINED.equals(x));
        return json(a);
    }

    /** ARRAY_CONTAINS: an SQL NULL value is found only as an undefined element, else the answer is NULL. */
    public static Boolean arrayContains(String element, String array) {
        Object e = VariantText.parse(element);
        boolean found = array(array, "ARRAY_CONTAINS").stream().anyMatch(x -> same(x, e));
        return found || !VariantText.UNDEFINED.equals(e) ? found : null;
    }

    /** ARRAY_POSITION: the 0-based index of the first equal element, or null. */
    public static Long arrayPosition(String element, String array) {
        Object e = VariantText.parse(element);
        List<Object> a = array(array, "ARRAY_POSITION");
        for (int i = 0; i < a.size(); i++) {
            if (same(a.get(i), e)) {
                return (long) i;
            }
        }
        return null;
    }

    /** ARRAY_SLICE(array, from, to): to is exclusive; negative indexes count from the end; out of range is clamped. */
    public static String arraySlice(String array, long from, long to) {
        List<Object> a = array(array, "ARRAY_SLICE");
        int n = a.size();
        long f = from < 0 ? Math.max(0, n + from) : Math.min(from, n);
        long t = to < 0 ? Math.max(0, n + to) : Math.min(to, n);
        return json(f >= t ? List.of() : a.subList((int) f, (int) t));
    }

    /** ARRAY_TO_STRING: strings without quotes, JSON null and undefined as empty strings, others as compact JSON. */
    public static String arrayToString(String array, String separator) {
        List<String> parts = new ArrayList<>();
        for (Object x : array(array, "ARRAY_TO_STRING")) {
            parts.add(text(x));
        }
        return String.join(separator, parts);
    }

    public static String arrayDistinct(String array) {
        List<Object> out = new ArrayList<>();
        for (Object x : array(array, "ARRAY_DISTINCT")) {
            if (out.stream().noneMatch(y -> same(x, y))) {
                out.add(x);
            }
        }
        return json(out);
    }

    public static String arrayRemove(String array, String element) {
        Object e = VariantText.parse(element);
        List<Object> a = array(array, "ARRAY_REMOVE");
        a.removeIf(x -> same(x, e));
        return json(a);
    }

    public static String arrayRemoveAt(String array, long position) {
        List<Object> a = array(array, "ARRAY_REMOVE_AT");
        long at = position < 0 ? a.size() + position : position;
        if (at >= 0 && at < a.size()) {
            a.remove((int) at);
        }
        return json(a);
    }

    public static String arrayReverse(String array) {
        List<Object> a = array(array, "ARRAY_REVERSE");
        java.util.Collections.reverse(a);
        return json(a);
    }

    /** ARRAY_FLATTEN: one level of nested arrays; an element that is not an array is an error. */
    public static String arrayFlatten(String array) {
        List<Object> out = new ArrayList<>();
        for (Object x : array(array, "ARRAY_FLATTEN")) {
            // a NULL element (SQL NULL, or JSON null: UNVERIFIED) makes the result NULL (array_flatten page)
            if (x == null || VariantText.UNDEFINED.equals(x)) {
                return null;
            }
            if (!(x instanceof List<?> l)) {
                throw JavaFunctions.error("100107", "22000",
                        "Not an array: 'Input argument to ARRAY_FLATTEN is not an array of arrays'");
            }
            out.addAll(l);
        }
        return json(out);
    }

    /** ARRAY_EXCEPT: multiset difference (each element of the second removes one equal element of the first). */
    public static String arrayExcept(String first, String second) {
        List<Object> a = array(first, "ARRAY_EXCEPT");
        for (Object y : array(second, "ARRAY_EXCEPT")) {
            for (int i = 0; i < a.size(); i++) {
                if (same(a.get(i), y)) {
                    a.remove(i);
                    break;
                }
            }
        }
        return json(a);
    }

    /** ARRAY_INTERSECTION: multiset intersection, in the first array's order. */
    public static String arrayIntersection(String first, String second) {
        List<Object> b = array(second, "ARRAY_INTERSECTION");
        List<Object> out = new ArrayList<>();
        for (Object x : array(first, "ARRAY_INTERSECTION")) {
            for (int i = 0; i < b.size(); i++) {
                if (same(x, b.get(i))) {
                    out.add(x);
                    b.remove(i);
                    break;
                }
            }
        }
        return json(out);
    }

    public static boolean arraysOverlap(String first, String second) {
        List<Object> b = array(second, "ARRAYS_OVERLAP");
        return array(first, "ARRAYS_OVERLAP").stream().anyMatch(x -> b.stream().anyMatch(y -> same(x, y)));
    }

    /**
     * ARRAY_SORT (array_sort page): ascending or descending by VARIANT order, a JSON null after every value
     * (before them when descending); SQL NULL (undefined) elements at the end, or first when nullsFirst.
     */
    public static String arraySort(String array, boolean ascending, boolean nullsFirst) {
        List<Object> values = new ArrayList<>();
        int undefined = 0;
        for (Object x : array(array, "ARRAY_SORT")) {
            if (VariantText.UNDEFINED.equals(x)) {
                undefined++;
            } else {
                values.add(x);
            }
        }
        values.sort(ascending ? VariantFunctions::compare : (a, b) -> compare(b, a));
        List<Object> out = new ArrayList<>();
        for (int i = 0; nullsFirst && i < undefined; i++) {
            out.add(VariantText.UNDEFINED);
        }
        out.addAll(values);
        for (int i = 0; !nullsFirst && i < undefined; i++) {
            out.add(VariantText.UNDEFINED);
        }
        return VariantText.writeStored(out);
    }

    /** ARRAY_MAX / ARRAY_MIN (array_max, array_min pages): SQL NULL elements left out; NULL when none is left. */
    public static String arrayExtreme(String array, boolean max) {
        Object best = null;
        boolean found = false;
        for (Object x : array(array, max ? "ARRAY_MAX" : "ARRAY_MIN")) {
            if (VariantText.UNDEFINED.equals(x)) {
                continue;
            }
            if (!found || (max ? compare(x, best) > 0 : compare(x, best) < 0)) {
                best = x;
                found = true;
            }
        }
        return found ? json(best) : null;
    }

    /**
     * ARRAYS_ZIP (arrays_zip page): one object a position, key {@code $n} for the n-th array; a missing or SQL NULL
     * element is a JSON null; as long as the longest array, and one empty object when all are empty.
     */
    public static String arraysZip(String arrays) {
        List<List<Object>> inputs = new ArrayList<>();
        int longest = 0;
        for (Object a : array(arrays, "ARRAYS_ZIP")) {
            if (!(a instanceof List<?> l)) {
                throw new IllegalArgumentException("Invalid argument types for function 'ARRAYS_ZIP': expected an ARRAY");
            }
            inputs.add(new ArrayList<>(l));
            longest = Math.max(longest, l.size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, longest); i++) {
            Map<String, Object> o = new TreeMap<>();
            for (int k = 0; k < inputs.size() && longest > 0; k++) {
                Object x = i < inputs.get(k).size() ? inputs.get(k).get(i) : null;
                o.put("$" + (k + 1), VariantText.UNDEFINED.equals(x) ? null : x);
            }
            out.add(o);
        }
        return json(out);
    }
}
