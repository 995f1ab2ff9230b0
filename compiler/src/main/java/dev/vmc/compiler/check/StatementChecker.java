package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The statements of one block, as Stan runs them: declarations (with or without a value),
 * assignments to the block's own variables, loops, ifs, local blocks, print and reject, and in
 * the model ~ and target +=. Names are checked by the scope the block gives; a declaration is
 * visible from where it stands on (a nested one only inside its scope, which the parser's
 * renaming already makes its own name).
 */
final class StatementChecker {
    /**
     * One block: its name for messages, the kind of name it owns, and what its declarations are
     * called; {@code dataBlock} is the data block's declarations, data that no block may assign.
     */
    record Block(String name, NameKind owns, String what, Set<Decl> dataBlock, FunctionSignature function,
            Set<Decl> readOnly) {
        Block(String name, NameKind owns, String what, Set<Decl> dataBlock) {
            this(name, owns, what, dataBlock, null, Set.of());
        }

        /** A user-defined function's body: it owns its locals, its parameters are read-only. */
        static Block ofFunction(FunctionSignature function, Set<Decl> parameters) {
            return new Block("function '" + function.name() + "'", NameKind.FUNCTION, "function local", Set.of(), function,
                    parameters);
        }
    }

    private final ExprTyper typer;
    private final SymbolTable symbols;
    private final Definitions definitions;
    private final SampleChecker samples;
    private final Diagnostics diagnostics;
    private final IdentityHashMap<Decl, Type> declaredTypes;
    private final Dependencies dependencies;
    private final Set<Decl> loopVariables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Block block;
    private int loopDepth;

    StatementChecker(ExprTyper typer, SymbolTable symbols, Definitions definitions, SampleChecker samples,
            Diagnostics diagnostics, IdentityHashMap<Decl, Type> declaredTypes, Dependencies dependencies) {
        this.dependencies = dependencies;
        this.typer = typer;
        this.symbols = symbols;
        this.definitions = definitions;
        this.samples = samples;
        this.diagnostics = diagnostics;
        this.declaredTypes = declaredTypes;
    }

    /**
     * A function local's sizes may use the function's arguments ({@code matrix[rows(x), K] m;}), so
     * they are typed here, in the body's scope, rather than with the program's declarations.
     */
    private void checkFunctionLocalSizes(Decl decl, Scope scope) {
        List<dev.vmc.compiler.ast.Expr> sizes = new java.util.ArrayList<>(decl.type().arrayDims());
        sizes.addAll(decl.type().valueDims());
        for (dev.vmc.compiler.ast.Expr size : sizes) {
            Type type = typer.type(size, scope);
            if (!type.isError() && (!type.isInt() || !type.isScalar())) {
                diagnostics.error(ExprStart.of(size), "a size must be an int, got " + type);
            }
        }
    }

    void check(List<Stmt> statements, Scope scope, Block block) {
        this.block = block;
        this.loopDepth = 0;
        statements.forEach(s -> statement(s, scope));
    }

