package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.BinaryChain;
import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.OdeFunctions;
import dev.vmc.compiler.check.DeclaredValues;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.check.Type;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Binary;
import dev.vmc.runtime.graph.CumulativeSum;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.graph.Repeat;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.graph.Select;
import dev.vmc.runtime.graph.Stack;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.graph.Transpose;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.nn.Mlp;
import dev.vmc.runtime.nn.Network;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked expression into graph nodes. The checker has already ruled out every
 * ill-typed case, so this only chooses the op: for {@code *} that means scalar scaling or a
 * matrix product, decided by the operands' ranks.
 */
final class ExpressionLowering {
    private final Graph graph;
    private final Map<String, Node> names;
    private final Map<String, Network> networks;
    /** Whether network weights are held constant: a written guide's log q (sticking the landing). */
    private final boolean holdNetworks;
    /**
     * Reads an element of a container a statement builds element by element, or null where it
     * cannot (see {@link StatementInterpreter}); null for expressions outside statements.
     */
    private java.util.function.Function<Expr.Index, Node> elementReads = i -> null;
    /** User-defined functions' bodies, for the ODE solvers' right-hand sides. */
    private final FunctionBodies functions;
    private final ExpressionTypes types;

    /** Expressions apart from a checked program: literals, sizes, tests. */
    ExpressionLowering(Graph graph, Map<String, Node> names, Map<String, Network> networks) {
        this(graph, names, networks, false, FunctionBodies.NONE, ExpressionTypes.NONE);
    }

    /**
     * @param types the checker's types of the expressions lowered, read where a vector and a
     *              row_vector mean different things (both are rank 1 at run time)
     */
    ExpressionLowering(Graph graph, Map<String, Node> names, Map<String, Network> networks, boolean holdNetworks,
            FunctionBodies functions, ExpressionTypes types) {
        this.graph = graph;
        this.names = names;
        this.networks = networks;
        this.holdNetworks = holdNetworks;
        this.functions = functions;
        this.types = types;
    }

    void readElementsWith(java.util.function.Function<Expr.Index, Node> reads) {
        this.elementReads = reads;
    }

