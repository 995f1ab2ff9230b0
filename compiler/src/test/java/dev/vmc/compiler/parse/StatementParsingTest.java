package dev.vmc.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.check.ExprText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every statement form as the parser builds it. */
class StatementParsingTest {
    private static List<Stmt> model(String body) {
        Program program = ProgramParser.parse("t.stan", "data { int N; vector[N] y; }\nparameters { real mu; }\nmodel {\n"
                + body + "\n}\n");
        return program.model();
    }

    @Test
    void loopsBlocksAndJumps() {
        List<Stmt> s = model("""
                for (n in 1:N) { break; }
                for (x in y) continue;
                while (N > 1) { real z; }
                { real z = 1; }
                """);
        Stmt.For counted = assertInstanceOf(Stmt.For.class, s.get(0));
        assertEquals("n", counted.variable().name());
        assertEquals("N", ExprText.of(counted.upper()));
        assertInstanceOf(Stmt.Break.class, counted.body().get(0));
        Stmt.For each = assertInstanceOf(Stmt.For.class, s.get(1));
        assertNull(each.upper());
        assertInstanceOf(Stmt.Continue.class, each.body().get(0));
        Stmt.While loop = assertInstanceOf(Stmt.While.class, s.get(2));
        Stmt.Define inWhile = assertInstanceOf(Stmt.Define.class, loop.body().get(0));
        Stmt.Block block = assertInstanceOf(Stmt.Block.class, s.get(3));
        Stmt.Define inBlock = assertInstanceOf(Stmt.Define.class, block.body().get(0));
        // two nested z's in sibling scopes: one name each, shown as written
        assertEquals("z", inWhile.decl().name());
        assertEquals("z", dev.vmc.compiler.ast.Names.shown(inBlock.decl().name()));
        assertEquals(false, inBlock.decl().name().equals("z"));
    }

    @Test
    void assignmentsWithIndicesSlicesAndCompoundOperators() {
        List<Stmt> s = model("""
                vector[N] v;
                v = y; v[1] = 2; v[2:3] = y[1:2]; v[1] += 1; v .*= y; v ./= y; v -= y; v *= 2; v /= 2;
                """);
        List<String> ops = s.stream().skip(1).map(x -> ((Stmt.Assign) x).op()).toList();
        assertEquals(List.of("=", "=", "=", "+", ".*", "./", "-", "*", "/"), ops);
        Stmt.Assign slice = (Stmt.Assign) s.get(3);
        assertInstanceOf(Expr.Slice.class, slice.indices().get(0));
        assertEquals("v[1]", ExprText.of(((Stmt.Assign) s.get(4)).target()));
    }

    @Test
    void printRejectReturnAndTruncation() {
        List<Stmt> s = model("""
                print("mu is ", mu);
                reject("bad");
                return mu;
                y ~ normal(mu, 1) T[0, ];
                y ~ normal(mu, 1) T[, 5];
                y ~ normal(mu, 1) T[0, 5];
                """);
        Stmt.Print print = assertInstanceOf(Stmt.Print.class, s.get(0));
        assertEquals("mu is ", print.items().get(0));
        assertEquals(false, print.reject());
        assertEquals(true, ((Stmt.Print) s.get(1)).reject());
        assertInstanceOf(Stmt.Return.class, s.get(2));
        assertInstanceOf(Stmt.Sample.class, s.get(3));
        assertEquals("-normal_lccdf(0 | mu, 1)", ExprText.of(((Stmt.TargetAdd) s.get(4)).value()));
        assertEquals("-normal_lcdf(5 | mu, 1)", ExprText.of(((Stmt.TargetAdd) s.get(6)).value()));
        assertEquals("-log_diff_exp(normal_lcdf(5 | mu, 1), normal_lcdf(0 | mu, 1))",
                ExprText.of(((Stmt.TargetAdd) s.get(8)).value()));
    }

    @Test
    void aVariableMayStillBeCalledT() {
        Program program = ProgramParser.parse("t.stan", "data { int N; array[N] real T; }\nparameters { real mu; }\n"
                + "model {\n  T[1] ~ normal(mu, 1) T[T[2], ];\n}\n");
        assertEquals(2, program.model().size());
        assertEquals("-normal_lccdf(T[2] | mu, 1)", ExprText.of(((Stmt.TargetAdd) program.model().get(1)).value()));
    }
}
