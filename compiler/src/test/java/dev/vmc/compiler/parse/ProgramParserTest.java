package dev.vmc.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.CompileException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramParserTest {

    private static Expr expression(String text) {
        Program p = ProgramParser.parse("t.vmodel", "model {\n  real x = " + text + ";\n}\n");
        return ((Stmt.Define) p.model().get(0)).decl().init();
    }

    /** The expression as a fully parenthesised string, to read precedence off. */
    private static String tree(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.isInteger() ? Long.toString((long) n.value()) : Double.toString(n.value());
        }
        if (e instanceof Expr.Var v) {
            return v.name();
        }
        if (e instanceof Expr.Unary u) {
            return "(" + u.op() + tree(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return "(" + tree(b.left()) + " " + b.op() + " " + tree(b.right()) + ")";
        }
        if (e instanceof Expr.Call c) {
            return c.function() + c.args().stream().map(ProgramParserTest::tree).toList();
        }
        if (e instanceof Expr.Index i) {
            return tree(i.target()) + "@" + i.indices().stream().map(ProgramParserTest::tree).toList();
        }
        return tree(((Expr.Transpose) e).operand()) + "'";
    }

    @Test
    void powerBindsTighterThanUnaryMinusAndAssociatesRight() {
        assertEquals("(-(x ^ 2))", tree(expression("-x^2")));
        assertEquals("(2 ^ (3 ^ 2))", tree(expression("2^3^2")));
        assertEquals("(2 ^ (-1))", tree(expression("2^-1")));
    }

    @Test
    void arithmeticPrecedenceAndLeftAssociativity() {
        assertEquals("((a - b) - c)", tree(expression("a - b - c")));
        assertEquals("((a * b) + (c ./ d))", tree(expression("a * b + c ./ d")));
        assertEquals("((a .* b) / c)", tree(expression("a .* b / c")));
        assertEquals("((-a) * b)", tree(expression("-a * b")));
        assertEquals("(a * (b + c))", tree(expression("a * (b + c)")));
        assertEquals("a", tree(expression("+a")));
    }

    @Test
    void postfixOperatorsBindTightest() {
        assertEquals("(M' * v)", tree(expression("M' * v")));
        assertEquals("(alpha@[group] + X@[1, j])", tree(expression("alpha[group] + X[1, j]")));
        assertEquals("(-M@[i]')", tree(expression("-M[i]'")));
        assertEquals("(exp[(x ^ 2)] ^ 2)", tree(expression("exp(x^2)^2")));
    }

    @Test
    void numbers() {
        assertEquals("0.001", tree(expression("1e-3")));
        assertEquals("0.5", tree(expression(".5")));
        assertEquals("2.0", tree(expression("2.")));
        assertEquals("150.0", tree(expression("1.5E2")));
        assertEquals("7", tree(expression("7")));
        assertTrue(((Expr.Num) expression("7")).isInteger());
    }

    @Test
    void positionsAreOneBasedAndOperatorsSitAtTheirSymbol() {
        Program p = ProgramParser.parse("t.vmodel", "data {\n  vector<lower=0>[N] y;\n}\nmodel {\n  y ~ normal(mu + 1, s);\n}\n");
        Decl y = p.data().get(0);
        assertEquals(new Pos(2, 22), y.pos());
        assertEquals(new Pos(2, 3), y.type().pos());
        assertEquals(new Pos(2, 16), y.type().lower().pos());
        assertEquals(new Pos(2, 19), y.type().dims().get(0).pos());
        Stmt.Sample sample = (Stmt.Sample) p.model().get(0);
        assertEquals(new Pos(5, 5), sample.pos());
        assertEquals(new Pos(5, 3), sample.variate().pos());
        assertEquals(new Pos(5, 7), sample.distributionPos());
        assertEquals(new Pos(5, 17), sample.args().get(0).pos());
        assertEquals(new Pos(5, 22), sample.args().get(1).pos());
    }

    @Test
    void typesWithConstraintsAndArrays() {
        Program p = ProgramParser.parse("t.vmodel",
                "data {\n int N;\n array[N, 2] int<lower=1, upper=N> g;\n matrix<upper=0>[N, 3] X;\n}\nmodel {}\n");
        TypeExpr g = p.data().get(1).type();
        assertEquals(TypeExpr.Base.INT, g.base());
        assertEquals(2, g.arrayDims().size());
        assertEquals(List.of(), g.dims());
        assertInstanceOf(Expr.Num.class, g.lower());
        assertInstanceOf(Expr.Var.class, g.upper());
        TypeExpr x = p.data().get(2).type();
        assertEquals(TypeExpr.Base.MATRIX, x.base());
        assertEquals(2, x.dims().size());
        assertNull(x.lower());
        assertInstanceOf(Expr.Num.class, x.upper());
    }

    @Test
    void aProgramWithoutGuideGetsTheAutomaticGuide() {
        Program p = ProgramParser.parse("t.vmodel", "model {}\n");
        assertEquals(new Guide.Auto(new Pos(0, 0), "auto"), p.guide());
    }

    @Test
    void automaticAndExplicitGuides() {
        Program full = ProgramParser.parse("t.vmodel", "model {}\nguide fullrank;\n");
        assertEquals(new Guide.Auto(new Pos(2, 7), "fullrank"), full.guide());

        Program explicit = ProgramParser.parse("t.vmodel",
                "latent { real mu; }\nmodel {}\nguide {\n  params { real m = 0; }\n  real c = m;\n  mu ~ normal(c, 1);\n}\n");
        Guide.Explicit g = assertInstanceOf(Guide.Explicit.class, explicit.guide());
        assertEquals(new Pos(3, 1), g.pos());
        assertEquals("m", g.params().get(0).name());
        assertInstanceOf(Stmt.Define.class, g.body().get(0));
        assertInstanceOf(Stmt.Sample.class, g.body().get(1));
    }

    @Test
    void targetStatementsAndComments() {
        Program p = ProgramParser.parse("t.vmodel", "model { // one\n  /* two\n three */ target += 1; }\n");
        Stmt.TargetAdd add = assertInstanceOf(Stmt.TargetAdd.class, p.model().get(0));
        assertEquals(new Pos(3, 11), add.pos());
    }

    /**
     * A whole {@code target += d_lpdf(y | ...);} is the ~ statement the dependency analysis
     * knows; a cumulative function there, or a log density inside a larger expression, is a call
     * with the variate as its first argument.
     */
    @Test
    void aWholeLogDensityTermIsASampleAndAnyOtherUseACall() {
        Program p = ProgramParser.parse("t.stan", "model {\n  target += normal_lupdf(y | mu, 1);\n"
                + "  target += normal_lccdf(0 | mu, 1);\n  target += 2 * poisson_lpmf(k | 3);\n}\n");
        Stmt.Sample sample = assertInstanceOf(Stmt.Sample.class, p.model().get(0));
        assertEquals("normal", sample.distribution());
        assertEquals("y", ((Expr.Var) sample.variate()).name());
        Expr.Call lccdf = assertInstanceOf(Expr.Call.class, assertInstanceOf(Stmt.TargetAdd.class, p.model().get(1)).value());
        assertEquals("normal_lccdf", lccdf.function());
        assertEquals(3, lccdf.args().size());
        Expr.Binary scaled = assertInstanceOf(Expr.Binary.class, ((Stmt.TargetAdd) p.model().get(2)).value());
        Expr.Call lpmf = assertInstanceOf(Expr.Call.class, scaled.right());
        assertEquals("k", ((Expr.Var) lpmf.args().get(0)).name());
        assertEquals("poisson_lpmf(k | 3)", dev.vmc.compiler.check.ExprText.of(lpmf));
    }

    @Test
    void syntaxErrorsDoNotPrintToTheConsole() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured));
        try {
            assertThrows(CompileException.class, () -> ProgramParser.parse("t.vmodel", "model { real x = @; }"));
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString());
    }

    @Test
    void syntaxErrorsNameTheFileLineAndColumn() {
        CompileException e = assertThrows(CompileException.class,
                () -> ProgramParser.parse("m.vmodel", "model {\n  real x = 1\n  real y = 2;\n}\n"));
        assertEquals("m.vmodel:2:13: expected ';' after '1'\n  real x = 1\n            ^", e.getMessage());
    }
}
