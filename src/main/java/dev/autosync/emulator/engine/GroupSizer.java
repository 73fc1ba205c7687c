package dev.autosync.emulator.engine;

/**
 * How many bytes of queued files a pipe's next group may take: as many as its last loads took in about
 * {@link #TARGET_NANOS}, within {@code maxBytes}. A group holds the engine lock from its statement through
 * its commit, so every client statement waits for it: at a fixed 32 MB a group held it about 7 s at load 8
 * (1M-event benchmark, 1.6 MB files, 20 files a group; 5M: 8 MB files, 4 a group). The cost per byte is
 * learned from the loads themselves (it depends on the pipe's transformation and on the machine's load),
 * half from the last load and half from the ones before, so a busy spell shrinks the next groups quickly.
 * The target is 2 s, not 1 s: a file's statement and commit cost a fixed part (about 0.3 s of CPU, 0.5-0.9 s
 * at load 8-10), so at 1 s groups shrank to one file each and landing took twice the CPU.
 */
final class GroupSizer {
    static final long TARGET_NANOS = 2_000_000_000L;
    /** The first group's budget, before anything was measured: a few typical files. */
    static final long FIRST_BYTES = 4L << 20;

    private final long maxBytes;
    private double nanosPerByte = Double.NaN;

    GroupSizer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The next group's budget in bytes; a group always takes its first file, whatever its size. */
    long budget() {
        if (Double.isNaN(nanosPerByte)) {
            return Math.min(FIRST_BYTES, maxBytes);
        }
        return (long) Math.max(1, Math.min(maxBytes, TARGET_NANOS / nanosPerByte));
    }

    /** Records a load of {@code bytes} of files that held the lock {@code nanos}. */
    void measured(long bytes, long nanos) {
        if (bytes <= 0 || nanos <= 0) {
            return;
        }
        double sample = (double) nanos / bytes;
        nanosPerByte = Double.isNaN(nanosPerByte) ? sample : (nanosPerByte + sample) / 2;
    }
}
