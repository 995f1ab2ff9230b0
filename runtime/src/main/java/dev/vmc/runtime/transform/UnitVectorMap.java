package dev.vmc.runtime.transform;

/**
 * Stan's unit_vector of size K: x = y / |y| from K free values. The map is not one to one (every
 * y on a ray gives the same x), so, as Stan does, the term added in place of a log-Jacobian is
 * -y'y / 2: it makes y standard normal a priori, which leaves x uniform on the sphere and keeps
 * |y| away from 0 and infinity.
 */
final class UnitVectorMap implements BlockMap {
    private final int size;

    UnitVectorMap(int size) {
        this.size = size;
    }

    public String describe() {
        return "y / |y|";
    }

    public int freeSize() {
        return size;
    }

    public int size() {
        return size;
    }

    private double norm(double[] y, int yOff) {
        double ss = 0;
        for (int i = 0; i < size; i++) {
            ss += y[yOff + i] * y[yOff + i];
        }
        return Math.sqrt(ss);
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        double r = norm(y, yOff);
        for (int i = 0; i < size; i++) {
            x[xOff + i] = y[yOff + i] / r;
        }
    }

    /** The point of the sphere itself: the y of norm 1 on x's ray. */
    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        System.arraycopy(x, xOff, y, yOff, size);
    }

    public double logAbsDet(double[] y, int yOff) {
        double r = norm(y, yOff);
        return -0.5 * r * r;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        for (int i = 0; i < size; i++) {
            gy[yOff + i] -= upstream * y[yOff + i];
        }
    }

    /** dx/dy = (I - x x') / |y|. */
    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        double r = norm(y, yOff);
        double along = 0;
        for (int i = 0; i < size; i++) {
            along += x[xOff + i] * gx[xOff + i];
        }
        for (int i = 0; i < size; i++) {
            gy[yOff + i] += (gx[xOff + i] - x[xOff + i] * along) / r;
        }
    }

    public String outside(double[] x, int xOff) {
        double ss = 0;
        for (int i = 0; i < size; i++) {
            ss += x[xOff + i] * x[xOff + i];
        }
        return Math.abs(ss - 1) > 1e-8 ? "its squared norm is " + ss + ", not 1" : null;
    }
}
