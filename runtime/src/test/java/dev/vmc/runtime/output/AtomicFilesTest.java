package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheContentAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.write(file, "first\n");
        AtomicFiles.write(file, "second ünïcode\n");
        assertEquals("second ünïcode\n", Files.readString(file));
        assertEquals(List.of("out.txt"), filesIn(dir));
    }

    @Test
    void aFailingWriteKeepsTheOldFileAndCleansUp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.write(file, "good\n");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of a new ");
            throw new IllegalStateException("interrupted");
        }));
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            throw new IOException("disk full");
        }));
        assertEquals("good\n", Files.readString(file));
        assertEquals(List.of("out.txt"), filesIn(dir));
    }

    @Test
    void aMissingFolderIsAnIoError(@TempDir Path dir) {
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("no/such/x.txt"), "x"));
    }

    @Test
    void itsTemporaryFilesAreRecognisedByName(@TempDir Path dir) throws IOException {
        AtomicFiles.write(dir.resolve("draws.csv"), out -> {
            List<String> names = filesIn(dir);
            assertEquals(1, names.size(), names.toString());
            assertEquals(true, AtomicFiles.isTemporaryFor(names.get(0), "draws.csv"), names.get(0));
            assertEquals(false, AtomicFiles.isTemporaryFor(names.get(0), "elbo.csv"), names.get(0));
        });
        assertEquals(false, AtomicFiles.isTemporaryFor(".draws.csv.tmp", "draws.csv"));
        assertEquals(false, AtomicFiles.isTemporaryFor(".draws.csv.ABC.tmp", "draws.csv"));
        assertEquals(false, AtomicFiles.isTemporaryFor("draws.csv.abc.tmp", "draws.csv"));
    }
}
