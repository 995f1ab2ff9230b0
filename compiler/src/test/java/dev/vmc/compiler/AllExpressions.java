package dev.vmc.compiler;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.Stmts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every expression node of a program, sub-expressions included: what the checker must type. */
public final class AllExpressions {
    private final List<Expr> found = new ArrayList<>();

    private AllExpressions() {}

    public static List<Expr> of(Program program) {
        AllExpressions all = new AllExpressions();
        Stream.of(program.data(), program.params(), program.latents(), program.derived()).flatMap(List::stream)
                .forEach(all::decl);
        program.model().forEach(all::statement);
        if (program.guide() instanceof Guide.Explicit guide) {
            guide.params().forEach(all::decl);
            guide.body().forEach(all::statement);
        }
        return all.found;
    }

    private void decl(Decl decl) {
        decl.type().arrayDims().forEach(this::expr);
        decl.type().dims().forEach(this::expr);
        expr(decl.type().lower());
        expr(decl.type().upper());
        expr(decl.init());
    }

    /** The statement's expressions and those of the statements nested in it (a loop's body, an if's branches). */
    private void statement(Stmt statement) {
        for (Stmt s : Stmts.all(List.of(statement))) {
            if (s instanceof Stmt.Define define) {
                decl(define.decl());
            } else {
                Stmts.expressions(s).forEach(this::expr);
            }
        }
    }

    private void expr(Expr expr) {
        if (expr == null) {
            return;
        }
        found.add(expr);
        if (expr instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (expr instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (expr instanceof Expr.Call c) {
            c.args().forEach(this::expr);
        } else if (expr instanceof Expr.Index i) {
            expr(i.target());
            i.indices().forEach(this::expr);
        } else if (expr instanceof Expr.Transpose t) {
            expr(t.operand());
        }
    }
}
