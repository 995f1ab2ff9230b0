package dev.vmc.runtime.transform;

/** The unit simplex of size K by {@link StickBreaking}, K - 1 free values. */
final class SimplexMap implements BlockMap {
    private final int free;

    SimplexMap(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a simplex is one non-empty vector, not of size " + size);
        }
        this.free = size - 1;
    }

    public String describe() {
        return "stick-breaking";
    }

    public int freeSize() {
        return free;
    }

    public int size() {
        return free + 1;
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        StickBreaking.constrain(y, yOff, x, xOff, free);
    }

    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        StickBreaking.unconstrain(x, xOff, y, yOff, free);
    }

    public double logAbsDet(double[] y, int yOff) {
        return StickBreaking.logAbsDet(y, yOff, free);
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        StickBreaking.addLogAbsDetGradient(y, yOff, free, upstream, gy);
    }

    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        StickBreaking.addConstrainGradient(y, yOff, x, gx, xOff, gy, free);
    }

    public String outside(double[] x, int xOff) {
        double sum = 0;
        for (int i = 0; i <= free; i++) {
            if (!(x[xOff + i] > 0)) {
                return "element " + (i + 1) + " is " + Bijections.format(x[xOff + i]) + ", not strictly positive";
            }
            sum += x[xOff + i];
        }
        return Math.abs(sum - 1) > 1e-8 ? "its elements sum to " + sum + ", not 1" : null;
    }
}
