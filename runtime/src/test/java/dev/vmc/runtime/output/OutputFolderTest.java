package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @Test
    void createsAMissingFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit/run1");
        OutputFolder folder = OutputFolder.prepare(out, false);
        assertTrue(Files.isDirectory(out));
        assertEquals(out.resolve("draws.csv"), folder.draws());
        assertEquals(out.resolve("elbo.csv"), folder.elbo());
        assertEquals(out.resolve("guide.json"), folder.guide());
        assertEquals(out.resolve("summary.txt"), folder.summary());
    }

    @Test
    void acceptsAFolderWithoutVmcFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.md"), "mine");
        OutputFolder.prepare(dir, false);
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
        OutputFolder.prepare(dir, true);
        assertTrue(Files.exists(dir.resolve("summary.txt")), "preparing deletes nothing; the writes replace");
    }

    @Test
    void refusesAFileInPlaceOfTheFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThrows(IllegalStateException.class, () -> OutputFolder.prepare(file, true));
    }
}
