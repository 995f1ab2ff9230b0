package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every name of the program, one scope for all blocks: a name may be declared once in the
 * whole file. The first declaration wins; later ones are reported as duplicates.
 */
final class SymbolTable {
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();

    /** Adds the name, or returns the earlier declaration it clashes with. */
    Symbol declare(Decl decl, NameKind kind) {
        Symbol earlier = symbols.get(decl.name());
        if (earlier != null) {
            return earlier;
        }
        symbols.put(decl.name(), new Symbol(decl.name(), kind, decl, Type.ERROR));
        return null;
    }

    /** Records the type of a name once its sizes are resolved; only for the declaration that won. */
    void resolve(Decl decl, Type type) {
        Symbol symbol = symbols.get(decl.name());
        if (symbol != null && symbol.decl() == decl) {
            symbols.put(decl.name(), new Symbol(symbol.name(), symbol.kind(), decl, type));
        }
    }

    boolean owns(Decl decl) {
        Symbol symbol = symbols.get(decl.name());
        return symbol != null && symbol.decl() == decl;
    }

    Symbol get(String name) {
        return symbols.get(name);
    }

    Map<String, Symbol> all() {
        return symbols;
    }
}
