package dev.autosync.emulator.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * RFC 4122 version 5 (named) UUIDs, as UUID_STRING(namespace, name) makes them (uuid_string page:
 * UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d', 'foo') is dc0b6f65-fca6-5b4b-9d37-ccc3fde1f3e2).
 */
final class NamedUuid {
    private NamedUuid() {
    }

    /** The version 5 UUID of {@code name} in {@code namespace}; IllegalArgumentException when the namespace is no UUID. */
    static String of(String namespace, String name) {
        UUID ns = UUID.fromString(namespace);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(ns.getMostSignificantBits()).putLong(ns.getLeastSignificantBits()).array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC 4122 variant
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong()).toString();
    }
}
