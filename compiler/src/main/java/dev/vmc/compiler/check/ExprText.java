package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.BinaryChain;
import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import java.util.List;
import java.util.stream.Collectors;

/** An expression written back as source text, for messages such as "violates <upper=J>". */
public final class ExprText {
    private ExprText() {}

    public static String of(Expr expr) {
        return write(expr, 0);
    }

    /** A declared type as written: {@code array[N] int<lower=0>}, {@code vector<lower=0>[J]}. */
    public static String of(TypeExpr type) {
        String text = type.base().keyword() + StaticBounds.written(type) + (type.dims().isEmpty() ? "" : bracketed(type.dims()));
        return type.arrayDims().isEmpty() ? text : "array" + bracketed(type.arrayDims()) + " " + text;
    }

    /** The type without its constraint, as a shape: {@code vector[J]}. */
    public static String shapeOf(TypeExpr type) {
        String text = type.base().keyword() + (type.dims().isEmpty() ? "" : bracketed(type.dims()));
        return type.arrayDims().isEmpty() ? text : "array" + bracketed(type.arrayDims()) + " " + text;
    }

    private static String bracketed(List<Expr> sizes) {
        return sizes.stream().map(ExprText::of).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Binding strength, loosest first; a sub-expression looser than its context is parenthesised. */
    private static int precedence(Expr expr) {
        if (expr instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "||" -> -3;
                case "&&" -> -2;
                case "==", "!=" -> -1;
                case "<", "<=", ">", ">=" -> 0;
                case "+", "-" -> 1;
                case "^" -> 4;
                default -> 2;
            };
        }
        if (expr instanceof Expr.Unary) {
            return 3;
        }
        if (expr instanceof Expr.Conditional) {
            return -4;
        }
        return 5;
    }

    /** A sum or product of any length, written in a loop along its left edge (see {@link BinaryChain}). */
    private static String chain(Expr.Binary top) {
        StringBuilder text = new StringBuilder();
        Expr left = BinaryChain.first(top);
        text.append(write(left, 0));
        for (Expr.Binary b : BinaryChain.of(top)) {
            int p = precedence(b);
            boolean rightAssociative = b.op().equals("^");
            if (precedence(left) < (rightAssociative ? p + 1 : p)) {
                text.insert(0, '(').append(')');
            }
            text.append(p == 4 ? "^" : " " + b.op() + " ").append(write(b.right(), rightAssociative ? p : p + 1));
            left = b;
        }
        return text.toString();
    }

    /** A call's arguments in parentheses, a distribution's variate set off by Stan's bar: normal_lpdf(y | mu, sigma). */
    private static String arguments(Expr.Call c) {
        List<String> args = c.args().stream().map(a -> write(a, 0)).toList();
        if (DensityCalls.isDensityCall(c.function()) && args.size() > 1) {
            return "(" + args.get(0) + " | " + String.join(", ", args.subList(1, args.size())) + ")";
        }
        return "(" + String.join(", ", args) + ")";
    }

    private static String write(Expr expr, int context) {
        String text;
        if (expr instanceof Expr.Num n) {
            text = n.isInteger() ? Long.toString((long) n.value()) : Double.toString(n.value());
        } else if (expr instanceof Expr.Var v) {
            text = dev.vmc.compiler.ast.Names.shown(v.name()); // as written: a nested k.2 is k
        } else if (expr instanceof Expr.Unary u) {
            text = u.op() + write(u.operand(), 3);
        } else if (expr instanceof Expr.Binary top) {
            text = chain(top);
        } else if (expr instanceof Expr.Call c) {
            text = c.function() + arguments(c);
        } else if (expr instanceof Expr.Index i) {
            text = write(i.target(), 5) + i.indices().stream().map(a -> write(a, 0)).collect(Collectors.joining(", ", "[", "]"));
        } else if (expr instanceof Expr.Literal l) {
            text = l.elements().stream().map(a -> write(a, 0)).collect(Collectors.joining(", ", l.array() ? "{" : "[",
                    l.array() ? "}" : "]"));
        } else if (expr instanceof Expr.Slice s) {
            text = (s.lower() == null ? "" : write(s.lower(), 0)) + ":" + (s.upper() == null ? "" : write(s.upper(), 0));
        } else if (expr instanceof Expr.Conditional c) {
            text = write(c.condition(), -3) + " ? " + write(c.then(), -3) + " : " + write(c.otherwise(), -4);
        } else {
            text = write(((Expr.Transpose) expr).operand(), 5) + "'";
        }
        return precedence(expr) < context ? "(" + text + ")" : text;
    }
}
