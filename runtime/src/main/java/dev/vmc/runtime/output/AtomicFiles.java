package dev.vmc.runtime.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary
 * file in the same folder (same file system, so the move is a rename) and is then moved
 * over the target in one step. A fit killed mid-write leaves the previous file intact.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Produces a file's content; a failure aborts the write and leaves the target untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Produces a binary file's content (an image); a failure aborts the write and leaves the target untouched. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /**
     * Writes UTF-8 text produced by {@code content} to {@code file}, atomically where the
     * file system allows.
     *
     * @throws IOException if the folder is not writable or the content fails to write
     */
    public static void write(Path file, Content content) throws IOException {
        try (Pending pending = open(file)) {
            content.writeTo(pending.writer());
            pending.commit();
        }
    }

    /**
     * Writes the bytes produced by {@code content} to {@code file}, atomically where the
     * file system allows.
     *
     * @throws IOException if the folder is not writable or the content fails to write
     */
    public static void writeBytes(Path file, BinaryContent content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = createTemp(target.getParent(), target.getFileName().toString());
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true); // on disk before the rename, as for text
            channel.close();
            moveIntoPlace(temp, target);
            done = true;
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Starts writing {@code file} through a temporary file beside it, for content produced
     * over time (draws as a fit makes them); the file appears only at {@link Pending#commit}.
     */
    public static Pending open(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = createTemp(target.getParent(), target.getFileName().toString());
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            return new Pending(target, temp, channel);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** A file being written: committed into place, or, closed without a commit, removed. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final Writer out;
        private boolean done;

        private Pending(Path target, Path temp, FileChannel channel) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                    1 << 16);
        }

        public Writer writer() {
            return out;
        }

        /** Puts the file in place of the target, whole. */
        public void commit() throws IOException {
            out.flush();
            // on disk before the rename, or a crash could leave a renamed but empty file
            channel.force(true);
            out.close();
            moveIntoPlace(temp, target);
            done = true;
        }

        /** Without a commit, abandons the file: the target is left as it was. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // abandoning: the write's own error is the one worth reporting
            }
            deleteQuietly(temp);
        }
    }

    /**
     * Not Files.createTempFile: that makes the file owner-only (0600) and the rename would
     * carry those permissions over; results should get the user's usual umask instead.
     */
    private static Path createTemp(Path folder, String name) throws IOException {
        while (true) {
            Path temp = folder.resolve(temporaryName(name, Long.toUnsignedString(RANDOM.nextLong(), 36)));
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name; draw again
            }
        }
    }

    /** The name of a temporary file for {@code target}: hidden, beside it, ".draws.csv.k2j9x0.tmp". */
    static String temporaryName(String target, String tag) {
        return "." + target + "." + tag + ".tmp";
    }

    /**
     * Whether {@code fileName} is one of the temporary files this class writes {@code target}
     * through: what a writer killed mid-write (kill -9, a power cut) leaves behind.
     */
    public static boolean isTemporaryFor(String fileName, String target) {
        String prefix = "." + target + ".";
        if (!fileName.startsWith(prefix) || !fileName.endsWith(".tmp") || fileName.length() <= prefix.length() + 4) {
            return false;
        }
        String tag = fileName.substring(prefix.length(), fileName.length() - ".tmp".length());
        return !tag.isEmpty() && tag.length() <= 13 && tag.chars().allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'z'));
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that error is the one worth reporting
        }
    }
}