    private void statement(Stmt s, Scope scope) {
        if (s instanceof Stmt.Define define) {
            Decl decl = define.decl();
            if (block.function() != null) {
                checkFunctionLocalSizes(decl, scope);
            }
            if (decl.init() != null) {
                definitions.define(decl, declaredTypes.get(decl), scope, block.what(), block.owns() == NameKind.DATA);
            }
            scope.define(decl.name());
        } else if (s instanceof Stmt.Sample sample) {
            if (block.owns() != NameKind.LOCAL) {
                diagnostics.error(sample.pos(), "a ~ statement belongs in the model block, not in '" + block.name() + "'");
            } else {
                samples.checkModel(sample, scope);
            }
        } else if (s instanceof Stmt.TargetAdd target) {
            if (block.owns() != NameKind.LOCAL) {
                diagnostics.error(target.pos(), "target += belongs in the model block, not in '" + block.name() + "'");
            } else {
                typer.type(target.value(), scope); // any shape: the value is summed
            }
        } else if (s instanceof Stmt.Assign assign) {
            assign(assign, scope);
        } else if (s instanceof Stmt.If branching) {
            condition(branching.condition(), scope, "an if's");
            branching.then().forEach(t -> statement(t, scope));
            branching.otherwise().forEach(t -> statement(t, scope));
        } else if (s instanceof Stmt.For loop) {
            loop(loop, scope);
        } else if (s instanceof Stmt.While loop) {
            condition(loop.condition(), scope, "a while loop's");
            knownFromData(loop.condition(), "a while loop's condition");
            inLoop(loop.body(), scope);
        } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            if (loopDepth == 0) {
                String word = s instanceof Stmt.Break ? "break" : "continue";
                diagnostics.error(s.pos(), word + " is only allowed inside a for or while loop");
            }
        } else if (s instanceof Stmt.Block local) {
            local.body().forEach(t -> statement(t, scope));
        } else if (s instanceof Stmt.Print print) {
            for (Object item : print.items()) {
                if (item instanceof Expr e) {
                    typer.type(e, scope);
                }
            }
        } else if (s instanceof Stmt.Return ret) {
            returned(ret, scope);
        } else if (s instanceof Stmt.Call call) {
            callStatement(call, scope);
        }
    }

    /** A return: only in a function, with a value of its result type, or with none in a void one. */
    private void returned(Stmt.Return ret, Scope scope) {
        FunctionSignature f = block.function();
        if (f == null) {
            diagnostics.error(ret.pos(), "return is only allowed inside a function");
            return;
        }
        if (ret.value() == null) {
            if (f.result() != null) {
                diagnostics.error(ret.pos(), "function '" + f.name() + "' returns " + f.result() + ": 'return' needs a value");
            }
            return;
        }
        Type type = typer.type(ret.value(), scope);
        if (f.result() == null) {
            diagnostics.error(ExprStart.of(ret.value()), "function '" + f.name() + "' is void: it returns no value, so"
                    + " write 'return;'");
        } else if (!type.isError() && !UserFunctions.fits(type, f.result())) {
            diagnostics.error(ExprStart.of(ret.value()), "function '" + f.name() + "' returns " + f.result() + ", but '"
                    + ExprText.of(ret.value()) + "' is " + type);
        }
    }

    /** {@code f(args);}: a void user-defined function's call. */
    private void callStatement(Stmt.Call statement, Scope scope) {
        Expr.Call call = statement.call();
        FunctionSignature f = typer.function(call.function());
        if (f == null || f.result() != null) {
            String what = f == null ? "'" + call.function() + "' is not a user-defined function" : "'" + call.function()
                    + "' returns " + f.result() + "; use its value (assign it or add it to target)";
            diagnostics.error(call.pos(), what + "; a call on its own is for void user-defined functions");
            call.args().forEach(a -> typer.type(a, scope));
            return;
        }
        List<Type> args = call.args().stream().map(a -> typer.type(a, scope)).toList();
        String problem = UserFunctions.argumentProblem(f, args);
        if (problem != null) {
            diagnostics.error(call.pos(), problem);
        }
    }

    private void inLoop(List<Stmt> body, Scope scope) {
        loopDepth++;
        body.forEach(t -> statement(t, scope));
        loopDepth--;
    }

    private void loop(Stmt.For loop, Scope scope) {
        Decl variable = loop.variable();
        loopVariables.add(variable);
        if (loop.overElements()) {
            Type container = typer.type(loop.lower(), scope);
            Type element = container.isError() ? Type.ERROR : elementOf(container);
            if (element == null) {
                diagnostics.error(ExprStart.of(loop.lower()), "a for loop over elements needs an array, vector or matrix, got "
                        + container);
                element = Type.ERROR;
            }
            declaredTypes.put(variable, element);
            symbols.resolve(variable, element);
        } else {
            bound(loop.lower(), scope);
            bound(loop.upper(), scope);
            knownFromData(loop.lower(), "a for loop's bounds");
            knownFromData(loop.upper(), "a for loop's bounds");
        }
        scope.define(variable.name());
        inLoop(loop.body(), scope);
    }

    /** Loops are unrolled before the fit, so how often one runs must not depend on a parameter. */
    private void knownFromData(Expr e, String what) {
        List<String> latents = dependencies.latentsOf(e);
        if (!latents.isEmpty()) {
            diagnostics.error(ExprStart.of(e), what + " must be known from the data, but '" + ExprText.of(e)
                    + "' depends on parameter '" + Names.shown(latents.get(0)) + "' (vmc unrolls loops before the fit);"
                    + " use an if inside a loop over data-known bounds instead");
        }
    }

    /** What a for loop over a container's elements gives each time: an array's element, or a number. */
    private static Type elementOf(Type container) {
        if (container.isArray()) {
            return new Type(container.element(), container.container(),
                    container.arrayDims().subList(1, container.arrayDims().size()), container.dims());
        }
        return container.isScalar() ? null : Type.REAL;
    }

    private void bound(Expr bound, Scope scope) {
        Type type = typer.type(bound, scope);
        if (!type.isError() && (!type.isInt() || !type.isScalar())) {
            diagnostics.error(ExprStart.of(bound), "a for loop's bounds must be ints, one number each, got " + type);
        }
    }

    /** An if's or a while's condition: one number, an int or a real, as in Stan (a comparison gives an int). */
    private void condition(Expr condition, Scope scope, String whose) {
        Type type = typer.type(condition, scope);
        if (!type.isError() && !type.isScalar()) {
            diagnostics.error(ExprStart.of(condition), whose + " condition must be one number (a comparison gives one), got "
                    + type);
        }
    }

    private void assign(Stmt.Assign assign, Scope scope) {
        Symbol symbol = symbols.get(assign.name());
        String shown = Names.shown(assign.name());
        if (symbol != null && block.readOnly().contains(symbol.decl())) {
            diagnostics.error(assign.namePos(), "function argument '" + shown + "' is read-only (as in Stan); copy it to a"
                    + " local and assign that");
            return;
        }
        if (symbol != null && loopVariables.contains(symbol.decl())) {
            diagnostics.error(assign.namePos(), "loop variable '" + shown + "' is read-only; assign a variable of its own");
            return;
        }
        if (symbol != null && (symbol.kind() != block.owns() || block.dataBlock().contains(symbol.decl()))) {
            diagnostics.error(assign.namePos(), "cannot assign to " + symbol.kind().description() + " '" + shown
                    + "': it belongs to the " + owner(symbol, block.dataBlock()) + " block; the '" + block.name()
                    + "' block may assign only the variables it declares");
            return;
        }
        Type target = typer.type(assign.target(), scope);
        Expr value = assign.op().equals("=") ? assign.value() : new Expr.Binary(assign.pos(), assign.op(), assign.target(),
                assign.value());
        Type type = typer.type(value, scope);
        if (target.isError() || type.isError()) {
            return;
        }
        boolean elementFits = !target.isInt() || type.isInt();
        if (!elementFits || !type.sameShapeAs(target)) {
            String what = assign.op().equals("=") ? "the value assigned" : "'" + ExprText.of(value) + "'";
            diagnostics.error(ExprStart.of(assign.value()), "cannot assign " + type + " to '" + ExprText.of(assign.target())
                    + "', which is " + target + " (" + what + " must be " + target
                    + (target.isInt() ? ": a real does not become an int" : "") + ")");
        }
    }

    private static String owner(Symbol symbol, Set<Decl> dataBlock) {
        return switch (symbol.kind()) {
            case DATA -> dataBlock.contains(symbol.decl()) ? "data" : "transformed data";
            case PARAM -> "params";
            case LATENT -> "parameters";
            case DERIVED -> "transformed parameters";
            case LOCAL -> "model";
            case GENERATED -> "generated quantities";
            case GUIDE_PARAM, GUIDE_LOCAL -> "guide";
            case FUNCTION -> "functions";
        };
    }
}
