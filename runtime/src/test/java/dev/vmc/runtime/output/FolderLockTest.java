package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder is held by one run at a time, across threads and processes, and never by a dead one. */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderInThisProcessIsRefusedWithThePid() throws IOException {
        try (FolderLock first = FolderLock.acquire(dir)) {
            assertTrue(Files.exists(dir.resolve(FolderLock.NAME)));
            FolderLock.InUseException e = assertThrows(FolderLock.InUseException.class, () -> FolderLock.acquire(dir));
            assertEquals(ProcessHandle.current().pid(), e.pid());
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("pid "
                    + ProcessHandle.current().pid()) && e.getMessage().contains("--out"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(FolderLock.NAME)), "released locks leave no file");
        FolderLock.acquire(dir).close();
    }

    @Test
    void aLockFileLeftByAKilledRunDoesNotBlock() throws IOException {
        Files.writeString(dir.resolve(FolderLock.NAME), "999999999 stale\n");
        try (FolderLock lock = FolderLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve(FolderLock.NAME)).startsWith(ProcessHandle.current().pid() + " "));
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsAnIoError() {
        assertThrows(IOException.class, () -> FolderLock.acquire(dir.resolve("missing")));
    }

    /** Holds the lock on the folder named by its argument until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws IOException {
            try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void anotherProcessHoldingItIsNamedByPid() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            FolderLock.InUseException e = assertThrows(FolderLock.InUseException.class, () -> FolderLock.acquire(dir));
            assertEquals(child.pid(), e.pid());
            assertTrue(e.getMessage().contains("pid " + child.pid()), e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        FolderLock.acquire(dir).close();
    }

    @Test
    void aKilledHolderReleasesIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(dir.resolve(FolderLock.NAME)), "kill -9 leaves the file");
        FolderLock.acquire(dir).close();
    }
}
