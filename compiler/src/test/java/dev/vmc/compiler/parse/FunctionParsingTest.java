package dev.vmc.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import org.junit.jupiter.api.Test;

/** The functions block: signatures, bodies with names of their own, forward declarations, call statements. */
class FunctionParsingTest {
    private static final String PROGRAM = """
            functions {
              real twice(real x);
              array[,] real grid(data array[] vector theta, matrix m, row_vector r, int n) {
                array[n, 2] real out;
                return out;
              }
              real twice(real x) { real theta = 2 * x; return theta; }
              void note(real x) { print(x); }
            }
            parameters { real theta; }
            model {
              note(theta);
              theta ~ normal(twice(1), 1);
            }
            """;

    @Test
    void definitionsKeepTheirSignaturesAndForwardDeclarationsHaveNoBody() {
        Program program = ProgramParser.parse("f.stan", PROGRAM);
        assertEquals(4, program.functions().size());
        FunctionDef declared = program.functions().get(0);
        assertFalse(declared.isDefinition());
        FunctionDef grid = program.functions().get(1);
        assertEquals(new FunctionDef.ArgumentType(grid.result().pos(), TypeExpr.Base.REAL, 2), grid.result());
        assertEquals(4, grid.parameters().size());
        assertTrue(grid.parameters().get(0).data());
        assertEquals(TypeExpr.Base.VECTOR, grid.parameters().get(0).type().base());
        assertEquals(1, grid.parameters().get(0).type().arrayRank());
        assertEquals(TypeExpr.Base.ROW_VECTOR, grid.parameters().get(2).type().base());
        assertFalse(grid.parameters().get(3).data());
        assertTrue(program.functions().get(3).isVoid());
        assertTrue(program.function("twice").isDefinition());
        assertNull(program.function("nothing"));
    }

    @Test
    void aFunctionsNamesAreItsOwnEvenWhereTheProgramUsesThemToo() {
        Program program = ProgramParser.parse("f.stan", PROGRAM);
        FunctionDef grid = program.functions().get(1);
        String theta = grid.parameters().get(0).decl().name();
        assertNotEquals("theta", theta);
        assertEquals("theta", Names.shown(theta));
        FunctionDef twice = program.function("twice");
        Stmt.Define local = assertInstanceOf(Stmt.Define.class, twice.body().get(0));
        assertNotEquals("theta", local.decl().name());
        assertNotEquals(theta, local.decl().name());
        Stmt.Return ret = assertInstanceOf(Stmt.Return.class, twice.body().get(1));
        assertEquals(local.decl().name(), ((Expr.Var) ret.value()).name(), "the return reads the function's own local");
        assertEquals("theta", program.latents().get(0).name(), "the program's parameter keeps its name");
        Stmt.Call call = assertInstanceOf(Stmt.Call.class, program.model().get(0));
        assertEquals("note", call.call().function());
        assertEquals("theta", ((Expr.Var) call.call().args().get(0)).name());
    }
}
