package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * log (1/S) sum_s exp(x_s), elementwise across the S particles: the importance-weighted bound's
 * average of the weights, per datum (Burda, Grosse and Salakhutdinov 2016). Its gradient gives
 * each particle its normalised weight, as the bound's estimator does.
 */
public enum ParticleLogMeanExp implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "log mean exp over particles";
    }

    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        return false;
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int width = output.size();
        int particles = inputs[0].batched() ? inputs[0].particles() : 1;
        double[] column = new double[particles];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                for (int i = 0; i < width; i++) {
                    for (int s = 0; s < particles; s++) {
                        column[s] = x[s * width + i];
                    }
                    out.data[i] = Special.logSumExp(column, 0, particles) - Math.log(particles);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] x = in[0].data;
                for (int i = 0; i < width; i++) {
                    double g = gOut.data[i];
                    for (int s = 0; s < particles; s++) {
                        gIn[0].data[s * width + i] += g * Math.exp(x[s * width + i] - out.data[i]) / particles;
                    }
                }
            }
        };
    }
}
