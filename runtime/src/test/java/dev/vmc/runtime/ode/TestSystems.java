package dev.vmc.runtime.ode;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Stack;
import dev.vmc.runtime.graph.Take;

/** Right-hand sides with known answers, written in Java and as graphs. */
final class TestSystems {
    private TestSystems() {}

    /** y' = -k y, theta = {k}, written as a graph. */
    static GraphRightHandSide decay() {
        Graph g = new Graph();
        Node t = g.input("t");
        Node y = g.input("y", 1);
        Node theta = g.input("theta", 1);
        return new GraphRightHandSide(g, t, y, theta, g.neg(g.mul(theta, y)));
    }

    /** y1' = -a y1 + b y2, y2' = -c y2, theta = {a, b, c}, written as a graph. */
    static GraphRightHandSide linear() {
        Graph g = new Graph();
        Node t = g.input("t");
        Node y = g.input("y", 2);
        Node theta = g.input("theta", 3);
        Node y1 = g.apply(new Take(0, new int[0]), y);
        Node y2 = g.apply(new Take(1, new int[0]), y);
        Node a = g.apply(new Take(0, new int[0]), theta);
        Node b = g.apply(new Take(1, new int[0]), theta);
        Node c = g.apply(new Take(2, new int[0]), theta);
        Node f1 = g.add(g.neg(g.mul(a, y1)), g.mul(b, y2));
        Node f2 = g.neg(g.mul(c, y2));
        return new GraphRightHandSide(g, t, y, theta, g.apply(Stack.INSTANCE, f1, f2));
    }

    /** The closed form of {@link #linear}: y(t) for y0 and theta = {a, b, c}, a != c. */
    static double[] linearSolution(double t, double[] y0, double[] theta) {
        double a = theta[0];
        double b = theta[1];
        double c = theta[2];
        double y2 = y0[1] * Math.exp(-c * t);
        double y1 = y0[0] * Math.exp(-a * t) + b * y0[1] * (Math.exp(-c * t) - Math.exp(-a * t)) / (a - c);
        return new double[] {y1, y2};
    }

    /** Lotka-Volterra as posteriordb's lotka_volterra.stan writes it: theta = {alpha, beta, gamma, delta}. */
    static final class LotkaVolterra implements OdeSystem {
        public int states() {
            return 2;
        }

        public int parameters() {
            return 4;
        }

        public void derivative(double t, double[] z, double[] theta, double[] out) {
            double u = z[0];
            double v = z[1];
            out[0] = (theta[0] - theta[1] * v) * u;
            out[1] = (-theta[2] + theta[3] * u) * v;
        }

        public void jacobians(double t, double[] z, double[] theta, double[] out, double[] dfdy, double[] dfdtheta) {
            derivative(t, z, theta, out);
            double u = z[0];
            double v = z[1];
            dfdy[0] = theta[0] - theta[1] * v;
            dfdy[1] = -theta[1] * u;
            dfdy[2] = theta[3] * v;
            dfdy[3] = -theta[2] + theta[3] * u;
            java.util.Arrays.fill(dfdtheta, 0.0);
            dfdtheta[0] = u;
            dfdtheta[1] = -v * u;
            dfdtheta[4 + 2] = -v;
            dfdtheta[4 + 3] = u * v;
        }
    }

    /** Lotka-Volterra written as a graph, to compare with the Java one. */
    static GraphRightHandSide lotkaVolterraGraph() {
        Graph g = new Graph();
        Node t = g.input("t");
        Node z = g.input("z", 2);
        Node theta = g.input("theta", 4);
        Node u = g.apply(new Take(0, new int[0]), z);
        Node v = g.apply(new Take(1, new int[0]), z);
        Node[] p = new Node[4];
        for (int i = 0; i < 4; i++) {
            p[i] = g.apply(new Take(i, new int[0]), theta);
        }
        Node du = g.mul(g.sub(p[0], g.mul(p[1], v)), u);
        Node dv = g.mul(g.add(g.neg(p[2]), g.mul(p[3], u)), v);
        return new GraphRightHandSide(g, t, z, theta, g.apply(Stack.INSTANCE, du, dv));
    }

    /** posteriordb's hudson_lynx_hare times, and parameters near its posterior mean. */
    static final double[] LV_TIMES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    static final double[] LV_THETA = {0.55, 0.028, 0.80, 0.024};
    static final double[] LV_Z0 = {33.9, 5.9};
}
