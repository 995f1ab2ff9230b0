package dev.vmc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expected output kept in files, as stanc3 keeps it: a test compares what the code writes with
 * the file, and {@code -Dvmc.golden.update=true} rewrites the files instead, for review with
 * {@code git diff} after a deliberate change.
 */
public final class Golden {
    private static final boolean UPDATE = Boolean.getBoolean("vmc.golden.update");

    private Golden() {}

    /** Every example model, examples/NAME/NAME.vmodel and the like, in name order. */
    public static List<Path> examples() {
        Path root = Path.of("..", "examples");
        try (Stream<Path> files = Files.walk(root, 2)) {
            List<Path> examples = files.filter(p -> p.toString().endsWith(".vmodel")).sorted().toList();
            assertTrue(examples.size() >= 5, "the examples folder has gone: " + root.toAbsolutePath());
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the file, or writes it there under -Dvmc.golden.update=true. */
    public static void check(Path expected, String actual) {
        try {
            if (UPDATE) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(expected), "no " + expected + "; write it with -Dvmc.golden.update=true and review it");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, expected.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
