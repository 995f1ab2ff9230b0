package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import java.util.List;
import java.util.function.BiConsumer;

/** Every declaration of a program, in source order, with the kind of name it declares. */
public final class DeclarationOrder {
    private DeclarationOrder() {}

    public static void forEach(Program program, BiConsumer<Decl, NameKind> action) {
        program.data().forEach(d -> action.accept(d, NameKind.DATA));
        // transformed data are data like any other, computed from the data when they are read
        program.transformedData().forEach(d -> action.accept(d, NameKind.DATA));
        program.params().forEach(d -> action.accept(d, NameKind.PARAM));
        program.latents().forEach(d -> action.accept(d, NameKind.LATENT));
        program.derived().forEach(d -> action.accept(d, NameKind.DERIVED));
        locals(program.model(), NameKind.LOCAL, action);
        program.generated().forEach(d -> action.accept(d, NameKind.GENERATED));
        if (program.guide() instanceof Guide.Explicit guide) {
            guide.params().forEach(d -> action.accept(d, NameKind.GUIDE_PARAM));
            locals(guide.body(), NameKind.GUIDE_LOCAL, action);
        }
    }

    private static void locals(List<Stmt> statements, NameKind kind, BiConsumer<Decl, NameKind> action) {
        for (Stmt statement : statements) {
            if (statement instanceof Stmt.Define define) {
                action.accept(define.decl(), kind);
            }
        }
    }
}
