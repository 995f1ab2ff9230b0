package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** Elementwise functions of two broadcast arguments, each with its partial derivatives. */
public enum Binary implements Op {
    ADD {
        double f(double a, double b) { return a + b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return 1; }
    },
    SUB {
        double f(double a, double b) { return a - b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { return -1; }
    },
    MUL {
        double f(double a, double b) { return a * b; }
        double da(double a, double b, double y) { return b; }
        double db(double a, double b, double y) { return a; }
    },
    DIV {
        double f(double a, double b) { return a / b; }
        double da(double a, double b, double y) { return 1 / b; }
        double db(double a, double b, double y) { return -y / b; }
    },
    POW {
        double f(double a, double b) { return Math.pow(a, b); }
        double da(double a, double b, double y) { return b == 0 ? 0 : b * Math.pow(a, b - 1); }
        double db(double a, double b, double y) { return y == 0 ? 0 : y * Math.log(a); }
    },
    // Stan's comparisons and logic give 1 or 0, and integer division whole numbers: flat between
    // their jumps, so no gradient passes.
    LESS {
        double f(double a, double b) { return a < b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    LESS_EQUAL {
        double f(double a, double b) { return a <= b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    GREATER {
        double f(double a, double b) { return a > b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    GREATER_EQUAL {
        double f(double a, double b) { return a >= b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    EQUAL {
        double f(double a, double b) { return a == b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    NOT_EQUAL {
        double f(double a, double b) { return a != b ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    AND {
        double f(double a, double b) { return a != 0 && b != 0 ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    OR {
        double f(double a, double b) { return a != 0 || b != 0 ? 1 : 0; }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    /** C's remainder, with the dividend's sign, as Stan's int % int: a - trunc(a / b) b, whose slopes hold between jumps. */
    MODULUS {
        double f(double a, double b) { return a % b; }
        double da(double a, double b, double y) { return 1; }
        double db(double a, double b, double y) { double q = a / b; return -(q < 0 ? Math.ceil(q) : Math.floor(q)); }
    },
    /** Stan's %/%: the quotient truncated toward zero. */
    INT_DIVIDE {
        double f(double a, double b) { double q = a / b; return q < 0 ? Math.ceil(q) : Math.floor(q); }
        double da(double a, double b, double y) { return 0; }
        double db(double a, double b, double y) { return 0; }
    },
    /** log(exp(a) + exp(b)) */
    LOG_SUM_EXP {
        double f(double a, double b) {
            double m = Math.max(a, b);
            return m == Double.NEGATIVE_INFINITY ? m : m + Math.log(Math.exp(a - m) + Math.exp(b - m));
        }
        double da(double a, double b, double y) { return Math.exp(a - y); }
        double db(double a, double b, double y) { return Math.exp(b - y); }
    },
    /** log(exp(a) - exp(b)), for a >= b; see {@link Special#logDiffExp}. */
    LOG_DIFF_EXP {
        double f(double a, double b) { return Special.logDiffExp(a, b); }
        double da(double a, double b, double y) { return -1 / Math.expm1(b - a); }
        double db(double a, double b, double y) { return -1 / Math.expm1(a - b); }
    },
    /** The positive difference: a - b if a > b, else 0. */
    FDIM {
        double f(double a, double b) { return a > b ? a - b : 0; }
        double da(double a, double b, double y) { return a > b ? 1 : 0; }
        double db(double a, double b, double y) { return a > b ? -1 : 0; }
    },
    /** The smaller, or the one that is a number when the other is NaN (C's fmin); a tie's gradient goes to a. */
    FMIN {
        double f(double a, double b) { return firstKept(a, b, true) ? a : b; }
        double da(double a, double b, double y) { return firstKept(a, b, true) ? 1 : 0; }
        double db(double a, double b, double y) { return firstKept(a, b, true) ? 0 : 1; }
    },
    /** The larger, as FMIN. */
    FMAX {
        double f(double a, double b) { return firstKept(a, b, false) ? a : b; }
        double da(double a, double b, double y) { return firstKept(a, b, false) ? 1 : 0; }
        double db(double a, double b, double y) { return firstKept(a, b, false) ? 0 : 1; }
    },
    /** sqrt(a^2 + b^2) without overflow or underflow on the way. */
    HYPOT {
        double f(double a, double b) { return Math.hypot(a, b); }
        double da(double a, double b, double y) { return a / y; }
        double db(double a, double b, double y) { return b / y; }
    },
    /** log Beta(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b), computed without that cancellation. */
    LBETA {
        double f(double a, double b) { return Beta.logBeta(a, b); }
        double da(double a, double b, double y) { return Gamma.digamma(a) - Gamma.digamma(a + b); }
        double db(double a, double b, double y) { return Gamma.digamma(b) - Gamma.digamma(a + b); }
    };

    /** Whether fmin (smaller) or fmax keeps a: a when b is NaN or a wins or ties. */
    private static boolean firstKept(double a, double b, boolean smaller) {
        return Double.isNaN(b) || (smaller ? a <= b : a >= b);
    }

    abstract double f(double a, double b);

    abstract double da(double a, double b, double y);

    abstract double db(double a, double b, double y);

    @Override
    public String toString() {
        return name().toLowerCase();
    }

    /** The program's own spelling: '+' rather than "add". */
    @Override
    public String describe() {
        return switch (this) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case POW -> "^";
            case LESS -> "<";
            case LESS_EQUAL -> "<=";
            case GREATER -> ">";
            case GREATER_EQUAL -> ">=";
            case EQUAL -> "==";
            case NOT_EQUAL -> "!=";
            case AND -> "&&";
            case OR -> "||";
            case MODULUS -> "%";
            case INT_DIVIDE -> "%/%";
            default -> toString();
        };
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return Broadcast.shape(inputShapes[0], inputShapes[1]);
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        Binary fn = this;
        int[] mapA = Broadcast.indexMap(inputs[0], output);
        int[] mapB = Broadcast.indexMap(inputs[1], output);
        // a scalar operand (alpha in alpha + X * beta) gets its gradient as one sum per particle
        int runA = inputs[0].modelSize() == 1 ? output.modelSize() : 0;
        int runB = inputs[1].modelSize() == 1 ? output.modelSize() : 0;
        return new Kernel() {
            // +, - and * get loops of their own: a call through fn in the loop cannot be
            // inlined (every op shares it), which made them ten times slower per element.
            public void forward(Tensor[] in, Tensor out) {
                double[] a = in[0].data;
                double[] b = in[1].data;
                double[] y = out.data;
                switch (fn) {
                    case ADD -> {
                        for (int i = 0; i < y.length; i++) {
                            y[i] = a[Broadcast.at(mapA, i)] + b[Broadcast.at(mapB, i)];
                        }
                    }
                    case SUB -> {
                        for (int i = 0; i < y.length; i++) {
                            y[i] = a[Broadcast.at(mapA, i)] - b[Broadcast.at(mapB, i)];
                        }
                    }
                    case MUL -> {
                        for (int i = 0; i < y.length; i++) {
                            y[i] = a[Broadcast.at(mapA, i)] * b[Broadcast.at(mapB, i)];
                        }
                    }
                    default -> {
                        for (int i = 0; i < y.length; i++) {
                            y[i] = fn.f(a[Broadcast.at(mapA, i)], b[Broadcast.at(mapB, i)]);
                        }
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] g = gOut.data;
                if (fn == ADD || fn == SUB) {
                    accumulate(gIn[0], mapA, runA, g, 1);
                    accumulate(gIn[1], mapB, runB, g, fn == ADD ? 1 : -1);
                    return;
                }
                double[] a = in[0].data;
                double[] b = in[1].data;
                double[] y = out.data;
                double[] ga = gIn[0] == null ? null : gIn[0].data;
                double[] gb = gIn[1] == null ? null : gIn[1].data;
                if (fn == MUL) {
                    for (int i = 0; i < y.length; i++) {
                        int ia = Broadcast.at(mapA, i);
                        int ib = Broadcast.at(mapB, i);
                        if (ga != null) {
                            ga[ia] += g[i] * b[ib];
                        }
                        if (gb != null) {
                            gb[ib] += g[i] * a[ia];
                        }
                    }
                    return;
                }
                for (int i = 0; i < y.length; i++) {
                    int ia = Broadcast.at(mapA, i);
                    int ib = Broadcast.at(mapB, i);
                    if (ga != null) {
                        ga[ia] += g[i] * fn.da(a[ia], b[ib], y[i]);
                    }
                    if (gb != null) {
                        gb[ib] += g[i] * fn.db(a[ia], b[ib], y[i]);
                    }
                }
            }
        };
    }

    /**
     * into[map[i]] += sign * g[i]: the gradient of a sum, reduced over broadcast dimensions.
     * For a scalar operand (run > 0: every run of that many elements of g reads one element)
     * each run is summed in a local, in the same order, rather than through memory.
     */
    private static void accumulate(Tensor into, int[] map, int run, double[] g, double sign) {
        if (into == null) {
            return;
        }
        double[] target = into.data;
        if (run > 0 && map != null) {
            for (int from = 0; from < g.length; from += run) {
                int to = map[from];
                double acc = target[to];
                for (int i = from; i < from + run; i++) {
                    acc += sign * g[i];
                }
                target[to] = acc;
            }
            return;
        }
        for (int i = 0; i < g.length; i++) {
            target[Broadcast.at(map, i)] += sign * g[i];
        }
    }
}
