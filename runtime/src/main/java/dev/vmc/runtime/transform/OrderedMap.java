package dev.vmc.runtime.transform;

/**
 * Stan's ordered and positive_ordered vectors of size K from K free values: the first value is
 * y_1 (exp(y_1) when positive), each later one the previous plus exp(y_k), so the values
 * increase strictly. The Jacobian is triangular with diagonal 1 (or exp(y_1)) then exp(y_k), so
 * log |det| is the sum of y_2 .. y_K (of every y_k when positive).
 */
final class OrderedMap implements BlockMap {
    private final int size;
    private final boolean positive;

    OrderedMap(int size, boolean positive) {
        this.size = size;
        this.positive = positive;
    }

    public String describe() {
        return positive ? "cumulative sums of exp" : "a first value and cumulative sums of exp";
    }

    public int freeSize() {
        return size;
    }

    public int size() {
        return size;
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        double previous = 0;
        for (int i = 0; i < size; i++) {
            double step = i == 0 && !positive ? y[yOff] : Math.exp(y[yOff + i]);
            previous = i == 0 ? step : previous + step;
            x[xOff + i] = previous;
        }
    }

    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < size; i++) {
            y[yOff + i] = i == 0 ? (positive ? Math.log(x[xOff]) : x[xOff]) : Math.log(x[xOff + i] - x[xOff + i - 1]);
        }
    }

    public double logAbsDet(double[] y, int yOff) {
        double acc = 0;
        for (int i = positive ? 0 : 1; i < size; i++) {
            acc += y[yOff + i];
        }
        return acc;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        for (int i = positive ? 0 : 1; i < size; i++) {
            gy[yOff + i] += upstream;
        }
    }

    /** y_k moves x_k and every later value alike, so its gradient is its step's slope times the sum of gx from k on. */
    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        double after = 0;
        for (int i = size - 1; i >= 0; i--) {
            after += gx[xOff + i];
            gy[yOff + i] += i == 0 && !positive ? after : after * Math.exp(y[yOff + i]);
        }
    }

    public String outside(double[] x, int xOff) {
        for (int i = 0; i < size; i++) {
            double v = x[xOff + i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return "element " + (i + 1) + " is " + v;
            }
            if (i == 0 && positive && !(v > 0)) {
                return "element 1 is " + Bijections.format(v) + ", not positive";
            }
            if (i > 0 && !(v > x[xOff + i - 1])) {
                return "element " + (i + 1) + " (" + Bijections.format(v) + ") is not greater than element " + i
                        + " (" + Bijections.format(x[xOff + i - 1]) + ")";
            }
        }
        return null;
    }
}
