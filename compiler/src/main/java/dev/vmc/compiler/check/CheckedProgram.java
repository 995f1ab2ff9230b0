package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A program the checker accepted, with what lowering needs to know about it.
 *
 * @param program       the AST, unchanged
 * @param types         the type of every expression (sizes, bounds, initialisers, statements),
 *                      keyed by identity
 * @param declaredTypes the resolved type of every declaration, keyed by identity
 * @param symbols       every declared name in source order, with its kind and type
 * @param dependencies  which latents each expression and each term of the log joint depends on
 */
public record CheckedProgram(
        Program program,
        IdentityHashMap<Expr, Type> types,
        IdentityHashMap<Decl, Type> declaredTypes,
        Map<String, Symbol> symbols,
        Dependencies dependencies) implements ExpressionTypes {

    public CheckedProgram {
        symbols = Collections.unmodifiableMap(symbols);
    }

    @Override
    public Type typeOf(Expr expr) {
        return ExpressionTypes.of(types).typeOf(expr);
    }

    public Type typeOf(Decl decl) {
        return declaredTypes.get(decl);
    }

    public Optional<Symbol> symbol(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    public NameKind kindOf(String name) {
        Symbol symbol = symbols.get(name);
        if (symbol == null) {
            throw new IllegalArgumentException("no name '" + name + "' in the program");
        }
        return symbol.kind();
    }
}
