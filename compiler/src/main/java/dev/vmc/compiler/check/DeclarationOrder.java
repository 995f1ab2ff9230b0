package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.Stmts;
import java.util.List;
import java.util.function.BiConsumer;

/** Every declaration of a program, in source order, with the kind of name it declares. */
public final class DeclarationOrder {
    private DeclarationOrder() {}

    public static void forEach(Program program, BiConsumer<Decl, NameKind> action) {
        program.data().forEach(d -> action.accept(d, NameKind.DATA));
        // transformed data are data like any other, computed from the data when they are read
        locals(program.transformedDataBody(), NameKind.DATA, action);
        program.params().forEach(d -> action.accept(d, NameKind.PARAM));
        program.latents().forEach(d -> action.accept(d, NameKind.LATENT));
        locals(program.derivedBody(), NameKind.DERIVED, action);
        locals(program.model(), NameKind.LOCAL, action);
        locals(program.generatedBody(), NameKind.GENERATED, action);
        if (program.guide() instanceof Guide.Explicit guide) {
            guide.params().forEach(d -> action.accept(d, NameKind.GUIDE_PARAM));
            locals(guide.body(), NameKind.GUIDE_LOCAL, action);
        }
    }

    /** A block's declarations, nested ones and loop variables included (each has a name of its own). */
    private static void locals(List<Stmt> statements, NameKind kind, BiConsumer<Decl, NameKind> action) {
        Stmts.forEach(statements, statement -> {
            if (statement instanceof Stmt.Define define) {
                action.accept(define.decl(), kind);
            } else if (statement instanceof Stmt.For loop) {
                action.accept(loop.variable(), kind);
            }
        });
    }
}
