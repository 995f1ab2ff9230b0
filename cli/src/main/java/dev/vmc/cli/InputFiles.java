package dev.vmc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a file named on the command line before anything reads it, so that each way it can
 * be wrong gets its own message (exit 2): missing, a folder, a device or pipe, unreadable, or
 * larger than the heap could hold.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * @param file the path given
     * @param what how to name it in a message: "" for the command's FILE, else the option ("--data")
     * @param kind what it should be, for "not a ..." ("a .vmodel file", "a data file (.json or .csv)")
     */
    static void check(Path file, String what, String kind) {
        String named = what.isEmpty() ? file.toString() : what + " " + file;
        if (Files.isDirectory(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: " + named + " is a folder, not " + kind);
        }
        if (!Files.exists(file) && Files.isSymbolicLink(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: " + named + (loops(file) ? " is a symbolic link that leads back to"
                    + " itself" : " is a broken symbolic link (it points to nothing)"));
        }
        if (!Files.exists(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: " + (what.isEmpty() ? "" : what + ": ") + "no such file: " + file
                    + existingParentHint(file));
        }
        if (!Files.isRegularFile(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: " + named + " is not a regular file (a device, pipe or socket);"
                    + " vmc reads " + kind + " from disk");
        }
        if (!Files.isReadable(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read " + named + ": permission denied");
        }
    }

    /** Whether following the link never ends (a loop), as opposed to ending at nothing. */
    private static boolean loops(Path link) {
        try {
            link.toRealPath();
            return false;
        } catch (java.nio.file.FileSystemException e) {
            return e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links");
        } catch (IOException e) {
            return false;
        }
    }

    /** Data are read whole: a file larger than the heap cannot be, so say so before trying. */
    static void checkFitsInMemory(Path file, String what) {
        long heap = Runtime.getRuntime().maxMemory();
        try {
            long size = Files.size(file);
            if (size > heap) {
                throw new Failure(ExitCode.USAGE, "vmc: " + what + " " + file + " is " + MemoryCheck.format(size)
                        + ", more than the " + MemoryCheck.format(heap) + " the JVM may use (its heap), and data are read"
                        + " whole; raise the heap: " + MemoryCheck.raiseHeap(3 * size));
            }
        } catch (IOException e) {
            // reading it will report the problem
        }
    }

    /** Says what is wrong with a path a file operation failed on, in words: "permission denied", "no such file or folder". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something that is not a folder is in the way (a broken symbolic link?)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT).startsWith("read-only") ? "read-only file system"
                    : f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** " (the folder x/ does not exist)" when the path's folder is what is missing. */
    private static String existingParentHint(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return Files.exists(parent) ? " (" + file.getParent() + " is a file, not a folder)"
                    : " (the folder " + (file.getParent() != null ? file.getParent() : parent) + " does not exist)";
        }
        return "";
    }
}
