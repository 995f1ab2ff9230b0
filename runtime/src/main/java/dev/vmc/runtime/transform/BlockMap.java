package dev.vmc.runtime.transform;

/**
 * A bijection that maps a whole block of a latent at once (a vector for a simplex or an
 * ordered vector, a matrix for a Cholesky factor), not element by element: the free values of
 * one block to its constrained values, which may be more (a simplex's sum is fixed; a
 * Cholesky factor's upper triangle is zero). A latent declared as an array of such blocks is
 * mapped block by block, and the graph's ops call these methods per block and per particle
 * on runs inside larger arrays, without copying or allocating.
 */
interface BlockMap {
    /** How the map is described in a guide's plan: "stick-breaking". */
    String describe();

    /** Free values per block. */
    int freeSize();

    /** Constrained values per block (the product of the block's shape). */
    int size();

    /** x[xOff .. xOff + size()) from y[yOff .. yOff + freeSize()). */
    void constrain(double[] y, int yOff, double[] x, int xOff);

    /** y from a block x in the support's interior; the caller has checked it with {@link #outside}. */
    void unconstrain(double[] x, int xOff, double[] y, int yOff);

    /** log |det| of the Jacobian of the map from y to the block's free coordinates. */
    double logAbsDet(double[] y, int yOff);

    /** Adds upstream * d logAbsDet / d y into gy[yOff ..]. */
    void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy);

    /** Adds gx' dx/dy into gy[yOff ..], given the forward output x (gx and x at xOff). */
    void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy);

    /**
     * The map a graph kernel uses: this one, or for a map that keeps scratch arrays a copy of
     * its own, so that executors on several threads never share them.
     */
    default BlockMap forKernel() {
        return this;
    }

    /** Why block x is not in the support (naming the 0-based offending element), or null if it is. */
    String outside(double[] x, int xOff);
}
