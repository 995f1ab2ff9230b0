package dev.vmc.runtime.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * An exclusive lock on an output folder while a run writes into it: a hidden file,
 * {@value #NAME}, locked with {@link FileChannel#tryLock} and holding the owner's pid. The
 * operating system drops the lock when the process ends however it ends, so a killed run
 * never blocks the folder; a second run that finds it held gets {@link InUseException}. The
 * file is deleted on release while still locked; a run that locked a file its owner had just
 * deleted notices (the path no longer names the file it locked) and locks the new one. The lock
 * file is only ever opened through the lock's channel, since closing any other descriptor of it
 * would drop the process's lock (POSIX record locks belong to the process, not the descriptor).
 */
public final class FolderLock implements AutoCloseable {
    public static final String NAME = ".vmc-lock";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 20;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final Object fileKey;

    private FolderLock(Path path, FileChannel channel, FileLock lock, Object fileKey) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.fileKey = fileKey;
    }

    /** Another run holds the folder. */
    public static final class InUseException extends IllegalStateException {
        private final long pid;

        InUseException(Path dir, long pid) {
            super("output folder " + dir + " is in use by another vmc run" + (pid > 0 ? " (pid " + pid + ")" : "")
                    + ", which holds " + dir.resolve(NAME) + "; wait for it to finish, or choose another folder with --out");
            this.pid = pid;
        }

        /** The other run's process id, or -1 when it is not known. */
        public long pid() {
            return pid;
        }
    }

    /**
     * Locks {@code dir}, which must exist.
     *
     * @throws InUseException if another run (in this process or another) holds it
     * @throws IOException if the lock file cannot be created or written: a folder this user cannot write
     */
    public static FolderLock acquire(Path dir) throws IOException {
        Path path = dir.resolve(NAME);
        String token = ProcessHandle.current().pid() + " " + Long.toUnsignedString(RANDOM.nextLong(), 36) + "\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Files.createFile(path);
            } catch (FileAlreadyExistsException e) {
                // a run holds it, or one that ended without removing it (killed): the lock says which
            }
            Object before = fileKey(path);
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                continue; // its holder released it just now
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this process, through another channel
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                long pid = holder(channel);
                channel.close();
                throw new InUseException(dir, pid);
            }
            // the path may have been released (deleted) and claimed again between the stat and the lock
            if (before != null && before.equals(fileKey(path))) {
                try {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                    return new FolderLock(path, channel, lock, before);
                } catch (IOException | RuntimeException e) {
                    lock.release();
                    channel.close();
                    throw e;
                }
            }
            lock.release();
            channel.close();
        }
        throw new IOException("could not lock " + path + ": it kept being replaced");
    }

    /**
     * The file's identity (device and inode) from a stat, or null if it is gone. Not from
     * opening it: closing any other descriptor of a file drops this process's POSIX locks on it.
     */
    private static Object fileKey(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The pid written in the lock file, read through the channel, if that process is still running; else -1. */
    private static long holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return -1;
            }
            long pid = Long.parseLong(text.split("\\s+")[0]);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes the lock file and releases the lock; failures are ignored, since the lock dies with the process anyway. */
    @Override
    public void close() {
        try {
            if (channel.isOpen() && fileKey.equals(fileKey(path))) {
                Files.deleteIfExists(path); // while locked: no other run can have replaced it
            }
        } catch (IOException | RuntimeException e) {
            // a lock file left behind is reused by the next run
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock, as the end of the process does
        }
    }
}