    Node lower(Expr e) {
        // Java 17 has no pattern switch on sealed types yet: an instanceof chain does the same.
        if (e instanceof Expr.Num n) {
            return graph.constant(n.value());
        } else if (e instanceof Expr.Var v) {
            return lookup(v.name());
        } else if (e instanceof Expr.Unary u) {
            return switch (u.op()) {
                case "-" -> graph.neg(lower(u.operand()));
                case "!" -> graph.apply(Unary.NOT, lower(u.operand()));
                default -> lower(u.operand());
            };
        } else if (e instanceof Expr.Binary top) {
            // A sum of any length, in a loop along its left edge (see BinaryChain).
            Node result = lower(BinaryChain.first(top));
            for (Expr.Binary b : BinaryChain.of(top)) {
                result = binary(b, result, lower(b.right()));
            }
            return result;
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Index i) {
            return index(i);
        } else if (e instanceof Expr.Transpose t) {
            Node operand = lower(t.operand());
            // a vector and a row_vector are the same values at run time
            return operand.rank() == 1 ? operand : graph.apply(Transpose.INSTANCE, operand);
        } else if (e instanceof Expr.Literal l) {
            return graph.apply(Stack.INSTANCE, l.elements().stream().map(this::lower).toArray(Node[]::new));
        } else if (e instanceof Expr.Conditional c) {
            return graph.apply(Select.INSTANCE, lower(c.condition()), lower(c.then()), lower(c.otherwise()));
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private Node lookup(String name) {
        Node node = names.get(name);
        if (node == null) {
            throw new IllegalStateException("checker let an undefined name through: " + name);
        }
        return node;
    }

    private Node binary(Expr.Binary b, Node left, Node right) {
        String op = b.op();
        return switch (op) {
            case "+" -> graph.add(left, right);
            case "-" -> graph.sub(left, right);
            case ".*" -> graph.mul(left, right);
            case "/", "./" -> graph.div(left, right);
            case "^" -> graph.pow(left, right);
            case "*" -> product(b, left, right);
            case "<" -> graph.apply(Binary.LESS, left, right);
            case "<=" -> graph.apply(Binary.LESS_EQUAL, left, right);
            case ">" -> graph.apply(Binary.GREATER, left, right);
            case ">=" -> graph.apply(Binary.GREATER_EQUAL, left, right);
            case "==" -> graph.apply(Binary.EQUAL, left, right);
            case "!=" -> graph.apply(Binary.NOT_EQUAL, left, right);
            case "&&" -> graph.apply(Binary.AND, left, right);
            case "||" -> graph.apply(Binary.OR, left, right);
            case "%" -> graph.apply(Binary.MODULUS, left, right);
            case "%/%" -> graph.apply(Binary.INT_DIVIDE, left, right);
            default -> throw new IllegalStateException("unknown operator " + op);
        };
    }

    /**
     * {@code *} by the operands' ranks: a scaling, a row_vector times a matrix (m' v), or a product
     * with a matrix on the left. Two rank-1 operands are a row_vector times a vector (a dot
     * product) or a vector times a row_vector (the outer product, a matrix); vectors and
     * row_vectors are alike at run time, so the checker's type of the product tells which.
     */
    private Node product(Expr.Binary b, Node left, Node right) {
        if (left.rank() == 0 || right.rank() == 0) {
            return graph.mul(left, right);
        }
        if (left.rank() == 1 && right.rank() == 1) {
            return types.typeOf(b).container() == Type.Container.MATRIX ? LinearAlgebraLowering.outer(graph, left, right)
                    : graph.sum(graph.mul(left, right));
        }
        if (left.rank() == 1) {
            return graph.matmul(graph.apply(Transpose.INSTANCE, right), left);
        }
        return graph.matmul(left, right);
    }

    private Node call(Expr.Call c) {
        if (functions.defines(c.function())) {
            return functions.lower(c.function(), graph, c.args().stream().map(this::lower).toList());
        }
        if (DensityCalls.isDensityCall(c.function())) {
            return densityCall(c, DensityCalls.parse(c.function()).orElseThrow());
        }
        if (c.function().endsWith("_rng")) {
            return draw(c);
        }
        if (OdeFunctions.isSolver(c.function())) {
            return new OdeLowering(graph, this::lower, this::dataValue, functions).call(c);
        }
        Network network = networks.get(c.function());
        if (network != null) {
            return networkCall(network, lower(c.args().get(0)));
        }
        Builtins.Builtin f = Builtins.lookup(c.function(), c.args().size())
                .orElseThrow(() -> new IllegalStateException("checker let an unknown function through: " + c.function()));
        if (f.kind() == Builtins.Kind.LINEAR_ALGEBRA) {
            return LinearAlgebraLowering.call(graph, f.name(), c.args().stream().map(this::lower).toList(),
                    k -> types.typeOf(c.args().get(k)));
        }
        Node first = lower(c.args().get(0));
        return switch (f.kind()) {
            case ELEMENTWISE -> graph.apply(f.unary(), first);
            case ELEMENTWISE_BINARY -> graph.apply(f.binary(), first, lower(c.args().get(1)));
            case DOT_PRODUCT -> graph.sum(graph.mul(first, lower(c.args().get(1))));
            case REPEAT -> repeated(c, first);
            case REDUCTION -> switch (f.name()) {
                case "sum" -> graph.sum(first);
                case "mean" -> graph.div(graph.sum(first), graph.constant(first.modelSize()));
                case "log_sum_exp" -> graph.apply(Reduce.LOG_SUM_EXP, first);
                case "prod" -> graph.apply(Reduce.PROD, first);
                case "max" -> graph.apply(Reduce.MAX, first);
                case "min" -> graph.apply(Reduce.MIN, first);
                case "variance" -> variance(first);
                case "sd" -> graph.apply(Unary.SQRT, variance(first));
                default -> throw new IllegalStateException("unknown reduction " + f.name());
            };
            case TERNARY -> {
                Node second = lower(c.args().get(1));
                Node third = lower(c.args().get(2));
                yield f.name().equals("fma") ? graph.add(graph.mul(first, second), third) : logMix(first, second, third);
            }
            case CUMULATIVE -> graph.apply(CumulativeSum.INSTANCE, first);
            case SLICE -> slice(c, first);
            case RESHAPE -> refilled(c, first);
            case LINEAR_ALGEBRA -> throw new IllegalStateException("lowered above");
        };
    }

    /**
     * The sample variance, with Stan's N - 1 denominator, from the deviations about the mean
     * rather than from the mean of squares, which cancels when the mean is large. One element
     * has variance 0, as in Stan.
     */
    private Node variance(Node x) {
        int n = x.modelSize();
        if (n == 1) {
            return graph.constant(0);
        }
        Node mean = graph.div(graph.sum(x), graph.constant(n));
        return graph.div(graph.sum(graph.apply(Unary.SQUARE, graph.sub(x, mean))), graph.constant(n - 1));
    }

    /** log(theta exp(lp1) + (1 - theta) exp(lp2)) as log_sum_exp(log theta + lp1, log1m theta + lp2), which never overflows. */
    private Node logMix(Node theta, Node lp1, Node lp2) {
        return graph.apply(Binary.LOG_SUM_EXP, graph.add(graph.log(theta), lp1),
                graph.add(graph.apply(Unary.LOG1M, theta), lp2));
    }

    /**
     * head, tail and segment: a run of consecutive elements, its size and start from the data.
     * A run past either end is the data's fault, reported as a shape that does not fit.
     */
    private Node slice(Expr.Call c, Node vector) {
        int length = vector.shape[0];
        int size = dataSize(c, c.args().get(c.args().size() - 1));
        // in doubles, so that a start far outside an int is reported rather than wrapped
        double offset = switch (c.function()) {
            case "head" -> 0;
            case "tail" -> length - size;
            default -> dataValue(c.args().get(1)) - 1;
        };
        if (size > length) {
            throw new ShapeException(ExprText.of(c) + " takes " + size + " elements of a vector of " + length);
        }
        if (offset < 0 || offset + size > length) {
            throw new ShapeException(ExprText.of(c) + " takes elements " + DeclaredValues.number(offset + 1) + " to "
                    + DeclaredValues.number(offset + size) + " of a vector of " + length);
        }
        return graph.apply(new Take((int) offset, new int[] {size}), vector);
    }

    /**
     * {@code d_lpdf(y | args)} and its kin, summed over y's elements with the distribution's own
     * fused kernels; {@code d_cdf} is the exponential of the summed log CDF, the product of the
     * elements' CDFs, as in Stan.
     */
    private Node densityCall(Expr.Call c, DensityCalls.Name name) {
        Distribution d = Distributions.get(name.distribution());
        Node variate = lower(c.args().get(0));
        List<Node> parameters = c.args().subList(1, c.args().size()).stream().map(this::lower).toList();
        return switch (name.kind()) {
            case LOG_DENSITY -> d.logDensity(graph, variate, parameters);
            case LOG_CDF -> d.logCumulative(graph, variate, parameters, false);
            case LOG_CCDF -> d.logCumulative(graph, variate, parameters, true);
            case CDF -> graph.apply(Unary.EXP, d.logCumulative(graph, variate, parameters, false));
        };
    }

    /** {@code d_rng(args)}: a fresh draw from d of the arguments' broadcast shape (the checker allows it in generated quantities only). */
    private Node draw(Expr.Call c) {
        String name = c.function();
        var d = dev.vmc.runtime.dist.Distributions.get(name.substring(0, name.length() - "_rng".length()));
        java.util.List<Node> args = c.args().stream().map(this::lower).toList();
        int[][] shapes = args.stream().map(a -> a.shape).toArray(int[][]::new);
        return d.sample(graph, args, dev.vmc.runtime.graph.Broadcast.shape(shapes));
    }

    /**
     * A network's output: its weights are one parameter, made by the first call in the graph and
     * shared by the rest (the model's and the guide's). A held call of data alone is the live
     * call with its gradient stopped, so the network runs once; a held call of anything else runs
     * the network again on held weights, so gradients still reach its input.
     */
    private Node networkCall(Network network, Node input) {
        Node weights = graph.parameterNamed(network.name());
        if (weights == null) {
            // String.hashCode is specified, so the start is the same on every JVM.
            weights = graph.parameter(network.name(), network.initialParameters(network.name().hashCode()));
        }
        if (!holdNetworks) {
            return live(network, input, weights);
        }
        if (input.op instanceof Leaf.Batch || input.op instanceof Leaf.Constant) {
            return graph.stopGradient(live(network, input, weights));
        }
        return graph.apply(new Mlp(network), input, graph.stopGradient(weights));
    }

    /** The live call, made once per input. */
    private Node live(Network network, Node input, Node weights) {
        for (Node node : graph.nodes()) {
            if (node.op instanceof Mlp m && m.network().equals(network) && node.inputs.get(0) == input) {
                return node;
            }
        }
        return graph.apply(new Mlp(network), input, weights);
    }

    /** rep_vector(x, K) and its kin: K copies of x; rep_matrix(x, M, N)'s M N copies as an M x N matrix. */
    private Node repeated(Expr.Call c, Node value) {
        if (c.function().equals("rep_matrix") && c.args().size() == 2) {
            return copies(c, value);
        }
        if (c.args().size() == 2) {
            return graph.apply(new Repeat(dataSize(c, c.args().get(1))), value);
        }
        int rows = dataSize(c, c.args().get(1));
        int columns = dataSize(c, c.args().get(2));
        long count = (long) rows * columns;
        if (count > Integer.MAX_VALUE) {
            throw new ShapeException(ExprText.of(c) + " would have " + count + " elements, more than 2147483647");
        }
        return graph.reshape(graph.apply(new Repeat((int) count), value), rows, columns);
    }

    /**
     * rep_matrix(v, n), n copies of v as columns, is the outer product of v and n ones;
     * rep_matrix(rv, m), m copies as rows, that of m ones and rv. The argument's type (from the
     * checker) tells the two apart: both are rank 1 at run time.
     */
    private Node copies(Expr.Call c, Node vector) {
        Node ones = graph.constant(Tensor.filled(new int[] {dataSize(c, c.args().get(1))}, 1));
        return types.typeOf(c.args().get(0)).container() == Type.Container.ROW_VECTOR
                ? LinearAlgebraLowering.outer(graph, ones, vector) : LinearAlgebraLowering.outer(graph, vector, ones);
    }

    /**
     * to_matrix(x, m, n): x's elements column by column (see {@link LinearAlgebraLowering#columnMajor}),
     * refilled column by column, which is filling the n x m transpose row by row. A count that
     * differs from x's is the data's fault, reported as a shape that does not fit.
     */
    private Node refilled(Expr.Call c, Node x) {
        int rows = dataSize(c, c.args().get(1));
        int columns = dataSize(c, c.args().get(2));
        Node elements = LinearAlgebraLowering.columnMajor(graph, x);
        if ((long) rows * columns != elements.modelSize()) {
            throw new ShapeException(ExprText.of(c) + " makes a matrix of " + (long) rows * columns + " elements from the "
                    + elements.modelSize() + " of " + ExprText.of(c.args().get(0)));
        }
        return graph.apply(Transpose.INSTANCE, graph.reshape(elements, columns, rows));
    }

    /**
     * A size argument of c (rep_vector's, head's), from the data. A negative one is the data's
     * fault, reported as a shape that does not fit, as other data-made sizes are.
     */
    private int dataSize(Expr.Call c, Expr size) {
        double value = dataValue(size);
        String problem = DeclaredValues.size(ExprText.of(c), size, value);
        if (problem != null) {
            throw new ShapeException(problem);
        }
        return (int) value;
    }

    /** An int argument over data and literals (the checker allows nothing else in one), evaluated. */
    double dataValue(Expr e) {
        Double value = Evaluator.scalar(e, knownValues(), types);
        if (value == null) {
            throw new IllegalStateException("checker let a size that needs more than data through: " + ExprText.of(e));
        }
        return value;
    }

    /**
     * {@code x[i, j]} is {@code (x[i])[j]}: a gather from the front per index, which takes
     * indices that vary by particle (an int latent's). A slice, or an int array before the last
     * index, selects along a dimension such gathers cannot reach: its positions are worked out
     * now from the indices' values ({@link IndexPlan}, which the checker made sure are known) and
     * gathered from the flattened value in one go.
     */
    private Node index(Expr.Index i) {
        Node element = elementReads.apply(i);
        if (element != null) {
            return element;
        }
        Node result = lower(i.target());
        boolean planned = i.indices().stream().anyMatch(x -> x instanceof Expr.Slice);
        Node[] indices = new Node[i.indices().size()];
        for (int k = 0; k < indices.length && !planned; k++) {
            indices[k] = lower(i.indices().get(k));
            planned = indices[k].rank() > 0 && k < indices.length - 1;
        }
        if (planned) {
            IndexPlan plan = plan(i, result.shape);
            Node flat = result.rank() == 1 ? result : graph.reshape(result, result.modelSize());
            double[] positions = java.util.Arrays.stream(plan.positions()).asDoubleStream().toArray();
            return graph.apply(Gather.INSTANCE, flat, graph.constant(new Tensor(plan.shape(), positions)));
        }
        for (Node index : indices) {
            result = graph.apply(Gather.INSTANCE, result, graph.sub(index, graph.constant(1)));
        }
        return result;
    }

    /**
     * The elements {@code i} selects from a value of shape {@code target}, its indices evaluated
     * from the data: what reading a slice gathers, and what assigning to one writes.
     *
     * @throws ShapeException where an index is outside its dimension
     */
    IndexPlan plan(Expr.Index i, int[] target) {
        String what = ExprText.of(i);
        java.util.List<IndexPlan.Selection> selections = new java.util.ArrayList<>();
        for (Expr index : i.indices()) {
            if (index instanceof Expr.Slice s) {
                selections.add(new IndexPlan.Range(s.lower() == null ? null : position(s.lower(), what),
                        s.upper() == null ? null : position(s.upper(), what)));
                continue;
            }
            Tensor value = dataTensor(index, what);
            if (value.rank() == 0) {
                selections.add(new IndexPlan.Single(position(value.item(), what)));
            } else {
                int[] positions = new int[value.size()];
                for (int j = 0; j < positions.length; j++) {
                    positions[j] = position(value.data[j], what);
                }
                selections.add(new IndexPlan.Multiple(positions));
            }
        }
        return IndexPlan.of(target, selections, what);
    }

    private int position(Expr e, String what) {
        return position(dataTensor(e, what).item(), what);
    }

    /** An index's value as a position; one far outside an int stays outside every dimension. */
    private static int position(double value, String what) {
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, value));
    }

    /** An index over data and literals, evaluated; the checker lets nothing else beside a slice. */
    private Tensor dataTensor(Expr e, String what) {
        Tensor value = Evaluator.evaluate(e, knownValues(), types);
        if (value == null) {
            throw new ShapeException(what + ": an index beside a slice or an int array must be known before the fit, but "
                    + ExprText.of(e) + " is not");
        }
        return value;
    }

    /** The values of the names that are constants (data, and what is computed from data alone). */
    private Map<String, Tensor> knownValues() {
        Map<String, Tensor> known = new LinkedHashMap<>();
        names.forEach((name, node) -> {
            if (node.op instanceof Leaf.Constant constant) {
                known.put(name, constant.value());
            }
        });
        return known;
    }
}
