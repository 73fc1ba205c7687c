package dev.autosync.emulator.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * PARSE_IP(expr, type [, permissive]) as its page describes it: an OBJECT with family, host, ip_fields (four 32-bit
 * fields), ip_type, netmask_prefix_length when a mask is given, ipv4 / ipv4_range_start / ipv4_range_end for IPv4 and
 * hex_ipv6 / hex_ipv6_range_start / hex_ipv6_range_end for IPv6, and {@code "snowflake$type": "ip_address"}. A value that
 * does not parse is error 100200, or {"error": "..."} when permissive is 1.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    static String parse(String text, String type, long permissive) {
        try {
            return VariantText.writeStored(fields(text.strip(), type.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            if (permissive == 1) {
                Map<String, Object> error = new TreeMap<>();
                error.put("error", e.getMessage());
                return VariantText.writeStored(error);
            }
            throw JavaFunctions.error("100200", "22000", "Error parsing IP address: " + e.getMessage());
        }
    }

    private static Map<String, Object> fields(String text, String type) {
        if (!type.equals("inet") && !type.equals("cidr")) {
            throw new IllegalArgumentException("invalid type '" + type + "'; expected INET or CIDR");
        }
        String host = text;
        Integer prefix = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            host = text.substring(0, slash);
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid netmask '" + text.substring(slash + 1) + "'");
            }
        }
        boolean v6 = host.contains(":");
        int bits = v6 ? 128 : 32;
        if (prefix != null && (prefix < 0 || prefix > bits)) {
            throw new IllegalArgumentException("invalid netmask length " + prefix);
        }
        BigInteger address = v6 ? ipv6(host) : BigInteger.valueOf(ipv4(host));
        Map<String, Object> out = new TreeMap<>();
        out.put("family", v6 ? 6 : 4);
        out.put("host", host);
        List<Object> ipFields = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // IPv4: the address in the first field; IPv6: the four 32-bit fields from the left
            long field = v6 ? address.shiftRight(96 - 32 * i).and(BigInteger.valueOf(0xFFFFFFFFL)).longValue()
                    : i == 0 ? address.longValue() : 0;
            ipFields.add(field);
        }
        out.put("ip_fields", ipFields);
        out.put("ip_type", type);
        if (prefix != null) {
            out.put("netmask_prefix_length", prefix);
        }
        out.put("snowflake$type", "ip_address");
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - (prefix == null ? bits : prefix)).subtract(BigInteger.ONE);
        BigInteger start = address.andNot(hostMask);
        BigInteger end = start.or(hostMask);
        if (v6) {
            out.put("hex_ipv6", hex(address));
            if (prefix != null) {
                out.put("hex_ipv6_range_start", hex(start));
                out.put("hex_ipv6_range_end", hex(end));
            }
        } else {
            out.put("ipv4", address.longValue());
            if (prefix != null) {
                out.put("ipv4_range_start", start.longValue());
                out.put("ipv4_range_end", end.longValue());
            }
        }
        return out;
    }

    private static String hex(BigInteger v) {
        String h = v.toString(16).toUpperCase(Locale.ROOT);
        return "0".repeat(32 - h.length()) + h;
    }

    private static long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid IPv4 address '" + host + "'");
        }
        long v = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("invalid IPv4 address '" + host + "'");
            }
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    private static BigInteger ipv6(String host) {
        String h = host;
        List<String> tail = new ArrayList<>();
        if (h.contains(".")) {
            // an embedded IPv4 suffix (::ffff:1.2.3.4) is two groups
            int colon = h.lastIndexOf(':');
            long v4 = ipv4(h.substring(colon + 1));
            h = h.substring(0, colon + 1) + Long.toHexString(v4 >> 16) + ":" + Long.toHexString(v4 & 0xFFFF);
        }
        int gap = h.indexOf("::");
        List<String> head = new ArrayList<>();
        if (gap >= 0) {
            if (h.indexOf("::", gap + 1) >= 0) {
                throw new IllegalArgumentException("invalid IPv6 address '" + host + "'");
            }
            String left = h.substring(0, gap);
            String right = h.substring(gap + 2);
            if (!left.isEmpty()) {
                head.addAll(List.of(left.split(":", -1)));
            }
            if (!right.isEmpty()) {
                tail.addAll(List.of(right.split(":", -1)));
            }
        } else {
            head.addAll(List.of(h.split(":", -1)));
        }
        int missing = 8 - head.size() - tail.size();
        if (missing < 0 || (gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            throw new IllegalArgumentException("invalid IPv6 address '" + host + "'");
        }
        List<String> groups = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            groups.add("0");
        }
        groups.addAll(tail);
        BigInteger v = BigInteger.ZERO;
        for (String g : groups) {
            if (!g.matches("[0-9a-fA-F]{1,4}")) {
                throw new IllegalArgumentException("invalid IPv6 address '" + host + "'");
            }
            v = v.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
        }
        return v;
    }
}
