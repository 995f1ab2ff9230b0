package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.AllExpressions;
import dev.vmc.compiler.TestPrograms;
import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.parse.ProgramParser;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoodProgramsTest {

    static Stream<Path> goodPrograms() {
        return TestPrograms.in("good");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodPrograms")
    void parsesAndChecksWithoutErrors(Path file) {
        String name = file.getFileName().toString();
        try {
            Program program = ProgramParser.parse(name, TestPrograms.read(file));
            CheckedProgram checked = Checker.check(program);
            assertFalse(checked.types().values().stream().anyMatch(Type::isError), "no error types in a good program");
            for (Expr e : AllExpressions.of(program)) {
                assertTrue(checked.types().containsKey(e), "no type for " + ExprText.of(e) + " at " + e.pos());
            }
            for (Decl d : program.latents()) {
                assertTrue(checked.symbol(d.name()).isPresent(), "no symbol for " + d.name());
            }
        } catch (CompileException e) {
            Assertions.fail("unexpected errors:\n" + e.getMessage());
        }
    }
}
