package dev.autosync.emulator.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One emulator per data folder: an OS lock on {@code emulator.lock}, which names the process holding it. */
final class DataFolderLock implements AutoCloseable {
    private static final String FILE = "emulator.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the folder, or fails naming the process that holds it and how to avoid the clash. */
    static DataFolderLock acquire(Path dataDir) throws IOException {
        Path path = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(path, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new IllegalStateException("The emulator data folder " + dataDir + " is in use by another emulator"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ". Stop it, or point this one at another folder "
                    + "with -Dautosync.emulator.dataDir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException | RuntimeException e) {
            // the process is ending or the lock is already gone
        }
    }
}
