package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs a hostile new user might write: each is a model error (exit 3) at its place, with
 * the line and a caret, found by {@code vmc check}; never an internal error or a stack trace.
 */
class HostileProgramTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(tmp.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertModelError(Cli.Result r, String where, String message) {
        r.assertCode(ExitCode.MODEL);
        assertTrue(r.err().contains(where + ": " + message), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.strip().equals("^")), "no caret\n" + r.all());
        assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.all());
    }

    @Test
    void aByteThatIsNotUtf8IsAModelErrorAtItsPlace() {
        byte[] latin1 = "latent { real mu; }\nmodel {\n  // caf\u00e9\n  mu ~ normal(0, 1);\n}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("b.vmodel", latin1);
        assertModelError(Cli.run("check", file.toString()), "b.vmodel:3:9", "the byte 0xE9 ('\u00e9' in Latin-1) is not UTF-8");
    }
}
