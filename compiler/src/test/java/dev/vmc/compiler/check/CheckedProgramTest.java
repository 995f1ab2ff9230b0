package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.parse.ProgramParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedProgramTest {
    private static final String SOURCE = """
            data {
              int<lower=0> N;
              int<lower=1> J;
              matrix[N, 3] X;
              array[N] int<lower=1, upper=J> group;
              vector[N] y;
            }
            params { real<lower=0> s = 1; }
            latent { vector[3] beta; vector[J] alpha; }
            derived { vector[N] eta = X * beta + alpha[group]; }
            model {
              matrix[3, N] Xt = X';
              int n = N + 1;
              real m = mean(y) / 2;
              beta ~ normal(0, 1);
              alpha ~ normal(0, 1);
              y ~ normal(eta, s);
            }
            guide {
              params { vector[3] mb = 0; }
              beta ~ normal(mb, 1);
              real c = 1;
              alpha ~ normal(c, 1);
            }
            """;

    private final CheckedProgram checked = Checker.check(ProgramParser.parse("t.vmodel", SOURCE));

    @Test
    void everyNameHasItsKindInDeclarationOrder() {
        assertEquals(List.of("N", "J", "X", "group", "y", "s", "beta", "alpha", "eta", "Xt", "n", "m", "mb", "c"),
                List.copyOf(checked.symbols().keySet()));
        assertEquals(NameKind.DATA, checked.kindOf("group"));
        assertEquals(NameKind.PARAM, checked.kindOf("s"));
        assertEquals(NameKind.LATENT, checked.kindOf("alpha"));
        assertEquals(NameKind.DERIVED, checked.kindOf("eta"));
        assertEquals(NameKind.LOCAL, checked.kindOf("Xt"));
        assertEquals(NameKind.GUIDE_PARAM, checked.kindOf("mb"));
        assertEquals(NameKind.GUIDE_LOCAL, checked.kindOf("c"));
        assertSame(checked.program().latents().get(1), checked.symbol("alpha").orElseThrow().decl());
    }

    @Test
    void declaredTypesHaveSymbolicSizes() {
        assertEquals("matrix[N, 3]", checked.symbol("X").orElseThrow().type().toString());
        assertEquals("array[N] int", checked.symbol("group").orElseThrow().type().toString());
        assertEquals(new Size.Named("J"), checked.symbol("alpha").orElseThrow().type().dims().get(0));
        assertEquals(new Size.Literal(3), checked.symbol("beta").orElseThrow().type().dims().get(0));
        Decl eta = checked.program().derived().get(0);
        assertEquals("vector[N]", checked.typeOf(eta).toString());
    }

    @Test
    void everyExpressionHasAType() {
        Expr.Binary sum = (Expr.Binary) checked.program().derived().get(0).init();
        assertEquals("vector[N]", checked.typeOf(sum).toString());
        assertEquals("vector[N]", checked.typeOf(sum.left()).toString());
        assertEquals("vector[N]", checked.typeOf(sum.right()).toString());
        Expr.Index gather = (Expr.Index) sum.right();
        assertEquals("array[N] int", checked.typeOf(gather.indices().get(0)).toString());

        List<Stmt> model = checked.program().model();
        assertEquals("matrix[3, N]", checked.typeOf(((Stmt.Define) model.get(0)).decl().init()).toString());
        assertEquals(Type.INT, checked.typeOf(((Stmt.Define) model.get(1)).decl().init()));
        assertEquals(Type.REAL, checked.typeOf(((Stmt.Define) model.get(2)).decl().init()));
        Stmt.Sample likelihood = (Stmt.Sample) model.get(5);
        assertEquals("vector[N]", checked.typeOf(likelihood.variate()).toString());
        assertEquals(Type.REAL, checked.typeOf(likelihood.args().get(1)));

        Guide.Explicit guide = (Guide.Explicit) checked.program().guide();
        Stmt.Sample first = (Stmt.Sample) guide.body().get(0);
        assertEquals("vector[3]", checked.typeOf(first.variate()).toString());
        assertTrue(checked.types().values().stream().noneMatch(Type::isError));
    }

    @Test
    void sizesAndBoundsAreTypedToo() {
        Decl group = checked.program().data().get(3);
        assertEquals(Type.INT, checked.typeOf(group.type().arrayDims().get(0)));
        assertEquals(Type.INT, checked.typeOf(group.type().upper()));
    }
}
