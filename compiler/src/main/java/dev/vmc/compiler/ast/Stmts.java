package dev.vmc.compiler.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks of statement trees: a loop's, an if's and a local block's statements are nested. */
public final class Stmts {
    private Stmts() {}

    /** Every statement, nested ones included, in source order (a compound one before what it holds). */
    public static List<Stmt> all(List<Stmt> statements) {
        List<Stmt> found = new ArrayList<>();
        forEach(statements, found::add);
        return found;
    }

    public static void forEach(List<Stmt> statements, Consumer<Stmt> action) {
        for (Stmt s : statements) {
            action.accept(s);
            for (List<Stmt> inner : children(s)) {
                forEach(inner, action);
            }
        }
    }

    /** The statement lists a statement holds: an if's two branches, a loop's body, a block's. */
    public static List<List<Stmt>> children(Stmt s) {
        if (s instanceof Stmt.If i) {
            return List.of(i.then(), i.otherwise());
        } else if (s instanceof Stmt.For f) {
            return List.of(f.body());
        } else if (s instanceof Stmt.While w) {
            return List.of(w.body());
        } else if (s instanceof Stmt.Block b) {
            return List.of(b.body());
        }
        return List.of();
    }

    /** The expressions a statement holds itself (not those of the statements nested in it). */
    public static List<Expr> expressions(Stmt s) {
        List<Expr> found = new ArrayList<>();
        if (s instanceof Stmt.Define d) {
            found.addAll(d.decl().type().arrayDims());
            found.addAll(d.decl().type().dims());
            if (d.decl().init() != null) {
                found.add(d.decl().init());
            }
        } else if (s instanceof Stmt.Sample sample) {
            found.add(sample.variate());
            found.addAll(sample.args());
        } else if (s instanceof Stmt.TargetAdd t) {
            found.add(t.value());
        } else if (s instanceof Stmt.Assign a) {
            found.addAll(a.indices());
            found.add(a.value());
        } else if (s instanceof Stmt.If i) {
            found.add(i.condition());
        } else if (s instanceof Stmt.For f) {
            found.add(f.lower());
            if (f.upper() != null) {
                found.add(f.upper());
            }
        } else if (s instanceof Stmt.While w) {
            found.add(w.condition());
        } else if (s instanceof Stmt.Print p) {
            p.items().stream().filter(item -> item instanceof Expr).forEach(item -> found.add((Expr) item));
        } else if (s instanceof Stmt.Return r && r.value() != null) {
            found.add(r.value());
        } else if (s instanceof Stmt.Call c) {
            found.add(c.call());
        }
        return found;
    }

    /** The declarations made at the top of a block (not inside its loops, ifs or local blocks). */
    public static List<Decl> topDeclarations(List<Stmt> statements) {
        return statements.stream().filter(s -> s instanceof Stmt.Define).map(s -> ((Stmt.Define) s).decl()).toList();
    }
}
