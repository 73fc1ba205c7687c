package dev.autosync.emulator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A file in a stage: where it is on disk and its path relative to the stage. Its checksum (and whether its lines
 * are verbatim JSON records, and whether it starts with gzip's magic bytes) is read once: a load
 * tags the rows (METADATA$FILE_CONTENT_KEY) and writes the load history with it, and reading the file for each
 * cost a pass over every file loaded.
 */
public final class StagedFile {
    private final Path file;
    private final String relative;
    private String md5;
    private boolean md5Read;
    private Boolean verbatimLines;
    private Boolean gzipMagic;

    public StagedFile(Path file, String relative) {
        this.file = file;
        this.relative = relative;
    }

    public Path file() {
        return file;
    }

    public String relative() {
        return relative;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StagedFile other && file.equals(other.file) && relative.equals(other.relative);
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + relative.hashCode();
    }

    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    Instant lastModified() {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    synchronized String md5() {
        if (!md5Read) {
            md5 = readMd5();
            md5Read = true;
        }
        return md5;
    }

    /** Whether every line is a record both JSON readers store as written ({@link VerbatimJsonLines}); read once. */
    synchronized boolean verbatimLines() {
        if (verbatimLines == null) {
            verbatimLines = VerbatimJsonLines.verbatim(file);
        }
        return verbatimLines;
    }

    /** Whether the file starts with gzip's magic bytes; read once (a pipe's group asks for each file more than once). */
    synchronized boolean gzipMagic() {
        if (gzipMagic == null) {
            try (InputStream in = Files.newInputStream(file)) {
                gzipMagic = in.read() == 0x1f && in.read() == 0x8b;
            } catch (IOException e) {
                gzipMagic = false;
            }
        }
        return gzipMagic;
    }

    private String readMd5() {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
