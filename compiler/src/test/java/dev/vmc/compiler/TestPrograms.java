package dev.vmc.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The .vmodel files under src/test/resources, for parameterised tests. */
public final class TestPrograms {
    private TestPrograms() {}

    public static Stream<Path> in(String folder) {
        try {
            Path dir = Path.of(TestPrograms.class.getResource("/" + folder).toURI());
            return Files.list(dir).filter(p -> p.toString().endsWith(".vmodel") || p.toString().endsWith(".stan")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
