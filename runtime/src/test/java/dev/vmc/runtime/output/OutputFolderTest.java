package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @Test
    void createsAMissingFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit/run1");
        OutputFolder folder = OutputFolder.prepare(out, false);
        folder.close();
        assertTrue(Files.isDirectory(out));
        assertEquals(out.resolve("draws.csv"), folder.draws());
        assertEquals(out.resolve("elbo.csv"), folder.elbo());
        assertEquals(out.resolve("guide.json"), folder.guide());
        assertEquals(out.resolve("summary.txt"), folder.summary());
    }

    @Test
    void acceptsAFolderWithoutVmcFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.md"), "mine");
        OutputFolder.prepare(dir, false).close();
    }

    @Test
    void refusesToOverwriteAnEarlierFit(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.json"), "{}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputFolder.prepare(dir, false));
        assertTrue(e.getMessage().contains("guide.json"), e.getMessage());
        assertTrue(e.getMessage().contains("--out") && e.getMessage().contains("--overwrite"), e.getMessage());
        Files.writeString(dir.resolve("draws.csv"), "");
        e = assertThrows(IllegalStateException.class, () -> OutputFolder.prepare(dir, false));
        assertTrue(e.getMessage().contains("draws.csv, guide.json"), e.getMessage());
    }

    @Test
    void overwriteAllowsIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.txt"), "old");
        OutputFolder.prepare(dir, true).close();
        assertTrue(Files.exists(dir.resolve("summary.txt")), "preparing deletes nothing; the writes replace");
    }

    @Test
    void refusesAFileInPlaceOfTheFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThrows(IllegalStateException.class, () -> OutputFolder.prepare(file, true));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aSecondPrepareWhileTheFirstHoldsTheFolderIsRefused(@TempDir Path dir) throws IOException {
        try (OutputFolder first = OutputFolder.prepare(dir, true)) {
            FolderLock.InUseException e = assertThrows(FolderLock.InUseException.class, () -> OutputFolder.prepare(dir, true));
            assertTrue(e.getMessage().contains("in use by another vmc run"), e.getMessage());
        }
        OutputFolder.prepare(dir, true).close();
        assertEquals(List.of(), filesIn(dir), "closing leaves no lock file");
    }

    @Test
    void removesTheTemporaryFilesOfAnInterruptedWriteAndSaysWhich(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".draws.csv.3k9x0a1b2c.tmp"), "mu,tau\n1,");
        Files.writeString(dir.resolve(".summary.txt.z.tmp"), "ELBO");
        Files.writeString(dir.resolve(".notes.md.abc.tmp"), "the user's, not vmc's");
        Files.writeString(dir.resolve(".draws.csv.tmp"), "no tag: not vmc's name");
        try (OutputFolder folder = OutputFolder.prepare(dir, false)) {
            assertEquals(List.of(new OutputFolder.Leftover(".draws.csv.3k9x0a1b2c.tmp", true, null),
                    new OutputFolder.Leftover(".summary.txt.z.tmp", true, null)), folder.leftovers());
        }
        assertEquals(List.of(".draws.csv.tmp", ".notes.md.abc.tmp"), filesIn(dir));
    }

    @Test
    void aFolderWhereAnOutputFileShouldBeIsInTheWay(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("draws.csv"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputFolder.prepare(dir, true));
        assertTrue(e.getMessage().contains("draws.csv") && e.getMessage().contains("not a file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(FolderLock.NAME)), "a refused folder is released");
    }

    @Test
    void runFoldersAreNumberedAfterTheHighest(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("run-1"));
        Files.createDirectories(dir.resolve("run-7"));
        Files.createDirectories(dir.resolve("run-x"));
        try (OutputFolder folder = OutputFolder.prepareNext(dir)) {
            assertEquals(dir.resolve("run-8"), folder.dir());
        }
    }

    @Test
    void concurrentRunsEachGetTheirOwnRunFolder(@TempDir Path dir) throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<OutputFolder>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> OutputFolder.prepareNext(dir)));
            }
            Set<Path> folders = new HashSet<>();
            for (Future<OutputFolder> f : futures) {
                try (OutputFolder folder = f.get()) {
                    folders.add(folder.dir());
                }
            }
            assertEquals(runs, folders.size(), folders.toString());
            for (int n = 1; n <= runs; n++) {
                assertTrue(folders.contains(dir.resolve("run-" + n)), folders.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abandoningRemovesOnlyAFolderItCreatedAndLeftEmpty(@TempDir Path dir) throws IOException {
        OutputFolder.prepare(dir.resolve("new"), false).abandon();
        assertFalse(Files.exists(dir.resolve("new")));
        Files.createDirectories(dir.resolve("old"));
        OutputFolder.prepare(dir.resolve("old"), false).abandon();
        assertTrue(Files.isDirectory(dir.resolve("old")), "a folder the user made stays");
        OutputFolder used = OutputFolder.prepare(dir.resolve("used"), false);
        Files.writeString(used.draws(), "x");
        used.abandon();
        assertEquals(List.of("draws.csv"), filesIn(dir.resolve("used")));
    }
}
